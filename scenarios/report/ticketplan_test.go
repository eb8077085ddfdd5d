package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestTicketPlanSection: the plan section and its chart render, the same
// bytes twice, with no NaN, and say the recommendation.
func TestTicketPlanSection(t *testing.T) {
	tp := &TicketPlan{Source: "incidents.csv", Met: true, Lines: []string{"The desk needs 12 analysts (L1 8, L2 4)."},
		Confidence: 0.9, Replications: 10, Currency: "£", HoursPerFTE: 37.5,
		Tiers:      []TicketPlanTier{{Name: "L1", Analysts: 8, StartAnalysts: 10, FTE: 8.2, PaidHours: 308, CostPerYear: 4e5, Occupancy: 0.8, WaitHours: 0.4, Shifts: 5}},
		Priorities: []TicketPlanPriority{{Name: "P1", Response: "95% responded within 15 minutes", Share: 0.1, PMeet: 1}, {Name: "P2", Share: 0.9, PMeet: 0.9}},
		Cases: []TicketPlanCase{
			{Name: "90% of the recommendation", Analysts: 11, FTE: 11, Volume: 1, PMeet: []float64{1, 0.4}},
			{Name: "recommendation", Analysts: 12, FTE: 12.1, Volume: 1, PMeet: []float64{1, 0.9}, Met: true, Recommended: true},
			{Name: "+10% volume", Analysts: 12, FTE: 12.1, Volume: 1.1, PMeet: []float64{1, 0.5}},
		},
		Assumptions: []string{"touch time per ticket: L1 20m"}}
	c, err := TicketPlanChart(tp)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := c.Render(&a, "png"); err != nil {
		t.Fatal(err)
	}
	if err := c.Render(&b, "png"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the chart renders differently twice")
	}
	var html bytes.Buffer
	if err := WriteHTML(&html, &Page{Title: "Ticket desk plan", TicketPlan: tp, Charts: []Chart{c}, Cheapest: -1, Words: TicketWords}); err != nil {
		t.Fatal(err)
	}
	// The text, without the charts' base64 (which may spell "Inf").
	s := regexp.MustCompile(`data:image/png;base64,[^"]*`).ReplaceAllString(html.String(), "")
	for _, want := range []string{"The desk needs 12 analysts", "95% responded within 15 minutes", "search began at 10", "P(meet) P2", "recommended", "touch time per ticket"} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
		t.Error("NaN or Inf in the page")
	}
}
