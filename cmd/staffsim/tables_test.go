package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// roundTrip writes rows with write, checks the header against DESIGN's
// columns, reads the CSV back through the same record type and checks
// that every row comes back equal.
func roundTrip[T any](t *testing.T, name string, header string, rows []T, write func(w *bytes.Buffer) error) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatalf("%s: write: %v", name, err)
	}
	if got, _, _ := strings.Cut(b.String(), "\n"); got != header {
		t.Errorf("%s: header %q, want %q", name, got, header)
	}
	var back []T
	if err := gocsv.Unmarshal(&b, &back); err != nil {
		t.Fatalf("%s: read back: %v", name, err)
	}
	if len(back) != len(rows) {
		t.Fatalf("%s: read %d rows, wrote %d", name, len(back), len(rows))
	}
	for i := range rows {
		if !reflect.DeepEqual(normalize(back[i]), normalize(rows[i])) {
			t.Errorf("%s: row %d read %+v, wrote %+v", name, i, back[i], rows[i])
		}
	}
}

// normalize makes times comparable with DeepEqual: the same instant in a
// fixed zone of the same offset, as time.Parse returns it.
func normalize[T any](r T) T {
	v := reflect.ValueOf(&r).Elem()
	for i := range v.NumField() {
		if ct, ok := v.Field(i).Interface().(csvfield.Time); ok && !ct.IsZero() {
			_, off := ct.Zone()
			v.Field(i).Set(reflect.ValueOf(csvfield.At(ct.In(time.FixedZone("", off)))))
		}
	}
	return r
}

func TestTablesRoundTrip(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	// 25 Oct 2026 01:00–03:30 Paris: the autumn DST change, +02:00 then +01:00.
	s := &forecast.Series{Start: time.Date(2026, 10, 25, 1, 0, 0, 0, paris), Interval: 30 * time.Minute,
		Arrivals: []float64{100, 0, 1.0 / 3, 250.125, 7e-7, 12}}
	d := make([]erlang.Demand, s.Len())
	for i, a := range s.Arrivals {
		d[i] = erlang.Demand{Arrivals: a, AHT: 180}
		if a == 0 {
			d[i].AHT = 0
		}
	}
	for _, m := range []erlang.Model{erlang.ModelC, erlang.ModelA} {
		reqs, err := erlang.Requirements(d, erlang.Targets{ServiceLevel: 0.8, Within: 20},
			erlang.Options{Model: m, Interval: s.Interval, Patience: 180, Shrinkage: 0.3})
		if err != nil {
			t.Fatal(err)
		}
		rows := roster.RequirementRows(s, reqs, m)
		roundTrip(t, "requirements.csv "+m.String(),
			"interval_start,arrivals,aht_seconds,traffic_erlangs,agents,scheduled_agents,service_level,asa_seconds,occupancy,abandon_rate",
			rows, func(w *bytes.Buffer) error { return writeRequirementsCSV(w, s, reqs, m) })

		// The roster's reader takes what requirements writes.
		var b bytes.Buffer
		writeRequirementsCSV(&b, s, reqs, m)
		got, err := roster.ParseRequirements("requirements.csv", &b, paris)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range reqs {
			if got.Arrivals[i] != r.Arrivals || got.AHT[i] != r.AHT || got.Agents[i] != float64(r.Agents) ||
				got.Scheduled[i] != float64(r.Scheduled) || !got.Start.Equal(s.Start) || got.Interval != s.Interval {
				t.Errorf("%v: roster read interval %d as %v %v %v %v, want %+v", m, i, got.Arrivals[i], got.AHT[i], got.Agents[i], got.Scheduled[i], r)
			}
		}

		sum := newRequirementsSummary(s, reqs, erlang.Options{Model: m, Shrinkage: 0.3}, erlang.Targets{ServiceLevel: 0.8, Within: 20}, 37.5)
		sum.Targets = "" // not a column
		roundTrip(t, "requirements summary "+m.String(),
			"from,to,interval_minutes,intervals,model,shrinkage,peak_agents,peak_at,peak_scheduled_agents,agent_hours,scheduled_agent_hours,weeks,hours_per_fte,fte,offered_contacts,service_level",
			[]requirementsSummary{sum}, func(w *bytes.Buffer) error { return writeSummaryCSV(w, sum) })
	}

	ab := csvfield.Float(0.013984)
	recs := []erlangRecord{
		{Model: "erlang-c", RatePerHour: 720, AHTSeconds: 240, Traffic: 48, Agents: 54, ServiceLevel: 0.8172, TargetSeconds: 20,
			ProbWait: 1e-9, ASASeconds: 12.05, Occupancy: 0.8889, Shrinkage: 0.3, ScheduledAgents: 78},
		{Model: "erlang-a", RatePerHour: 200, AHTSeconds: 180, Traffic: 10, Agents: 12, ServiceLevel: 0.916792, TargetSeconds: 20,
			ProbWait: 0.2, ASASeconds: 3, Occupancy: 0.8, AbandonRate: &ab, ScheduledAgents: 12},
	}
	roundTrip(t, "erlang", strings.Join(designErlangKeys, ","), recs,
		func(w *bytes.Buffer) error { return writeErlangCSV(w, recs) })

	iv := []rosterInterval{
		{IntervalStart: csvfield.At(s.Start), Required: 3.5, Staffed: 4, Over: 0.5},
		{IntervalStart: csvfield.At(s.Time(5)), Required: 2, Staffed: 1, Under: 1, ServiceLevel: csvfield.Opt(0.75, true)},
	}
	roundTrip(t, "roster", "interval_start,required,staffed,over,under,service_level", iv,
		func(w *bytes.Buffer) error { return gocsv.Marshal(iv, w) })

	wh := []weekHourRow{{"Monday", 0, 4, 0.25}, {"Sunday", 23, 3, 1.0 / 3}}
	roundTrip(t, "inspect", "weekday,hour,days,mean", wh, func(w *bytes.Buffer) error { return gocsv.Marshal(wh, w) })
}

