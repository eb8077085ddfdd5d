package synth

import (
	"github.com/staffsim/staffsim/forecast"
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	t.Parallel()
	// Easter Sunday dates from the published table of the Astronomical
	// Society of South Australia, "Easter Dates" (www.assa.org.au/edm), as
	// also listed in Wikipedia's "List of dates for Easter"; 1818 and 2285
	// are the earliest possible date (22 March), 1943 and 2038 the latest
	// (25 April).
	for _, want := range []forecast.Date{
		date(1818, 3, 22), date(1943, 4, 25), date(2000, 4, 23), date(2008, 3, 23), date(2011, 4, 24),
		date(2019, 4, 21), date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28),
		date(2028, 4, 16), date(2029, 4, 1), date(2030, 4, 21), date(2038, 4, 25), date(2285, 3, 22),
	} {
		if got := Easter(want.Year); got != want {
			t.Errorf("Easter(%d) = %v, want %v", want.Year, got, want)
		}
	}
}

func TestUKBankHolidays(t *testing.T) {
	t.Parallel()
	// England and Wales bank holidays as published at
	// https://www.gov.uk/bank-holidays (2021 has Christmas on a Saturday,
	// 2026 Boxing Day on a Saturday, 2027 Christmas on a Saturday).
	for year, want := range map[int][]string{
		2021: {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"},
		2025: {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"},
		2026: {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"},
		2027: {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"},
	} {
		got := UKBankHolidays{}.Dates(year)
		if len(got) != len(want) {
			t.Fatalf("%d: %d holidays, want %d", year, len(got), len(want))
		}
		for i := range want {
			if got[i].String() != want[i] {
				t.Errorf("%d: holiday %d = %v, want %s", year, i, got[i], want[i])
			}
		}
	}
	// New Year's Day 2022 fell on a Saturday (substitute Monday 3 January);
	// Christmas 2022 on a Sunday (Boxing Day 26, substitute Tuesday 27).
	cal := UKBankHolidays{}
	for _, d := range []forecast.Date{date(2022, 1, 3), date(2022, 12, 26), date(2022, 12, 27)} {
		if !cal.Holiday(d) {
			t.Errorf("%v is a bank holiday, got none", d)
		}
	}
	for _, d := range []forecast.Date{date(2022, 1, 1), date(2022, 12, 25), date(2026, 12, 26), date(2026, 4, 5)} {
		if cal.Holiday(d) {
			t.Errorf("%v is not a bank holiday", d)
		}
	}
}

// always is a calendar with no working days.
type always struct{}

func (always) Holiday(forecast.Date) bool { return true }

func TestBusinessHoursWithoutWorkingDays(t *testing.T) {
	t.Parallel()
	h := newHours(time.UTC, always{}, date(2026, 1, 1))
	from := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	if got := h.add(from, time.Hour); !got.Equal(from.Add(time.Hour)) {
		t.Errorf("no working days: add(%v, 1h) = %v, want wall-clock %v", from, got, from.Add(time.Hour))
	}
}

func TestDateNumber(t *testing.T) {
	t.Parallel()
	// Consecutive days have consecutive numbers across month, leap-day and
	// century boundaries, checked against the standard library's calendar.
	d := date(1899, 12, 1)
	n := dayNumber(d)
	for range 200 * 366 {
		next := addDays(d, 1)
		if dayNumber(next) != n+1 {
			t.Fatalf("%v → %v: numbers %d → %d", d, next, n, dayNumber(next))
		}
		d, n = next, n+1
	}
}

func TestHolidaysIn(t *testing.T) {
	t.Parallel()
	h := HolidaysIn(UKBankHolidays{}, forecast.Date{Year: 2025, Month: 12, Day: 20}, forecast.Date{Year: 2026, Month: 4, Day: 6})
	want := []string{"2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06"}
	got := h.Sorted()
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("holiday %d = %v, want %s", i, got[i], want[i])
		}
	}
	set := DateSet(h)
	if !set.Holiday(forecast.Date{Year: 2026, Month: 4, Day: 3}) || set.Holiday(forecast.Date{Year: 2026, Month: 4, Day: 5}) {
		t.Error("DateSet disagrees with the holidays it was made from")
	}
}

func TestBusinessHoursAdd(t *testing.T) {
	t.Parallel()
	loc := time.UTC
	h := newHours(loc, UKBankHolidays{}, date(2026, 3, 1))
	at := func(d, hh, mm int) time.Time { return time.Date(2026, 3, d, hh, mm, 0, 0, loc) }
	for _, tc := range []struct {
		name string
		from time.Time
		d    time.Duration
		want time.Time
	}{
		{"inside the day", at(4, 9, 0), 2 * time.Hour, at(4, 11, 0)},
		{"before opening", at(4, 6, 30), 30 * time.Minute, at(4, 8, 30)},
		{"spills overnight", at(4, 17, 30), time.Hour, at(5, 8, 30)},
		{"Friday evening to Monday", at(6, 17, 30), time.Hour, at(9, 8, 30)},
		{"Saturday to Monday", at(7, 12, 0), 15 * time.Minute, at(9, 8, 15)},
		{"exactly at close", at(4, 8, 0), 10 * time.Hour, at(4, 18, 0)},
		{"two full days", at(4, 8, 0), 20 * time.Hour, at(5, 18, 0)},
		{"zero delay out of hours", at(4, 20, 0), 0, at(5, 8, 0)},
		// Good Friday 3 April and Easter Monday 6 April 2026.
		{"over Easter", time.Date(2026, 4, 2, 17, 0, 0, 0, loc), 2 * time.Hour, time.Date(2026, 4, 7, 9, 0, 0, 0, loc)},
	} {
		if got := h.add(tc.from, tc.d); !got.Equal(tc.want) {
			t.Errorf("%s: add(%v, %v) = %v, want %v", tc.name, tc.from, tc.d, got, tc.want)
		}
	}
}
