package capacity

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/plan"
)

// Period is one month of the plan, [Start, End) between local midnights.
// The first period starts today and ends with its calendar month.
type Period struct {
	Start, End time.Time
}

// Days returns the number of calendar days of the period.
func (p Period) Days() int { return dayNumber(p.End) - dayNumber(p.Start) }

// Weeks returns the period's length in weeks (days ÷ 7).
func (p Period) Weeks() float64 { return float64(p.Days()) / 7 }

// Label names the period's month for people: "Mar 2027" (the first
// period may start mid-month).
func (p Period) Label() string { return p.Start.Format("Jan 2006") }

// Months returns n periods from today (a local midnight): the rest of
// today's month, then whole calendar months.
func Months(today time.Time, n int) []Period {
	out := make([]Period, 0, n)
	start := today
	for range n {
		y, m, _ := start.Date()
		end := time.Date(y, m+1, 1, 0, 0, 0, 0, start.Location())
		out = append(out, Period{Start: start, End: end})
		start = end
	}
	return out
}

// Need is one month's demand and the staff it requires.
type Need struct {
	// Level is the month's volume relative to the base weeks (trend,
	// season and events); AHTFactor its AHT relative to the base weeks'.
	// The requirement is sized for the workload Level × AHTFactor at the
	// base AHT.
	Level     float64
	AHTFactor float64
	Events    []string // names of the events that touch the month
	Contacts  float64  // expected contacts over the month
	AHT       time.Duration
	Shrinkage float64
	// PeakAgents and PeakScheduled are Erlang's largest interval
	// requirement of the month's typical week, before and after shrinkage.
	PeakAgents    int
	PeakScheduled int
	// Agents and PaidHoursPerWeek are the roster of the typical week after
	// the simulation check; FTE is its paid hours through headcount.Pay:
	// the productive FTE the month requires.
	Agents           int
	PaidHoursPerWeek float64
	FTE              float64
	// Met says the roster met the SLA in simulation of the typical week.
	Met bool
}

// staffing computes each month's Need from the base weeks.
type staffing struct {
	base  *plan.Result
	opt   *Options
	trend Trend
	// baseLevel is the mean Trend.Level of the base weeks' days;
	// baseAHT their mean AHTLevel.
	baseLevel, baseAHT float64
	// perWeekday is the base weeks' contacts of an ordinary day of each
	// weekday at trend level 1.
	perWeekday [7]float64
	cache      map[[3]float64]Need
	// step is the spacing of the volume levels rostered (LevelStep).
	step float64
}

func newStaffing(base *plan.Result, opt *Options, trend Trend, hol forecast.Holidays) *staffing {
	s := &staffing{base: base, opt: opt, trend: trend, cache: map[[3]float64]Need{}, step: opt.LevelStep}
	var n float64
	var count [7]float64
	for _, d := range dailyTotals(&base.Forecast.Series, hol) {
		l := trend.Level(d.date)
		s.baseLevel += l
		s.baseAHT += trend.AHTLevel(d.date)
		n++
		if !d.holiday {
			s.perWeekday[d.date.Weekday()] += d.arrivals / l
			count[d.date.Weekday()]++
		}
	}
	s.baseLevel /= n
	s.baseAHT /= n
	for w := range 7 {
		if count[w] > 0 {
			s.perWeekday[w] /= count[w]
		}
	}
	return s
}

// demand returns the month's level, AHT factor, events and contacts.
func (s *staffing) demand(p Period, hol forecast.Holidays) (level, aht float64, events []string, contacts float64) {
	var lv, ah float64
	for d := p.Start; d.Before(p.End); d = d.AddDate(0, 0, 1) {
		l := s.trend.Level(d)
		lv += l
		ah += s.trend.AHTLevel(d)
		c := s.perWeekday[d.Weekday()] * l
		if hol.Has(d) {
			c *= s.trend.HolidayFactor
		}
		for _, e := range s.opt.Events {
			if e.covers(d) {
				c *= e.Factor
			}
		}
		contacts += c
	}
	days := float64(p.Days())
	level = lv / days / s.baseLevel
	aht = ah / days / s.baseAHT
	for _, e := range s.opt.Events {
		if e.Touches(p.Start, p.End) {
			level *= e.Factor
			events = append(events, e.Name)
		}
	}
	return level, aht, events, contacts
}

