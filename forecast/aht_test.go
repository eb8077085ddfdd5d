package forecast

import (
	"math"
	"testing"
)

func TestAHTForecast(t *testing.T) {
	t.Parallel()
	// Generated calls: exponential handle times of mean 240 s before 13:00
	// and 300 s after (synth).
	s := synth(synthSpec{weeks: 10, base: 100, seed: 8, aht: true})
	in, _ := Prepare(s, 7*48, nil)
	f, _, err := Predict(in, WeightedWeeks{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.AHTSeconds == nil {
		t.Fatal("no AHT forecast for a history with handle times")
	}
	for j, a := range f.AHTSeconds {
		tt := f.Time(j)
		if math.IsNaN(a) || a <= 0 {
			t.Fatalf("%v: AHT %v", tt, a)
		}
		// Mid-morning and mid-afternoon weekday slots, away from the 13:00
		// step the smoothing blurs: within 12 % of the true mean (about 4 standard errors
		// of a mean of ~1000 exponential handle times).
		if tt.Weekday() >= 1 && tt.Weekday() <= 5 && (tt.Hour() == 10 || tt.Hour() == 16) {
			want := 240.0
			if tt.Hour() == 16 {
				want = 300
			}
			if math.Abs(a-want)/want > 0.12 {
				t.Errorf("%v: AHT %.1f, want ≈ %v", tt, a, want)
			}
		}
	}
	// Without handle times the column stays empty, with a note.
	s.HandleSeconds, s.Handled = nil, nil
	in, _ = Prepare(s, 48, nil)
	f, _, _ = Predict(in, WeightedWeeks{}, Options{})
	if f.AHTSeconds != nil || len(f.Notes) == 0 {
		t.Errorf("no handle times: AHT %v, notes %q", f.AHTSeconds, f.Notes)
	}
}
