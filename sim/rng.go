package sim

import (
	"hash/fnv"

	"github.com/staffsim/staffsim/internal/streams"
)

// Stream purposes. Each (seed, replication, purpose, queue name) gets its
// own PCG stream, so the draws for one purpose never shift when another
// purpose draws more or less (common random numbers).
const (
	purposeArrivals uint64 = iota + 1
	purposeHandle
	purposePatience
	purposeShrinkage
	purposeWrapUp
	purposePickUp
	purposeTickets
	purposeNotReady
)

// nameKey hashes a queue name (FNV-1a 64) so that streams follow the
// queue's name, not its position in Config.Queues.
func nameKey(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// newSeed returns the PCG seed of the stream for (seed, replication,
// purpose, key) (streams.Seed).
func newSeed(seed uint64, rep int, purpose, key uint64) [2]uint64 {
	return streams.Seed(seed, rep, purpose, key)
}
