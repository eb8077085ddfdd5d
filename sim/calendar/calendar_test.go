package calendar

import (
	"strings"
	"testing"
	"time"
)

// The hand-worked cases use these facts (tzdata, the published rules):
//
//   - Europe/London: BST (UTC+1) from 2026-03-29 01:00 UTC (clocks 01:00 GMT →
//     02:00 BST) to 2026-10-25 01:00 UTC (02:00 BST → 01:00 GMT). Both are
//     Sundays.
//   - America/Havana: CDT (UTC−4) from 2026-03-08 05:00 UTC (00:00 CST →
//     01:00 CDT: midnight is skipped) to 2026-11-01 05:00 UTC (01:00 CDT →
//     00:00 CST: 00:00–01:00 occurs twice). Both are Sundays.
//   - 2026-12-07 is a Monday; 2026-12-25 (Christmas) a Friday; 2026-12-28
//     the substitute Boxing Day bank holiday, a Monday.

func load(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s: %v", name, err)
	}
	return loc
}

func mustCal(t testing.TB, loc *time.Location, hours string, holidays ...Date) *Calendar {
	t.Helper()
	h, err := ParseHours(hours)
	if err != nil {
		t.Fatalf("ParseHours(%q): %v", hours, err)
	}
	c, err := New(loc, h, holidays)
	if err != nil {
		t.Fatalf("New(%q): %v", hours, err)
	}
	return c
}

