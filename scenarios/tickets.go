package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/internal/yamlwalk"
	"github.com/staffsim/staffsim/sim/calendar"
	"go.yaml.in/yaml/v3"
)

// Calendar is a named business calendar of a scenario (calendars: in a
// file): opening hours per weekday, holidays and a time zone. Ticket SLAs
// count their targets on one (see package sim/calendar for the
// arithmetic).
type Calendar struct {
	Name     string
	Location *time.Location // the scenario's zone when the file gives none
	Hours    calendar.Hours // each day's spans by start
	Holidays []calendar.Date
	// HolidaysFile is the holiday file as written in the scenario
	// (relative to its directory; forecast.ReadHolidays' format), from
	// which Holidays were read; "" when they were listed in the file.
	HolidaysFile string
}

// Clock returns the calendar's business-time arithmetic.
func (c *Calendar) Clock() (*calendar.Calendar, error) {
	cal, err := calendar.New(c.Location, c.Hours, c.Holidays)
	if err != nil {
		return nil, fmt.Errorf("calendar %q: %w", c.Name, err)
	}
	return cal, nil
}

// Clock returns the business calendar named name ("" the 24×7 one in the
// scenario's zone).
func (s *Scenario) Clock(name string) (*calendar.Calendar, error) {
	if name == "" {
		return calendar.Always(s.Location), nil
	}
	for i := range s.Calendars {
		if s.Calendars[i].Name == name {
			return s.Calendars[i].Clock()
		}
	}
	return nil, fmt.Errorf("no calendar %q in the scenario", name)
}

const hoursHint = `write hours per day as {mon-fri: "09:00-17:30", sat: "10:00-14:00"}, or 24x7`

// calendars walks the calendars: section.
func (w *walker) calendars(n *yaml.Node, s *Scenario) {
	pairs, ok := w.Pairs(n, "calendars", `named calendars such as {office: {hours: {mon-fri: "09:00-17:30"}}}`)
	if !ok {
		w.calendarsBad = true
		return
	}
	if len(pairs) == 0 {
		w.Errorf(n, "calendars", `name at least one calendar, e.g. office: {hours: {mon-fri: "09:00-17:30"}}, or leave calendars out`, "no calendars")
	}
	for _, p := range pairs {
		if p.Key == NoCalendar {
			w.Errorf(p.KeyNode, sub("calendars", p.Key), "choose another name: calendar: none means 24x7 where tickets name a calendar", "a calendar may not be named %s", NoCalendar)
			continue
		}
		w.calendarNames = append(w.calendarNames, p.Key)
		if c, ok := w.calendar(p.Val, sub("calendars", p.Key), p.Key, s.Location); ok {
			s.Calendars = append(s.Calendars, c)
		}
	}
}

// calendar walks one calendar's keys (timezone, hours, holidays); loc is
// the zone when it names none.
func (w *walker) calendar(n *yaml.Node, path, name string, loc *time.Location) (Calendar, bool) {
	c := Calendar{Name: name, Location: loc}
	f, ok := w.Mapping(n, path, "a calendar (timezone, hours, holidays)", "timezone", "hours", "holidays")
	if !ok {
		return c, false
	}
	w.Require(f, path, map[string]string{"hours": "add " + strings.TrimPrefix(hoursHint, "write ")}, "hours")
	errs := w.Len()
	if v := f.Vals["timezone"]; v != nil {
		if loc, ok := w.zone(v, sub(path, "timezone")); ok {
			c.Location = loc
		}
	}
	if v := f.Vals["hours"]; v != nil {
		c.Hours = w.hours(v, sub(path, "hours"))
	}
	if v := f.Vals["holidays"]; v != nil {
		c.Holidays, c.HolidaysFile = w.holidays(v, sub(path, "holidays"))
	}
	if w.Len() == errs && f.Has("hours") {
		cal, err := calendar.New(c.Location, c.Hours, c.Holidays)
		if err != nil {
			w.Errorf(f.Vals["hours"], sub(path, "hours"), "", "%v", err)
		} else {
			c.Hours = cal.Hours()
		}
	}
	return c, true
}

