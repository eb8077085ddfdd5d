package headcount

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// WeeksPerYear is the number of weeks in an average Gregorian year.
const WeeksPerYear = 365.2425 / 7

// Case is one volume case of a sweep.
type Case struct {
	Name string // e.g. "forecast", "upper band", "+10% volume"
	// Scale multiplies every queue's volume (0 means 1).
	Scale float64
	// Counts, when not nil, replace the per-interval arrival counts of the
	// queues that have counts: Counts[q] for queue q (nil entries keep the
	// queue's own arrivals). Use it for the forecast's upper band.
	Counts [][]float64
}

// Options configure a sweep.
type Options struct {
	// Factors scale the roster's headcount; 1 is the roster as given.
	// Empty means 0.8, 0.85, …, 1.3.
	Factors []float64
	// Confidence is the probability of meeting every SLA goal that the
	// recommended headcount must reach; 0 means 0.9.
	Confidence float64
	// HoursPerFTE is the contracted hours of one FTE per week; 0 means 37.5.
	HoursPerFTE float64
	// HourlyCost is the cost of one paid agent hour (0: no cost figures).
	HourlyCost float64
	// Sim tunes the simulation runs (workers, progress).
	Sim sim.Options
	// Progress, if set, is called after each point with the number of
	// points done and the total.
	Progress func(done, total int)
}

func (o Options) withDefaults() Options {
	if len(o.Factors) == 0 {
		for f := 0.8; f < 1.3+1e-9; f += 0.05 {
			o.Factors = append(o.Factors, math.Round(f*100)/100)
		}
	}
	if o.Confidence == 0 {
		o.Confidence = 0.9
	}
	if o.HoursPerFTE == 0 {
		o.HoursPerFTE = 37.5
	}
	return o
}

// Point is one headcount of one volume case.
type Point struct {
	Factor float64 // the factor asked for
	Agents int     // headcount of the scaled roster (Σ shift agents)
	Budget         // paid hours per week, FTE and cost (Pay.Of)
	// ServiceLevel, ASA (seconds) and AbandonRate of each queue over the
	// whole period, and of the desk (Total).
	Queues []sim.Metrics
	Total  sim.Metrics
	// PMeet is the share of replications in which every queue's service
	// level over the period reached its goal.
	PMeet float64
}

// Curve is the sweep of one volume case, points in increasing headcount.
type Curve struct {
	Case   Case
	Points []Point
	// Smallest is the index in Points of the smallest headcount whose PMeet
	// reaches the confidence asked for, or −1 when none does.
	Smallest int
}

// Recommended returns the recommended point and true, or the largest point
// and false when no headcount of the sweep reaches the confidence.
func (c Curve) Recommended() (Point, bool) {
	if c.Smallest >= 0 {
		return c.Points[c.Smallest], true
	}
	return c.Points[len(c.Points)-1], false
}

// Sweep simulates base with its roster scaled by every factor, for every
// case, and returns one curve per case. base.Seed is used for every run so
// that points differ only by headcount and volume.
func Sweep(ctx context.Context, base sim.Config, cases []Case, opt Options) ([]Curve, error) {
	opt = opt.withDefaults()
	if len(cases) == 0 {
		cases = []Case{{Name: "forecast"}}
	}
	if err := validate(base, cases, opt); err != nil {
		return nil, err
	}
	headcount := Agents(base.Shifts)
	if headcount == 0 {
		return nil, fmt.Errorf("headcount sweep: the roster has no agents to scale")
	}
	// Distinct headcounts only: two factors that round to the same
	// headcount would simulate the same roster twice.
	type step struct {
		factor float64
		agents int
	}
	var steps []step
	seen := map[int]bool{}
	for _, f := range opt.Factors {
		n := int(math.Round(f * float64(headcount)))
		if n < 1 || seen[n] {
			continue
		}
		seen[n] = true
		steps = append(steps, step{f, n})
	}
	sort.Slice(steps, func(i, j int) bool { return steps[i].agents < steps[j].agents })
	total, done := len(steps)*len(cases), 0
	curves := make([]Curve, 0, len(cases))
	for _, c := range cases {
		curve := Curve{Case: c, Smallest: -1}
		for _, s := range steps {
			cfg := base
			cfg.Shifts = ScaleTo(base.Shifts, s.agents)
			cfg.Queues = applyCase(base.Queues, c)
			res, err := sim.RunWith(ctx, cfg, opt.Sim)
			if err != nil {
				return nil, fmt.Errorf("headcount %d, %s: %w", s.agents, c.Name, err)
			}
			p := opt.Point(res, cfg, s.agents)
			p.Factor = s.factor
			if curve.Smallest < 0 && p.PMeet >= opt.Confidence {
				curve.Smallest = len(curve.Points)
			}
			curve.Points = append(curve.Points, p)
			done++
			if opt.Progress != nil {
				opt.Progress(done, total)
			}
		}
		curves = append(curves, curve)
	}
	return curves, nil
}

