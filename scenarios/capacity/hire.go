package capacity

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// MaxHires bounds the hires the optimiser adds over the horizon, so that
// an unreachable target stops.
const MaxHires = 100_000

// Month is one month of a hiring plan's outcome.
type Month struct {
	Period
	Need
	// Hires start training this month; Requisition is the day their
	// requisitions open (zero when none).
	Hires       int
	Classes     int       // classes starting this month
	ClassStart  time.Time // the first one's start
	Requisition time.Time
	// Leavers is the mean number of people leaving during the month.
	Leavers float64
	// Headcount is the people on staff at the month's end (trainees
	// included); OnStaff their productive FTE (ramp-up and training
	// counted); PaidFTE the FTE paid (trainees included).
	Headcount Band
	OnStaff   Band
	PaidFTE   float64
	// OvertimeHours is the mean overtime worked in the month.
	OvertimeHours float64
	// Cost is the month's mean cost: pay, overtime and hiring.
	Cost float64
	// PMeet is the share of attrition paths with enough productive FTE
	// (overtime included) for the month's requirement.
	PMeet float64
	// Short is how many productive FTE the month lacks at the target
	// confidence: the requirement less the (1 − target) quantile of
	// productive FTE with overtime; 0 when met.
	Short float64
}

// Unmet is a month the hiring plan cannot bring to the target, and why.
type Unmet struct {
	Month  int    `json:"month"` // index in the plan's months
	Label  string `json:"label"`
	Reason string `json:"reason"`
}

// Hiring is a hiring plan and what it gives month by month.
type Hiring struct {
	Name    string
	Classes []Class
	Months  []Month
	Cost    float64 // Σ months' cost
	Hires   int
	Unmet   []Unmet // the optimiser's months it could not meet
	// FirstMiss is the index of the first month whose P(meet) is below
	// the target, −1 when none is.
	FirstMiss int
}

// optimise builds the least-cost hiring plan meeting the target in every
// month it can (see the package doc).
func (md *model) optimise(ctx context.Context, needs []Need, target float64) ([]Unmet, error) {
	M := len(md.periods)
	hires := 0
	reasons := map[int]string{}
	for m := range M {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		req := needs[m].FTE
		if md.pmeet(m, req) >= target {
			continue
		}
		if why := md.unreachable(m, req, target); why != "" {
			md.restore()
			reasons[m] = why
			continue
		}
		// The cheapest single class that brings the month to the target,
		// counting every head it takes (a new class at least MinClass).
		if c, n := md.cheapestFix(m, req, target); c != nil {
			for range n {
				md.add(c)
				hires++
			}
		}
		// No class alone can (they are full): add a head at a time where
		// an FTE costs least.
		for md.pmeet(m, req) < target {
			c := md.cheapest(m)
			if c == nil || hires >= MaxHires {
				return nil, fmt.Errorf("%s: no class left to add to after %d hires", md.periods[m].Label(), hires)
			}
			n := 1
			if c.size == 0 {
				n = max(1, md.sup.MinClass)
			}
			for range n {
				md.add(c)
				hires++
			}
		}
	}
	// The unmet months, with the final plan.
	var unmet []Unmet
	for m := range M {
		if md.pmeet(m, needs[m].FTE) < target {
			why, ok := reasons[m]
			if !ok {
				why = md.reason(m, needs[m].FTE, target)
			}
			unmet = append(unmet, Unmet{Month: m, Label: md.periods[m].Label(), Reason: why})
		}
	}
	return unmet, nil
}

// unreachable reports why month m cannot reach the target even with every
// class that could help it filled to MaxClass, or "" when it can. It
// leaves the classes filled; restore empties what it added.
func (md *model) unreachable(m int, req, target float64) string {
	helps := false
	for k := 0; k <= m; k++ {
		if c := md.classes[k]; c != nil && c.prod[m] > 0 {
			helps = true
		}
	}
	if !helps {
		return md.reason(m, req, target)
	}
	if md.sup.MaxClass <= 0 {
		return ""
	}
	md.saved = map[*cohort]int{}
	for k := 0; k <= m; k++ {
		if c := md.classes[k]; c != nil && c.prod[m] > 0 {
			md.saved[c] = c.size
			for c.size < md.sup.MaxClass {
				md.add(c)
			}
		}
	}
	if md.pmeet(m, req) >= target {
		md.restore()
		return ""
	}
	return md.reason(m, req, target)
}