// need sizes a month of volume level × the base weeks', AHT aht × theirs,
// at the given shrinkage, through plan's staffing model.
func (s *staffing) need(ctx context.Context, level, aht, shrinkage float64) (Need, error) {
	key := [3]float64{level, aht, shrinkage}
	if n, ok := s.cache[key]; ok {
		return n, nil
	}
	base := s.base.Forecast
	fc := *base
	fc.Arrivals = scaled(base.Arrivals, level)
	fc.AHTSeconds = scaled(base.AHTSeconds, aht)
	flat := 0.0
	if s.opt.Plan.AHT > 0 {
		flat = s.opt.Plan.AHT.Seconds() * aht
	}
	demand, _, err := erlang.DemandOf(fc.Arrivals, fc.AHTSeconds, flat)
	if err != nil {
		return Need{}, err
	}
	reqs, err := erlang.RequirementsContext(ctx, demand, s.opt.Plan.Targets, erlang.Options{Model: s.opt.Plan.Model, Interval: fc.Interval,
		Patience: s.opt.Plan.Patience.Seconds(), Shrinkage: shrinkage})
	if err != nil {
		if ie, ok := err.(*erlang.IntervalError); ok {
			return Need{}, fmt.Errorf("requirements at %.0f%% of the base volume: interval %s: %v", 100*level, fc.Time(ie.Index).Format(time.RFC3339), ie.Err)
		}
		return Need{}, err
	}
	week := plan.TypicalWeek(&fc, reqs, s.base.SweepAt)
	desk := *s.base.Desk
	desk.Forecast = &fc.Series
	desk.Shrinkage = shrinkage
	desk.AHT = max(time.Second, time.Duration(float64(s.base.AHT)*aht).Round(time.Second))
	_, r, rep, err := plan.StaffWeek(ctx, &desk, week, s.opt.Plan.Templates, s.opt.Plan.Targets)
	if err != nil {
		return Need{}, err
	}
	n := Need{Level: level, AHTFactor: aht, AHT: desk.AHT, Shrinkage: shrinkage, Agents: r.Agents, PaidHoursPerWeek: r.PaidHours,
		FTE: s.pay().Of(r.PaidHours).FTE, Met: rep.Met}
	for i := range week.Agents {
		n.PeakAgents = max(n.PeakAgents, int(week.Agents[i]))
		n.PeakScheduled = max(n.PeakScheduled, int(week.Scheduled[i]))
	}
	s.cache[key] = n
	return n, nil
}

// pay is the one conversion of paid hours to FTE and cost.
func (s *staffing) pay() headcount.Pay {
	return headcount.Pay{HoursPerFTE: s.opt.Plan.HoursPerFTE, Hourly: s.opt.Plan.HourlyCost}
}

// scaled returns xs × f (nil stays nil).
func scaled(xs []float64, f float64) []float64 {
	if xs == nil {
		return nil
	}
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x * f
	}
	return out
}

// point identifies one rostered level: volume k × step, an AHT factor
// and a shrinkage.
type point struct {
	k        int
	aht, shr float64
}

// months sizes months whose volume levels, AHT factors and shrinkages are
// given. Rostering a week takes seconds, so only the levels on a grid of
// LevelStep are rostered — those just below and above each month's level
// — and a month's paid hours are interpolated linearly in volume between
// them (exact on the grid: level 1 is plan's week). A level whose roster
// never passed the simulation check takes the roster of a higher level
// that did, and paid hours are made non-decreasing in volume across the
// grid (more contacts never need fewer people; the check is noisy by an
// agent or two).
func (s *staffing) months(ctx context.Context, levels, ahts, shrs []float64, progress func(done, total int)) ([]Need, error) {
	var pts []point
	seen := map[point]bool{}
	for m, l := range levels {
		lo := int(math.Floor(l/s.step + 1e-9))
		for _, k := range []int{lo, lo + 1} {
			p := point{k, ahts[m], shrs[m]}
			if !seen[p] {
				seen[p] = true
				pts = append(pts, p)
			}
		}
	}
	sort.Slice(pts, func(i, j int) bool {
		a, b := pts[i], pts[j]
		if a.aht != b.aht {
			return a.aht < b.aht
		}
		if a.shr != b.shr {
			return a.shr < b.shr
		}
		return a.k < b.k
	})
	at := map[point]Need{}
	for i, p := range pts {
		n, err := s.need(ctx, math.Round(float64(p.k)*s.step*1e9)/1e9, p.aht, p.shr)
		if err != nil {
			return nil, err
		}
		at[p] = n
		if progress != nil {
			progress(i+1, len(pts))
		}
	}
	// A roster the simulation check never passed is the last one it
	// tried, often far too big; a roster that met the SLA at more volume
	// meets it at less: take the cheapest such, when there is one. Then
	// make paid hours non-decreasing in volume.
	same := func(a, b point) bool { return a.aht == b.aht && a.shr == b.shr }
	for i := len(pts) - 2; i >= 0; i-- {
		n := at[pts[i]]
		for j := i + 1; j < len(pts) && same(pts[i], pts[j]) && !n.Met; j++ {
			if up := at[pts[j]]; up.Met && up.PaidHoursPerWeek < n.PaidHoursPerWeek {
				n.PaidHoursPerWeek, n.FTE, n.Agents, n.Met = up.PaidHoursPerWeek, up.FTE, up.Agents, true
			}
		}
		at[pts[i]] = n
	}
	for i := 1; i < len(pts); i++ {
		if n, prev := at[pts[i]], at[pts[i-1]]; same(pts[i], pts[i-1]) && prev.PaidHoursPerWeek > n.PaidHoursPerWeek {
			n.PaidHoursPerWeek, n.FTE = prev.PaidHoursPerWeek, prev.FTE
			at[pts[i]] = n
		}
	}
	out := make([]Need, len(levels))
	for m, l := range levels {
		lo := int(math.Floor(l/s.step + 1e-9))
		a, b := at[point{lo, ahts[m], shrs[m]}], at[point{lo + 1, ahts[m], shrs[m]}]
		w := l/s.step - float64(lo) // weight of the level above, in [0, 1)
		if w < 1e-9 {
			w = 0
		}
		n := a
		n.Level = l
		n.PaidHoursPerWeek = (1-w)*a.PaidHoursPerWeek + w*b.PaidHoursPerWeek
		n.FTE = s.pay().Of(n.PaidHoursPerWeek).FTE
		n.Agents = int(math.Round((1-w)*float64(a.Agents) + w*float64(b.Agents)))
		if w > 0 {
			n.PeakAgents, n.PeakScheduled = b.PeakAgents, b.PeakScheduled
			n.Met = a.Met && b.Met
		}
		out[m] = n
	}
	return out, nil
}
