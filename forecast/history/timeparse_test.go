package history

import (
	"testing"
	"time"
)

func TestLayoutDetection(t *testing.T) {
	t.Parallel()
	// Values in the formats the exports named in DESIGN.md write (the
	// vendors' documented CSV export formats); want is the Go layout.
	for _, tc := range []struct {
		values []string
		want   string
	}{
		{[]string{"2026-01-05T09:00:00Z", "2026-01-05T09:00:00.123+01:00"}, time.RFC3339},
		{[]string{"2026-01-05 09:00:00"}, "2006-01-02 15:04:05"},
		{[]string{"2026-01-05 09:00:00 +0100"}, "2006-01-02 15:04:05 -0700"},        // Zendesk
		{[]string{"29-02-2016 01:16", "01-03-2016 09:36"}, "2-1-2006 15:04"},        // ServiceNow
		{[]string{"01/02/2026 3:04 PM", "12/31/2026 11:00 AM"}, "1/2/2006 3:04 PM"}, // US
		{[]string{"05/Jan/26 9:05 AM"}, "2/Jan/06 3:04 PM"},                         // Jira
		{[]string{"1999-08-01 0:10:10"}, "2006-01-02 15:04:05"},                     // bank, h:mm:ss
		{[]string{"31.12.2026 23:59"}, "2.1.2006 15:04"},
		{[]string{"05.01.2026 09:00"}, "2.1.2006 15:04"},              // dotted dates are day first, never ambiguous
		{[]string{"garbage", "2026-01-05T09:00"}, "2006-01-02T15:04"}, // a bad value is no evidence
		{[]string{"1767603600", "1767603600.25"}, LayoutUnix},         // 2026-01-05T09:00:00Z
		{[]string{"1767603600000"}, LayoutUnixMilli},
	} {
		d := newLayoutDetector()
		for _, v := range tc.values {
			d.add(v)
		}
		got, ok, err := d.choose(0)
		if err != nil || !ok || got != tc.want {
			t.Errorf("%q: layout %q (%v, %v), want %q", tc.values, got, ok, err, tc.want)
		}
	}
}

func TestLayoutAmbiguousDayMonth(t *testing.T) {
	t.Parallel()
	d := newLayoutDetector()
	for _, v := range []string{"01-02-2016 09:00", "12-11-2016 10:00"} {
		d.add(v)
	}
	if _, _, err := d.choose(0); err == nil {
		t.Fatal("no day above 12: want an ambiguity error")
	}
	if got, _, err := d.choose(+1); err != nil || got != "2-1-2006 15:04" {
		t.Errorf("day-first order from another column: %q, %v", got, err)
	}
	if got, _, err := d.choose(-1); err != nil || got != "1-2-2006 15:04" {
		t.Errorf("month-first order from another column: %q, %v", got, err)
	}
}

func TestParseSeconds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{{"245", 245}, {"245.5", 245.5}, {"0:04:05", 245}, {"4:05", 245}, {"4m5s", 245}, {"1,5", 1.5}} {
		if got, err := parseSeconds(tc.in); err != nil || got != tc.want {
			t.Errorf("parseSeconds(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"-5", "abc", "NaN", "Inf", "1:x:3", "-1m"} {
		if _, err := parseSeconds(in); err == nil {
			t.Errorf("parseSeconds(%q): want an error", in)
		}
	}
}

func TestParseRFC3339FastMatchesTimeParse(t *testing.T) {
	t.Parallel()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no tz database")
	}
	for _, v := range []string{
		"2026-10-25T01:30:00+01:00", "2026-10-25T01:30:00Z", "2026-03-29T00:59:59-05:30", "2024-02-29T23:59:59+14:00",
		"2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-01T24:00:00Z",
		"2026-01-01T10:00:00.5Z", "2026-01-01 10:00:00Z", "2026-01-01T10:00:00+1:00", "2026-01-01T1a:00:00Z",
	} {
		want, werr := time.Parse(time.RFC3339, v)
		got, gerr := parseTime(time.RFC3339, v, loc)
		if (werr != nil) != (gerr != nil) || (werr == nil && (!got.Equal(want) || got.Location() != loc)) {
			t.Errorf("%q: got %v, %v; time.Parse %v, %v", v, got, gerr, want, werr)
		}
	}
}

func TestEpochLayouts(t *testing.T) {
	t.Parallel()
	want := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ layout, v string }{{LayoutUnix, "1767603600"}, {LayoutUnixMilli, "1767603600000"}} {
		if got, err := parseTime(tc.layout, tc.v, time.UTC); err != nil || !got.Equal(want) {
			t.Errorf("%s %q = %v, %v; want %v", tc.layout, tc.v, got, err, want)
		}
	}
	for _, v := range []string{"1e9", "-1767603600", "17676036", "NaN", "0x69", "1767603600000"} {
		if _, err := parseTime(LayoutUnix, v, time.UTC); err == nil {
			t.Errorf("unix %q: want an error", v)
		}
	}
}