// restore empties what unreachable added to the classes.
func (md *model) restore() {
	for c, size := range md.saved {
		md.truncate(c, size)
	}
	md.saved = nil
}

// truncate keeps the first size heads of c: the draws are keyed by head,
// so adding them again gives the same survivors.
func (md *model) truncate(c *cohort, size int) {
	if c.size == size {
		return
	}
	clear(c.alive)
	c.size = 0
	for range size {
		md.add(c)
	}
}

// reason says why month m misses the target.
func (md *model) reason(m int, req, target float64) string {
	p := md.periods[m]
	first := -1
	for k := 0; k <= m; k++ {
		if c := md.classes[k]; c != nil && c.prod[m] > 0 {
			first = k
			break
		}
	}
	if first < 0 {
		start := md.earliest
		for start.Weekday() != time.Monday {
			start = start.AddDate(0, 0, 1)
		}
		trained := start.AddDate(0, 0, wholeDays(md.sup.Training))
		return fmt.Sprintf("the earliest class starts on %s (%d days' lead time from %s) and is trained only by %s (%d days)",
			start.Format("Mon 2 Jan 2006"), wholeDays(md.sup.LeadTime), md.periods[0].Start.Format("2 Jan 2006"),
			trained.Format("2 Jan 2006"), wholeDays(md.sup.Training))
	}
	if md.sup.MaxClass > 0 {
		return fmt.Sprintf("even with every class that can help %s at its largest size (%d), it has enough staff in only %.0f%% of the simulated paths (target %.0f%%)",
			p.Label(), md.sup.MaxClass, 100*md.pmeet(m, req), 100*target)
	}
	return fmt.Sprintf("P(enough staff) %.0f%% is below the target %.0f%%", 100*md.pmeet(m, req), 100*target)
}

// cheapestFix returns the class that brings month m to the target at the
// least expected cost on its own, and the heads to add to it — at least
// MinClass for a class not yet open — or nil when no class alone can.
func (md *model) cheapestFix(m int, req, target float64) (*cohort, int) {
	var best *cohort
	bestHeads, bestCost := 0, math.Inf(1)
	for k := 0; k <= m; k++ {
		c := md.classes[k]
		if c == nil || c.prod[m] <= 0 {
			continue
		}
		limit := md.sup.MaxClass
		if limit <= 0 {
			limit = c.size + MaxHires
		}
		size := c.size
		for c.size < limit && md.pmeet(m, req) < target {
			md.add(c)
		}
		n := c.size - size
		met := md.pmeet(m, req) >= target
		md.truncate(c, size)
		if !met {
			continue
		}
		if size == 0 {
			n = max(n, md.sup.MinClass)
		}
		if cost := float64(n) * md.headCost(c); cost < bestCost {
			best, bestHeads, bestCost = c, n, cost
		}
	}
	return best, bestHeads
}

// cheapest returns the class that adds month m's productive FTE at the
// least expected cost per FTE, among those with room; nil when none.
func (md *model) cheapest(m int) *cohort {
	var best *cohort
	bestRatio := math.Inf(1)
	for k := 0; k <= m; k++ {
		c := md.classes[k]
		if c == nil || c.prod[m] <= 0 || (md.sup.MaxClass > 0 && c.size >= md.sup.MaxClass) {
			continue
		}
		gain := md.survival(c, m) * c.prod[m]
		if gain <= 0 {
			continue
		}
		if r := md.headCost(c) / gain; r < bestRatio {
			best, bestRatio = c, r
		}
	}
	return best
}

// headCost is the expected cost of one more head in class c over the
// horizon: its hiring cost and its pay while it stays.
func (md *model) headCost(c *cohort) float64 {
	cost := md.sup.CostPerHire
	for m := c.first; m < len(md.periods); m++ {
		cost += md.survival(c, m) * c.paid[m] * md.pay.Of(md.perHead).CostPerWeek * md.periods[m].Weeks()
	}
	return cost
}

