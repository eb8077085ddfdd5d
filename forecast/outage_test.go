package forecast

import (
	"strings"
	"testing"
	"time"
)

// TestMissingDayNoDip: a Wednesday without a single contact two weeks
// before the end of a history whose Wednesdays have ~300 contacts is an
// outage, not demand. Every method's forecast for the next Wednesdays
// must stay within 3 % of its forecast from the complete history (a
// weighted 6-week average that took the day as 0 would drop by 5/21 ≈
// 24 %), and the forecast's notes name the day.
func TestMissingDayNoDip(t *testing.T) {
	t.Parallel()
	full := synth(synthSpec{weeks: 12, base: 20, seed: 3})
	gap := &Series{Start: full.Start, Interval: full.Interval, Arrivals: append([]float64(nil), full.Arrivals...)}
	day := full.Start.AddDate(0, 0, 7*10+2) // Wednesday of week 11
	from := int(day.Sub(full.Start) / full.Interval)
	for i := from; i < from+48; i++ {
		gap.Arrivals[i] = 0
	}
	wednesdays := func(f *Forecast) float64 {
		var s float64
		for i, y := range f.Arrivals {
			if f.Time(i).Weekday() == time.Wednesday {
				s += y
			}
		}
		return s
	}
	for _, m := range append(Methods(), nil) {
		name := "auto"
		if m != nil {
			name = m.Name()
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			run := func(s *Series) *Forecast {
				in, err := Prepare(s, 14*48, nil)
				if err != nil {
					t.Fatal(err)
				}
				var f *Forecast
				if m == nil {
					f, _, err = Auto(in, Options{})
				} else {
					f, _, err = Predict(in, m, Options{})
				}
				if err != nil {
					t.Fatal(err)
				}
				return f
			}
			want, got := run(full), run(gap)
			w, g := wednesdays(want), wednesdays(got)
			if g < 0.97*w {
				t.Errorf("Wednesdays forecast %.0f contacts with the missing day, %.0f without: a dip of %.1f%%", g, w, 100*(1-g/w))
			}
			if !strings.Contains(strings.Join(got.Notes, "; "), "2024-03-13") {
				t.Errorf("notes %q do not name the missing day 2024-03-13", got.Notes)
			}
		})
	}
}

// TestOutageDays: an empty day is an outage only where the same weekday is
// usually busy, and not within a long closure.
func TestOutageDays(t *testing.T) {
	t.Parallel()
	s := synth(synthSpec{weeks: 8, base: 20, seed: 4})
	zero := func(s *Series, fromDay, days int) *Series {
		c := &Series{Start: s.Start, Interval: s.Interval, Arrivals: append([]float64(nil), s.Arrivals...)}
		for i := fromDay * 48; i < (fromDay+days)*48; i++ {
			c.Arrivals[i] = 0
		}
		return c
	}
	cases := []struct {
		name string
		s    *Series
		want []string
	}{
		{"complete: Sundays closed are not outages", s, nil},
		{"one Tuesday", zero(s, 22, 1), []string{"2024-01-23"}},
		{"two days", zero(s, 29, 2), []string{"2024-01-30", "2024-01-31"}},
		{"a closed fortnight", zero(s, 22, 14), nil},
	}
	for _, c := range cases {
		var got []string
		for _, d := range OutageDays(c.s, nil) {
			got = append(got, d.String())
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: outage days %v, want %v", c.name, got, c.want)
		}
	}
}
