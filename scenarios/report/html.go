package report

import (
	"bytes"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

//go:embed report.html.tmpl plan.html.tmpl roster.html.tmpl capacity.html.tmpl replay.html.tmpl tickets.html.tmpl ticketplan.html.tmpl
var templates embed.FS

// Page is one HTML report: a single run (simulate) or several runs side by
// side (compare).
type Page struct {
	// Title heads the page.
	Title string
	// Runs are the scenarios shown; Names their names, in order.
	Runs  []*Run
	Names []string
	// Cheapest is the index of the cheapest run that meets every SLA, or
	// -1 when none does (only shown with several runs).
	Cheapest int
	// Charts are embedded in order, as PNG images.
	Charts []Chart
	// Notes are shown under the summary (e.g. how requirements were
	// computed, what was left out).
	Notes []string
	// Generated says what made the report ("staffsim v1.2 on …").
	Generated string
	// Plan, when set, heads the page with the headcount case of
	// staffsim plan (plan.html.tmpl).
	Plan *Plan
	// Roster, when set, is shown as a table of shifts (the scenario's
	// roster; the recommended one in a plan).
	Roster *Roster
	// Words name the desk's people and work; the zero value means
	// ContactWords.
	Words Words
	// Capacity, when set, heads the page with the long-range capacity
	// plan of staffsim capacity (capacity.html.tmpl).
	Capacity *Capacity
	// Replay, when set, heads the page with staffsim replay's simulated
	// vs measured figures (replay.html.tmpl).
	Replay *Replay
	// TicketPlan, when set, heads the page with a ticket-desk plan
	// (ticketplan.html.tmpl).
	TicketPlan *TicketPlan
}

// words returns the page's vocabulary: ContactWords by default,
// TicketWords for a single ticket desk without phone queues.
func (p *Page) words() Words {
	if p.Words != (Words{}) {
		return p.Words
	}
	if len(p.Runs) == 1 && p.Runs[0].Tickets != nil && len(p.Runs[0].Summary.Queues) == 0 {
		return p.Runs[0].Tickets.W()
	}
	return ContactWords
}

// WriteHTML writes the page as one self-contained HTML file: styles inline,
// charts embedded as base64 PNG, no script and no network access.
func WriteHTML(w io.Writer, p *Page) error {
	t, err := template.New("report.html.tmpl").Funcs(funcs).ParseFS(templates, "report.html.tmpl", "plan.html.tmpl", "roster.html.tmpl", "capacity.html.tmpl", "replay.html.tmpl", "tickets.html.tmpl", "ticketplan.html.tmpl")
	if err != nil {
		return err
	}
	type chartView struct {
		Chart
		Src template.URL
	}
	// Charts of a section (the ticket desk's) are shown in it, the others
	// under "Charts".
	var views, ticketViews []chartView
	for _, c := range p.Charts {
		var buf bytes.Buffer
		if err := c.Render(&buf, "png"); err != nil {
			return fmt.Errorf("chart %s: %w", c.Name, err)
		}
		v := chartView{c, template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))}
		if c.section == ticketSection {
			ticketViews = append(ticketViews, v)
		} else {
			views = append(views, v)
		}
	}
	type ticketView struct {
		T      *Tickets
		Charts []chartView
	}
	return t.Execute(w, struct {
		*Page
		ChartViews []chartView
		W          Words
		TicketView func(*Tickets) ticketView
	}{p, views, p.words(), func(t *Tickets) ticketView { return ticketView{t, ticketViews} }})
}

// Cheapest returns the index of the run with the lowest mean cost among
// those that meet every SLA and have a cost (ties: the first), or -1 when
// none does.
func Cheapest(runs []*Run) int {
	best := -1
	for i, r := range runs {
		if !r.Summary.AllSLAsMet || !r.Summary.HasCost() {
			continue
		}
		if best < 0 || r.Summary.Cost.Mean < runs[best].Summary.Cost.Mean {
			best = i
		}
	}
	return best
}

var funcs = template.FuncMap{
	"pct": func(e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		return pct(e.Mean)
	},
	"pctv": pct,
	"ci": func(e Estimate, kind string) string {
		if !e.Defined() || e.N < 2 {
			return ""
		}
		switch kind {
		case "pct":
			return pct(e.Low) + " – " + pct(e.High)
		case "secs":
			return secs(e.Low) + " – " + secs(e.High)
		case "money":
			return money(e.Low) + " – " + money(e.High)
		}
		return thousands(e.Low, 1) + " – " + thousands(e.High, 1)
	},
	"secs": func(e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		return secs(e.Mean)
	},
	"target": fmtTarget,
	// money writes an amount with its currency: "£117 879.48".
	"money": func(currency string, e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		return currency + money(e.Mean)
	},
	"moneyv": func(currency string, x float64) string { return currency + money(x) },
	"when":   when,
	"occWords": func(e Estimate, w Words) string {
		if !e.Defined() {
			return ""
		}
		return OccupancyWords(e.Mean, w)
	},
	"hours": func(e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		return thousands(e.Mean, 1) + " h"
	},
	"count": func(e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		return thousands(e.Mean, 0)
	},
	"date": func(t time.Time) string { return t.Format("Mon 02 Jan 2006 15:04 MST") },
	"days": func(s Summary) string {
		d := s.End.Sub(s.Start).Hours() / 24
		return strconv.FormatFloat(math.Round(d*10)/10, 'f', -1, 64)
	},
	"interval": func(secs float64) string { return IntervalWords(time.Duration(secs) * time.Second) },
	"title":    titleCase,
	"inc":      func(i int) int { return i + 1 },
	"missed": func(r *Run) []string {
		var out []string
		for _, q := range r.Summary.Queues {
			if !q.SLAMet {
				out = append(out, q.Queue)
			}
		}
		if r.Tickets != nil {
			out = append(out, r.Tickets.Missed()...)
		}
		return out
	},
	"join": strings.Join,
	"queueIn": func(r *Run, name string) *QueueSummary {
		for i := range r.Summary.Queues {
			if r.Summary.Queues[i].Queue == name {
				return &r.Summary.Queues[i]
			}
		}
		return nil
	},
}

// when writes the start of a run with its time zone: "Mon 06 Jul 2026
// 00:00 BST (Europe/London)", and "Mon 06 Jul 2026 00:00 UTC" when the
// zone's name is its abbreviation (not "UTC (UTC)").
func when(t time.Time, zone string) string {
	s := t.Format("Mon 02 Jan 2006 15:04 MST")
	if abbr, _ := t.Zone(); zone == "" || zone == abbr || zone == "Local" {
		return s
	}
	return s + " (" + zone + ")"
}

// secs is Seconds, the one duration format.
func secs(x float64) string { return Seconds(x) }

func money(x float64) string { return thousands(x, 2) }

// thousands writes x with the given decimals and thin-space thousands
// separators (12 345.60), readable whatever the reader's locale.
func thousands(x float64, decimals int) string {
	s := strconv.FormatFloat(finite(x), 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