// TestHeadcountCSVRoundTrip checks that headcount.csv and plan's case
// table read back through their records.
func TestHeadcountCSVRoundTrip(t *testing.T) {
	t.Parallel()
	e := func(m, lo, hi float64) report.Estimate { return report.Estimate{Mean: m, Low: lo, High: hi, N: 20} }
	p := &report.Plan{Cases: []report.HeadcountCase{
		{Name: "forecast", Smallest: 1, Points: []report.HeadcountPoint{
			{Agents: 10, FTE: 12.5, PaidHoursPerWeek: 468.75, CostPerWeek: 15234.375, CostPerYear: 792187.5,
				ServiceLevel: e(0.71, 0.69, 0.73), ASASeconds: e(31.2, 29, 33), AbandonRate: e(0.04, 0.03, 0.05), PMeet: 0.05},
			{Agents: 11, FTE: 13.75, PaidHoursPerWeek: 515.625, CostPerWeek: 16757.8125, CostPerYear: 1.2345678e6,
				ServiceLevel: e(0.83, 0.81, 0.85), PMeet: 0.95},
		}},
		{Name: "+10%", Smallest: -1, Points: []report.HeadcountPoint{{Agents: 11, FTE: 13.75, PMeet: 1.0 / 3}}},
	}}
	rows := report.HeadcountRows(p)
	roundTrip(t, "headcount.csv",
		"case,agents,fte,paid_hours_per_week,cost_per_week,cost_per_year,service_level,service_level_low,service_level_high,asa_seconds,abandon_rate,p_meet,recommended",
		rows, func(w *bytes.Buffer) error { return report.WriteHeadcountCSV(w, p) })
	cases := planCaseRows(p, "today")
	roundTrip(t, "plan cases", "case,fte_needed,agents,service_level,service_level_low,service_level_high,p_meet,paid_hours_per_week,cost_per_year,met",
		cases, func(w *bytes.Buffer) error { return writePlanCasesCSV(w, p, "today") })
}
