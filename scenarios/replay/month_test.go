package replay

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast/staffing"
)

// monthModel is the known model of TestReplayGeneratedMonth: every day
// from 08:00, Poisson arrivals at rate[h] per hour in hour h (from 08:00
// to 17:00), log-normal handle times, exponential patience, base agents
// 08:00–18:00 and extra agents 10:00–15:00.
type monthModel struct {
	days          int
	rate          []float64 // per hour, from 08:00
	handleMean    float64   // seconds
	handleCV      float64
	patienceMean  float64 // seconds
	base, extra   int
	extraFrom, to time.Duration
}

// generate writes the model's call log (queue entry and exit, outcome,
// service start and end, server), simulated independently of package sim:
// calls in arrival order each take the agent on duty that can start
// soonest (first come, first served, agents never idle while a call
// waits); a caller whose patience runs out first hangs up. It returns the
// log and the staffing curve (agents per half hour).
func (m monthModel) generate(start time.Time, seed uint64) ([]byte, *staffing.Curve) {
	rng := rand.New(rand.NewPCG(seed, 42))
	sigma := math.Sqrt(math.Log(1 + m.handleCV*m.handleCV))
	mu := math.Log(m.handleMean) - sigma*sigma/2
	var b bytes.Buffer
	b.WriteString("q_start,q_exit,outcome,ser_start,ser_exit,server\n")
	ts := func(t time.Time) string { return t.Format(time.RFC3339Nano) }
	nAgents := m.base + m.extra
	curve := &staffing.Curve{Start: start, Interval: 30 * time.Minute}
	for d := range m.days {
		day := start.AddDate(0, 0, d)
		for i := range 48 {
			at := time.Duration(i) * 30 * time.Minute
			n := 0.0
			if at >= 8*time.Hour && at < 18*time.Hour {
				n = float64(m.base)
				if at >= m.extraFrom && at < m.to {
					n += float64(m.extra)
				}
			}
			curve.Agents = append(curve.Agents, n)
		}
		on := make([]time.Time, nAgents)
		off := make([]time.Time, nAgents)
		free := make([]time.Time, nAgents)
		for k := range nAgents {
			on[k], off[k] = day.Add(8*time.Hour), day.Add(18*time.Hour)
			if k >= m.base {
				on[k], off[k] = day.Add(m.extraFrom), day.Add(m.to)
			}
			free[k] = on[k]
		}
		var arrivals []time.Time
		for h, r := range m.rate {
			from := day.Add(8*time.Hour + time.Duration(h)*time.Hour)
			for t := rng.ExpFloat64() / r; t < 1; t += rng.ExpFloat64() / r {
				arrivals = append(arrivals, from.Add(time.Duration(t*float64(time.Hour))).Round(time.Millisecond))
			}
		}
		sort.Slice(arrivals, func(i, j int) bool { return arrivals[i].Before(arrivals[j]) })
		for _, a := range arrivals {
			handle := time.Duration(math.Exp(mu+sigma*rng.NormFloat64()) * float64(time.Second)).Round(time.Millisecond)
			patience := time.Duration(rng.ExpFloat64() * m.patienceMean * float64(time.Second)).Round(time.Millisecond)
			best, when := -1, time.Time{}
			for k := range nAgents {
				s := free[k]
				if s.Before(a) {
					s = a
				}
				if !s.Before(off[k]) {
					continue // off duty: takes no new call
				}
				if best < 0 || s.Before(when) {
					best, when = k, s
				}
			}
			if best < 0 || when.Sub(a) > patience {
				fmt.Fprintf(&b, "%s,%s,HANG,,,\n", ts(a), ts(a.Add(patience)))
				continue
			}
			free[best] = when.Add(handle)
			fmt.Fprintf(&b, "%s,%s,AGENT,%s,%s,A%d\n", ts(a), ts(when), ts(when), ts(free[best]), best)
		}
	}
	return b.Bytes(), curve
}

