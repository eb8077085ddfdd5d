package capacity

import (
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadSettingsSample(t *testing.T) {
	t.Parallel()
	s, err := ReadSettings("../../testdata/capacity/capacity.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var o Options
	s.Apply(&o)
	week := 7 * 24 * time.Hour
	sp := o.Supply
	if o.Months != 18 || o.Target != 0.9 || sp.Headcount != 36 || sp.Attrition != 0.02 || sp.LeadTime != 6*week || sp.Training != 4*week ||
		len(sp.Ramp) != 2 || sp.MinClass != 4 || sp.MaxClass != 12 || sp.PartTimeShare != 0.2 || sp.PartTimeHours != 20 ||
		sp.Overtime != 0.05 || sp.OvertimePremium != 1.5 || sp.CostPerHire != 3000 || o.Growth == nil || *o.Growth != 0.08 {
		t.Errorf("settings: %+v, supply %+v", o, sp)
	}
	if len(o.Events) != 1 || o.Events[0].Factor != 1.2 || o.Events[0].To.Format(time.DateOnly) != "2027-04-30" {
		t.Errorf("events: %+v", o.Events)
	}
	if len(o.Given) != 2 || o.Given[1].Size != 6 || o.Shrinkage[time.August] != 0.3 {
		t.Errorf("classes %+v, shrinkage %v", o.Given, o.Shrinkage)
	}
}

// Every broken file names its line, its key and what to write.
func TestReadSettingsBroken(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"unknown-key.yaml":         {"line 2", "attrtion", "did you mean"},
		"ramp-above.yaml":          {"line 2", "ramp[1]", "100%"},
		"class-min-above-max.yaml": {"line 1", "class_size.max", "raise max"},
		"event-bad-month.yaml":     {"line 2", `events[0] "launch": from`, "2027-03"},
		"class-no-size.yaml":       {"line 2", "classes[0]", "size"},
		"bad-span.yaml":            {"line 1", "lead_time", "6w"},
		"shrinkage-typo.yaml":      {"line 1", "jly", "jul"},
		"attrition-year.yaml":      {"line 1", "attrition", "below 100%"},
	}
	files, _ := filepath.Glob("testdata/broken/*.yaml")
	if len(files) != len(want) {
		t.Fatalf("%d broken files, %d expectations", len(files), len(want))
	}
	for _, f := range files {
		_, err := ReadSettings(f)
		if err == nil {
			t.Errorf("%s: no error", f)
			continue
		}
		for _, w := range want[filepath.Base(f)] {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", f, err, w)
			}
		}
	}
}

func TestParsers(t *testing.T) {
	t.Parallel()
	// A yearly attrition y is a monthly 1 − (1−y)^(1/12); a monthly growth
	// m a yearly (1+m)^12 − 1.
	rates := []struct {
		in, unit string
		want     float64
	}{
		{"2%", "month", 0.02},
		{"2%/month", "month", 0.02},
		{"20%/year", "month", 1 - math.Pow(0.8, 1.0/12)},
		{"10%", "year", 0.1},
		{"1%/month", "year", math.Pow(1.01, 12) - 1},
		{"-5%", "year", -0.05},
		{"150%", "year", 1.5},
	}
	for _, r := range rates {
		got, err := ParseRate(r.in, r.unit)
		if err != nil || math.Abs(got-r.want) > 1e-12 {
			t.Errorf("ParseRate(%q, %q) = %v, %v; want %v", r.in, r.unit, got, err, r.want)
		}
	}
	for _, bad := range []string{"", "x%", "2%/week", "100%/year"} {
		if _, err := ParseRate(bad, "month"); err == nil {
			t.Errorf("ParseRate(%q) took it", bad)
		}
	}
	if d, err := ParseSpan("6w"); err != nil || d != 42*24*time.Hour {
		t.Errorf("ParseSpan(6w) = %v, %v", d, err)
	}
	if d, err := ParseSpan("30d"); err != nil || d != 30*24*time.Hour {
		t.Errorf("ParseSpan(30d) = %v, %v", d, err)
	}
	e, err := ParseEvent("launch:2027-03..2027-04=+25%")
	if err != nil || e.Name != "launch" || e.Factor != 1.25 || e.From.Format(time.DateOnly) != "2027-03-01" || e.To.Format(time.DateOnly) != "2027-04-30" {
		t.Errorf("ParseEvent = %+v, %v", e, err)
	}
	if _, err := ParseEvent("2027-04..2027-03=+5%"); err == nil {
		t.Error("an event ending before it starts was taken")
	}
	c, err := ParseClasses("2027-03-01:8,2027-06-07:10")
	if err != nil || len(c) != 2 || c[1].Size != 10 {
		t.Errorf("ParseClasses = %+v, %v", c, err)
	}
	if r, err := ParseRamp("60%,80%"); err != nil || len(r) != 2 || r[0] != 0.6 {
		t.Errorf("ParseRamp = %v, %v", r, err)
	}
	if m, err := ParseMonthShares("jul=35%,August=38%"); err != nil || m[time.July] != 0.35 || m[time.August] != 0.38 {
		t.Errorf("ParseMonthShares = %v, %v", m, err)
	}
}
