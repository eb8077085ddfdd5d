package report

import (
	"strings"
	"testing"
)

// TestSeconds: one duration format for tables and reports (issue 12:
// "2m2.8s" and "800ms" in tables). Expected values are the conversions
// 122.8 s = 2 min 2.8 s → 2 min 3 s and 3900 s = 1 h 5 min.
func TestSeconds(t *testing.T) {
	for in, want := range map[float64]string{
		0: "0 s", 0.01: "<0.1 s", 0.8: "0.8 s", 12.34: "12.3 s", 59.96: "1 min", 122.8: "2 min 3 s",
		240: "4 min", 3599.6: "1 h", 3900: "1 h 5 min", 4 * 3600: "4 h",
	} {
		if got := Seconds(in); got != want {
			t.Errorf("Seconds(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestOccupancyWords: a sentence below 50 % and above 90 %, none between.
func TestOccupancyWords(t *testing.T) {
	for _, tc := range []struct {
		occ  float64
		want string
	}{
		{0.10, "Occupancy is low (10%): analysts"},
		{0.5, ""},
		{0.9, ""},
		{0.95, "Occupancy is high (95%)"},
	} {
		got := OccupancyWords(tc.occ, TicketWords)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("OccupancyWords(%v) = %q, want %q", tc.occ, got, tc.want)
		}
	}
}
