package capacity

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/scenarios/headcount"
)

var testPay = headcount.Pay{HoursPerFTE: 37.5, Hourly: 25}

// today is a Monday, the first of a month, so months are whole.
var today = time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)

// TestAttritionIsBinomial checks the headcount after n months without
// hiring against the binomial law: each of N people stays a month with
// probability 1−p, independently, so after n months the headcount is
// Binomial(N, q) with q = (1−p)^n, mean Nq and variance Nq(1−q) (Feller,
// An Introduction to Probability Theory and Its Applications, vol. 1,
// 3rd ed. 1968, §VI.2 and §IX.4). Tolerances come from the runs: the
// mean's standard error is σ/√R; the sample variance's is about
// σ²·√(2/(R−1)) (normal approximation).
func TestAttritionIsBinomial(t *testing.T) {
	t.Parallel()
	cases := []struct {
		people int
		p      float64
		runs   int
	}{
		{200, 0.02, 4000},
		{50, 0.05, 4000},
		{1000, 0.01, 2000},
	}
	for _, c := range cases {
		periods := Months(today, 12)
		md := newModel(periods, Supply{Headcount: c.people, Attrition: c.p}, testPay, c.runs, 7)
		h := md.outcome("no hiring", make([]Need, len(periods)), 0.9)
		for _, n := range []int{1, 6, 12} {
			q := math.Pow(1-c.p, float64(n))
			mean, variance := float64(c.people)*q, float64(c.people)*q*(1-q)
			got := h.Months[n-1].Headcount
			seMean := math.Sqrt(variance / float64(c.runs))
			seVar := variance * math.Sqrt(2/float64(c.runs-1))
			if 4*seMean > 0.02*mean {
				t.Fatalf("N=%d p=%v n=%d: the interval ±%.3f is too wide to test the mean %.2f; add runs", c.people, c.p, n, 4*seMean, mean)
			}
			if math.Abs(got.Mean-mean) > 4*seMean {
				t.Errorf("N=%d p=%v after %d months: mean headcount %.3f, want %.3f ± %.3f", c.people, c.p, n, got.Mean, mean, 4*seMean)
			}
			if v := got.SD * got.SD; math.Abs(v-variance) > 4*seVar {
				t.Errorf("N=%d p=%v after %d months: variance %.3f, want %.3f ± %.3f", c.people, c.p, n, v, variance, 4*seVar)
			}
		}
	}
}

// TestStreamsPerHead checks the common random numbers: adding a class
// leaves every other head's survival unchanged, and the same seed gives
// the same paths.
func TestStreamsPerHead(t *testing.T) {
	t.Parallel()
	periods := Months(today, 12)
	sup := Supply{Headcount: 40, Attrition: 0.03, Training: 28 * 24 * time.Hour}
	a := newModel(periods, sup, testPay, 200, 3)
	b := newModel(periods, sup, testPay, 200, 3)
	if err := b.setClasses([]Class{{Start: time.Date(2027, 5, 3, 0, 0, 0, 0, time.UTC), Size: 6}}); err != nil {
		t.Fatal(err)
	}
	for i := range a.staff.alive {
		if a.staff.alive[i] != b.staff.alive[i] {
			t.Fatalf("adding a class changed the staff's survivors at %d: %d, then %d", i, a.staff.alive[i], b.staff.alive[i])
		}
	}
	c := newModel(periods, sup, testPay, 200, 4)
	same := true
	for i := range a.staff.alive {
		same = same && a.staff.alive[i] == c.staff.alive[i]
	}
	if same {
		t.Error("seeds 3 and 4 gave the same attrition paths")
	}
}

