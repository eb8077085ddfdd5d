package roster

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const hoursTol = 1e-6 // paid hours: sums of whole and half hours

// lpTol is how far below the exact LP value the computed bound may lie:
// every right-hand side is relaxed by at most 2e-5 agents (perturb), which
// moves the optimum by at most that times the row's dual: 3 rows with
// duals of 8 paid hours per agent-interval (odd cycle), or 336 rows with
// duals of about half an hour (flat week), under 5e-3 either way.
const lpTol = 5e-3

// nearBound reports whether got is the LP value want, up to the
// perturbation (never above it: the bound stays valid).
func nearBound(got, want float64) bool { return got <= want+1e-9 && got >= want-lpTol }

func monday(t *testing.T) time.Time {
	t.Helper()
	return time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) // a Monday
}

// TestLPBoundOddCycle checks the LP bound on a case solved by hand.
//
// One day in three 8-hour intervals (00–08, 08–16, 16–24), one agent
// needed in each. Three 16-hour shifts start at 00:00, 08:00 and 16:00;
// the last runs past midnight and wraps round to 00–08 (the day repeats).
// Each shift covers two intervals, so the shifts form an odd cycle:
//
//	x_a + x_c ≥ 1 (00–08),  x_a + x_b ≥ 1 (08–16),  x_b + x_c ≥ 1 (16–24).
//
// Adding the three rows gives 2(x_a + x_b + x_c) ≥ 3, so the paid hours
// 16(x_a + x_b + x_c) ≥ 24, reached at x = (½, ½, ½): the LP bound is 24 h.
// Any integer roster needs two agents (one agent covers two intervals, so
// one is not enough): 32 h, a gap of 8/24 = 33⅓ %.
func TestLPBoundOddCycle(t *testing.T) {
	t.Parallel()
	tmpl := func(start int) Template {
		return Template{Name: "long", Start: time.Duration(start) * time.Hour, Length: 16 * time.Hour, Weeks: []Week{EveryDay}}
	}
	p := &Problem{Start: monday(t), Interval: 8 * time.Hour, Required: []float64{1, 1, 1},
		Templates: []Template{tmpl(0), tmpl(8), tmpl(16)}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Bound != WeekLP || !nearBound(r.LowerBound, 24) {
		t.Errorf("bound %v %v, want lp 24", r.Bound, r.LowerBound)
	}
	if r.PaidHours != 32 || r.Agents != 2 || len(r.Short) != 0 {
		t.Errorf("roster: %v paid hours, %d agents, %d short; want 32, 2, 0", r.PaidHours, r.Agents, len(r.Short))
	}
	if g := r.Gap(); math.Abs(g-1.0/3) > 1e-4 {
		t.Errorf("gap %v, want 1/3", g)
	}
}

// TestSingleInterval: three agents needed in one half-hour of one day.
// Three agents on the one 8-hour shift that covers it are the optimum and
// the LP bound alike: 3 × 8 h = 24 h.
func TestSingleInterval(t *testing.T) {
	t.Parallel()
	req := make([]float64, 48)
	req[20] = 3 // 10:00–10:30
	p := &Problem{Start: monday(t), Interval: 30 * time.Minute, Required: req, Templates: []Template{
		{Name: "early", Start: 6 * time.Hour, Length: 8 * time.Hour, Weeks: Patterns(5, true)},
		{Name: "late", Start: 14 * time.Hour, Length: 8 * time.Hour, Weeks: Patterns(5, true)},
	}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.PaidHours != 24 || !nearBound(r.LowerBound, 24) || r.Agents != 3 || len(r.Short) != 0 {
		t.Fatalf("got %v paid, bound %v, %d agents, %d short; want 24, 24, 3, 0", r.PaidHours, r.LowerBound, r.Agents, len(r.Short))
	}
	if len(r.Shifts) != 1 || r.Shifts[0].Start != 6*time.Hour || !r.Shifts[0].Week.Has(time.Monday) {
		t.Errorf("shifts %+v, want one early shift working Monday", r.Shifts)
	}
	if r.Staffed[20] != 3 || r.Staffed[11] != 0 || r.Staffed[12] != 3 {
		t.Errorf("staffed 05:30 %v, 06:00 %v, 10:00 %v; want 0, 3, 3", r.Staffed[11], r.Staffed[12], r.Staffed[20])
	}
}

// TestFlat247: five agents needed round the clock for a week, 8-hour
// shifts at 06:00, 14:00 and 22:00, five days a week with two consecutive
// days off. One agent on each of the seven day-off rotations puts exactly
// five on every day (each day is off in two rotations), so 3 starts × 7
// agents × 40 h = 840 h = 5 agents × 168 h: no overstaffing, inefficiency
// 1, and the LP bound is the same. The 22:00 shift on Sunday wraps into
// Monday 00:00–06:00.
func TestFlat247(t *testing.T) {
	t.Parallel()
	req := make([]float64, 7*48)
	for i := range req {
		req[i] = 5
	}
	var ts []Template
	for _, s := range []int{6, 14, 22} {
		ts = append(ts, Template{Name: "shift", Start: time.Duration(s) * time.Hour, Length: 8 * time.Hour, Weeks: Patterns(5, true)})
	}
	p := &Problem{Start: monday(t), Interval: 30 * time.Minute, Required: req, Templates: ts}
	// The day-by-day bound (the week's LP has 336 rows: 15 s) is exact
	// here: every day is the same.
	r, err := Solve(context.Background(), p, Options{DayBound: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Short) != 0 || math.Abs(r.PaidHours-840) > hoursTol || r.Agents != 21 {
		t.Errorf("got %v paid hours, %d agents, %d short; want 840, 21, 0", r.PaidHours, r.Agents, len(r.Short))
	}
	if r.Bound != DayLP || !nearBound(r.LowerBound, 840) || math.Abs(r.Inefficiency()-1) > 1e-9 {
		t.Errorf("bound %v, inefficiency %v; want 840, 1", r.LowerBound, r.Inefficiency())
	}
	for i, s := range r.Staffed {
		if math.Abs(s-5) > 1e-9 {
			t.Fatalf("interval %d staffed %v, want 5", i, s)
		}
	}
}

// TestInfeasibleTemplates: demand at night that no template reaches, and
// a headcount too small for the day: the roster still comes back, with the
// intervals left short and by how much.
func TestInfeasibleTemplates(t *testing.T) {
	t.Parallel()
	req := make([]float64, 48)
	req[4] = 2 // 02:00, no template reaches it
	for i := 20; i < 24; i++ {
		req[i] = 4 // 10:00–12:00
	}
	p := &Problem{Start: monday(t), Interval: 30 * time.Minute, Required: req,
		Templates: []Template{{Name: "day", Start: 9 * time.Hour, Length: 8 * time.Hour, Weeks: []Week{EveryDay}}},
		Limits:    Limits{Agents: 3}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Agents != 3 || r.PaidHours != 24 {
		t.Errorf("got %d agents, %v paid; want the whole headcount, 3 and 24", r.Agents, r.PaidHours)
	}
	want := map[int]float64{4: 2, 20: 1, 21: 1, 22: 1, 23: 1}
	if len(r.Short) != len(want) {
		t.Fatalf("short %+v, want intervals %v", r.Short, want)
	}
	for _, s := range r.Short {
		if math.Abs(s.Short()-want[s.Interval]) > 1e-9 {
			t.Errorf("interval %d short %v, want %v", s.Interval, s.Short(), want[s.Interval])
		}
	}
	if h := r.ShortHours(p.Interval); math.Abs(h-3) > 1e-9 {
		t.Errorf("short hours %v, want 3 (6 agent-intervals of 30m)", h)
	}
}

// TestBreaksReduceCoverage: a 15-minute break counts half an agent in its
// half-hour; an unpaid break is not paid.
func TestBreaksReduceCoverage(t *testing.T) {
	t.Parallel()
	req := make([]float64, 48)
	for i := 18; i < 34; i++ { // 09:00–17:00
		req[i] = 1
	}
	tm := Template{Name: "day", Start: 9 * time.Hour, Length: 8 * time.Hour, Weeks: []Week{EveryDay},
		Breaks: []Break{{After: 2 * time.Hour, Length: 15 * time.Minute}, {After: 4 * time.Hour, Length: 30 * time.Minute, Unpaid: true}}}
	p := &Problem{Start: monday(t), Interval: 30 * time.Minute, Required: req, Templates: []Template{tm}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// One agent staffs 11:00–11:30 for half of it (0.5 < 1 needed); a
	// second one on the same template lifts it to 2 × 0.5 = 1. Nobody can
	// cover 13:00–13:30, when both are on their unpaid lunch: 1 short.
	if r.Agents != 2 || r.PaidHours != 15 {
		t.Errorf("agents %d, paid %v; want 2 and 15", r.Agents, r.PaidHours)
	}
	if got := r.Shifts[0].PaidHours; got != 7.5 {
		t.Errorf("paid per agent %v, want 7.5 (8 h less an unpaid 30 m)", got)
	}
	if r.Staffed[22] != 1 || r.Staffed[26] != 0 || r.Staffed[21] != 2 {
		t.Errorf("staffed 10:30 %v, 11:00 %v, 13:00 %v; want 2, 1, 0", r.Staffed[21], r.Staffed[22], r.Staffed[26])
	}
	if len(r.Short) != 1 || r.Short[0].Interval != 26 || r.Short[0].Short() != 1 {
		t.Errorf("short %+v: want 13:00 short by 1", r.Short)
	}
}

func TestLimits(t *testing.T) {
	t.Parallel()
	start, req := weekRequirement(12)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates(),
		Limits: Limits{PartTime: 0.2}}
	r, err := Solve(context.Background(), p, Options{Moves: 50_000, DayBound: true})
	if err != nil {
		t.Fatal(err)
	}
	pt := 0
	for _, s := range r.Shifts {
		if s.PartTime {
			pt += s.Agents
		}
	}
	if float64(pt) > 0.2*float64(r.Agents)+1e-9 {
		t.Errorf("%d part-timers of %d agents, want ≤ 20 %%", pt, r.Agents)
	}
	if len(r.Short) != 0 {
		t.Errorf("short %v", r.Short)
	}
	p.Limits = Limits{Agents: r.Agents - 3}
	r2, err := Solve(context.Background(), p, Options{Moves: 50_000, DayBound: true})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Agents > r.Agents-3 {
		t.Errorf("%d agents, want ≤ %d", r2.Agents, r.Agents-3)
	}
}

// TestWeekGap is the acceptance case: 7 days × 48 half-hours, 98
// templates; the roster must be within 5 % of the lower bound.
func TestWeekGap(t *testing.T) {
	if testing.Short() {
		t.Skip("solves a week")
	}
	t.Parallel()
	start, req := weekRequirement(40)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates()}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Short) != 0 {
		t.Errorf("%d intervals short", len(r.Short))
	}
	if g := r.Gap(); g > 0.05 || g < 0 || r.Bound != WeekLP {
		t.Errorf("gap %.2f %% (paid %v, bound %v by %v), want within 5 %% of the week's LP", 100*g, r.PaidHours, r.LowerBound, r.Bound)
	}
	// Shifts are weekly patterns: one start per agent all week, days off.
	for _, s := range r.Shifts {
		if s.Week.Len() > 5 {
			t.Errorf("shift %q works %d days", s.Name, s.Week.Len())
		}
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	ok := Template{Name: "t", Start: 9 * time.Hour, Length: 8 * time.Hour, Weeks: []Week{EveryDay}}
	cases := []struct {
		name string
		edit func(p *Problem)
		want string
	}{
		{"interval", func(p *Problem) { p.Interval = 7 * time.Minute }, "divide 24h"},
		{"empty", func(p *Problem) { p.Required = nil }, "no intervals"},
		{"nan", func(p *Problem) { p.Required[1] = math.NaN() }, "finite"},
		{"negative", func(p *Problem) { p.Required[1] = -1 }, "≥ 0"},
		{"no templates", func(p *Problem) { p.Templates = nil }, "no shift templates"},
		{"start", func(p *Problem) { p.Templates[0].Start = 25 * time.Hour }, "start"},
		{"length", func(p *Problem) { p.Templates[0].Length = 0 }, "length"},
		{"weeks", func(p *Problem) { p.Templates[0].Weeks = []Week{0} }, "no day"},
		{"break outside", func(p *Problem) {
			p.Templates[0].Breaks = []Break{{After: 8 * time.Hour, Length: time.Hour}}
		}, "inside"},
		{"min>max", func(p *Problem) { p.Templates[0].Min, p.Templates[0].Max = 3, 2 }, "exceeds"},
		{"part-time", func(p *Problem) { p.Limits.PartTime = 1.5 }, "part-time"},
	}
	for _, c := range cases {
		p := &Problem{Start: monday(t), Interval: 30 * time.Minute, Required: make([]float64, 48), Templates: []Template{ok}}
		c.edit(p)
		_, err := Solve(context.Background(), p, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestPatterns(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		n           int
		consecutive bool
		want        int
	}{{5, true, 7}, {5, false, 21}, {4, true, 7}, {6, false, 7}, {7, true, 1}, {0, true, 0}, {2, false, 21}} {
		got := Patterns(c.n, c.consecutive)
		if len(got) != c.want {
			t.Errorf("Patterns(%d, %v): %d, want %d", c.n, c.consecutive, len(got), c.want)
		}
		for _, w := range got {
			if w.Len() != c.n {
				t.Errorf("Patterns(%d): %v has %d days", c.n, w, w.Len())
			}
		}
	}
	if w := Patterns(5, true)[0]; w.String() != "wed,thu,fri,sat,sun" {
		t.Errorf("first 5-day pattern %v, want Monday and Tuesday off", w)
	}
}

func TestFormatLength(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{8 * time.Hour: "8h", 8*time.Hour + 30*time.Minute: "8h30m", 45 * time.Minute: "45m", 10 * time.Hour: "10h"} {
		if got := FormatLength(d); got != want {
			t.Errorf("FormatLength(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestDemandVaryingByDay: a low-volume desk whose requirement differs
// from day to day (testdata/roster/requirements-247.csv, from
// testdata/volumes_sample.csv by "staffsim requirements --sl 80/20s
// --shrinkage 30%"), open round the clock while the templates start
// 06:00–14:00. The day-by-day bound is far too weak here (each day would
// choose its own starts); the week's LP is needed for the gap. The night
// intervals no template reaches are listed short. It also guards against
// the simplex stalling: an unperturbed day LP of this file never ended.
func TestDemandVaryingByDay(t *testing.T) {
	if testing.Short() {
		t.Skip("solves a week")
	}
	t.Parallel()
	req, err := ReadRequirements(filepath.Join("..", "..", "testdata", "roster", "requirements-247.csv"), nil)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := ReadShifts(filepath.Join("..", "..", "testdata", "roster", "shifts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := &Problem{Start: req.Start, Interval: req.Interval, Required: req.Scheduled, Templates: sh.Templates, Limits: sh.Limits}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Bound != WeekLP || r.Gap() > 0.05 {
		t.Errorf("gap %.2f %% against the %v bound %.1f, want ≤ 5 %% against the week's LP", 100*r.Gap(), r.Bound, r.LowerBound)
	}
	for _, s := range r.Short {
		if h := s.Start.Hour(); h >= 6 && h < 22 || s.Start.Hour() == 22 && s.Start.Minute() == 0 {
			t.Errorf("interval %v short by %v, though templates reach it", s.Start, s.Short())
		}
	}
	// Day-by-day only: still a valid, weaker bound.
	d, err := Solve(context.Background(), p, Options{DayBound: true, Moves: 20_000})
	if err != nil {
		t.Fatal(err)
	}
	if d.Bound != DayLP || d.LowerBound > r.LowerBound+1e-6 {
		t.Errorf("day bound %v (%v), want DayLP ≤ the week's %v", d.LowerBound, d.Bound, r.LowerBound)
	}
}
