// Package streams keys random streams: every source of randomness in
// staffsim (the simulator's arrivals, handle times, patience and absences,
// capacity's attrition) draws from its own PCG stream, seeded from a
// structured key — (seed, index, purpose, key) — so that adding a queue, a
// class or a replication leaves every other stream's numbers unchanged
// (common random numbers).
package streams

// Mix is the SplitMix64 finaliser (Steele, Lea & Flood 2014, "Fast
// splittable pseudorandom number generators", OOPSLA): a bijective mixer
// that spreads structured keys into well-mixed 64-bit values.
func Mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Seed returns the two PCG seed words of the stream for (seed, index,
// purpose, key): index is a replication or a person, purpose what the
// stream draws, key the queue, class or other owner.
func Seed(seed uint64, index int, purpose, key uint64) [2]uint64 {
	s1 := Mix(seed ^ Mix(uint64(index)+0x632be59bd9b4e019))
	s2 := Mix(key ^ Mix(purpose<<32|uint64(index)))
	return [2]uint64{s1, s2}
}
