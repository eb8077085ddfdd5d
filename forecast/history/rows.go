package history

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The times accepted, in Unix seconds: 1970-01-01 to 2200-01-01. The
// bounds keep a typo ("0026-01-05") from stretching a series over
// centuries of empty intervals.
const (
	minTime = 0
	maxTime = 7258118400
)

// timeField parses a time column of rec; a missing value is the zero time.
func (rd *Reader) timeField(c *column, rec []string, line int) (time.Time, *Reject) {
	if c == nil {
		return time.Time{}, nil
	}
	v := c.value(rec)
	if missing(v) {
		return time.Time{}, nil
	}
	layout := c.layout // settled by detect, cached here to spare a map lookup per value
	if layout == "" {
		return time.Time{}, rd.reject(line, c, "%q is not a time in a known layout", v)
	}
	t, err := parseValue(layout, v, rd.loc)
	if err != nil {
		return time.Time{}, rd.reject(line, c, "%q does not match the time layout %q of this column (set it with --time-format)", v, layout)
	}
	if u := t.Unix(); u < minTime || u >= maxTime {
		return time.Time{}, rd.reject(line, c, "%q is out of range (before 1970 or after 2199): a wrong year or layout?", v)
	}
	return t, nil
}

// ticketRow parses one row into tk.
func (rd *Reader) ticketRow(rec []string, line int, tk *Ticket) *Reject {
	var rej *Reject
	if tk.Created, rej = rd.timeField(rd.created, rec, line); rej != nil {
		return rej
	}
	if tk.Created.IsZero() && rd.events == nil {
		return rd.reject(line, rd.created, "no creation time")
	}
	// The optional fields: a bad value is dropped, the row kept.
	if tk.FirstResponse, rej = rd.timeField(rd.firstResp, rec, line); rej != nil {
		rd.drop(rd.firstResp, rej)
	}
	if tk.Resolved, rej = rd.timeField(rd.resolved, rec, line); rej != nil {
		rd.drop(rd.resolved, rej)
	}
	tk.HandleSeconds, tk.HasHandle = 0, false
	if rd.handle != nil {
		v := rec[rd.handle.idx]
		if !missing(v) {
			s, err := parseSeconds(v)
			if err != nil {
				rd.drop(rd.handle, rd.reject(line, rd.handle, "%v", err))
			} else {
				tk.HandleSeconds, tk.HasHandle = s, s > 0
			}
		}
	}
	tk.Priority, tk.Channel, tk.Category = text(rd.priority, rec), text(rd.channel, rec), text(rd.category, rec)
	rd.extraValues(rec, tk)
	return nil
}

// check applies the rules a whole ticket must meet: a creation in the
// future rejects the ticket; a resolution or first response before the
// creation is dropped (the ticket keeps its arrival).
func (rd *Reader) check(tk *Ticket, line int) *Reject {
	if !rd.opt.Future && tk.Created.After(rd.now) {
		if rd.opt.NowIs != "" {
			return rd.reject(line, rd.created, "created %s, after %s (%s): a wrong year, time zone or day/month order?",
				tk.Created.Format(time.RFC3339), rd.opt.NowIs, rd.now.In(rd.loc).Format(time.RFC3339))
		}
		return rd.reject(line, rd.created, "created %s, which is in the future (now is %s): a wrong year, time zone or day/month order?",
			tk.Created.Format(time.RFC3339), rd.now.In(rd.loc).Format(time.RFC3339))
	}
	if !tk.Resolved.IsZero() && tk.Resolved.Before(tk.Created) {
		rd.drop(rd.resolved, rd.reject(line, rd.resolved, "resolved %s before it was created %s", tk.Resolved.Format(time.RFC3339), tk.Created.Format(time.RFC3339)))
		tk.Resolved = time.Time{}
	}
	if !tk.FirstResponse.IsZero() && tk.FirstResponse.Before(tk.Created) {
		rd.drop(rd.firstResp, rd.reject(line, rd.firstResp, "first response %s before it was created %s", tk.FirstResponse.Format(time.RFC3339), tk.Created.Format(time.RFC3339)))
		tk.FirstResponse = time.Time{}
	}
	return nil
}

// drop notes that the value of the optional field c in the current row is
// bad and left out; settleDrops records it once the row is kept.
func (rd *Reader) drop(c *column, rej *Reject) {
	rd.pending = append(rd.pending, pendingDrop{c.field, *rej})
}

// pendingDrop is a value dropped from the row being read.
type pendingDrop struct {
	field string
	rej   Reject
}