// TestOptimiserMeetsItsTarget runs the optimiser on requirements it can
// and cannot meet: every month it returns is at the target or named unmet,
// and an unmet month really is out of reach — no class can be productive
// in it (the lead time and training end after it), or every class that
// could help it, filled to the largest size, still leaves it short.
func TestOptimiserMeetsItsTarget(t *testing.T) {
	t.Parallel()
	week := 7 * 24 * time.Hour
	cases := []struct {
		name   string
		sup    Supply
		need   func(m int) float64
		target float64
		// unmet are the months that must be named (nil: none).
		unmet []int
		why   string
	}{
		{"growth", Supply{Headcount: 30, Attrition: 0.02, LeadTime: 6 * week, Training: 4 * week, Ramp: []float64{0.6, 0.8}},
			func(m int) float64 { return 25 + 0.8*float64(m) }, 0.9, nil, ""},
		{"peak", Supply{Headcount: 40, Attrition: 0.03, LeadTime: 6 * week, Training: 4 * week, Ramp: []float64{0.5}, MinClass: 4, MaxClass: 15},
			func(m int) float64 { return 32 + 12*math.Exp(-float64((m-8)*(m-8))/2) }, 0.95, nil, ""},
		{"lead time", Supply{Headcount: 20, Attrition: 0.02, LeadTime: 10 * week, Training: 4 * week},
			// 1 Mar + 70 days = Mon 10 May, trained by 7 Jun: July is the
			// first month a class can help.
			func(int) float64 { return 24 }, 0.9, []int{0, 1, 2, 3}, "lead time"},
		{"class size", Supply{Headcount: 20, LeadTime: 2 * week, Training: 2 * week, MaxClass: 2},
			func(m int) float64 { return 20 + 4*float64(m) }, 0.9, nil, "largest size"},
		{"overtime", Supply{Headcount: 30, Attrition: 0.04, LeadTime: 4 * week, Training: 4 * week, Overtime: 0.1, CostPerHire: 5000},
			func(int) float64 { return 31 }, 0.8, nil, ""},
		{"no attrition", Supply{Headcount: 10, LeadTime: 4 * week, Training: 0},
			func(m int) float64 { return 11 + float64(m) }, 1, []int{0}, "lead time"},
	}
	for _, c := range cases {
		periods := Months(today, 12)
		needs := make([]Need, len(periods))
		for m := range needs {
			needs[m].FTE = c.need(m)
		}
		md := newModel(periods, c.sup, testPay, 500, 11)
		unmet, err := md.optimise(context.Background(), needs, c.target)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		h := md.outcome("recommended", needs, c.target)
		named := map[int]string{}
		for _, u := range unmet {
			named[u.Month] = u.Reason
		}
		for m, mo := range h.Months {
			if _, ok := named[m]; !ok && mo.PMeet < c.target {
				t.Errorf("%s: %s: P(enough) %.3f below the target %.2f and not named unmet", c.name, mo.Label(), mo.PMeet, c.target)
			}
		}
		for m, why := range named {
			if c.why != "" && !strings.Contains(why, c.why) {
				t.Errorf("%s: %s named unmet because %q, want the %s", c.name, periods[m].Label(), why, c.why)
			}
			// Out of reach: fill every class that could help to its largest
			// size (or 1,000 when unbounded).
			ref := newModel(periods, c.sup, testPay, 500, 11)
			limit := c.sup.MaxClass
			if limit == 0 {
				limit = 1000
			}
			for k := 0; k <= m; k++ {
				if cl := ref.classes[k]; cl != nil && cl.prod[m] > 0 {
					for cl.size < limit {
						ref.add(cl)
					}
				}
			}
			if p := ref.pmeet(m, needs[m].FTE); p >= c.target {
				t.Errorf("%s: %s named unmet (%s), but the largest classes reach P %.3f", c.name, periods[m].Label(), why, p)
			}
		}
		if c.unmet != nil {
			if len(unmet) != len(c.unmet) {
				t.Errorf("%s: unmet months %v, want %v", c.name, unmet, c.unmet)
			}
			for i, u := range unmet {
				if i < len(c.unmet) && u.Month != c.unmet[i] {
					t.Errorf("%s: unmet month %d is %s, want index %d", c.name, i, u.Label, c.unmet[i])
				}
			}
		}
		if c.name == "class size" && len(unmet) == 0 {
			t.Errorf("class size: classes of 2 met a growth of 4 FTE a month")
		}
	}
}

// TestCostOfAClass checks the expected cost of a head against a hand
// computation: with no attrition a head of a class starting on the first
// of a month is paid every day to the horizon's end.
func TestCostOfAClass(t *testing.T) {
	t.Parallel()
	periods := Months(today, 3) // Mar, Apr, May 2027: 31 + 30 + 31 days
	md := newModel(periods, Supply{CostPerHire: 1000}, testPay, 10, 1)
	c := md.newCohort(1, today, 0)
	// 37.5 h a week × £25 × 92 days ÷ 7 + £1000.
	want := 37.5*25*92.0/7 + 1000
	if got := md.headCost(c); math.Abs(got-want) > 1e-6 {
		t.Errorf("cost of a head = %.4f, want %.4f", got, want)
	}
}
