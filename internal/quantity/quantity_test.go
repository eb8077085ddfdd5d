package quantity

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"20s", 20 * time.Second},
		{"1h30m", 90 * time.Minute},
		{"28d", 28 * 24 * time.Hour},
		{"1d12h", 36 * time.Hour},
		{" 4m ", 4 * time.Minute},
	} {
		got, err := ParseDuration(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "d", "-5s", "x", "3dd", "1.5d", "20"} {
		if got, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", bad, got)
		}
	}
}

func TestParseFraction(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{{"80%", 0.8}, {"0.8", 0.8}, {"12.5%", 0.125}, {"0", 0}, {"100%", 1}, {"1", 1}} {
		got, err := ParseFraction(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFraction(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "80", "120%", "-1%", "NaN", "abc%", "Inf"} {
		if got, err := ParseFraction(bad); err == nil {
			t.Errorf("ParseFraction(%q) = %v, want an error", bad, got)
		}
	}
}

func TestParseTarget(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want Target
	}{
		{"80/20s", Target{0.8, 20 * time.Second}},
		{"80/20", Target{0.8, 20 * time.Second}},
		{"80%/20s", Target{0.8, 20 * time.Second}},
		{"0.9/4h", Target{0.9, 4 * time.Hour}},
		{"90/4h", Target{0.9, 4 * time.Hour}},
		{"100/1d", Target{1, 24 * time.Hour}},
	} {
		got, err := ParseTarget(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseTarget(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "80", "80/", "/20s", "120/20s", "0/20s", "80/0s", "80/-5s", "80/abc", "NaN/20s", "80/NaN"} {
		if got, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) = %v, want an error", bad, got)
		}
	}
}

func TestParseRate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64 // per hour
	}{{"720/h", 720}, {"12/m", 720}, {"0.2/s", 720}, {"4800/d", 200}, {"100/30m", 200}, {"0/h", 0}} {
		got, err := ParseRate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "720", "720/", "-1/h", "x/h", "1/x", "1/0s", "Inf/h"} {
		if got, err := ParseRate(bad); err == nil {
			t.Errorf("ParseRate(%q) = %v, want an error", bad, got)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	var tg Target
	if err := tg.Set("80/20s"); err != nil || tg.String() != "80/20s" {
		t.Errorf("Target round trip: got %q, %v", tg.String(), err)
	}
	var f Fraction
	if err := f.Set("30%"); err != nil || f.String() != "30%" {
		t.Errorf("Fraction round trip: got %q, %v", f.String(), err)
	}
	var r Rate
	if err := r.Set("720/h"); err != nil || r.String() != "720/h" {
		t.Errorf("Rate round trip: got %q, %v", r.String(), err)
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"80/20s", "90/4h", "0.5/1", "x/y", "%/%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseTarget(s)
		if err != nil {
			return
		}
		if !(tg.Goal > 0 && tg.Goal <= 1) || tg.Within <= 0 {
			t.Fatalf("ParseTarget(%q) = %+v: out of range", s, tg)
		}
	})
}

func TestFormatDuration(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   time.Duration
		want string
	}{
		{28 * 24 * time.Hour, "28d"}, {36 * time.Hour, "1d12h"}, {90 * time.Minute, "1h30m"},
		{4 * time.Minute, "4m"}, {20 * time.Second, "20s"}, {2 * time.Hour, "2h"}, {0, "0s"},
		{24*time.Hour + 30*time.Second, "1d30s"},
	} {
		got := FormatDuration(tc.in)
		if got != tc.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tc.in, got, tc.want)
		}
		if back, err := ParseDuration(got); err != nil || back != tc.in {
			t.Errorf("ParseDuration(FormatDuration(%v)) = %v, %v", tc.in, back, err)
		}
	}
}
