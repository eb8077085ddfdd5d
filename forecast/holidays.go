package forecast

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Date is a civil date (year, month, day) in the desk's time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// String formats the date as 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Holidays is a set of dates on which the desk does not follow its usual
// pattern (public holidays, closures). Holiday days are left out of fitting
// and forecast with a holiday profile (see Options). The zero value is an
// empty set.
type Holidays map[Date]bool

// Has reports whether t's date (in t's location) is a holiday.
func (h Holidays) Has(t time.Time) bool { return len(h) > 0 && h[DateOf(t)] }

// Sorted returns the dates in increasing order.
func (h Holidays) Sorted() []Date {
	out := make([]Date, 0, len(h))
	for d := range h {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Month != b.Month {
			return a.Month < b.Month
		}
		return a.Day < b.Day
	})
	return out
}

// ParseDate parses one holiday date, YYYY-MM-DD (spaces and double quotes
// around it are ignored), as ReadHolidays reads each line's first field;
// a scenario's list of holidays is read with it too.
func ParseDate(s string) (Date, error) {
	field := strings.Trim(strings.TrimSpace(s), `"`)
	t, err := time.Parse("2006-01-02", field)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD, e.g. 2026-12-25", field)
	}
	return DateOf(t), nil
}

// ReadHolidays reads a holiday file: one date (2006-01-02) per line, the
// first field of a CSV line; blank lines, lines starting with '#' and a
// header line whose first field is not a date ("date") are skipped. name
// is used in error messages, which give the line and the offending text.
func ReadHolidays(r io.Reader, name string) (Holidays, error) {
	h := Holidays{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		field := text
		if i := strings.IndexAny(field, ",;\t"); i >= 0 {
			field = field[:i]
		}
		d, err := ParseDate(field)
		if err != nil {
			if line == 1 && strings.EqualFold(strings.Trim(strings.TrimSpace(field), `"`), "date") {
				continue // header
			}
			return nil, fmt.Errorf("%s: line %d: %w (one date per line)", name, line, err)
		}
		h[d] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	return h, nil
}