// at reads "2006-01-02 15:04 MST"-less wall times in loc; a trailing
// "Z" reads in UTC instead (for instants in a skipped or repeated hour).
func at(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	if strings.HasSuffix(s, "Z") {
		loc, s = time.UTC, strings.TrimSuffix(s, "Z")
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const office = "mon-fri=09:00-17:30"

var ukXmas = []Date{{2026, 12, 25}, {2026, 12, 28}}

func TestBetween(t *testing.T) {
	t.Parallel()
	lon := load(t, "Europe/London")
	hav := load(t, "America/Havana")
	cases := []struct {
		name     string
		loc      *time.Location
		hours    string
		holidays []Date
		a, b     string
		want     time.Duration
	}{
		// 10:00 → 15:00 inside the 09:00–17:30 span.
		{"same day", lon, office, nil, "2026-12-07 10:00", "2026-12-07 15:00", 5 * time.Hour},
		// Mon 16:00–17:30 (1h30) + Tue 09:00–10:00 (1h).
		{"across a night", lon, office, nil, "2026-12-07 16:00", "2026-12-08 10:00", 150 * time.Minute},
		// Fri 16:00–17:30 (1h30), Sat and Sun closed, Mon 09:00–10:00 (1h).
		{"across a weekend", lon, office, nil, "2026-12-11 16:00", "2026-12-14 10:00", 150 * time.Minute},
		{"closed throughout", lon, office, nil, "2026-12-12 12:00", "2026-12-13 12:00", 0},
		// Five days × 8h30.
		{"a whole week", lon, office, nil, "2026-12-07 00:00", "2026-12-14 00:00", 5 * 510 * time.Minute},
		// Ten weeks × 42h30 (no holidays in January–March).
		{"ten weeks", lon, office, nil, "2026-01-05 09:00", "2026-03-13 17:30", 10 * 2550 * time.Minute},
		// Thu 17:00–17:30 (30m); Fri 25 holiday; weekend; Mon 28 holiday; Tue 09:00–09:30 (30m).
		{"holidays", lon, office, ukXmas, "2026-12-24 17:00", "2026-12-29 09:30", time.Hour},
		// Fri and Mon 8h30 each: the spring change (Sun 01:00 UTC) falls outside the hours.
		{"office across spring change", lon, office, nil, "2026-03-27 09:00", "2026-03-30 17:30", 17 * time.Hour},
		{"office across autumn change", lon, office, nil, "2026-10-23 09:00", "2026-10-26 17:30", 17 * time.Hour},
		// Sat 12:00 GMT (12:00 UTC) → Sun 12:00 BST (11:00 UTC): 23h elapsed.
		{"24x7 spring day", lon, "24x7", nil, "2026-03-28 12:00", "2026-03-29 12:00", 23 * time.Hour},
		// Sat 12:00 BST (11:00 UTC) → Sun 12:00 GMT (12:00 UTC): 25h elapsed.
		{"24x7 autumn day", lon, "24x7", nil, "2026-10-24 12:00", "2026-10-25 12:00", 25 * time.Hour},
		// Midnight to midnight of the change days: 23h and 25h.
		{"24x7 spring midnight to midnight", lon, "24x7", nil, "2026-03-29 00:00", "2026-03-30 00:00", 23 * time.Hour},
		{"24x7 autumn midnight to midnight", lon, "24x7", nil, "2026-10-25 00:00", "2026-10-26 00:00", 25 * time.Hour},
		// Opening at midnight: Sun 00:00 GMT (00:00 UTC) → 06:00 BST (05:00 UTC).
		{"opens at midnight, spring", lon, "sun=00:00-06:00", nil, "2026-03-28 12:00", "2026-03-30 12:00", 5 * time.Hour},
		// Sun 00:00 BST (Sat 23:00 UTC) → 06:00 GMT (06:00 UTC).
		{"opens at midnight, autumn", lon, "sun=00:00-06:00", nil, "2026-10-24 12:00", "2026-10-26 12:00", 7 * time.Hour},
		// 01:30 is skipped: the span opens at the change, 01:00 UTC, and
		// closes at 03:00 BST (02:00 UTC): 1h. A normal Sunday: 1h30.
		{"span starting in the skipped hour", lon, "sun=01:30-03:00", nil, "2026-03-29 00:00", "2026-03-29 12:00", time.Hour},
		{"same span on a normal Sunday", lon, "sun=01:30-03:00", nil, "2026-03-22 00:00", "2026-03-22 12:00", 90 * time.Minute},
		// 01:30 occurs twice: the first, 01:30 BST (00:30 UTC), to 02:30 GMT (02:30 UTC): 2h.
		{"span starting in the repeated hour", lon, "sun=01:30-02:30", nil, "2026-10-25 00:00", "2026-10-25 12:00", 2 * time.Hour},
		// Havana skips midnight: open from the change (05:00 UTC) to 06:00 CDT (10:00 UTC).
		{"midnight skipped", hav, "sun=00:00-06:00", nil, "2026-03-07 12:00", "2026-03-09 12:00", 5 * time.Hour},
		// Havana repeats 00:00–01:00: the first 00:00 (CDT, 04:00 UTC) to 06:00 CST (11:00 UTC).
		{"midnight repeated", hav, "sun=00:00-06:00", nil, "2026-10-31 12:00", "2026-11-02 12:00", 7 * time.Hour},
		// Sat 12:00 CST (17:00 UTC) → Sun 12:00 CDT (16:00 UTC).
		{"24x7 midnight skipped", hav, "24x7", nil, "2026-03-07 12:00", "2026-03-08 12:00", 23 * time.Hour},
		// Fri 22:00 → Sat 06:00 (8h); the weekend has no spans; Mon's starts at 22:00.
		{"night desk across midnight", lon, "mon-fri=22:00-06:00", nil, "2026-12-11 21:00", "2026-12-14 12:00", 8 * time.Hour},
		// Thu 24 22:00 → Fri 06:00 is open (it starts on Thu); Fri 25's night
		// span is closed by the holiday; weekend none; Mon 28 holiday.
		{"night desk and holidays", lon, "mon-fri=22:00-06:00", ukXmas, "2026-12-24 20:00", "2026-12-28 23:59", 8 * time.Hour},
		// Two spans a day: 09:00–12:00 and 13:00–17:00 from 11:00 to 14:00 is 1h + 1h.
		{"lunch break", lon, "mon-fri=09:00-12:00,13:00-17:00", nil, "2026-12-07 11:00", "2026-12-07 14:00", 2 * time.Hour},
		// Within the repeated hour, in UTC: 00:30 to 01:30 UTC are both open (24×7).
		{"24x7 within the repeated hour", lon, "24x7", nil, "2026-10-25 00:30Z", "2026-10-25 01:30Z", time.Hour},
	}
	for _, tc := range cases {
		c := mustCal(t, tc.loc, tc.hours, tc.holidays...)
		a, b := at(t, tc.loc, tc.a), at(t, tc.loc, tc.b)
		if got := c.Between(a, b); got != tc.want {
			t.Errorf("%s: Between(%s, %s) on %q = %v, want %v", tc.name, tc.a, tc.b, tc.hours, got, tc.want)
		}
		if got := c.Between(b, a); got != -tc.want {
			t.Errorf("%s: Between(%s, %s) reversed = %v, want %v", tc.name, tc.a, tc.b, got, -tc.want)
		}
	}
}

func TestAdd(t *testing.T) {
	t.Parallel()
	lon := load(t, "Europe/London")
	cases := []struct {
		name     string
		hours    string
		holidays []Date
		from     string
		d        time.Duration
		want     string
	}{
		// Mon 16:00–17:30 gives 1h30; 2h30 more from Tue 09:00.
		{"across a night", office, nil, "2026-12-07 16:00", 4 * time.Hour, "2026-12-08 11:30"},
		// Fri 16:00–17:30 gives 1h30; 2h30 more from Mon 09:00.
		{"across a weekend", office, nil, "2026-12-11 16:00", 4 * time.Hour, "2026-12-14 11:30"},
		// Closed at the start: the clock starts at Mon 09:00.
		{"from a closed time", office, nil, "2026-12-12 12:00", time.Hour, "2026-12-14 10:00"},
		// The clock reaches 7h30 at the close, 17:30, not at the next opening.
		{"ends at a close", office, nil, "2026-12-07 10:00", 450 * time.Minute, "2026-12-07 17:30"},
		{"zero", office, nil, "2026-12-12 12:00", 0, "2026-12-12 12:00"},
		// Thu 17:00–17:30 (30m), then Fri 25 and Mon 28 are holidays: Tue 09:30.
		{"holidays", office, ukXmas, "2026-12-24 17:00", time.Hour, "2026-12-29 09:30"},
		// Ten whole weeks of 42h30 from Mon 01-05 09:00 close on Fri 03-13 17:30.
		{"ten weeks", office, nil, "2026-01-05 09:00", 10 * 2550 * time.Minute, "2026-03-13 17:30"},
		// 24h of elapsed time over the spring change: Sat 12:00 GMT + 24h = Sun 13:00 BST.
		{"24x7 spring", "24x7", nil, "2026-03-28 12:00", 24 * time.Hour, "2026-03-29 13:00"},
		// Over the autumn change: Sat 12:00 BST + 24h = Sun 11:00 GMT.
		{"24x7 autumn", "24x7", nil, "2026-10-24 12:00", 24 * time.Hour, "2026-10-25 11:00"},
		// Night desk: Fri 22:00 + 9h = Sat 06:00 (8h) then Mon 22:00 + 1h.
		{"night desk", "mon-fri=22:00-06:00", nil, "2026-12-11 22:00", 9 * time.Hour, "2026-12-14 23:00"},
	}
	for _, tc := range cases {
		c := mustCal(t, lon, tc.hours, tc.holidays...)
		from, want := at(t, lon, tc.from), at(t, lon, tc.want)
		if got := c.Add(from, tc.d); !got.Equal(want) {
			t.Errorf("%s: Add(%s, %v) on %q = %s, want %s", tc.name, tc.from, tc.d, tc.hours, got.In(lon), want)
		}
	}
}

func TestPending(t *testing.T) {
	t.Parallel()
	lon := load(t, "Europe/London")
	c := mustCal(t, lon, office)
	mon9, wed1730 := at(t, lon, "2026-12-07 09:00"), at(t, lon, "2026-12-09 17:30")
	pause := Interval{at(t, lon, "2026-12-07 12:00"), at(t, lon, "2026-12-08 12:00")}
	// Mon–Wed 3 × 8h30 = 25h30; pending Mon 12:00–17:30 (5h30) and
	// Tue 09:00–12:00 (3h) is 8h30: 17h.
	if got := c.Between(mon9, wed1730, pause); got != 17*time.Hour {
		t.Errorf("Between with a pause = %v, want 17h", got)
	}
	// Overlapping, unsorted and empty pending intervals mean their union.
	split := []Interval{
		{at(t, lon, "2026-12-08 08:00"), at(t, lon, "2026-12-08 12:00")},
		{at(t, lon, "2026-12-07 12:00"), at(t, lon, "2026-12-08 10:00")},
		{wed1730, mon9},
	}
	if got := c.Between(mon9, wed1730, split...); got != 17*time.Hour {
		t.Errorf("Between with split pauses = %v, want 17h", got)
	}
	// 3h run before the pause (09:00–12:00); the last 1h from Tue 12:00.
	if got, want := c.Add(mon9, 4*time.Hour, pause), at(t, lon, "2026-12-08 13:00"); !got.Equal(want) {
		t.Errorf("Add with a pause = %s, want %s", got, want)
	}
	// Reached before the pause starts: the pause does not matter.
	if got, want := c.Add(mon9, 3*time.Hour, pause), at(t, lon, "2026-12-07 12:00"); !got.Equal(want) {
		t.Errorf("Add up to the pause = %s, want %s", got, want)
	}
	// Started inside the pause: the clock starts when it ends.
	if got, want := c.Add(at(t, lon, "2026-12-07 15:00"), time.Hour, pause), at(t, lon, "2026-12-08 13:00"); !got.Equal(want) {
		t.Errorf("Add from inside the pause = %s, want %s", got, want)
	}
	// A pause outside the hours changes nothing.
	night := Interval{at(t, lon, "2026-12-07 18:00"), at(t, lon, "2026-12-08 08:00")}
	if got := c.Between(mon9, wed1730, night); got != 3*510*time.Minute {
		t.Errorf("Between with a night pause = %v, want 25h30", got)
	}
}

func TestOpenAndNextOpen(t *testing.T) {
	t.Parallel()
	lon := load(t, "Europe/London")
	c := mustCal(t, lon, "mon-fri=09:00-12:00,13:00-17:30;sat=22:00-02:00", ukXmas...)
	cases := []struct {
		at   string
		open bool
		next string
	}{
		{"2026-12-07 08:59", false, "2026-12-07 09:00"},
		{"2026-12-07 09:00", true, "2026-12-07 09:00"},  // spans are closed at the start
		{"2026-12-07 12:00", false, "2026-12-07 13:00"}, // and open at the end
		{"2026-12-07 17:30", false, "2026-12-08 09:00"},
		{"2026-12-12 23:00", true, "2026-12-12 23:00"}, // Saturday night span
		{"2026-12-13 01:59", true, "2026-12-13 01:59"}, // …into Sunday
		{"2026-12-13 02:00", false, "2026-12-14 09:00"},
		{"2026-12-24 18:00", false, "2026-12-26 22:00"}, // Fri 25 holiday; Sat night span
		{"2026-12-27 12:00", false, "2026-12-29 09:00"}, // Mon 28 holiday
	}
	for _, tc := range cases {
		tt := at(t, lon, tc.at)
		if got := c.Open(tt); got != tc.open {
			t.Errorf("Open(%s) = %v, want %v", tc.at, got, tc.open)
		}
		if got, want := c.NextOpen(tt), at(t, lon, tc.next); !got.Equal(want) {
			t.Errorf("NextOpen(%s) = %s, want %s", tc.at, got.In(lon), tc.next)
		}
	}
}

// A 24×7 calendar counts elapsed time, whatever the zone and across its
// changes (the hourly grid covers both 2026 London changes).
func TestAlwaysIsElapsed(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"UTC", "Europe/London", "America/Havana", "Australia/Lord_Howe"} {
		c := Always(load(t, name))
		if !c.IsAlways() {
			t.Fatalf("%s: IsAlways() = false", name)
		}
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for h := 0; h < 366*24; h += 37 {
			a := base.Add(time.Duration(h) * time.Hour)
			b := a.Add(time.Duration(h%200)*time.Hour + 17*time.Minute)
			if got := c.Between(a, b); got != b.Sub(a) {
				t.Fatalf("%s: Between(%s, %s) = %v, want %v", name, a, b, got, b.Sub(a))
			}
			if got := c.Add(a, b.Sub(a)); !got.Equal(b) {
				t.Fatalf("%s: Add(%s, %v) = %s, want %s", name, a, b.Sub(a), got, b)
			}
		}
	}
}

func TestNewRefuses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		hours Hours
		want  string
	}{
		{Hours{}, "no opening hours"},
		{Hours{time.Monday: {{9 * time.Hour, 12 * time.Hour}, {11 * time.Hour, 13 * time.Hour}}}, "mon 09:00-12:00 overlaps mon 11:00-13:00"},
		{Hours{time.Monday: {{22 * time.Hour, 30 * time.Hour}}, time.Tuesday: {{5 * time.Hour, 9 * time.Hour}}}, "mon 22:00-06:00 overlaps tue 05:00-09:00"},
		{Hours{time.Saturday: {{22 * time.Hour, 26 * time.Hour}}, time.Sunday: {{time.Hour, 9 * time.Hour}}}, "sat 22:00-02:00 overlaps sun 01:00-09:00"},
		{Hours{time.Monday: {{25 * time.Hour, 26 * time.Hour}}}, "a span starts at 00:00 to 23:59"},
		{Hours{time.Monday: {{9 * time.Hour, 9 * time.Hour}}}, "a span starts at 00:00 to 23:59"},
	}
	for _, tc := range cases {
		_, err := New(nil, tc.hours, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v): error %v, want one containing %q", tc.hours, err, tc.want)
		}
	}
}
