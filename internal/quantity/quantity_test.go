package quantity

import (
	"math"
	"strings"
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

// TestBadInputCorpus holds what hostile and careless users typed, with a
// piece of the message each must get (found by auditing the CLI).
func TestBadInputCorpus(t *testing.T) {
	t.Parallel()
	parse := map[string]func(string) error{
		"duration": func(s string) error { _, err := ParseDuration(s); return err },
		"fraction": func(s string) error { _, err := ParseFraction(s); return err },
		"target":   func(s string) error { _, err := ParseTarget(s); return err },
		"rate":     func(s string) error { _, err := ParseRate(s); return err },
	}
	for _, tc := range []struct {
		kind, in, want string
	}{
		{"duration", "240", "add a unit, e.g. 240s"},
		{"duration", "1000000d", "at most 106751d"},
		{"duration", "106751d24h", "at most 106751d"},
		{"duration", "99999999999h", "invalid duration"},
		{"duration", "NaN", "invalid duration"},
		{"duration", "Inf", "invalid duration"},
		{"duration", "-240", "invalid duration"},
		{"target", "80/1000000d", "80/1000000d"},
		{"rate", "1e300/h", "at most"},
		{"rate", "1e20/1ns", "at most"},
		{"rate", "5/0.5", "invalid rate"},
		{"fraction", "80", "did you mean 80%"},
	} {
		err := parse[tc.kind](tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse %s %q: got error %v, want one containing %q", tc.kind, tc.in, err, tc.want)
		}
	}
	if _, err := ParseTarget("80/1000000d"); err == nil || strings.Contains(err.Error(), "positive") {
		t.Errorf(`ParseTarget("80/1000000d"): got %v, want an error that is not about a non-positive time`, err)
	}
	if got, err := ParseDuration("106751d"); err != nil || got != 106751*24*time.Hour {
		t.Errorf(`ParseDuration("106751d") = %v, %v; want 106751 days`, got, err)
	}
	if got, err := ParseRate("0"); err != nil || got != 0 {
		t.Errorf(`ParseRate("0") = %v, %v; want 0`, got, err)
	}
}

// TestStringForHelp: flag help prints a default unless it is "" or "0",
// so unset (zero) quantities must print so, and others as typed.
func TestStringForHelp(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    interface{ String() string }
		want string
	}{
		{Duration(0), "0"}, {Fraction(0), "0"}, {Rate(0), "0"}, {Target{}, ""},
		{Duration(30 * time.Minute), "30m"}, {Duration(28 * 24 * time.Hour), "28d"},
		{Fraction(0.3), "30%"}, {Rate(720), "720/h"},
		{Target{Goal: 0.9, Within: 4 * time.Hour}, "90/4h"},
	} {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.v, got, tc.want)
		}
	}
	// Every String reads back.
	var d Duration
	var f Fraction
	var r Rate
	for _, c := range []struct {
		v interface{ Set(string) error }
		s string
	}{{&d, "0"}, {&f, "0"}, {&r, "0"}, {&d, "1d12h"}} {
		if err := c.v.Set(c.s); err != nil {
			t.Errorf("Set(%q): %v", c.s, err)
		}
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"20s", "28d", "1d12h", "106751d", "1000000d", "240", "-5s", "d", "9223372036s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		if d < 0 {
			t.Fatalf("ParseDuration(%q) = %v: negative", s, d)
		}
		if back, err := ParseDuration(FormatDuration(d)); err != nil || back != d {
			t.Fatalf("ParseDuration(FormatDuration(%v)) = %v, %v", d, back, err)
		}
	})
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"720/h", "12/m", "100/30m", "1e300/h", "0", "1/1ns", "NaN/h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			return
		}
		if math.IsNaN(r) || math.IsInf(r, 0) || r < 0 || r > maxRate {
			t.Fatalf("ParseRate(%q) = %v: out of range", s, r)
		}
	})
}
