package capacity

import (
	"github.com/staffsim/staffsim/internal/streams"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/staffsim/staffsim/scenarios/headcount"
)

// Supply is the staff side of the plan. The zero value of a field is
// documented with it.
type Supply struct {
	// Headcount is the number of people on staff today, all fully
	// productive, ≥ 0.
	Headcount int
	// Attrition is the probability that a person leaves in a month, in
	// [0, 1): 0.02 is 2 % a month (about 21.5 % a year).
	Attrition float64
	// LeadTime is the time from opening a requisition to the class's first
	// day; Training the class's paid, unproductive training. Both are
	// counted in whole days.
	LeadTime time.Duration
	Training time.Duration
	// Ramp is the productivity of a new hire in the 1st, 2nd, … month
	// after training (0.6, 0.8); 1 after the last. Nil: fully productive
	// from the end of training.
	Ramp []float64
	// MinClass and MaxClass bound a class's size; 0 means 1 and no upper
	// bound.
	MinClass, MaxClass int
	// PartTimeShare of heads work PartTimeHours a week; the rest work
	// HoursPerFTE (plan.Options). 0: everyone full time.
	PartTimeShare float64
	PartTimeHours float64
	// Overtime is the largest overtime as a share of contracted hours
	// (0.1: up to 10 % more hours), paid at OvertimePremium × the hourly
	// cost (0 means 1.5). 0: no overtime.
	Overtime        float64
	OvertimePremium float64
	// CostPerHire is the one-off cost of a hire (recruiting), counted in
	// the class's month.
	CostPerHire float64
}

// Class is one hiring class: Size people start training on Start (a
// local midnight).
type Class struct {
	Start time.Time `json:"start"`
	Size  int       `json:"size"`
}

// Requisition returns the day the class's requisitions must open:
// lead time before its start.
func (c Class) Requisition(lead time.Duration) time.Time {
	return c.Start.AddDate(0, 0, -wholeDays(lead))
}

// wholeDays returns d in whole days (rounded down).
func wholeDays(d time.Duration) int { return int(d / (24 * time.Hour)) }

// daysPerMonth is the mean Gregorian month, days: tenure is counted in it.
const daysPerMonth = DaysPerYear / 12

// Stream purposes (see the package doc: streams are keyed by seed,
// purpose, cohort and head).
const purposeAttrition uint64 = 1

// stream returns the PCG stream of one head of one cohort for a purpose.
func stream(seed, purpose, cohort uint64, head int) *rand.Rand {
	s := streams.Seed(seed, head, purpose, cohort)
	return rand.New(rand.NewPCG(s[0], s[1]))
}

// cohort is the starting staff or one class, with every run's survivors.
type cohort struct {
	key   uint64 // stream key: 0 for the staff, the start's day number + 1 for a class
	start time.Time
	first int // index of the month it starts in
	size  int
	// prod and paid are, per month, the productivity on the month's first
	// day and the share of its days paid, of one head present at the
	// month's end.
	prod, paid []float64
	// alive[r*months+m] counts the heads still there at the end of month
	// m in run r.
	alive []int32
}

// model is the Monte Carlo of supply over the months.
type model struct {
	periods  []Period
	runs     int
	seed     uint64
	sup      Supply
	pay      headcount.Pay
	perHead  float64 // contracted hours a week of an average head
	fteHead  float64 // FTE of one head (pay.Of(perHead).FTE)
	staff    *cohort
	classes  []*cohort       // by the first month each helps; nil where none can
	given    []*cohort       // a given hiring plan's classes (setClasses)
	earliest time.Time       // first day a class can start (today + lead time)
	saved    map[*cohort]int // class sizes before unreachable filled them
}

func newModel(periods []Period, sup Supply, pay headcount.Pay, runs int, seed uint64) *model {
	md := &model{periods: periods, runs: runs, seed: seed, sup: sup, pay: pay}
	md.perHead = (1-sup.PartTimeShare)*pay.HoursPerFTE + sup.PartTimeShare*sup.PartTimeHours
	md.fteHead = pay.Of(md.perHead).FTE
	today := periods[0].Start
	md.staff = md.newCohort(0, today, 0)
	for range sup.Headcount {
		md.add(md.staff)
	}
	md.earliest = today.AddDate(0, 0, wholeDays(sup.LeadTime))
	// The candidate class for month m starts on the last Monday that
	// leaves its training done by the month's first day: just in time,
	// so that it is paid the least before it helps.
	md.classes = make([]*cohort, len(periods))
	for m, p := range periods {
		d := p.Start.AddDate(0, 0, -wholeDays(sup.Training))
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, -1)
		}
		if !d.Before(md.earliest) {
			md.classes[m] = md.newCohort(uint64(dayNumber(d))+1, d, md.monthOf(d))
		}
	}
	return md
}

