package scenarios

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"go.yaml.in/yaml/v3"
)

// Marshal writes the scenario in the scenario file format, with every
// value explicit (defaults included), so that Parse of the result gives
// back the same scenario. Paths are written as they were given.
func (s *Scenario) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	if err := s.WriteYAML(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteYAML writes the scenario to w (see Marshal).
func (s *Scenario) WriteYAML(w io.Writer) error {
	n, err := s.node()
	if err != nil {
		return err
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	return enc.Close()
}

func (s *Scenario) node() (*yaml.Node, error) {
	m := newMap(false)
	m.add("name", str(s.Name))
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	tz, err := zoneName(loc, s.Start)
	if err != nil {
		return nil, fileError(s.File, "give the desk's IANA time zone (e.g. --tz Asia/Kolkata)", "timezone: %v", err)
	}
	m.add("timezone", str(tz))
	start := s.Start.In(loc)
	if start.Equal(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc)) {
		m.add("start", str(start.Format("2006-01-02")))
	} else {
		m.add("start", str(start.Format(time.RFC3339Nano)))
	}
	m.add("days", num(strconv.Itoa(s.Days)))
	m.add("interval", str(fmtDuration(s.Interval)))
	m.add("warmup", str(fmtDuration(s.Warmup)))
	m.add("replications", num(strconv.Itoa(s.Replications)))
	m.add("seed", num(strconv.FormatUint(s.Seed, 10)))
	if len(s.Calendars) > 0 {
		cn, err := s.calendarsNode()
		if err != nil {
			return nil, err
		}
		m.add("calendars", cn)
	}
	qs := &yaml.Node{Kind: yaml.SequenceNode}
	for _, q := range s.Queues {
		qm := newMap(false)
		qm.add("name", str(q.Name))
		qm.add("priority", num(strconv.Itoa(q.Priority)))
		qm.add("arrivals", arrivalsNode(q.Arrivals))
		qm.add("handle_time", distNode(q.HandleTime))
		if q.Patience != nil {
			qm.add("patience", distNode(*q.Patience))
		}
		if q.WrapUp != nil {
			qm.add("wrap_up", distNode(*q.WrapUp))
		}
		if q.PickUp != nil {
			qm.add("pickup_delay", distNode(*q.PickUp))
		}
		sm := newMap(true)
		if len(q.MoreTargets) > 0 {
			ts := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, t := range append([]time.Duration{q.SLA.Target}, q.MoreTargets...) {
				ts.Content = append(ts.Content, str(fmtDuration(t)))
			}
			sm.add("targets", ts)
		} else {
			sm.add("target", str(fmtDuration(q.SLA.Target)))
		}
		sm.add("goal", str(fmtFraction(q.SLA.Goal)))
		qm.add("sla", sm.Node)
		qm.add("initial_backlog", num(strconv.Itoa(q.InitialBacklog)))
		if q.OverflowAfter > 0 {
			qm.add("overflow_after", str(fmtDuration(q.OverflowAfter)))
		}
		qs.Content = append(qs.Content, qm.Node)
	}
	if len(s.Queues) > 0 || s.Tickets == nil {
		m.add("queues", qs)
	}
	if s.Tickets != nil {
		tn, err := s.ticketsNode()
		if err != nil {
			return nil, err
		}
		m.add("tickets", tn)
	}
	rm := newMap(false)
	rm.add("shrinkage", str(fmtShrinkage(s.Roster.Shrinkage)))
	if r := &s.Roster; r.NotReady > 0 {
		addNotReady(rm, &r.NotReady, r.NotReadySpell)
	}
	shs := &yaml.Node{Kind: yaml.SequenceNode}
	for _, sh := range s.Roster.Shifts {
		shm := newMap(false)
		shm.add("name", str(sh.Name))
		shm.add("start", str(fmtClock(sh.Start)))
		shm.add("length", str(fmtDuration(sh.Length)))
		if sh.Days != nil {
			days := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, d := range sh.Days {
				days.Content = append(days.Content, str(strings.ToLower(d.String()[:3])))
			}
			shm.add("days", days)
		}
		if sh.Dates != nil {
			dates := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, d := range sh.Dates {
				dates.Content = append(dates.Content, str(d.Format(time.DateOnly)))
			}
			shm.add("dates", dates)
		}
		if sh.HardEnd {
			shm.add("end", str("hard"))
		}
		addNotReady(shm, sh.NotReady, sh.NotReadySpell)
		shm.add("agents", num(strconv.Itoa(sh.Agents)))
		if sh.Skills != nil {
			sk := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, q := range sh.Skills {
				sk.Content = append(sk.Content, str(q))
			}
			shm.add("skills", sk)
		}
		if sh.Reserved != nil {
			rs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, q := range sh.Reserved {
				rs.Content = append(rs.Content, str(q))
			}
			shm.add("reserved", rs)
		}
		if len(sh.Breaks) > 0 {
			bs := &yaml.Node{Kind: yaml.SequenceNode}
			for _, b := range sh.Breaks {
				bm := newMap(true)
				bm.add("after", str(fmtDuration(b.After)))
				bm.add("length", str(fmtDuration(b.Length)))
				if b.Unpaid {
					bm.add("unpaid", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
				}
				bs.Content = append(bs.Content, bm.Node)
			}
			shm.add("breaks", bs)
		}
		shs.Content = append(shs.Content, shm.Node)
	}
	if len(s.Roster.Shifts) > 0 || s.Roster.Staffing == "" {
		rm.add("shifts", shs)
	}
	if s.Roster.Staffing != "" {
		rm.add("staffing", str(s.Roster.Staffing))
	}
	m.add("roster", rm.Node)
	if !s.Cost.None {
		cm := newMap(false)
		cm.add("hourly", num(fmtFloat(s.Cost.Hourly)))
		if s.Cost.Currency != "" {
			cm.add("currency", str(s.Cost.Currency))
		}
		m.add("cost", cm.Node)
	}
	return m.Node, nil
}

// arrivalsNode writes a queue's or a ticket priority's arrivals.
func arrivalsNode(a Arrivals) *yaml.Node {
	am := newMap(true)
	switch {
	case a.Forecast != "":
		am.add("forecast", str(a.Forecast))
	case a.History != "":
		am.add("history", str(a.History))
	default:
		am.add("rate", str(fmtRate(a.Rate)))
	}
	if len(a.Columns) > 0 {
		cm := newMap(true)
		for _, field := range history.Fields() { // in a fixed order
			if h, ok := a.Columns[field]; ok {
				cm.add(field, str(h))
			}
		}
		am.add("columns", cm.Node)
	}
	if a.OwnHandleTimes {
		am.add("own_handle_times", boolNode(true))
	}
	if a.OwnPatience {
		am.add("own_patience", boolNode(true))
	}
	if a.FlatAHT && a.Forecast != "" {
		am.add("interval_aht", boolNode(false))
	}
	am.add("scale", num(fmtFloat(a.Volume())))
	return am.Node
}

func boolNode(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

// zoneName returns the name Parse reads back as loc: its IANA name, or
// for a fixed offset (a zone read from a time's "+01:00", which has no
// IANA name) UTC for +00:00 and Etc/GMT∓H for a whole number of hours
// (the Etc zones' sign is POSIX's, inverted: +05:00 is Etc/GMT-5). Other
// fixed offsets (+05:30) have no name that keeps their meaning.
func zoneName(loc *time.Location, at time.Time) (string, error) {
	name := loc.String()
	if name != "Local" {
		if _, err := time.LoadLocation(name); err == nil {
			return name, nil
		}
	}
	_, off := at.In(loc).Zone()
	switch {
	case off == 0:
		return "UTC", nil
	case off%3600 == 0 && off >= -12*3600 && off <= 14*3600:
		etc := fmt.Sprintf("Etc/GMT%+d", -off/3600)
		if _, err := time.LoadLocation(etc); err == nil {
			return etc, nil
		}
	}
	return "", fmt.Errorf("the fixed offset %s has no IANA name", at.In(loc).Format("-07:00"))
}

func distNode(d Distribution) *yaml.Node {
	m := newMap(true)
	m.add("distribution", str(d.Kind.String()))
	if d.Kind == Empirical {
		vs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, v := range d.Values {
			vs.Content = append(vs.Content, str(fmtDuration(v)))
		}
		m.add("values", vs)
		return m.Node
	}
	m.add("mean", str(fmtDuration(d.Mean)))
	if d.Kind == LogNormal || d.Kind == Gamma {
		m.add("cv", num(fmtFloat(d.CV)))
	}
	return m.Node
}

type ymap struct{ *yaml.Node }

func newMap(flow bool) ymap {
	n := &yaml.Node{Kind: yaml.MappingNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return ymap{n}
}

func (m ymap) add(key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// str is a string scalar; the encoder quotes it when it would read back
// as another type (e.g. "07:00" or "yes").
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// num is a plain numeric scalar.
func num(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// fmtDuration writes d as briefly as quantity.ParseDuration reads it back
// ("8h30m", "2d").
func fmtDuration(d time.Duration) string { return quantity.FormatDuration(d) }

func fmtClock(d time.Duration) string {
	h, m, sec := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	s := twoDigits(h) + ":" + twoDigits(m)
	if sec != 0 {
		s += ":" + twoDigits(sec)
	}
	return s
}

func twoDigits(x int) string {
	if x < 10 {
		return "0" + strconv.Itoa(x)
	}
	return strconv.Itoa(x)
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// fmtFraction writes a share as a percentage when that reads back exactly,
// else as a plain fraction (which always does).
func fmtFraction(x float64) string {
	p := strconv.FormatFloat(x*100, 'f', -1, 64) + "%"
	if v, err := quantity.ParseFraction(p); err == nil && v == x && len(p) <= 8 {
		return p
	}
	return fmtFloat(x)
}

// fmtShrinkage writes a shrinkage as a person types it, a percentage to
// 0.01 % ("11.28%", not "0.11281471917366037"); it reads back as
// RoundShrinkage(x), which is what Desk gives its scenarios, so that a
// written scenario simulates the same as the one in memory.
func fmtShrinkage(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/100, 'f', -1, 64) + "%"
}

// RoundShrinkage is x to 0.01 %, exactly as a scenario file written with it
// reads back.
func RoundShrinkage(x float64) float64 {
	v, err := quantity.ParseFraction(fmtShrinkage(x))
	if err != nil {
		return x
	}
	return v
}

// fmtRate writes a per-hour rate as COUNT/h such that quantity.ParseRate
// reads back exactly r: ParseRate computes n·3600e9/3600e9, which can be
// one unit in the last place off, so a neighbour of r may be the right n.
func fmtRate(r float64) string {
	cand := r
	for i := 0; i < 8; i++ {
		s := strconv.FormatFloat(cand, 'g', -1, 64) + "/h"
		if v, err := quantity.ParseRate(s); err == nil && v == r {
			return s
		}
		if i%2 == 0 {
			cand = math.Nextafter(r, math.Inf(1))
			for j := 0; j < i/2; j++ {
				cand = math.Nextafter(cand, math.Inf(1))
			}
		} else {
			cand = math.Nextafter(r, math.Inf(-1))
			for j := 0; j < i/2; j++ {
				cand = math.Nextafter(cand, math.Inf(-1))
			}
		}
	}
	return strconv.FormatFloat(r, 'g', -1, 64) + "/h"
}
