package main

import (
	"fmt"
	"io"
	"time"

	"gonum.org/v1/plot"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
)

// plotRequirements draws agents and scheduled agents per interval as step
// lines on a time axis in the desk's zone, into a .png or .svg file.
func plotRequirements(path string, s *forecast.Series, reqs []erlang.Requirement) error {
	format, err := report.FormatOf(path)
	if err != nil {
		return err
	}
	p, err := requirementsPlot(s, reqs)
	if err != nil {
		return err
	}
	return atomicdir.WriteFile(path, func(w io.Writer) error { return report.Save(p, w, format, 0, 0) })
}

// requirementsPlot is the step chart of agents and scheduled agents per
// interval.
func requirementsPlot(s *forecast.Series, reqs []erlang.Requirement) (*plot.Plot, error) {
	times := make([]time.Time, len(reqs))
	agents := make([]float64, len(reqs))
	scheduled := make([]float64, len(reqs))
	for i, r := range reqs {
		times[i] = s.Time(i)
		agents[i] = float64(r.Agents)
		scheduled[i] = float64(r.Scheduled)
	}
	zero := 0.0
	chart := report.TimeChart{
		Title:   fmt.Sprintf("Agents required per %s interval", quantity.FormatDuration(s.Interval)),
		YLabel:  "agents",
		Loc:     s.Start.Location(),
		YMin:    &zero,
		Integer: true,
		Lines: []report.Line{
			{Label: "scheduled (after shrinkage)", Times: times, Values: scheduled, Step: true, Last: s.Interval},
			{Label: "required on the phones", Times: times, Values: agents, Step: true, Last: s.Interval},
		},
	}
	return chart.Plot()
}
