package scenarios

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim/calendar"
)

func TestLoadTickets(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "tickets.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Calendars) != 3 {
		t.Fatalf("got %d calendars, want 3", len(s.Calendars))
	}
	office, nights, always := s.Calendars[0], s.Calendars[1], s.Calendars[2]
	h := time.Hour
	am, pm := calendar.Span{Start: 8 * h, End: 12*h + 30*time.Minute}, calendar.Span{Start: 13*h + 30*time.Minute, End: 18 * h}
	wantOffice := calendar.Hours{1: {am, pm}, 2: {am, pm}, 3: {am, pm}, 4: {am, pm}, 5: {am, pm}, 6: {{Start: 9 * h, End: 13 * h}}}
	if office.Name != "office" || office.Location.String() != "Europe/London" || !reflect.DeepEqual(office.Hours, wantOffice) ||
		office.HolidaysFile != "uk-holidays.txt" || !reflect.DeepEqual(office.Holidays, []calendar.Date{{Year: 2026, Month: 12, Day: 25}, {Year: 2026, Month: 12, Day: 28}}) {
		t.Errorf("office: got %+v", office)
	}
	night := []calendar.Span{{Start: 22 * h, End: 30 * h}}
	if nights.Location.String() != "America/New_York" || !reflect.DeepEqual(nights.Hours, calendar.Hours{0: night, 1: night, 2: night, 3: night, 4: night}) ||
		!reflect.DeepEqual(nights.Holidays, []calendar.Date{{Year: 2026, Month: 12, Day: 24}, {Year: 2026, Month: 12, Day: 31}}) || nights.HolidaysFile != "" {
		t.Errorf("nights: got %+v", nights)
	}
	if always.Location.String() != "Europe/London" || always.Hours.String() != "24x7" {
		t.Errorf("always: got %+v", always)
	}
	want := []TicketSLA{
		{"P1", &SLA{15 * time.Minute, 0.95}, &SLA{4 * h, 0.9}, "always"},
		{"P2", &SLA{h, 0.9}, &SLA{8 * h, 0.95}, "office"},
		{"P3", &SLA{4 * h, 0.9}, &SLA{72 * h, 0.9}, "office"},
		{"4 - Low", nil, &SLA{120 * h, 0.8}, ""},
	}
	if got := s.Queues[0].TicketSLA; !reflect.DeepEqual(got, want) {
		t.Errorf("ticket_sla: got %+v, want %+v", got, want)
	}
	// The office calendar's clock: Fri 2026-12-11 17:00 + 8h of business
	// time is Fri 17:00–18:00 (1h), Sat 09:00–13:00 (4h), then Mon
	// 08:00–11:00 (3h): Mon 11:00.
	clk, err := s.Clock("office")
	if err != nil {
		t.Fatal(err)
	}
	lon := s.Location
	if got, want := clk.Add(time.Date(2026, 12, 11, 17, 0, 0, 0, lon), 8*h), time.Date(2026, 12, 14, 11, 0, 0, 0, lon); !got.Equal(want) {
		t.Errorf("office clock: Add = %s, want %s", got, want)
	}
	// No calendar: 24×7 in the scenario's zone.
	if clk, err := s.Clock(""); err != nil || !clk.IsAlways() || clk.Location() != s.Location {
		t.Errorf("default clock: %v, %v", clk, err)
	}
	if _, err := s.Clock("nope"); err == nil {
		t.Error("Clock of an unknown calendar: no error")
	}
}
