package history

import (
	"path/filepath"
	"testing"

	"github.com/staffsim/staffsim/internal/realdata"
)

func TestRealExports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rel           string
		opt           Options
		rows, tickets int
		collapsed     int
		first, last   string
		createdLayout string
	}{
		// Counts from the data's README: 5,998 events of 890 incidents;
		// 65,533 events of 7,554 incidents; one day of calls (2,375 rows).
		{"servicenow-incidents-2016/incident_event_log_partial.csv", Options{IDColumn: "number"}, 5998, 890, 5998 - 890,
			"2016-02-29T01:16:00Z", "", "2-1-2006 15:04"},
		{"bpi13-incidents/bpi_13_incidents.csv", Options{IDColumn: "CaseID"}, 65533, 7554, 65533 - 7554,
			"2010-04-01T00:59:00Z", "", "2006-01-02 15:04:05"},
		{"anonymous-bank-1999/calls_one_day.csv", Options{Columns: map[string]string{"created_at": "1999-08-01+vru_entry"}}, 2375, 2375, 0,
			"1999-08-01T00:10:10Z", "1999-08-01T23:58:02Z", "2006-01-02 15:04:05"},
	} {
		t.Run(filepath.Base(tc.rel), func(t *testing.T) {
			t.Parallel()
			p := realdata.Path(t, tc.rel)
			var c collect
			rep, err := ReadFile(p, tc.opt, &c)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rows != tc.rows || rep.Records != tc.tickets || rep.Collapsed != tc.collapsed || rep.Rejected != 0 {
				t.Errorf("rows %d tickets %d collapsed %d rejected %d; want %d %d %d 0",
					rep.Rows, rep.Records, rep.Collapsed, rep.Rejected, tc.rows, tc.tickets, tc.collapsed)
			}
			if got := rep.First.Format("2006-01-02T15:04:05Z07:00"); got != tc.first {
				t.Errorf("first %s, want %s", got, tc.first)
			}
			if got := rep.Last.Format("2006-01-02T15:04:05Z07:00"); tc.last != "" && got != tc.last {
				t.Errorf("last %s, want %s", got, tc.last)
			}
			if rep.Layouts[FieldCreatedAt] != tc.createdLayout {
				t.Errorf("layout %q, want %q", rep.Layouts[FieldCreatedAt], tc.createdLayout)
			}
			if len(c.tickets) != tc.tickets {
				t.Errorf("%d tickets delivered, want %d", len(c.tickets), tc.tickets)
			}
		})
	}
}