// LoadCalendar reads a calendar file: the keys of one calendar of a
// scenario's calendars: section (timezone, hours, holidays), at the top
// level. loc is the zone when the file names none (nil: UTC); a holiday
// file is relative to the calendar file. Errors are located like a
// scenario's (an Errors of *Error).
func LoadCalendar(path string, loc *time.Location) (*Calendar, error) {
	if loc == nil {
		loc = time.UTC
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, yamlwalk.New("calendar", path).FileError("", "%v", err)
	}
	w := &walker{Walker: yamlwalk.New("calendar", path), dir: filepath.Dir(path)}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var c Calendar
	err = w.Parse(data, `a calendar needs hours, e.g. hours: {mon-fri: "09:00-17:30"}`, func(root *yaml.Node) {
		c, _ = w.calendar(root, "", name, loc)
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// hours walks opening hours: the text form of calendar.ParseHours ("24x7",
// "mon-fri=09:00-17:30"), or a mapping of days to spans, each spans a text
// ("09:00-12:00, 13:00-17:30") or a list of them.
func (w *walker) hours(n *yaml.Node, path string) calendar.Hours {
	var h calendar.Hours
	if n.Kind == yaml.ScalarNode {
		txt, ok := w.Scalar(n, path, "opening hours", hoursHint)
		if !ok {
			return h
		}
		h, err := calendar.ParseHours(txt)
		if err != nil {
			w.Errorf(n, path, hoursHint, "%v", err)
		}
		return h
	}
	pairs, ok := w.Pairs(n, path, "opening hours per day such as {mon-fri: \"09:00-17:30\"}")
	if !ok {
		return h
	}
	for _, p := range pairs {
		dp := sub(path, p.Key)
		days, err := calendar.ParseDays(p.Key)
		if err != nil {
			w.Errorf(p.KeyNode, dp, "", "%v", err)
			continue
		}
		var spans []calendar.Span
		items := []*yaml.Node{p.Val}
		if p.Val.Kind == yaml.SequenceNode {
			items, _ = w.Seq(p.Val, dp, "a list of spans")
		}
		for i, it := range items {
			ip := dp
			if p.Val.Kind == yaml.SequenceNode {
				ip = index(dp, i)
			}
			txt, ok := w.Scalar(it, ip, "spans", `write spans such as "09:00-12:00, 13:00-17:30", or closed`)
			if !ok {
				continue
			}
			sp, err := calendar.ParseSpans(txt)
			if err != nil {
				w.Errorf(it, ip, "", "%v", err)
				continue
			}
			spans = append(spans, sp...)
		}
		if err := h.Set(days, spans); err != nil {
			w.Errorf(p.KeyNode, dp, "", "%v", err)
		}
	}
	return h
}

// holidays walks a calendar's holidays: a holiday file (read by
// forecast.ReadHolidays, relative to the scenario) or a list of dates (each
// read by forecast.ParseDate, as the file's lines are). It returns the
// dates, sorted and without repeats, and the file as written.
func (w *walker) holidays(n *yaml.Node, path string) ([]calendar.Date, string) {
	var set forecast.Holidays
	file := ""
	switch n.Kind {
	case yaml.SequenceNode:
		items, _ := w.Seq(n, path, "a list of dates")
		set = forecast.Holidays{}
		for i, it := range items {
			txt, ok := w.Scalar(it, index(path, i), "a date", "write YYYY-MM-DD, e.g. 2026-12-25")
			if !ok {
				continue
			}
			d, err := forecast.ParseDate(txt)
			if err != nil {
				w.Errorf(it, index(path, i), "", "%v", err)
				continue
			}
			set[d] = true
		}
	default:
		var ok bool
		if file, ok = w.Scalar(n, path, "a holiday file or a list of dates", "name a file with one YYYY-MM-DD per line, or list [2026-12-25, 2026-12-28]"); !ok {
			return nil, ""
		}
		errs := w.Len()
		w.checkFile(n, path, file)
		if w.Len() > errs {
			return nil, file
		}
		full := w.resolve(file)
		f, err := os.Open(full)
		if err != nil {
			w.Errorf(n, path, "", "%v", err)
			return nil, file
		}
		defer f.Close()
		if set, err = forecast.ReadHolidays(f, full); err != nil {
			w.Errorf(n, path, "", "%v", err)
			return nil, file
		}
	}
	var out []calendar.Date
	for _, d := range set.Sorted() {
		out = append(out, calendar.Date(d))
	}
	return out, file
}

// calendarsNode writes the calendars: section.
func (s *Scenario) calendarsNode() (*yaml.Node, error) {
	cm := newMap(false)
	for _, c := range s.Calendars {
		m := newMap(false)
		loc := c.Location
		if loc == nil {
			loc = time.UTC
		}
		tz, err := zoneName(loc, s.Start)
		if err != nil {
			return nil, fileError(s.File, "give the calendar an IANA time zone", "calendars.%s.timezone: %v", c.Name, err)
		}
		m.add("timezone", str(tz))
		if text := c.Hours.String(); text == calendar.Always24x7 || text == "closed" {
			m.add("hours", str(text))
		} else {
			hm := newMap(false)
			for _, group := range strings.Split(text, ";") {
				days, spans, _ := strings.Cut(group, "=")
				hm.add(days, str(spans))
			}
			m.add("hours", hm.Node)
		}
		switch {
		case c.HolidaysFile != "":
			m.add("holidays", str(c.HolidaysFile))
		case len(c.Holidays) > 0:
			hs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			ds := append([]calendar.Date(nil), c.Holidays...)
			sort.Slice(ds, func(i, j int) bool { return ds[i].String() < ds[j].String() })
			for _, d := range ds {
				hs.Content = append(hs.Content, str(d.String()))
			}
			m.add("holidays", hs)
		}
		cm.add(c.Name, m.Node)
	}
	return cm.Node, nil
}

// targetNode writes an SLA as PCT/DURATION ("90/4h") when that reads back
// exactly, else as {target, goal}.
func targetNode(s SLA) *yaml.Node {
	q := quantity.Target{Goal: s.Goal, Within: s.Target}
	if back, err := quantity.ParseTarget(q.String()); err == nil && back == q {
		return str(q.String())
	}
	sm := newMap(true)
	sm.add("target", str(fmtDuration(s.Target)))
	sm.add("goal", str(fmtFraction(s.Goal)))
	return sm.Node
}