// settleDrops records the values dropped from a row that was kept (or,
// with Options.Strict, fails on the first); a rejected row's drops are
// forgotten, since the whole row is counted as rejected.
func (rd *Reader) settleDrops(kept bool) error {
	if kept && len(rd.pending) > 0 {
		if rd.opt.Strict {
			return &RowError{rd.pending[0].rej}
		}
		for _, d := range rd.pending {
			rd.rep.drop(d.field, d.rej)
		}
	}
	rd.pending = rd.pending[:0]
	return nil
}

func text(c *column, rec []string) string {
	if c == nil {
		return ""
	}
	v := strings.TrimSpace(c.value(rec))
	if missing(v) {
		return ""
	}
	return v
}

// volumeRow parses one row of a volumes file into v.
func (rd *Reader) volumeRow(rec []string, line int, v *Volume) *Reject {
	t, rej := rd.timeField(rd.start, rec, line)
	if rej != nil {
		return rej
	}
	if t.IsZero() {
		return rd.reject(line, rd.start, "no interval start")
	}
	if t.Equal(rd.prevStart) {
		hint := ""
		if !strings.Contains(rd.layouts[FieldIntervalStart], "07") {
			hint = " (if clocks went back that night, write interval starts with their UTC offset, e.g. 2026-10-25T01:30:00+01:00)"
		}
		return rd.reject(line, rd.start, "interval %s appears twice in a row%s", t.Format(time.RFC3339), hint)
	}
	a, err := parseNumber(rec[rd.arrivals.idx])
	if err != nil || a < 0 {
		return rd.reject(line, rd.arrivals, "arrivals %q must be a number ≥ 0", rec[rd.arrivals.idx])
	}
	if a > maxArrivals {
		return rd.reject(line, rd.arrivals, "arrivals %q is more than 10⁹ contacts in one interval: a wrong column or a corrupt value?", rec[rd.arrivals.idx])
	}
	v.Start, v.Arrivals, v.AHTSeconds, v.HasAHT = t, a, 0, false
	if rd.aht != nil && !missing(rec[rd.aht.idx]) {
		if s, err := parseSeconds(rec[rd.aht.idx]); err != nil {
			rd.drop(rd.aht, rd.reject(line, rd.aht, "%v", err))
		} else {
			v.AHTSeconds, v.HasAHT = s, true
		}
	}
	rd.prevStart = t
	return nil
}

// parseNumber parses a finite decimal number (a decimal comma is accepted
// when the number has no other separator).
func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	f, err := parseFloat(s)
	if err != nil && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		f, err = parseFloat(strings.Replace(s, ",", ".", 1))
	}
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("not a number")
	}
	return f, nil
}

// Bounds of values that parse but cannot be true: more arrivals in one
// interval than any desk takes, a handle time (or AHT) longer than a
// month. Rows beyond them are rejected, so no Inf reaches a sum and no
// 300-digit count a table.
const (
	maxArrivals      = 1e9
	maxHandleSeconds = 30 * 24 * 3600
)

// parseSeconds parses a duration in seconds: a plain number ("245",
// "245.5"), a clock duration ("0:04:05", "4:05") or Go syntax ("4m5s"),
// at most maxHandleSeconds (30 days).
func parseSeconds(s string) (float64, error) {
	f, err := parseSecondsAny(s)
	if err == nil && f > maxHandleSeconds {
		return 0, fmt.Errorf("duration %q is more than 30 days: a wrong unit (milliseconds?) or column?", strings.TrimSpace(s))
	}
	return f, err
}

func parseSecondsAny(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if f, err := parseNumber(s); err == nil {
		if f < 0 {
			return 0, fmt.Errorf("duration %q is negative", s)
		}
		return f, nil
	}
	if strings.Contains(s, ":") {
		parts := strings.Split(s, ":")
		if len(parts) <= 3 {
			total := 0.0
			ok := true
			for _, p := range parts {
				f, err := parseFloat(p)
				if err != nil || f < 0 {
					ok = false
					break
				}
				total = total*60 + f
			}
			if ok {
				return total, nil
			}
		}
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return 0, fmt.Errorf("duration %q is negative", s)
		}
		return d.Seconds(), nil
	}
	return 0, fmt.Errorf("duration %q is not seconds (245), h:mm:ss (0:04:05) or a Go duration (4m5s)", s)
}

// parseFloat parses a finite number.
func parseFloat(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return f, nil
}
