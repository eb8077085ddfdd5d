package report

import (
	"math"
	"strings"
	"testing"
	"time"
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

// TestMeaningfulOccupancy: no occupancy with fewer than half an agent
// available or nothing offered (issue 12: 100 % with 0.039 agents).
func TestMeaningfulOccupancy(t *testing.T) {
	occ := Estimate{Mean: 1, Low: 1, High: 1, N: 20}
	for _, tc := range []struct {
		agents  Estimate
		offered float64
		defined bool
	}{
		{Estimate{Mean: 0.039, N: 20}, 0, false},
		{Estimate{Mean: 0.039, N: 20}, 3, false},
		{Estimate{Mean: 4, N: 20}, 0, false},
		{Estimate{Mean: 4, N: 20}, 0.2, true},
		{Estimate{Mean: 0.5, N: 20}, 1, true},
	} {
		if got := MeaningfulOccupancy(occ, tc.agents, tc.offered); got.Defined() != tc.defined {
			t.Errorf("agents %v offered %v: defined %v, want %v", tc.agents.Mean, tc.offered, got.Defined(), tc.defined)
		}
	}
}

// TestShownServiceLevel: a night interval where few replications had a
// contact is a gap, not 0 % (issue 12).
func TestShownServiceLevel(t *testing.T) {
	for _, tc := range []struct {
		sl   Estimate
		want float64 // -1: NaN
	}{
		{Estimate{Mean: 0, N: 1}, -1},
		{Estimate{}, -1},
		{Estimate{Mean: 0.9, N: 10}, 0.9},
		{Estimate{Mean: 0.9, N: 9}, -1},
	} {
		got := ShownServiceLevel(tc.sl, 20)
		if (tc.want < 0) != math.IsNaN(got) || (tc.want >= 0 && got != tc.want) {
			t.Errorf("%+v: %v, want %v", tc.sl, got, tc.want)
		}
	}
}

// TestIntegerTicks: an axis of agents is ticked at whole numbers (issue
// 12: 27.50/35.00/42.50).
func TestIntegerTicks(t *testing.T) {
	for _, r := range [][2]float64{{0, 2.5}, {0, 4}, {27.5, 42.5}} {
		for _, tk := range (countTicks{integer: true}).Ticks(r[0], r[1]) {
			if tk.Value != math.Trunc(tk.Value) || strings.Contains(tk.Label, ".") {
				t.Errorf("range %v: tick %v %q is not a whole number", r, tk.Value, tk.Label)
			}
		}
	}
}

// TestWhen: the zone in brackets only when it says more than the
// abbreviation (issue 12: "00:00 UTC (UTC)").
func TestWhen(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		t    time.Time
		zone string
		want string
	}{
		{time.Date(2026, 7, 6, 0, 0, 0, 0, time.UTC), "UTC", "Mon 06 Jul 2026 00:00 UTC"},
		{time.Date(2026, 7, 6, 0, 0, 0, 0, london), "Europe/London", "Mon 06 Jul 2026 00:00 BST (Europe/London)"},
	} {
		if got := when(tc.t, tc.zone); got != tc.want {
			t.Errorf("when(%v, %q) = %q, want %q", tc.t, tc.zone, got, tc.want)
		}
	}
}

// TestPeopleWords: people split by contract, no zero counts.
func TestPeopleWords(t *testing.T) {
	row := func(n int, c string) ShiftRow { return ShiftRow{Agents: n, Contract: c} }
	for _, tc := range []struct {
		rows []ShiftRow
		want string
	}{
		{[]ShiftRow{row(27, "full-time"), row(8, "part-time")}, "27 full-time, 8 part-time"},
		{[]ShiftRow{row(12, "full-time")}, "12 full-time"},
		{[]ShiftRow{row(5, "")}, ""},
	} {
		if got := PeopleWords(&Roster{Rows: tc.rows}); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.rows, got, tc.want)
		}
	}
}
