package synth

import (
	"strings"
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
	for _, tc := range []struct {
		year       int
		month, day int
	}{
		{1818, 3, 22}, {1943, 4, 25}, {2000, 4, 23}, {2008, 3, 23}, {2011, 4, 24},
		{2019, 4, 21}, {2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5}, {2027, 3, 28},
		{2028, 4, 16}, {2029, 4, 1}, {2030, 4, 21}, {2038, 4, 25}, {2285, 3, 22},
	} {
		want := Date{tc.year, time.Month(tc.month), tc.day}
		if got := Easter(tc.year); got != want {
			t.Errorf("Easter(%d) = %v, want %v", tc.year, got, want)
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
	for _, d := range []Date{{2022, 1, 3}, {2022, 12, 26}, {2022, 12, 27}} {
		if !cal.Holiday(d) {
			t.Errorf("%v is a bank holiday, got none", d)
		}
	}
	for _, d := range []Date{{2022, 1, 1}, {2022, 12, 25}, {2026, 12, 26}, {2026, 4, 5}} {
		if cal.Holiday(d) {
			t.Errorf("%v is not a bank holiday", d)
		}
	}
}

func TestDateNumber(t *testing.T) {
	t.Parallel()
	// Consecutive days have consecutive numbers across month, leap-day and
	// century boundaries, checked against the standard library's calendar.
	d := Date{1899, 12, 1}
	n := d.number()
	for range 200 * 366 {
		next := d.AddDays(1)
		if next.number() != n+1 {
			t.Fatalf("%v → %v: numbers %d → %d", d, next, n, next.number())
		}
		d, n = next, n+1
	}
}

func TestParseHolidays(t *testing.T) {
	t.Parallel()
	in := "\ufeff# company holidays\n2026-12-24\n\n2026-12-31, New Year's Eve\n  2027-01-04\tsubstitute\n"
	set, err := ParseHolidays(strings.NewReader(in), "h.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != 3 || !set.Holiday(Date{2026, 12, 24}) || !set.Holiday(Date{2026, 12, 31}) || !set.Holiday(Date{2027, 1, 4}) {
		t.Errorf("got %v, want 2026-12-24, 2026-12-31, 2027-01-04", set)
	}
	for _, tc := range []struct{ in, want string }{
		{"2026-12-24\n24/12/2026\n", `h.txt: line 2: "24/12/2026" is not a date`},
		{"2026-02-30\n", `h.txt: line 1: "2026-02-30" is not a date`},
		{"\n\nChristmas\n", `h.txt: line 3: "Christmas"`},
	} {
		_, err := ParseHolidays(strings.NewReader(tc.in), "h.txt")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseHolidays(%q) error %v, want one containing %q", tc.in, err, tc.want)
		}
	}
}

func FuzzParseHolidays(f *testing.F) {
	for _, s := range []string{"2026-12-25\n", "# x\n\n2026-01-01,New Year\n", "2026-13-01", "\ufeff2026-01-01", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		set, err := ParseHolidays(strings.NewReader(s), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz: line ") {
				t.Errorf("error %q does not name the file and line", err)
			}
			return
		}
		for d := range set {
			if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
				t.Errorf("impossible date %v", d)
			}
		}
	})
}

func TestBusinessHoursAdd(t *testing.T) {
	t.Parallel()
	loc := time.UTC
	h := newHours(loc, UKBankHolidays{}, Date{2026, 3, 1})
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