// setClasses puts a given hiring plan's classes in the model.
func (md *model) setClasses(classes []Class) error {
	last := md.periods[len(md.periods)-1].End
	for _, cl := range classes {
		if cl.Start.Before(md.periods[0].Start) || !cl.Start.Before(last) {
			return fmt.Errorf("class of %s: its start is outside the horizon %s to %s", cl.Start.Format("2006-01-02"),
				md.periods[0].Start.Format("2006-01-02"), last.AddDate(0, 0, -1).Format("2006-01-02"))
		}
		if cl.Size <= 0 {
			return fmt.Errorf("class of %s: size %d must be positive", cl.Start.Format("2006-01-02"), cl.Size)
		}
		var c *cohort
		for _, g := range md.given {
			if g.start.Equal(cl.Start) {
				c = g
			}
		}
		if c == nil {
			c = md.newCohort(uint64(dayNumber(cl.Start))+1, cl.Start, md.monthOf(cl.Start))
			md.given = append(md.given, c)
		}
		for range cl.Size {
			md.add(c)
		}
	}
	sort.Slice(md.given, func(i, j int) bool { return md.given[i].start.Before(md.given[j].start) })
	return nil
}

// outcome evaluates the model's current classes month by month.
func (md *model) outcome(name string, needs []Need, target float64) *Hiring {
	M := len(md.periods)
	cs := md.cohorts()
	h := &Hiring{Name: name, FirstMiss: -1}
	for _, c := range cs[1:] {
		h.Classes = append(h.Classes, Class{Start: c.start, Size: c.size})
		h.Hires += c.size
	}
	sort.Slice(h.Classes, func(i, j int) bool { return h.Classes[i].Start.Before(h.Classes[j].Start) })
	premium := md.sup.OvertimePremium
	if premium == 0 {
		premium = 1.5
	}
	heads, prod, eff := make([]float64, md.runs), make([]float64, md.runs), make([]float64, md.runs)
	for m, p := range md.periods {
		mo := Month{Period: p, Need: needs[m]}
		var leavers, paid, ot float64
		met := 0
		for r := range md.runs {
			var n, pd, lv float64
			for _, c := range cs {
				a := float64(c.alive[r*M+m])
				n += a
				pd += a * c.paid[m]
				switch {
				case m == c.first:
					lv += float64(c.size) - a
				case m > c.first:
					lv += float64(c.alive[r*M+m-1]) - a
				}
			}
			heads[r] = n
			prod[r] = md.productive(cs, r, m)
			o := math.Max(0, math.Min(mo.FTE-prod[r], md.sup.Overtime*prod[r]))
			eff[r] = prod[r] * (1 + md.sup.Overtime)
			if eff[r] >= mo.FTE-1e-9 {
				met++
			}
			leavers += lv
			paid += pd
			ot += o
		}
		R := float64(md.runs)
		mo.Leavers = leavers / R
		mo.Headcount = bandOf(heads)
		mo.OnStaff = bandOf(prod)
		mo.PaidFTE = md.pay.Of(paid / R * md.perHead).FTE
		mo.OvertimeHours = ot / R * md.pay.HoursPerFTE * p.Weeks()
		mo.PMeet = float64(met) / R
		slices.Sort(eff)
		if q := quantile(eff, 1-target); mo.PMeet < target && q < mo.FTE {
			mo.Short = mo.FTE - q
		}
		mo.Cost = md.pay.Of(paid/R*md.perHead).CostPerWeek*p.Weeks() + mo.OvertimeHours*md.pay.Hourly*premium
		for _, c := range cs[1:] {
			if c.first == m {
				if mo.Hires == 0 {
					mo.ClassStart, mo.Requisition = c.start, Class{Start: c.start}.Requisition(md.sup.LeadTime)
				}
				mo.Hires += c.size
				mo.Classes++
				mo.Cost += float64(c.size) * md.sup.CostPerHire
			}
		}
		if mo.PMeet < target && h.FirstMiss < 0 {
			h.FirstMiss = m
		}
		h.Cost += mo.Cost
		h.Months = append(h.Months, mo)
	}
	return h
}
