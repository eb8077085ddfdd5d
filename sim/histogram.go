package sim

import "time"

// WaitBins are the upper edges of the wait-time histogram bins: bin 0 holds
// waits of exactly 0 (answered on arrival), bin i (1 ≤ i < len(WaitBins))
// holds waits in (WaitBins[i−1], WaitBins[i]], and the last bin,
// len(WaitBins), holds waits above the last edge. The edges are the
// targets planners use (10s, 20s, 30s, 1m, ..., 4h, 8h, 1d), roughly
// logarithmic so that phone and ticket queues both read well.
var WaitBins = [...]time.Duration{
	0,
	5 * time.Second, 10 * time.Second, 15 * time.Second, 20 * time.Second, 30 * time.Second,
	45 * time.Second, time.Minute, 90 * time.Second, 2 * time.Minute, 3 * time.Minute,
	5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour,
	2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 24 * time.Hour,
}

// Histogram is the distribution of waits of answered contacts of one
// queue that arrived after warmup, pooled over the replications. Counts[i] is the number
// of waits in bin i as WaitBins describes; len(Counts) == len(WaitBins)+1.
type Histogram struct {
	Counts []int64
}

// Total returns the number of waits counted.
func (h Histogram) Total() int64 {
	var n int64
	for _, c := range h.Counts {
		n += c
	}
	return n
}

// Within returns the share of waits at most WaitBins[i] (0 with no waits).
func (h Histogram) Within(i int) float64 {
	n := h.Total()
	if n == 0 {
		return 0
	}
	var k int64
	for j := 0; j <= i && j < len(h.Counts); j++ {
		k += h.Counts[j]
	}
	return float64(k) / float64(n)
}

// waitBin returns the histogram bin of wait w.
func waitBin(w time.Duration) int {
	// Binary search over 20 sorted edges: at most 5 comparisons.
	lo, hi := 0, len(WaitBins)
	for lo < hi {
		mid := (lo + hi) / 2
		if w <= WaitBins[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
