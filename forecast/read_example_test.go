package forecast_test

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/staffsim/staffsim/forecast"
)

// LoadSeries reads a history (here interval volumes, as forecast.csv is
// read) into a Series in the desk's time zone.
func ExampleLoadSeries() {
	path := filepath.Join("testdata", "good", "volumes.csv")
	s, rep, err := forecast.LoadSeries(path, forecast.ReadOptions{}, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Shape, rep.Rows, "rows,", rep.Rejected, "rejected; interval", s.Interval)
	for i := range s.Len() {
		aht, ok := s.AHT(i)
		fmt.Println(s.Time(i).Format(time.RFC3339), s.Arrivals[i], aht, ok)
	}
	// Output:
	// volumes 3 rows, 0 rejected; interval 30m0s
	// 2026-01-05T09:00:00Z 10 200 true
	// 2026-01-05T09:30:00Z 12 0 false
	// 2026-01-05T10:00:00Z 8 300 true
}

// Read streams tickets into any Sink; the reader maps real export columns
// (here Jira's Created, Resolved, Priority, Issue Type) by itself.
func ExampleRead() {
	path := filepath.Join("testdata", "good", "jira.csv")
	var tickets printTickets
	rep, err := forecast.Read(path, forecast.ReadOptions{}, tickets)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Records, "tickets; created_at from", rep.Columns["created_at"], "as", rep.Layouts["created_at"])
	// Output:
	// 2026-01-05T09:05:00Z Major Incident
	// 2026-01-06T23:45:00Z Minor Service Request
	// 2 tickets; created_at from Created as 2/Jan/06 3:04 PM
}

type printTickets struct{}

func (printTickets) Ticket(t *forecast.Ticket) {
	fmt.Println(t.Created.Format(time.RFC3339), t.Priority, t.Category)
}
func (printTickets) Volume(*forecast.Volume) {}
