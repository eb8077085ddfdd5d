package report

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
)

func TestMoney(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{1.9e6, "£1.9 M"}, {1e6, "£1 M"}, {1_949_999, "£1.9 M"}, {999_600, "£1 M"}, {48_300, "£48 k"},
		{7_500, "£7.5 k"}, {9_999, "£10 k"}, {1_000, "£1 k"}, {950, "£950"}, {0, "£0"}, {-2_500, "-£2.5 k"}, {math.NaN(), "£0"},
	} {
		if got := Money("£", tc.x); got != tc.want {
			t.Errorf("Money(£, %v) = %q, want %q", tc.x, got, tc.want)
		}
	}
	if got := SLAWords(0.8, 20*time.Second); got != "80% in 20s" {
		t.Errorf("SLAWords(0.8, 20s) = %q", got)
	}
}

// samplePlan is a small headcount case: three headcounts, the middle one
// recommended at forecast volume, none enough at +10 %.
func samplePlan() *Plan {
	pt := func(agents int, sl, p float64) HeadcountPoint {
		fte := float64(agents) * 40 / 37.5
		return HeadcountPoint{Agents: agents, FTE: fte, PaidHoursPerWeek: 40 * float64(agents), CostPerWeek: 1000 * float64(agents),
			CostPerYear: 52178 * float64(agents), ServiceLevel: Estimate{Mean: sl, Low: sl - 0.02, High: sl + 0.02, N: 20},
			ASASeconds: Estimate{Mean: 30, Low: 25, High: 35, N: 20}, AbandonRate: Estimate{N: 20}, PMeet: p}
	}
	return &Plan{Source: "test desk", Currency: "£", HourlyCost: 25, HoursPerFTE: 37.5, Goal: 0.8, Target: 20 * time.Second,
		Confidence: 0.9, Week: time.Date(2026, 7, 6, 0, 0, 0, 0, time.UTC),
		Cases: []HeadcountCase{
			{Name: "forecast", Points: []HeadcountPoint{pt(30, 0.7, 0.1), pt(33, 0.84, 0.95), pt(36, 0.9, 1)}, Smallest: 1},
			{Name: "+10% volume", Points: []HeadcountPoint{pt(30, 0.6, 0), pt(33, 0.7, 0.2), pt(36, 0.78, 0.4)}, Smallest: -1},
		},
		Today: &HeadcountPoint{Agents: 31, FTE: 31.5, ServiceLevel: Estimate{Mean: 0.71, Low: 0.68, High: 0.74, N: 20}, PMeet: 0.05},
		Lines: []string{"Holding 80% in 20s at forecast volume needs 35.2 FTE."}}
}

func TestHeadcountChartsAndPlanSection(t *testing.T) {
	t.Parallel()
	p := samplePlan()
	if rec, ok := p.Cases[1].Recommended(); ok || rec.Agents != 36 {
		t.Errorf("+10%%: Recommended = %d, %v; want the largest (36) and false", rec.Agents, ok)
	}
	charts, err := HeadcountCharts(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) != 2 || charts[0].Name != "headcount" || charts[1].Name != "headcount-probability" {
		t.Fatalf("charts %v", charts)
	}
	for _, c := range charts {
		var png bytes.Buffer
		if err := c.Render(&png, "png"); err != nil || png.Len() < 1000 {
			t.Errorf("%s: %d bytes, %v", c.Name, png.Len(), err)
		}
	}
	p.Charts = charts
	var html bytes.Buffer
	if err := WriteHTML(&html, &Page{Title: "plan", Plan: p, Runs: []*Run{{Summary: Summary{Queues: []QueueSummary{{Queue: "contacts"}}}}}, Names: []string{"plan"}}); err != nil {
		t.Fatal(err)
	}
	s := html.String()
	for _, w := range []string{"Holding 80% in 20s", "FTE needed", "35.2", "£1.7 M", "recommended", "&gt; 38.4 FTE", "Today&#39;s roster", `data-chart="headcount-probability"`} {
		if !strings.Contains(s, w) {
			t.Errorf("plan section lacks %q", w)
		}
	}
}