// TestReplayGeneratedMonth generates four weeks of calls from a known
// model with known staffing, replays the log with that staffing, and
// checks that the replay reproduces the month's service level (20 s and
// 60 s), abandon rate, ASA and answered calls within chance — over the
// month and on nearly every day (a correct model misses 2 × chance on
// about 5 % of days).
func TestReplayGeneratedMonth(t *testing.T) {
	t.Parallel()
	m := monthModel{days: 28, rate: []float64{40, 60, 80, 90, 80, 70, 80, 70, 50}, handleMean: 240, handleCV: 1,
		patienceMean: 180, base: 4, extra: 2, extraFrom: 10 * time.Hour, to: 15 * time.Hour}
	start := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	log, curve := m.generate(start, 7)
	opt := Options{Staffing: []*staffing.Curve{curve}, Replications: 8, Seed: 3}
	rp, err := Build("month.csv", bytes.NewReader(log), opt)
	if err != nil {
		t.Fatal(err)
	}
	if rp.Read.Rejected > 0 {
		t.Fatalf("generated log: %d rows rejected: %v", rp.Read.Rejected, rp.Read.Rejects)
	}
	if err := rp.Run(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	c := rp.Comparison
	if len(c.Days) != m.days {
		t.Fatalf("%d days compared, want %d", len(c.Days), m.days)
	}
	for _, f := range c.Total.Figures {
		if !f.Defined || !f.Within() {
			t.Errorf("month %s: measured %v simulated %v error %v chance %v: not within chance", f.Metric, f.Measured, f.Simulated, f.Error, f.Chance)
		}
	}
	// The generator's agents are never idle while a call waits: the
	// not-ready estimate stays below the replay's threshold.
	if g := rp.Estimates.Gaps; g == nil || g.NotReady >= notReadyMin || rp.Scenario.Roster.NotReady != 0 {
		t.Errorf("a work-conserving month read as not ready: %+v", g)
	} else {
		t.Logf("not ready read %.4f", g.NotReady)
	}
	for _, f := range c.Total.Figures {
		t.Logf("month %s: measured %.4g simulated %.4g error %.3g chance %.3g", f.Metric, f.Measured, f.Simulated, f.Error, f.Chance)
	}
	// The month's SL is far from trivial (neither 0 nor 1), so the test
	// can fail.
	if sl := c.Total.Figures[0].Measured; sl < 0.3 || sl > 0.95 {
		t.Fatalf("the generated month's SL20 is %v: choose a model with a service level between 30%% and 95%%", sl)
	}
	beyond, n := 0, 0
	for _, d := range c.Days {
		for _, f := range d.Figures[:2] {
			n++
			if !f.Within() {
				beyond++
			}
		}
	}
	if beyond > n/8 {
		t.Errorf("%d of %d daily service levels beyond chance; a correct model leaves about 5%%", beyond, n)
	}
}

// TestReplayMisspecifiedMonthFails is the control: the same month replayed
// with one agent fewer than the desk had is beyond chance.
func TestReplayMisspecifiedMonthFails(t *testing.T) {
	t.Parallel()
	m := monthModel{days: 7, rate: []float64{40, 60, 80, 90, 80, 70, 80, 70, 50}, handleMean: 240, handleCV: 1,
		patienceMean: 180, base: 4, extra: 2, extraFrom: 10 * time.Hour, to: 15 * time.Hour}
	start := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	log, curve := m.generate(start, 7)
	for i, a := range curve.Agents {
		curve.Agents[i] = math.Max(0, a-1)
	}
	opt := Options{Staffing: []*staffing.Curve{curve}, Replications: 4, Seed: 3}
	rp, err := Build("month.csv", bytes.NewReader(log), opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := rp.Run(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	if f := rp.Comparison.Total.Figures[0]; f.Within() || f.Error > 0 {
		t.Errorf("one agent short: SL20 error %v, chance %v; want a negative error beyond chance", f.Error, f.Chance)
	}
}