// Point returns the sweep's point for one simulation res of cfg with
// agents on the roster: its service figures, P(meet), and its paid hours
// per week (rostered paid time, sim.PaidTime; overtime apart) with the FTE
// and cost they make (Pay). Plan uses it for today's roster too, so every
// point is counted alike.
func (o Options) Point(res *sim.Result, cfg sim.Config, agents int) Point {
	o = o.withDefaults()
	weeks := float64(cfg.Horizon-cfg.Warmup) / float64(7*24*time.Hour)
	p := Point{Factor: 1, Agents: agents, Queues: res.Summary.Queues, Total: res.Summary.Total}
	p.Budget = Pay{HoursPerFTE: o.HoursPerFTE, Hourly: o.HourlyCost}.Of(res.Summary.Total.PaidHours.Mean / weeks)
	p.PMeet = meetShare(res, cfg.Queues)
	return p
}

// Pay is what a paid hour means for a budget: HoursPerFTE contracted hours
// make one FTE, and each paid hour costs Hourly.
type Pay struct {
	HoursPerFTE float64 // > 0
	Hourly      float64 // ≥ 0
}

// Budget is a roster's paid hours per week and what they make.
type Budget struct {
	PaidHoursPerWeek float64 // rostered paid hours (unpaid breaks out, absence in, overtime apart)
	FTE              float64 // PaidHoursPerWeek / HoursPerFTE
	CostPerWeek      float64 // PaidHoursPerWeek × Hourly
	CostPerYear      float64 // CostPerWeek × WeeksPerYear
}

// Of returns the budget of paidHoursPerWeek: the one conversion of paid
// hours into FTE and cost, used by the sweep, plan, roster and simulate.
//
//	FTE = paid h/week ÷ HoursPerFTE;  cost/year = paid h/week × Hourly × 365.2425/7
func (p Pay) Of(paidHoursPerWeek float64) Budget {
	b := Budget{PaidHoursPerWeek: paidHoursPerWeek, CostPerWeek: paidHoursPerWeek * p.Hourly}
	if p.HoursPerFTE > 0 {
		b.FTE = paidHoursPerWeek / p.HoursPerFTE
	}
	b.CostPerYear = b.CostPerWeek * WeeksPerYear
	return b
}

func validate(base sim.Config, cases []Case, opt Options) error {
	for _, f := range opt.Factors {
		if !(f > 0) || math.IsInf(f, 0) {
			return fmt.Errorf("headcount sweep: factor %v must be a positive number", f)
		}
	}
	if !(opt.Confidence > 0 && opt.Confidence <= 1) {
		return fmt.Errorf("headcount sweep: confidence %v must be in (0, 1]", opt.Confidence)
	}
	if !(opt.HoursPerFTE > 0) || !(opt.HourlyCost >= 0) {
		return fmt.Errorf("headcount sweep: hours per FTE must be positive and the hourly cost not negative")
	}
	for _, c := range cases {
		if c.Scale < 0 || math.IsNaN(c.Scale) || math.IsInf(c.Scale, 0) {
			return fmt.Errorf("headcount sweep: case %q: volume scale %v must be ≥ 0", c.Name, c.Scale)
		}
		if c.Counts != nil && len(c.Counts) != len(base.Queues) {
			return fmt.Errorf("headcount sweep: case %q has counts for %d queues, the desk has %d", c.Name, len(c.Counts), len(base.Queues))
		}
	}
	return nil
}

// applyCase returns the queues with the case's volume applied.
func applyCase(queues []sim.Queue, c Case) []sim.Queue {
	out := make([]sim.Queue, len(queues))
	copy(out, queues)
	for q := range out {
		if c.Counts != nil && c.Counts[q] != nil {
			out[q].Arrivals.Counts = c.Counts[q]
		}
		if c.Scale != 0 {
			s := out[q].Arrivals.Scale
			if s == 0 {
				s = 1
			}
			out[q].Arrivals.Scale = s * c.Scale
		}
	}
	return out
}

// meetShare returns the share of replications in which every queue's
// service level over the period reached its goal. A queue with no contact
// answered or abandoned in a replication counts as met.
func meetShare(res *sim.Result, queues []sim.Queue) float64 {
	if len(res.Runs) == 0 {
		return 0
	}
	met := 0
	for _, run := range res.Runs {
		ok := true
		for q, v := range run.Queues {
			if v.Answered+v.Abandoned > 0 && v.ServiceLevel < queues[q].SLAGoal {
				ok = false
				break
			}
		}
		if ok {
			met++
		}
	}
	return float64(met) / float64(len(res.Runs))
}

