package capacity

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/staffsim/staffsim/scenarios/report"
)

// demandStep says how the months' volume was modelled.
func (res *Result) demandStep() string {
	t := res.Trend
	var b strings.Builder
	b.WriteString("Long-range volume: ")
	switch {
	case t.GrowthGiven:
		fmt.Fprintf(&b, "growth of %s a year as given", signedPct(t.YearlyGrowth()))
	case t.TrendFitted:
		fmt.Fprintf(&b, "a trend of %s a year fitted on %d open days of history", signedPct(t.YearlyGrowth()), t.Days)
	default:
		b.WriteString("flat (the history is too short for a trend)")
	}
	if t.Seasonal {
		lo, hi := 0, 0
		for m := range 12 {
			if t.Season[m] < t.Season[lo] {
				lo = m
			}
			if t.Season[m] > t.Season[hi] {
				hi = m
			}
		}
		fmt.Fprintf(&b, ", with yearly seasonality from %s (%s against the year's mean) to %s (%s)",
			monthName(lo), signedPct(math.Expm1(t.Season[lo])), monthName(hi), signedPct(math.Expm1(t.Season[hi])))
	}
	if t.AHTGiven || t.AHTFitted {
		how := "fitted"
		if t.AHTGiven {
			how = "given"
		}
		fmt.Fprintf(&b, "; AHT %s a year (%s)", signedPct(t.YearlyAHTGrowth()), how)
	}
	for _, e := range res.Options.Events {
		fmt.Fprintf(&b, "; %s %s to %s × %.2f", e.Name, e.From.Format("2 Jan 2006"), e.To.Format("2 Jan 2006"), e.Factor)
	}
	b.WriteString(".")
	return b.String()
}

// supplyStep says how supply was modelled.
func (res *Result) supplyStep() string {
	s := res.Options.Supply
	ramp := "fully productive after training"
	if len(s.Ramp) > 0 {
		parts := make([]string, len(s.Ramp))
		for i, r := range s.Ramp {
			parts[i] = fmt.Sprintf("%.0f%%", 100*r)
		}
		ramp = "productive at " + strings.Join(parts, ", ") + " in their first months after training"
	}
	size := fmt.Sprintf("classes of at least %d", max(1, s.MinClass))
	if s.MaxClass > 0 {
		size = fmt.Sprintf("classes of %d to %d", max(1, s.MinClass), s.MaxClass)
	}
	ot := "no overtime"
	if s.Overtime > 0 {
		ot = fmt.Sprintf("overtime up to %.0f%% of contracted hours at %.2g× pay", 100*s.Overtime, res.Options.Supply.OvertimePremium)
	}
	return fmt.Sprintf("Supply: %d people today, each leaving with probability %.1f%% a month (binomial, %d simulated paths); %s starting on the first Monday of a month at least %d days after requisition, %d days of paid training, new hires %s; %s.",
		s.Headcount, 100*s.Attrition, res.Runs, size, wholeDays(s.LeadTime), wholeDays(s.Training), ramp, ot)
}

