package synth_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/staffsim/staffsim/forecast/synth"
)

// The built-in sample aggregated to 30-minute intervals, as `staffsim plan`
// uses it: no CSV, no files.
func ExampleSeries() {
	s, err := synth.Series(context.Background(), synth.Sample(), 30*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Len(), "intervals from", s.Start.Format(time.DateOnly), "every", s.Interval)
	// Output: 8736 intervals from 2026-01-05 every 30m0s
}

// Stream a history ticket by ticket: memory stays flat however many days.
func ExampleGenerate() {
	cfg := synth.Config{
		Start:       time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Days:        7,
		DailyVolume: 100,
		Seed:        1,
	}
	phone := 0
	err := synth.Generate(context.Background(), cfg, func(t synth.Ticket) error {
		if t.Channel == "phone" {
			phone++
		}
		return nil
	})
	fmt.Println(phone > 0, err)
	// Output: true <nil>
}

// Write a small history as CSV.
func ExampleWriteCSV() {
	cfg := synth.Sample()
	cfg.Days = 1
	cfg.DailyVolume = 5
	if _, err := synth.WriteCSV(context.Background(), os.Stdout, cfg); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ticket_id,created_at,priority,channel,category,handle_seconds,first_response_at,resolved_at
	// INC0000001,2026-01-05T08:51:55Z,P3,portal,access,592,2026-01-05T14:35:22Z,2026-01-05T17:14:06Z
	// INC0000002,2026-01-05T10:21:40Z,P3,phone,software,441,2026-01-05T10:21:45Z,2026-01-05T10:29:06Z
	// INC0000003,2026-01-05T10:53:16Z,P3,email,access,1355,2026-01-05T11:11:46Z,2026-01-05T14:58:36Z
	// INC0000004,2026-01-05T11:24:59Z,P3,email,software,1125,2026-01-05T12:44:21Z,
	// INC0000005,2026-01-05T12:30:55Z,P4,phone,network,426,2026-01-05T12:31:17Z,2026-01-05T12:38:23Z
	// INC0000006,2026-01-05T12:39:52Z,P3,email,password,715,2026-01-05T14:14:19Z,
	// INC0000007,2026-01-05T13:44:02Z,P4,phone,password,52,2026-01-05T13:44:53Z,2026-01-05T13:45:45Z
	// INC0000008,2026-01-05T15:12:27Z,P4,phone,password,210,2026-01-05T15:13:10Z,2026-01-05T15:16:40Z
}
