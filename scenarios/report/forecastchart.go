package report

import (
	"fmt"
	"image/color"
	"math"
	"time"
)

// ForecastData is what a forecast chart shows: the last weeks of history,
// the point forecast and its prediction band, and optionally the actual
// arrivals of a holdout period (aligned with Times).
type ForecastData struct {
	Interval     time.Duration
	HistoryTimes []time.Time
	History      []float64
	Times        []time.Time
	Forecast     []float64
	Lower, Upper []float64
	Level        float64   // nominal coverage of the band, e.g. 0.8
	Actual       []float64 // holdout actuals for Times[:len(Actual)]; nil: none
	Method       string
}

// ForecastChart returns the chart of d: history as a grey step line, the
// forecast in blue with its shaded band, holdout actuals in black.
func ForecastChart(title string, loc *time.Location, d ForecastData) (TimeChart, error) {
	if len(d.Forecast) != len(d.Times) || len(d.Lower) != len(d.Times) || len(d.Upper) != len(d.Times) {
		return TimeChart{}, fmt.Errorf("forecast chart: %d times, %d forecasts, %d lower, %d upper bounds", len(d.Times), len(d.Forecast), len(d.Lower), len(d.Upper))
	}
	if len(d.History) != len(d.HistoryTimes) || len(d.Actual) > len(d.Times) {
		return TimeChart{}, fmt.Errorf("forecast chart: %d history times for %d values, %d actuals for %d forecasts", len(d.HistoryTimes), len(d.History), len(d.Actual), len(d.Times))
	}
	c := TimeChart{Title: title, YLabel: fmt.Sprintf("contacts per %s", shortDuration(d.Interval)), Loc: loc}
	zero := 0.0
	c.YMin = &zero
	c.Bands = append(c.Bands, Band{
		Label: fmt.Sprintf("%g%% prediction interval", math.Round(d.Level*1000)/10),
		Times: d.Times, Low: d.Lower, High: d.Upper, Step: true, Last: d.Interval,
		Color: color.NRGBA{R: 86, G: 180, B: 233, A: 150},
	})
	if len(d.History) > 0 {
		c.Lines = append(c.Lines, Line{Label: "history", Times: d.HistoryTimes, Values: d.History, Step: true,
			Last: d.Interval, Color: color.Gray{Y: 110}, Width: 1})
	}
	label := "forecast"
	if d.Method != "" {
		label += " (" + d.Method + ")"
	}
	c.Lines = append(c.Lines, Line{Label: label, Times: d.Times, Values: d.Forecast, Step: true, Last: d.Interval,
		Color: Palette[0], Width: 0.8})
	if len(d.Actual) > 0 {
		c.Lines = append(c.Lines, Line{Label: "actual (holdout)", Times: d.Times[:len(d.Actual)], Values: d.Actual,
			Step: true, Last: d.Interval, Color: Palette[1], Width: 1})
	}
	return c, nil
}

// shortDuration writes 30m, 1h, 15m rather than 30m0s.
func shortDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}
