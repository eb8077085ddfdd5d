package synth

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// Date is a calendar day without a time or location.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// number returns the days since 1 March of year 0 in the proleptic
// Gregorian calendar (a day number for differences and indexing; the
// "days from civil" algorithm of H. Hinnant, chrono-Compatible Low-Level
// Date Algorithms, 2013). d must be a valid date.
func (d Date) number() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// AddDays returns the date n days after d (n may be negative).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Calendar decides which days are public holidays.
type Calendar interface {
	Holiday(d Date) bool
}

// DateSet is a Calendar made of an explicit list of dates, as read from a
// holidays file by ParseHolidays. An empty DateSet means no holidays.
type DateSet map[Date]bool

// Holiday reports whether d is in the set.
func (s DateSet) Holiday(d Date) bool { return s[d] }

// UKBankHolidays is the built-in Calendar: UK-style bank holidays, a fixed
// rule-based subset of the England and Wales calendar published at
// https://www.gov.uk/bank-holidays:
//
//   - New Year's Day, 1 January (substitute: the following Monday when it
//     falls on a weekend);
//   - Good Friday and Easter Monday (Easter Sunday − 2 and + 1 days, by the
//     Gregorian computus, see Easter);
//   - the early May bank holiday (first Monday of May), the spring bank
//     holiday (last Monday of May) and the summer bank holiday (last Monday
//     of August);
//   - Christmas Day and Boxing Day, 25 and 26 December, with substitute
//     weekdays when either falls on a weekend (Sat 25 → Mon 27 and Tue 28;
//     Sun 25 → Mon 26 and Tue 27; Fri 25 → Fri 25 and Mon 28).
//
// One-off changes proclaimed for single years (jubilees, coronations, the
// 2020 move of the May holiday to VE Day) are not included.
type UKBankHolidays struct{}

// Holiday reports whether d is one of the rule-based bank holidays.
func (UKBankHolidays) Holiday(d Date) bool {
	for _, h := range ukBankHolidays(d.Year) {
		if h == d {
			return true
		}
	}
	return false
}

// Dates returns the bank holidays of year in date order.
func (UKBankHolidays) Dates(year int) []Date {
	h := ukBankHolidays(year)
	return h[:]
}

func ukBankHolidays(year int) [8]Date {
	var out [8]Date
	// New Year's Day, moved to Monday from a weekend.
	ny := Date{year, time.January, 1}
	switch ny.Weekday() {
	case time.Saturday:
		ny = ny.AddDays(2)
	case time.Sunday:
		ny = ny.AddDays(1)
	}
	out[0] = ny
	easter := Easter(year)
	out[1] = easter.AddDays(-2)
	out[2] = easter.AddDays(1)
	out[3] = nthMonday(year, time.May, 1)
	out[4] = lastMonday(year, time.May)
	out[5] = lastMonday(year, time.August)
	christmas := Date{year, time.December, 25}
	switch christmas.Weekday() {
	case time.Friday:
		out[6], out[7] = christmas, Date{year, time.December, 28}
	case time.Saturday:
		out[6], out[7] = Date{year, time.December, 27}, Date{year, time.December, 28}
	case time.Sunday:
		out[6], out[7] = Date{year, time.December, 26}, Date{year, time.December, 27}
	default:
		out[6], out[7] = christmas, Date{year, time.December, 26}
	}
	return out
}

// nthMonday returns the n-th Monday (n ≥ 1) of the month.
func nthMonday(year int, month time.Month, n int) Date {
	first := Date{year, month, 1}
	shift := (int(time.Monday) - int(first.Weekday()) + 7) % 7
	return first.AddDays(shift + 7*(n-1))
}

// lastMonday returns the last Monday of the month.
func lastMonday(year int, month time.Month) Date {
	last := Date{year, month + 1, 0}.AddDays(0) // day 0 normalises to the last day of month
	shift := (int(last.Weekday()) - int(time.Monday) + 7) % 7
	return last.AddDays(-shift)
}

// Easter returns the date of Easter Sunday in the Gregorian calendar, by the
// anonymous Gregorian computus (Meeus/Jones/Butcher; J. Meeus, Astronomical
// Algorithms, 2nd ed., 1998, ch. 8), valid for every year from 1583:
//
//	a = Y mod 19, b = ⌊Y/100⌋, c = Y mod 100, d = ⌊b/4⌋, e = b mod 4,
//	f = ⌊(b+8)/25⌋, g = ⌊(b−f+1)/3⌋, h = (19a + b − d − g + 15) mod 30,
//	i = ⌊c/4⌋, k = c mod 4, l = (32 + 2e + 2i − h − k) mod 7,
//	m = ⌊(a + 11h + 22l)/451⌋,
//	month = ⌊(h + l − 7m + 114)/31⌋, day = ((h + l − 7m + 114) mod 31) + 1.
func Easter(year int) Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return Date{year, time.Month(n / 31), n%31 + 1}
}

// ParseHolidays reads a holidays file: one date (YYYY-MM-DD) per line;
// blank lines and lines starting with # are ignored, and anything after the
// date following a space, tab or comma is taken as a comment
// ("2026-12-25,Christmas Day"). name is used in error messages, which give
// the line number.
func ParseHolidays(r io.Reader, name string) (DateSet, error) {
	set := DateSet{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		field := text
		if i := strings.IndexAny(text, " \t,;"); i >= 0 {
			field = text[:i]
		}
		t, err := time.Parse(time.DateOnly, field)
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %q is not a date: write one date per line as YYYY-MM-DD, e.g. 2026-12-25", name, line, field)
		}
		set[DateOf(t)] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	return set, nil
}
