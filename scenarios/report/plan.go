package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
)

// Plan is the headcount case of `staffsim plan`, as plain data: what the
// report's "Headcount" section, the headcount charts and the plain-language
// lines for a budget request need.
type Plan struct {
	// Source says where the history came from ("built-in sample", a file).
	Source string
	// Currency prefixes money ("£"); HourlyCost is the cost of one paid
	// agent hour and HoursPerFTE the contracted hours of one FTE a week.
	Currency    string
	HourlyCost  float64
	HoursPerFTE float64
	// Goal and Target are the SLA: Goal of contacts answered within Target.
	Goal   float64
	Target time.Duration
	// Confidence is the probability of meeting the SLA in a week the
	// recommended headcount must reach (0.9).
	Confidence float64
	// Weeks is the number of simulated weeks behind each P(meet) (the
	// replications), 0 when not known: then shares are written as
	// percentages.
	Weeks int
	// Week is the start of the simulated week of the sweep.
	Week time.Time
	// Cases are the volume cases, the first the forecast.
	Cases []HeadcountCase
	// Today is the baseline roster over the same week at forecast volume
	// (today's roster, or the optimised one when there is none), nil when
	// not simulated; TodayLabel names it ("" means "today's roster").
	Today      *HeadcountPoint
	TodayLabel string
	// Lines are the plain-language sentences for a budget request.
	Lines []string
	// Steps say what each stage of the pipeline did (forecast method and
	// accuracy, requirements, roster), one sentence each.
	Steps []string
	// Charts are shown in the headcount section (HeadcountCharts).
	Charts []Chart
	// Quality is the data-quality section: what the plan was built from;
	// nil leaves it out.
	Quality *DataQuality
	// Roster is the recommended roster (scenario.yaml) as a table; nil
	// leaves it out.
	Roster *Roster
	// Words name the desk's people and work (ContactWords when zero).
	Words Words
}

// W is the plan's vocabulary (ContactWords by default).
func (p *Plan) W() Words {
	if p.Words == (Words{}) {
		return ContactWords
	}
	return p.Words
}

// HeadcountCase is one volume case of the sweep: a point per headcount in
// increasing order, and the index of the smallest that meets the SLA with
// the confidence asked for (−1: none does).
type HeadcountCase struct {
	Name     string
	Points   []HeadcountPoint
	Smallest int
}

// Recommended returns the smallest point that meets the SLA with the
// confidence asked for, and false (with the largest point) when none does.
func (c HeadcountCase) Recommended() (HeadcountPoint, bool) {
	if len(c.Points) == 0 {
		return HeadcountPoint{}, false
	}
	if c.Smallest >= 0 && c.Smallest < len(c.Points) {
		return c.Points[c.Smallest], true
	}
	return c.Points[len(c.Points)-1], false
}

// HeadcountPoint is one headcount of one case over the simulated week.
type HeadcountPoint struct {
	Agents           int      `json:"agents"`
	FTE              float64  `json:"fte"`
	PaidHoursPerWeek float64  `json:"paid_hours_per_week"`
	CostPerWeek      float64  `json:"cost_per_week"`
	CostPerYear      float64  `json:"cost_per_year"`
	ServiceLevel     Estimate `json:"service_level"`
	ASASeconds       Estimate `json:"asa_seconds"`
	AbandonRate      Estimate `json:"abandon_rate"`
	// PMeet is the share of simulated weeks whose service level reached
	// the goal: the probability of meeting the SLA in a week.
	PMeet float64 `json:"p_meet"`
}

