package forecast

import (
	"strings"
	"testing"
	"time"
)

func TestReadHolidays(t *testing.T) {
	t.Parallel()
	h, err := ReadHolidays(strings.NewReader("\ufeffdate,name\n# UK 2026\n2026-12-25,Christmas\n\n2026-12-26\n"), "hol.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || !h.Has(time.Date(2026, 12, 25, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("holidays %v, want 2026-12-25 and 2026-12-26", h.Sorted())
	}
	_, err = ReadHolidays(strings.NewReader("2026-12-25\n25/12/2026\n"), "hol.csv")
	if err == nil || !strings.Contains(err.Error(), "hol.csv: line 2") || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("bad date: err %v, want file, line and the fix", err)
	}
}

func FuzzReadHolidays(f *testing.F) {
	for _, s := range []string{"2026-12-25\n", "date\n2026-01-01,New Year\n", "# c\n\n", "2026-02-30\n", "\"2026-12-25\";x\n", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ReadHolidays(strings.NewReader(s), "f")
		if err == nil {
			for d := range h {
				if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
					t.Fatalf("impossible date %v", d)
				}
			}
		}
	})
}

func TestHolidaysLeftOutAndForecast(t *testing.T) {
	t.Parallel()
	s := synth(synthSpec{weeks: 8, base: 30, seed: 5})
	// Close the desk on Wednesday of week 5 (a holiday) in the history.
	hol := Holidays{}
	day := s.Start.AddDate(0, 0, 7*5+2)
	hol[DateOf(day)] = true
	i0, _ := s.Index(day)
	for i := i0; i < i0+48; i++ {
		s.Arrivals[i] = 0
	}
	in, err := Prepare(s, 14*48, hol)
	if err != nil {
		t.Fatal(err)
	}
	// The holiday is imputed from the same slots a week earlier.
	for i := i0; i < i0+48; i++ {
		if in.Y[i] != s.Arrivals[i-7*48] {
			t.Fatalf("interval %d: imputed %v, want last week's %v", i, in.Y[i], s.Arrivals[i-7*48])
		}
	}
	// A snaive forecast right after the holiday week would copy zeros
	// without imputation; with it, Wednesday of the next week is open.
	n := i0 + 5*48 // Monday after
	f, _, err := point(in, SeasonalNaive{}, n, 7*48)
	if err != nil {
		t.Fatal(err)
	}
	var wed float64
	for j := 2 * 48; j < 3*48; j++ {
		wed += f[j]
	}
	if wed == 0 {
		t.Error("Wednesday after the holiday week forecast as closed: the holiday was not left out")
	}
	// A future holiday (Wednesday of the first forecast week) is forecast
	// with the holiday profile: the history's holiday had no contacts.
	future := s.End().AddDate(0, 0, 2)
	hol[DateOf(future)] = true
	in, _ = Prepare(s, 14*48, hol)
	fc, _, err := Predict(in, WeightedWeeks{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	j0, _ := fc.Index(future)
	for j := j0; j < j0+48; j++ {
		if fc.Arrivals[j] != 0 || fc.Upper[j] != 0 {
			t.Fatalf("holiday interval %s forecast %v (upper %v), want 0", fc.Time(j).Format(time.RFC3339), fc.Arrivals[j], fc.Upper[j])
		}
	}
	if !strings.Contains(strings.Join(fc.Notes, "\n"), "holiday") {
		t.Errorf("notes %q do not mention the holiday profile", fc.Notes)
	}
}
