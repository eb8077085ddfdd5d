package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestParseHours(t *testing.T) {
	t.Parallel()
	h := time.Hour
	cases := []struct {
		in   string
		want Hours
		text string // String() of the result
	}{
		{"24x7", Hours{{{0, 24 * h}}, {{0, 24 * h}}, {{0, 24 * h}}, {{0, 24 * h}}, {{0, 24 * h}}, {{0, 24 * h}}, {{0, 24 * h}}}, "24x7"},
		{"mon-fri=09:00-17:30", Hours{1: {{9 * h, 17*h + 30*time.Minute}}, 2: {{9 * h, 17*h + 30*time.Minute}}, 3: {{9 * h, 17*h + 30*time.Minute}},
			4: {{9 * h, 17*h + 30*time.Minute}}, 5: {{9 * h, 17*h + 30*time.Minute}}}, "mon-fri=09:00-17:30"},
		{"Monday=09:00-12:00, 13:00-17:00 ; sat = 10:00-14:00", Hours{1: {{9 * h, 12 * h}, {13 * h, 17 * h}}, 6: {{10 * h, 14 * h}}},
			"mon=09:00-12:00,13:00-17:00;sat=10:00-14:00"},
		// Across midnight: the end reads on the next day; fri-mon wraps round the weekend.
		{"fri-mon=22:00-06:00", Hours{0: {{22 * h, 30 * h}}, 1: {{22 * h, 30 * h}}, 5: {{22 * h, 30 * h}}, 6: {{22 * h, 30 * h}}},
			"mon=22:00-06:00;fri-sun=22:00-06:00"},
		{"sun=00:00-24:00", Hours{0: {{0, 24 * h}}}, "sun=00:00-24:00"},
		{"sun=00:00-00:00", Hours{0: {{0, 24 * h}}}, "sun=00:00-24:00"},
		{"sat=20:00-24:00", Hours{6: {{20 * h, 24 * h}}}, "sat=20:00-24:00"},
		{"tue=08:00:30-09:00", Hours{2: {{8*h + 30*time.Second, 9 * h}}}, "tue=08:00:30-09:00"},
		{"wed=closed", Hours{}, "closed"},
	}
	for _, tc := range cases {
		got, err := ParseHours(tc.in)
		if err != nil {
			t.Errorf("ParseHours(%q): %v", tc.in, err)
			continue
		}
		if got.String() != tc.text {
			t.Errorf("ParseHours(%q).String() = %q, want %q", tc.in, got.String(), tc.text)
		}
		if got.String() != tc.want.String() {
			t.Errorf("ParseHours(%q) = %v, want %v", tc.in, got, tc.want)
		}
		for wd := range got {
			if !sameSpans(got[wd], tc.want[wd]) {
				t.Errorf("ParseHours(%q)[%v] = %v, want %v", tc.in, time.Weekday(wd), got[wd], tc.want[wd])
			}
		}
		back, err := ParseHours(got.String())
		if err != nil || back.String() != got.String() {
			t.Errorf("round trip of %q: %v, %v", got.String(), back, err)
		}
	}
}

func TestParseHoursErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"", "no opening hours"},
		{"mon-fri", "want DAYS=SPANS"},
		{"mon-fry=09:00-17:00", `unknown day "fry"`},
		{"mon=9-17", `"9" is not a time of day`},
		{"mon=09:00", `want a span HH:MM-HH:MM`},
		{"mon=24:00-02:00", `"24:00" is not a time of day`},
		{"mon=09:00-25:00", `"25:00" is not a time of day`},
		{"mon=09:60-10:00", `"09:60" is not a time of day`},
		{"mon-fri=09:00-17:00;fri=18:00-20:00", "fri is given hours twice"},
	}
	for _, tc := range cases {
		_, err := ParseHours(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseHours(%q): error %v, want one containing %q", tc.in, err, tc.want)
		}
	}
}