// lines are the sentences leadership can paste.
func (res *Result) lines() []string {
	money := func(x float64) string { return report.Money(res.Options.Plan.Currency, x) }
	target := fmt.Sprintf("%.0f%%", 100*res.Target)
	sla := report.SLAWords(res.Options.Plan.SL.Goal, res.Options.Plan.SL.Within)
	var out []string
	p := res.Plan
	span := fmt.Sprintf("from %s to %s", res.Months[0].Label(), res.Months[len(res.Months)-1].Label())
	except := ""
	if len(p.Unmet) > 0 {
		except = fmt.Sprintf(" except the %d below", len(p.Unmet))
		if len(p.Unmet) == 1 {
			except = " except the one below"
		}
	}
	if len(p.Classes) == 0 {
		out = append(out, fmt.Sprintf("No hiring is needed: the %d people on staff meet %s with at least %s probability in every month %s%s (%s).",
			res.Options.Supply.Headcount, sla, target, span, except, money(p.Cost)))
	} else {
		var when, reqs []string
		for _, c := range p.Classes {
			when = append(when, fmt.Sprintf("%d on %s", c.Size, c.Start.Format("2 Jan 2006")))
			reqs = append(reqs, c.Requisition(res.Options.Supply.LeadTime).Format("2 Jan"))
		}
		out = append(out, fmt.Sprintf("Open %s: %s (requisitions by %s). With them the desk has enough staff for %s with at least %s probability in every month %s%s; %d hires, %s in all.",
			classesWords(p.Classes), joinAnd(when), joinAnd(reqs), sla, target, span, except, p.Hires, money(p.Cost)))
	}
	// Months no hiring can meet are said once, below; the what-ifs fail
	// from the first month the recommendation meets.
	skip := map[int]bool{}
	for _, u := range p.Unmet {
		skip[u.Month] = true
	}
	if n := res.NoHire; firstMiss(n, skip, res.Target) >= 0 && len(p.Classes) > 0 {
		f := firstMiss(n, skip, res.Target)
		m := n.Months[f]
		worst := m
		for _, x := range n.Months[f:] {
			if x.Short > worst.Short {
				worst = x
			}
		}
		out = append(out, fmt.Sprintf("Without them, the SLA fails from %s with %.0f%% probability; by %s the desk is short by %s FTE.",
			m.Label(), 100*(1-m.PMeet), worst.Label(), report.FTEWords(worst.Short)))
	}
	// Consecutive months with the same reason make one sentence.
	for i := 0; i < len(p.Unmet); {
		j := i + 1
		for j < len(p.Unmet) && p.Unmet[j].Reason == p.Unmet[i].Reason && p.Unmet[j].Month == p.Unmet[j-1].Month+1 {
			j++
		}
		when, it := p.Unmet[i].Label, "it"
		if j > i+1 {
			when, it = p.Unmet[i].Label+" to "+p.Unmet[j-1].Label, "them"
		}
		out = append(out, fmt.Sprintf("%s cannot be met by hiring: %s; cover %s with overtime, temporary staff or a shorter lead time.", when, p.Unmet[i].Reason, it))
		i = j
	}
	if g := res.Given; g != nil {
		s := fmt.Sprintf("%s (%d hires in %s) ", titleCase(g.Name), g.Hires, classesWords(g.Classes))
		if f := firstMiss(g, skip, res.Target); f < 0 {
			s += fmt.Sprintf("meets the SLA with at least %s probability in every month the recommendation does", target)
		} else {
			m := g.Months[f]
			worst := m
			for _, x := range g.Months[f:] {
				if x.Short > worst.Short {
					worst = x
				}
			}
			s += fmt.Sprintf("fails from %s (SLA met with %.0f%% probability), short by up to %s FTE (%s)", m.Label(), 100*m.PMeet, report.FTEWords(worst.Short), worst.Label())
		}
		switch d := g.Cost - p.Cost; {
		case d > 0.5:
			s += fmt.Sprintf("; it costs %s, %s more than the recommendation.", money(g.Cost), money(d))
		case d < -0.5:
			s += fmt.Sprintf("; it costs %s, %s less than the recommendation.", money(g.Cost), money(-d))
		default:
			s += fmt.Sprintf("; it costs %s, as the recommendation.", money(g.Cost))
		}
		out = append(out, s)
	}
	if v := res.Volume; v != nil {
		out = append(out, fmt.Sprintf("At %s it takes %s (%d hires), %s in all: %s more.", v.Name, classesWords(v.Classes), v.Hires, money(v.Cost), money(v.Cost-p.Cost)))
	}
	lo, hi := 0, 0
	for m, n := range res.Needs {
		if n.FTE < res.Needs[lo].FTE {
			lo = m
		}
		if n.FTE > res.Needs[hi].FTE {
			hi = m
		}
	}
	out = append(out, fmt.Sprintf("The desk needs %s FTE in %s, rising to %s in %s.", report.FTEWords(res.Needs[lo].FTE), res.Months[lo].Label(),
		report.FTEWords(res.Needs[hi].FTE), res.Months[hi].Label()))
	return out
}

// classesWords writes "1 class" or "3 classes".
func classesWords(cs []Class) string {
	if len(cs) == 1 {
		return "1 class"
	}
	return fmt.Sprintf("%d classes", len(cs))
}

// joinAnd joins "a", "b" and "c" as people write them.
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func signedPct(x float64) string { return fmt.Sprintf("%+.1f%%", 100*x) }

func monthName(m int) string { return time.Month(m + 1).String() }

// firstMiss returns the first month of h below the target that is not in
// skip, or −1.
func firstMiss(h *Hiring, skip map[int]bool, target float64) int {
	for m, mo := range h.Months {
		if !skip[m] && mo.PMeet < target {
			return m
		}
	}
	return -1
}