// monthOf returns the index of the month containing day d (0 before the
// first).
func (md *model) monthOf(d time.Time) int {
	for k, p := range md.periods {
		if d.Before(p.End) {
			return k
		}
	}
	return len(md.periods) - 1
}

// newCohort returns an empty cohort starting on start in month first;
// key 0 is the staff (productive from today).
func (md *model) newCohort(key uint64, start time.Time, first int) *cohort {
	M := len(md.periods)
	c := &cohort{key: key, start: start, first: first, prod: make([]float64, M), paid: make([]float64, M), alive: make([]int32, md.runs*M)}
	trained := start.AddDate(0, 0, wholeDays(md.sup.Training))
	for m, p := range md.periods {
		if key == 0 {
			c.prod[m], c.paid[m] = 1, 1
			continue
		}
		// Paid: the share of the month's days from the start. Productive:
		// the productivity on the month's first day, the lowest of the
		// month (it only rises with tenure), so that the whole month is
		// covered — as heads are counted at its end.
		var paid float64
		for d := p.Start; d.Before(p.End); d = d.AddDate(0, 0, 1) {
			if !d.Before(start) {
				paid++
			}
		}
		c.paid[m] = paid / float64(p.Days())
		if !p.Start.Before(trained) {
			k := int(float64(dayNumber(p.Start)-dayNumber(trained)) / daysPerMonth)
			c.prod[m] = 1
			if k < len(md.sup.Ramp) {
				c.prod[m] = md.sup.Ramp[k]
			}
		}
	}
	return c
}

// add adds one head to the cohort: in every run it stays K whole months
// from the cohort's first month, K = ⌊ln U / ln(1−p)⌋, so it is there at
// the end of month first+k−1 with probability (1−p)^k.
func (md *model) add(c *cohort) {
	M := len(md.periods)
	rng := stream(md.seed, purposeAttrition, c.key, c.size)
	c.size++
	lp := math.Log1p(-md.sup.Attrition)
	for r := range md.runs {
		u := 1 - rng.Float64() // (0, 1]
		months := M
		if lp < 0 {
			if t := math.Log(u) / lp; t < float64(M) {
				months = int(t)
			}
		}
		row := c.alive[r*M : (r+1)*M]
		for m := c.first; m < min(M, c.first+months); m++ {
			row[m]++
		}
	}
}

// cohorts returns the staff and every class with heads.
func (md *model) cohorts() []*cohort {
	out := []*cohort{md.staff}
	for _, c := range append(append([]*cohort{}, md.classes...), md.given...) {
		if c != nil && c.size > 0 {
			out = append(out, c)
		}
	}
	return out
}

// productive returns run r's productive FTE in month m.
func (md *model) productive(cs []*cohort, r, m int) float64 {
	M := len(md.periods)
	var heads float64
	for _, c := range cs {
		heads += float64(c.alive[r*M+m]) * c.prod[m]
	}
	return heads * md.fteHead
}

// pmeet returns the share of runs whose productive FTE, stretched by the
// overtime limit, reaches req in month m.
func (md *model) pmeet(m int, req float64) float64 {
	cs := md.cohorts()
	met := 0
	for r := range md.runs {
		if md.productive(cs, r, m)*(1+md.sup.Overtime) >= req-1e-9 {
			met++
		}
	}
	return float64(met) / float64(md.runs)
}

// survival returns the probability that a head of c is there at the end
// of month m: (1−p)^(m−first+1).
func (md *model) survival(c *cohort, m int) float64 {
	if m < c.first {
		return 0
	}
	return math.Pow(1-md.sup.Attrition, float64(m-c.first+1))
}

// Band is a quantity over the simulated attrition paths.
type Band struct {
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	Low  float64 `json:"low"`  // 10th percentile
	High float64 `json:"high"` // 90th percentile
}

// bandOf summarises xs (sorted in place).
func bandOf(xs []float64) Band {
	var mean, ss float64
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	slices.Sort(xs)
	b := Band{Mean: mean, Low: quantile(xs, 0.1), High: quantile(xs, 0.9)}
	if len(xs) > 1 {
		b.SD = math.Sqrt(ss / float64(len(xs)-1))
	}
	return b
}

// quantile returns the q-quantile of sorted xs (the order statistic at
// ⌈q·n⌉, type 1 of Hyndman & Fan 1996).
func quantile(xs []float64, q float64) float64 {
	i := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[min(max(i, 0), len(xs)-1)]
}
