package sim

import "hash/fnv"

// Stream purposes. Each (seed, replication, purpose, queue name) gets its
// own PCG stream, so the draws for one purpose never shift when another
// purpose draws more or less (common random numbers).
const (
	purposeArrivals uint64 = iota + 1
	purposeHandle
	purposePatience
	purposeShrinkage
)

// splitmix64 is the SplitMix64 finaliser (Steele, Lea & Flood 2014), a
// bijective mixer used to turn structured seeds into well-spread ones.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// nameKey hashes a queue name (FNV-1a 64) so that streams follow the
// queue's name, not its position in Config.Queues.
func nameKey(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// newSeed returns the PCG seed of the stream for (seed, replication,
// purpose, key).
func newSeed(seed uint64, rep int, purpose, key uint64) [2]uint64 {
	s1 := splitmix64(seed ^ splitmix64(uint64(rep)+0x632be59bd9b4e019))
	s2 := splitmix64(key ^ splitmix64(purpose<<32|uint64(rep)))
	return [2]uint64{s1, s2}
}
