package calendar

import (
	"testing"
	"time"
)

// fuzzCalendars are the calendars the invariant tests draw from: office
// hours with holidays, a lunch break, a night desk across midnight, spans
// in the hours London skips and repeats, 24×7 in a zone that skips
// midnight, and Lord Howe Island's half-hour daylight saving.
func fuzzCalendars(t testing.TB) []*Calendar {
	lon := load(t, "Europe/London")
	hav := load(t, "America/Havana")
	lhi := load(t, "Australia/Lord_Howe")
	return []*Calendar{
		mustCal(t, lon, office, ukXmas...),
		mustCal(t, lon, "mon-fri=09:00-12:00,13:00-17:00;sat=10:00-14:00"),
		mustCal(t, lon, "mon-fri=22:00-06:00", ukXmas...),
		mustCal(t, lon, "sun=01:30-02:30;mon-sat=00:00-24:00"),
		Always(hav),
		mustCal(t, hav, "sun=00:00-06:00;wed=12:00-12:00"),
		mustCal(t, lhi, "mon-fri=01:00-03:00,08:00-18:00", Date{2026, 4, 6}),
	}
}

var fuzzBase = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// checkInvariants checks, for instants a ≤ b ≤ c (minutes after fuzzBase)
// and a business duration d:
//
//	0 ≤ Between(a, b) ≤ b − a
//	Between(a, b) + Between(b, c) = Between(a, c)          (additive)
//	Between(a, Add(a, d)) = d and Add is the earliest such instant
//	Add and Between are monotone
//	Open(t) ⇔ NextOpen(t) = t
//	the same with a pending interval [b, c).
func checkInvariants(t *testing.T, c *Calendar, am, bm, cm uint32, dm uint16) {
	am, bm, cm = am%(400*1440), bm%(60*1440), cm%(60*1440)
	a := fuzzBase.Add(time.Duration(am) * time.Minute)
	b := a.Add(time.Duration(bm) * time.Minute)
	e := b.Add(time.Duration(cm)*time.Minute + 7*time.Second)
	d := time.Duration(dm) * time.Minute

	ab, bc, ac := c.Between(a, b), c.Between(b, e), c.Between(a, e)
	if ab < 0 || ab > b.Sub(a) {
		t.Fatalf("Between(%s, %s) = %v outside [0, %v]", a, b, ab, b.Sub(a))
	}
	if ab+bc != ac {
		t.Fatalf("not additive: Between(%s, %s) %v + Between(…, %s) %v ≠ %v", a, b, ab, e, bc, ac)
	}
	r := c.Add(a, d)
	if got := c.Between(a, r); got != d {
		t.Fatalf("Between(%s, Add(…, %v) = %s) = %v", a, d, r, got)
	}
	if d > 0 && c.Between(a, r.Add(-time.Nanosecond)) >= d {
		t.Fatalf("Add(%s, %v) = %s is not the earliest", a, d, r)
	}
	if r2 := c.Add(a, d+time.Minute); r2.Before(r) {
		t.Fatalf("Add not monotone in d: Add(%s, %v) = %s before %s", a, d+time.Minute, r2, r)
	}
	if r3 := c.Add(b, d); r3.Before(r) {
		t.Fatalf("Add not monotone in t: Add(%s, %v) = %s before Add(%s, …) = %s", b, d, r3, a, r)
	}
	for _, x := range []time.Time{a, b, e, r} {
		if n := c.NextOpen(x); c.Open(x) != n.Equal(x) || n.Before(x) || !c.Open(n) {
			t.Fatalf("Open(%s) = %v but NextOpen = %s (open %v)", x, c.Open(x), n, c.Open(n))
		}
	}
	p := Interval{b, e}
	if got, want := c.Between(a, e, p), ab; got != want {
		t.Fatalf("Between(%s, %s, pending [%s, %s)) = %v, want %v", a, e, b, e, got, want)
	}
	rp := c.Add(a, d, p)
	if got := c.Between(a, rp, p); got != d {
		t.Fatalf("Between(%s, Add(…, %v, pending) = %s, pending) = %v", a, d, rp, got)
	}
	if rp.Before(r) {
		t.Fatalf("a pause made the clock faster: %s before %s", rp, r)
	}
}

func TestInvariants(t *testing.T) {
	t.Parallel()
	cals := fuzzCalendars(t)
	// A deterministic sweep; the fuzz target below explores further.
	x := uint32(12345)
	next := func() uint32 { x = x*1664525 + 1013904223; return x }
	for i := 0; i < 1000; i++ {
		c := cals[i%len(cals)]
		checkInvariants(t, c, next(), next(), next(), uint16(next()))
	}
}

func FuzzInvariants(f *testing.F) {
	f.Add(uint8(0), uint32(0), uint32(0), uint32(0), uint16(0))
	f.Add(uint8(3), uint32(86*1440+50), uint32(30), uint32(60), uint16(90))         // London spring change
	f.Add(uint8(5), uint32(304*1440), uint32(1440), uint32(1440), uint16(600))      // Havana autumn change
	f.Add(uint8(2), uint32(357*1440+1200), uint32(4000), uint32(7000), uint16(999)) // Christmas
	cals := fuzzCalendars(f)
	f.Fuzz(func(t *testing.T, ci uint8, am, bm, cm uint32, dm uint16) {
		checkInvariants(t, cals[int(ci)%len(cals)], am, bm, cm, dm)
	})
}

// The week-jumping Between agrees with a count by quarter-hours of Open
// over three-week windows round each zone change and holiday of 2026
// (every span boundary and zone change of these calendars falls on a whole
// quarter-hour, so counting quarter-hours is exact).
func TestBetweenCountsOpenMinutes(t *testing.T) {
	t.Parallel()
	starts := []time.Time{
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 28, 13, 0, 0, 0, time.UTC),
		time.Date(2026, 10, 18, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC),
	}
	for ci, c := range fuzzCalendars(t) {
		for _, s := range starts {
			e := s.Add(21 * day)
			var n time.Duration
			for x := s; x.Before(e); x = x.Add(15 * time.Minute) {
				if c.Open(x) {
					n += 15 * time.Minute
				}
			}
			if got := c.Between(s, e); got != n {
				t.Errorf("calendar %d (%s): Between(%s, %s) = %v, open quarter-hours %v", ci, c.Hours(), s, e, got, n)
			}
		}
	}
}
