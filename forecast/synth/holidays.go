package synth

import (
	"time"

	"github.com/staffsim/staffsim/forecast"
)

// date returns the civil date; month may be a time.Month or an untyped
// constant.
func date(year int, month time.Month, day int) forecast.Date {
	return forecast.Date{Year: year, Month: month, Day: day}
}

// weekday returns the day of the week of d.
func weekday(d forecast.Date) time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// addDays returns the date n days after d (n may be negative).
func addDays(d forecast.Date, n int) forecast.Date {
	return forecast.DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// dayNumber returns the days since 1 March of year 0 in the proleptic
// Gregorian calendar (a day number for differences and indexing; the
// "days from civil" algorithm of H. Hinnant, chrono-Compatible Low-Level
// Date Algorithms, 2013). d must be a valid date.
func dayNumber(d forecast.Date) int {
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

// Calendar decides which days are public holidays.
type Calendar interface {
	Holiday(d forecast.Date) bool
}

// DateSet is a Calendar made of an explicit set of dates, such as a
// holidays file read by forecast.ReadHolidays (convert with
// DateSet(h)). An empty DateSet means no holidays.
type DateSet forecast.Holidays

// Holiday reports whether d is in the set.
func (s DateSet) Holiday(d forecast.Date) bool { return s[d] }

// HolidaysIn lists the holidays of cal from first to last (inclusive) as a
// forecast.Holidays, so that a forecast of a generated history knows its
// holidays (and those of the forecast horizon).
func HolidaysIn(cal Calendar, first, last forecast.Date) forecast.Holidays {
	h := forecast.Holidays{}
	for d, n := first, dayNumber(last)-dayNumber(first); n >= 0; d, n = addDays(d, 1), n-1 {
		if cal.Holiday(d) {
			h[d] = true
		}
	}
	return h
}

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
func (UKBankHolidays) Holiday(d forecast.Date) bool {
	for _, h := range ukBankHolidays(d.Year) {
		if h == d {
			return true
		}
	}
	return false
}

// Dates returns the bank holidays of year in date order.
func (UKBankHolidays) Dates(year int) []forecast.Date {
	h := ukBankHolidays(year)
	return h[:]
}

func ukBankHolidays(year int) [8]forecast.Date {
	var out [8]forecast.Date
	// New Year's Day, moved to Monday from a weekend.
	ny := date(year, time.January, 1)
	switch weekday(ny) {
	case time.Saturday:
		ny = addDays(ny, 2)
	case time.Sunday:
		ny = addDays(ny, 1)
	}
	out[0] = ny
	easter := Easter(year)
	out[1] = addDays(easter, -2)
	out[2] = addDays(easter, 1)
	out[3] = nthMonday(year, time.May, 1)
	out[4] = lastMonday(year, time.May)
	out[5] = lastMonday(year, time.August)
	christmas := date(year, time.December, 25)
	switch weekday(christmas) {
	case time.Friday:
		out[6], out[7] = christmas, date(year, time.December, 28)
	case time.Saturday:
		out[6], out[7] = date(year, time.December, 27), date(year, time.December, 28)
	case time.Sunday:
		out[6], out[7] = date(year, time.December, 26), date(year, time.December, 27)
	default:
		out[6], out[7] = christmas, date(year, time.December, 26)
	}
	return out
}

// nthMonday returns the n-th Monday (n ≥ 1) of the month.
func nthMonday(year int, month time.Month, n int) forecast.Date {
	first := date(year, month, 1)
	shift := (int(time.Monday) - int(weekday(first)) + 7) % 7
	return addDays(first, shift+7*(n-1))
}

// lastMonday returns the last Monday of the month.
func lastMonday(year int, month time.Month) forecast.Date {
	last := addDays(forecast.Date{Year: year, Month: month + 1, Day: 1}, -1)
	shift := (int(weekday(last)) - int(time.Monday) + 7) % 7
	return addDays(last, -shift)
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
func Easter(year int) forecast.Date {
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
	return date(year, time.Month(n/31), n%31+1)
}
