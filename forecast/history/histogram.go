package history

import "math"

// Histogram is a fixed log-spaced histogram of positive durations in
// seconds, for quantiles in constant memory. Bin k ≥ 1 holds values in
// [10^((k−1)/PerDecade), 10^(k/PerDecade)) seconds from 1 s to 10^Decades
// s; bin 0 holds values below 1 s and the last bin those above.
//
// Resolution: with 100 bins a decade a bin spans a factor 10^0.01 ≈ 1.023,
// and a quantile is reported as the bin's geometric midpoint, so it is
// within ±1.2 % of the exact sample quantile (values below 1 s report 0.5
// s). The mean and count are exact.
type Histogram struct {
	bins [histBins]uint64
	n    uint64
	sum  float64
}

const (
	histPerDecade = 100
	histDecades   = 7 // up to 10^7 s ≈ 116 days
	histBins      = histPerDecade*histDecades + 2
)

// Add records a value in seconds; negative, NaN and infinite values are ignored.
func (h *Histogram) Add(sec float64) {
	if !(sec >= 0) || math.IsInf(sec, 0) {
		return
	}
	k := 0
	if sec >= 1 {
		k = 1 + int(math.Log10(sec)*histPerDecade)
		if k >= histBins {
			k = histBins - 1
		}
	}
	h.bins[k]++
	h.n++
	h.sum += sec
}

// Count returns the number of values recorded.
func (h *Histogram) Count() int { return int(h.n) }

// Mean returns the exact mean, 0 when empty.
func (h *Histogram) Mean() float64 {
	if h.n == 0 {
		return 0
	}
	return h.sum / float64(h.n)
}

// Quantile returns the q-quantile (0 ≤ q ≤ 1) to the histogram's
// resolution: the midpoint of the bin holding the ⌈q·n⌉-th smallest value.
func (h *Histogram) Quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := uint64(math.Ceil(q * float64(h.n)))
	if rank < 1 {
		rank = 1
	}
	var seen uint64
	for k, c := range h.bins {
		seen += c
		if seen >= rank {
			if k == 0 {
				return 0.5
			}
			return math.Pow(10, (float64(k)-0.5)/histPerDecade)
		}
	}
	return math.Pow(10, histDecades)
}
