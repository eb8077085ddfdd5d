package ticketplan

import (
	"context"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/cputime"
	"github.com/staffsim/staffsim/internal/realdata"
)

// BenchmarkServiceNowPlan plans the shared ServiceNow export as a ticket
// desk with plan's defaults (28 days, 20 replications, 90 % confidence):
// seconds per plan and the staffings simulated.
func BenchmarkServiceNowPlan(b *testing.B) {
	path := realdata.Path(b, serviceNow)
	cal := officeHours(b)
	in := loadTickets(b, path, history.Options{IDColumn: "number", Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}, cal)
	opt := Options{Calendar: cal, TwentyFourSeven: []string{"P1"}, Preempt: true, Templates: templates(b),
		Confidence: 0.9, Replications: 20, Seed: 1, HoursPerFTE: 37.5, HourlyCost: 30, Shrinkage: 0.2}
	var evals int
	cpu0 := cputime.Now()
	for range b.N {
		r, err := Run(context.Background(), in, opt)
		if err != nil {
			b.Fatal(err)
		}
		evals += len(r.Search) + len(r.Cases)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/plan")
	b.ReportMetric((cputime.Now()-cpu0).Seconds()/float64(b.N), "cpu-s/plan")
	b.ReportMetric(float64(evals)/float64(b.N), "staffings/plan")
}