// Money writes an amount for people, with the currency in front and
// millions or thousands abbreviated: £1.9 M, £48 k, £7.5 k, £950.
func Money(currency string, x float64) string {
	x = finite(x)
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	var s string
	switch {
	case x >= 999.5e3:
		s = trimZero(strconv.FormatFloat(x/1e6, 'f', 1, 64)) + " M"
	case x >= 9995:
		s = strconv.FormatFloat(math.Round(x/1e3), 'f', 0, 64) + " k"
	case x >= 999.5:
		s = trimZero(strconv.FormatFloat(x/1e3, 'f', 1, 64)) + " k"
	default:
		s = strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	}
	return sign + currency + s
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// SLAWords writes an SLA the way people say it: "80% in 20s".
func SLAWords(goal float64, target time.Duration) string {
	return pct(goal) + " in " + fmtTarget(target.Seconds())
}

// WeeksWords writes a share of n simulated weeks as a count, so that 20
// replications never claim more than they show: "all 20 simulated weeks",
// "18 of 20 simulated weeks", "none of the 20 simulated weeks"; with n ≤ 0,
// "90% of simulated weeks".
func WeeksWords(share float64, n int) string {
	if n <= 0 {
		return pct(finite(share)) + " of simulated weeks"
	}
	switch k := int(math.Round(finite(share) * float64(n))); {
	case k >= n:
		return fmt.Sprintf("all %d simulated weeks", n)
	case k <= 0:
		return fmt.Sprintf("none of the %d simulated weeks", n)
	default:
		return fmt.Sprintf("%d of %d simulated weeks", k, n)
	}
}

// AtLeastWords writes the confidence a recommendation must reach in n
// simulated weeks: "at least 18 of 20 simulated weeks", or "all 4
// simulated weeks" when n weeks cannot resolve the level (⌈c·n⌉ = n);
// with n ≤ 0, "at least 90% of simulated weeks".
func AtLeastWords(confidence float64, n int) string {
	if n <= 0 {
		return "at least " + pct(finite(confidence)) + " of simulated weeks"
	}
	k := MinWeeks(confidence, n)
	if k >= n {
		return fmt.Sprintf("all %d simulated weeks", n)
	}
	return fmt.Sprintf("at least %d of %d simulated weeks", k, n)
}

// MinWeeks is the fewest of n simulated weeks that must meet the SLA for
// a share of at least confidence: ⌈confidence·n⌉ (at least 1).
func MinWeeks(confidence float64, n int) int {
	return max(1, int(math.Ceil(confidence*float64(n)-1e-9)))
}

// fte writes a number of FTE with one decimal (and none when whole).
func fte(x float64) string { return trimZero(strconv.FormatFloat(finite(x), 'f', 1, 64)) }

// planFuncs are the template functions of the plan section.
var planFuncs = map[string]any{
	"planMoney": func(p *Plan, x float64) string { return Money(p.Currency, x) },
	"fte":       fte,
	"pmeet":     func(x float64) string { return fmt.Sprintf("%.0f%%", 100*finite(x)) },
	"weeks":     func(p *Plan, x float64) string { return WeeksWords(x, p.Weeks) },
	"sla":       func(p *Plan) string { return SLAWords(p.Goal, p.Target) },
	"isRec":     func(c HeadcountCase, i int) bool { return c.Smallest == i },
	"weekOf":    func(t time.Time) string { return t.Format("Mon 02 Jan 2006") },
	"chartSrc": func(c Chart) (template.URL, error) {
		var buf bytes.Buffer
		if err := c.Render(&buf, "png"); err != nil {
			return "", fmt.Errorf("chart %s: %w", c.Name, err)
		}
		return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())), nil
	},
	"todayLabel": func(p *Plan) string { return titleCase(p.todayLabel()) },
	"rec": func(c HeadcountCase) map[string]any {
		p, ok := c.Recommended()
		return map[string]any{"P": p, "OK": ok}
	},
}

func init() {
	for k, v := range planFuncs {
		funcs[k] = v
	}
}

// NewChart wraps a plot drawn elsewhere (a forecast, a requirement) as a
// chart of the report.
func NewChart(name, title, explain string, p *plot.Plot) Chart {
	return Chart{Name: name, Title: title, Explain: explain, plot: p}
}

func (p *Plan) todayLabel() string {
	if p.TodayLabel == "" {
		return "today's roster"
	}
	return p.TodayLabel
}

// FTEWords writes FTE to one decimal, without a trailing .0: 31.5, 30.
func FTEWords(x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

// PercentPM writes an estimate as "71% ± 3%".
func PercentPM(e Estimate) string {
	if !e.Defined() {
		return "undefined (no contacts)"
	}
	s := fmt.Sprintf("%.0f%%", 100*e.Mean)
	if e.N > 1 {
		s += fmt.Sprintf(" ± %.0f%%", math.Max(100*(e.High-e.Low)/2, 0.5))
	}
	return s
}
