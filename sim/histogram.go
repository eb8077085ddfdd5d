package sim

import "time"

// WaitBins are the upper edges of the wait-time histogram bins (see
// Histogram): the targets planners use, roughly logarithmic so that phone
// and ticket queues both read well. Treat it as a constant: every
// Histogram carries its own copy in Edges.
var WaitBins = waitEdges

// waitEdges are the edges the simulator bins by.
var waitEdges = [...]time.Duration{
	0,
	5 * time.Second, 10 * time.Second, 15 * time.Second, 20 * time.Second, 30 * time.Second,
	45 * time.Second, time.Minute, 90 * time.Second, 2 * time.Minute, 3 * time.Minute,
	5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour,
	2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 24 * time.Hour,
}

// Histogram is the distribution of waits of the answered contacts of one
// queue that arrived after warmup, pooled over the replications.
//
// Edges are the upper bin edges: 0, 5s, 10s, 15s, 20s, 30s, 45s, 1m, 90s,
// 2m, 3m, 5m, 10m, 15m, 30m, 1h, 2h, 4h, 8h, 24h. Counts[0] holds the waits
// of exactly 0 (answered on arrival), Counts[i] for 1 ≤ i < len(Edges) the
// waits in (Edges[i−1], Edges[i]], and the last, Counts[len(Edges)], the
// waits above a day.
type Histogram struct {
	Edges  []time.Duration
	Counts []int64
}

func newHistogram() Histogram {
	return Histogram{Edges: append([]time.Duration(nil), waitEdges[:]...), Counts: make([]int64, len(waitEdges)+1)}
}

// Total returns the number of waits counted.
func (h Histogram) Total() int64 {
	var n int64
	for _, c := range h.Counts {
		n += c
	}
	return n
}

// Within returns the share of waits at most d (0 with no waits). It is
// exact when d is one of the Edges; otherwise it counts the bins up to the
// largest edge not above d, so it errs low.
func (h Histogram) Within(d time.Duration) float64 {
	n := h.Total()
	if n == 0 {
		return 0
	}
	var k int64
	for i, e := range h.Edges {
		if e > d || i >= len(h.Counts) {
			break
		}
		k += h.Counts[i]
	}
	return float64(k) / float64(n)
}

// waitBin returns the histogram bin of wait w.
func waitBin(w time.Duration) int {
	// Binary search over 20 sorted edges: at most 5 comparisons.
	lo, hi := 0, len(waitEdges)
	for lo < hi {
		mid := (lo + hi) / 2
		if w <= waitEdges[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
