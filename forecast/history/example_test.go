package history_test

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
)

// ReadFile (Read for any io.Reader) streams tickets into any Sink; the reader maps real export columns
// (here Jira's Created, Resolved, Priority, Issue Type) by itself.
func ExampleReadFile() {
	path := filepath.Join("testdata", "good", "jira.csv")
	var tickets printTickets
	rep, err := history.ReadFile(path, history.Options{}, tickets)
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

func (printTickets) Ticket(t *history.Ticket) {
	fmt.Println(t.Created.Format(time.RFC3339), t.Priority, t.Category)
}
func (printTickets) Volume(*history.Volume) {}
