package report

import "testing"

// Shares of simulated weeks are written as counts of weeks, so that a few
// replications never claim a percentage they cannot resolve.
func TestWeeksWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		share float64
		n     int
		want  string
	}{
		{1, 20, "all 20 simulated weeks"},
		{0.9, 20, "18 of 20 simulated weeks"},
		{0, 4, "none of the 4 simulated weeks"},
		{0.9, 0, "90% of simulated weeks"},
	} {
		if got := WeeksWords(tc.share, tc.n); got != tc.want {
			t.Errorf("WeeksWords(%v, %d) = %q, want %q", tc.share, tc.n, got, tc.want)
		}
	}
	for _, tc := range []struct {
		conf float64
		n    int
		want string
	}{
		{0.9, 20, "at least 18 of 20 simulated weeks"},
		{0.9, 10, "at least 9 of 10 simulated weeks"},
		{0.9, 9, "all 9 simulated weeks"}, // ⌈8.1⌉ = 9: 9 weeks cannot resolve 90%
		{1, 20, "all 20 simulated weeks"},
		{0.01, 20, "at least 1 of 20 simulated weeks"},
		{0.9, 0, "at least 90% of simulated weeks"},
	} {
		if got := AtLeastWords(tc.conf, tc.n); got != tc.want {
			t.Errorf("AtLeastWords(%v, %d) = %q, want %q", tc.conf, tc.n, got, tc.want)
		}
	}
}