// Agents returns the headcount of a roster: the sum of its shifts' agents.
func Agents(shifts []sim.Shift) int {
	n := 0
	for _, s := range shifts {
		n += s.Agents
	}
	return n
}

// ScaleTo returns a copy of shifts whose headcount totals n, keeping the
// roster's shape: the first n agents of one fixed sequence (Sequence), so
// that the roster of n+1 agents is the roster of n plus one agent
// (house-monotone: no agent ever moves between shifts as the headcount
// grows, and a sweep's service level and P(meet) do not fall with more
// agents beyond simulation noise).
//
// The sequence first gives one agent to each shift the roster needs to
// cover the week — shifts that alone cover some time, then, greedily, the
// shift covering the most time still uncovered — so that a scaled-down
// roster never leaves hours of the week the original covers unstaffed (a
// 1-agent night shift scaled by 0.8 would otherwise round to 0). It then
// adds agents one at a time by the Sainte-Laguë (Webster) divisor rule:
// the next agent goes to the shift with the largest a_i / (x_i + ½), where
// a_i is its agents in shifts and x_i its agents so far (ties: the earlier
// shift). At n = Agents(shifts) every shift has exactly its own agents,
// since a shift below its a_i has priority above 1 and one at it below 1;
// beyond, the roster grows in proportion.
func ScaleTo(shifts []sim.Shift, n int) []sim.Shift {
	out := make([]sim.Shift, len(shifts))
	copy(out, shifts)
	for i := range out {
		out[i].Agents = 0
	}
	if Agents(shifts) == 0 || n <= 0 {
		return out
	}
	for _, i := range Sequence(shifts, n) {
		out[i].Agents++
	}
	return out
}

// Sequence returns the shift of each of the first n agents of ScaleTo's
// sequence.
func Sequence(shifts []sim.Shift, n int) []int {
	seq := make([]int, 0, n)
	x := make([]int, len(shifts))
	for _, i := range coverSeeds(shifts) {
		if len(seq) == n {
			return seq
		}
		seq = append(seq, i)
		x[i]++
	}
	for len(seq) < n {
		best, bestP := -1, 0.0
		for i, s := range shifts {
			if s.Agents <= 0 {
				continue
			}
			if p := float64(s.Agents) / (float64(x[i]) + 0.5); p > bestP {
				best, bestP = i, p
			}
		}
		seq = append(seq, best)
		x[best]++
	}
	return seq
}

// coverSeeds returns the shifts (with agents) that get the first agents:
// every shift that alone covers some slot of the week, in roster order,
// then greedily the shift covering the most slots still uncovered (ties:
// the earlier), until the week is covered as the roster covers it.
func coverSeeds(shifts []sim.Shift) []int {
	slots := make([][]int, len(shifts))
	count := make([]int, weekSlotCount)
	for i, s := range shifts {
		if s.Agents <= 0 {
			continue
		}
		slots[i] = weekSlots(s)
		for _, k := range slots[i] {
			count[k]++
		}
	}
	covered := make([]bool, weekSlotCount)
	var seeds []int
	take := func(i int) {
		seeds = append(seeds, i)
		for _, k := range slots[i] {
			covered[k] = true
		}
	}
	for i := range shifts {
		if slices.ContainsFunc(slots[i], func(k int) bool { return count[k] == 1 }) {
			take(i)
		}
	}
	for {
		best, bestNew := -1, 0
		for i := range shifts {
			if slices.Contains(seeds, i) {
				continue
			}
			fresh := 0
			for _, k := range slots[i] {
				if !covered[k] {
					fresh++
				}
			}
			if fresh > bestNew {
				best, bestNew = i, fresh
			}
		}
		if best < 0 {
			return seeds
		}
		take(best)
	}
}

// coverSlot is the resolution of the weekly coverage grid of coverSeeds.
const coverSlot = 5 * time.Minute

// weekSlotCount is the number of coverSlot slots in a week.
const weekSlotCount = int(7 * 24 * time.Hour / coverSlot)

// weekSlots returns the slots of the week (from Sunday 00:00, coverSlot
// each) during which a shift is on duty, every slot it touches; an Always
// shift covers the whole week.
func weekSlots(s sim.Shift) []int {
	const per = weekSlotCount
	if s.Always {
		all := make([]int, per)
		for i := range all {
			all[i] = i
		}
		return all
	}
	if s.Length <= 0 {
		return nil
	}
	days := s.Days
	if len(days) == 0 {
		days = []time.Weekday{0, 1, 2, 3, 4, 5, 6}
	}
	seen := make([]bool, per)
	var out []int
	for _, d := range days {
		from := time.Duration(d)*24*time.Hour + s.Start
		first, last := int(from/coverSlot), int((from+s.Length-1)/coverSlot)
		for k := first; k <= last && k-first < per; k++ {
			if i := k % per; !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	return out
}
