package plan

import (
	"math"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/scenarios/headcount"
)

// Two weeks of hourly forecast in which the second week needs one more
// agent at 09:00 on Mondays: the typical week takes the larger.
func TestTypicalWeekTakesTheBusiestWeek(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 7, 6, 0, 0, 0, 0, time.UTC) // a Monday
	n := 14 * 24
	fc := &forecast.Forecast{Series: forecast.Series{Start: start, Interval: time.Hour, Arrivals: make([]float64, n)}}
	reqs := make([]erlang.Requirement, n)
	for i := range reqs {
		reqs[i].Scheduled, reqs[i].Agents = 2, 1
	}
	reqs[9].Scheduled, reqs[7*24+9].Scheduled = 3, 5 // Mondays 09:00
	reqs[7*24+9].Arrivals = 40
	w := TypicalWeek(fc, reqs, start.AddDate(0, 0, 14))
	if len(w.Scheduled) != 7*24 || !w.Start.Equal(start.AddDate(0, 0, 14)) {
		t.Fatalf("typical week: %d intervals from %v", len(w.Scheduled), w.Start)
	}
	if w.Scheduled[9] != 5 || w.Arrivals[9] != 40 || w.Scheduled[10] != 2 || w.Scheduled[24+9] != 2 {
		t.Errorf("Monday 09:00 = %v (arrivals %v), Monday 10:00 = %v, Tuesday 09:00 = %v; want 5 (40), 2, 2",
			w.Scheduled[9], w.Arrivals[9], w.Scheduled[10], w.Scheduled[24+9])
	}
}

// Two days of history: 4 and 6 contacts at 09:00 → every forecast day has
// 5 at 09:00, with the Poisson band 5 ± 1.2816·√5 at 80 %.
func TestMeanDayForecast(t *testing.T) {
	t.Parallel()
	s := &forecast.Series{Start: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Interval: time.Hour, Arrivals: make([]float64, 48),
		HandleSeconds: make([]float64, 48), Handled: make([]float64, 48)}
	s.Arrivals[9], s.Arrivals[24+9] = 4, 6
	s.HandleSeconds[9], s.Handled[9] = 4*300, 4
	s.HandleSeconds[24+9], s.Handled[24+9] = 6*200, 6
	fc := meanDayForecast(s, 72, 0.8)
	if !fc.Start.Equal(s.End()) || fc.Len() != 72 || fc.Method != MeanDayMethod || len(fc.Notes) == 0 {
		t.Fatalf("forecast %v × %d by %q", fc.Start, fc.Len(), fc.Method)
	}
	const z80 = 1.2815515655446004 // standard normal quantile of 0.9
	for d := range 3 {
		i := 24*d + 9
		if fc.Arrivals[i] != 5 || math.Abs(fc.Upper[i]-(5+z80*math.Sqrt(5))) > 1e-9 || math.Abs(fc.Lower[i]-(5-z80*math.Sqrt(5))) > 1e-9 {
			t.Errorf("day %d 09:00: %v [%v, %v]", d, fc.Arrivals[i], fc.Lower[i], fc.Upper[i])
		}
		if fc.AHTSeconds[i] != 240 { // (1200 + 1200) / 10
			t.Errorf("day %d 09:00: AHT %v, want 240", d, fc.AHTSeconds[i])
		}
		if fc.Arrivals[i+1] != 0 || fc.Upper[i+1] != 0 {
			t.Errorf("day %d 10:00: %v, want 0", d, fc.Arrivals[i+1])
		}
	}
	if got := meanAHT(fc); got != 240 {
		t.Errorf("meanAHT = %v, want 240", got)
	}
}

func TestMergeCurvesFindsTheSmallestAgain(t *testing.T) {
	t.Parallel()
	p := func(agents int, pm float64) headcount.Point { return headcount.Point{Agents: agents, PMeet: pm} }
	a := []headcount.Curve{{Case: headcount.Case{Name: "f"}, Points: []headcount.Point{p(10, 0.95), p(12, 1)}, Smallest: 0}}
	b := []headcount.Curve{{Case: headcount.Case{Name: "f"}, Points: []headcount.Point{p(6, 0.2), p(8, 0.92), p(10, 0.95)}, Smallest: 1}}
	m := mergeCurves(a, b, 0.9)
	if len(m[0].Points) != 4 || m[0].Points[0].Agents != 6 || m[0].Smallest != 1 || m[0].Points[1].Agents != 8 {
		t.Errorf("merged %+v", m[0])
	}
}

func TestPlanCalendarHelpers(t *testing.T) {
	t.Parallel()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	at := time.Date(2026, 3, 26, 14, 30, 0, 0, loc) // a Thursday, before the clocks go forward
	m := FirstMidnight(at)
	if !m.Equal(time.Date(2026, 3, 27, 0, 0, 0, 0, loc)) || !FirstMidnight(m).Equal(m) {
		t.Errorf("FirstMidnight(%v) = %v", at, m)
	}
	if d := wholeDays(m, m.AddDate(0, 0, 7).Add(-time.Minute)); d != 6 {
		t.Errorf("wholeDays over a DST week less a minute = %d, want 6", d)
	}
	if w := sweepWeek(m, 28); w.Weekday() != time.Monday || !w.Equal(time.Date(2026, 3, 30, 0, 0, 0, 0, loc)) {
		t.Errorf("sweepWeek from Friday = %v, want Monday 30 March", w)
	}
	if w := sweepWeek(m, 7); !w.Equal(m) {
		t.Errorf("sweepWeek of a 7-day horizon from Friday = %v, want the start", w)
	}
}
