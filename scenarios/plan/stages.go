package plan

import (
	"context"
	"errors"
	"math"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/synth"
	"github.com/staffsim/staffsim/scenarios/roster"
	"gonum.org/v1/gonum/stat/distuv"
)

// This file holds the stages of staffsim plan, each a function of the
// stages before it:
//
//	history ─▶ forecast ─▶ requirements ─▶ typical week ─▶ roster
//	        ─▶ simulation (whole horizon) ─▶ headcount sweep (one week)
//
// How shrinkage is counted, in one place: requirements.csv gives per
// interval the agents Erlang needs on the phones and the agents to
// schedule, agents / (1 − shrinkage) rounded up. The roster covers the
// scheduled agents with its own breaks modelled explicitly (so --shrinkage
// is the time lost OUTSIDE the roster's breaks: absence, meetings,
// training), and the simulation models shrinkage as the chance that a
// scheduled agent misses a whole shift (sim.Config.Shrinkage) — the same as
// staffsim roster does. Paid hours, FTE and cost therefore include
// shrinkage: an absent agent is still paid.

// Sample returns the built-in sample desk's history — 26 weeks generated
// by forecast/synth with seed 1, the same every time — at the given
// interval, with its holidays over the history and a horizon after it.
func Sample(ctx context.Context, interval, horizon time.Duration) (Input, error) {
	cfg := synth.Sample()
	s, err := synth.Series(ctx, cfg, interval)
	if err != nil {
		return Input{}, err
	}
	last := s.End().Add(horizon)
	hol := synth.HolidaysIn(cfg.Calendar(), forecast.DateOf(s.Start), forecast.DateOf(last))
	return Input{Series: s, Holidays: hol, Source: "built-in sample desk"}, nil
}

// meanAHT returns the forecast's volume-weighted mean AHT in seconds, or
// 0 when it has none (erlang.MeanAHT).
func meanAHT(fc *forecast.Forecast) float64 { return erlang.MeanAHT(fc.Arrivals, fc.AHTSeconds) }

// TypicalWeek lays the requirement over the week from start (a local
// midnight): every interval of that week takes, for its weekday and
// wall-clock slot, the largest scheduled agents (and arrivals) of any
// interval of the horizon with the same weekday and slot. A weekly roster
// built on it covers every week of the horizon, the busiest included.
// Weekday × slot pairs the horizon never reaches stay 0.
func TypicalWeek(fc *forecast.Forecast, reqs []erlang.Requirement, start time.Time) *roster.Requirements {
	per := fc.SlotsPerDay()
	type cell struct{ arrivals, aht, agents, scheduled float64 }
	cells := make([]cell, 7*per)
	for i, r := range reqs {
		slot, day := fc.Slot(i)
		if slot < 0 || slot >= per {
			continue
		}
		c := &cells[int(day)*per+slot]
		if float64(r.Scheduled) > c.scheduled || (float64(r.Scheduled) == c.scheduled && r.Arrivals > c.arrivals) {
			c.scheduled, c.agents = float64(r.Scheduled), float64(r.Agents)
		}
		if r.Arrivals > c.arrivals {
			c.arrivals, c.aht = r.Arrivals, r.AHT
		}
	}
	n := int(start.AddDate(0, 0, 7).Sub(start) / fc.Interval)
	out := &roster.Requirements{Start: start, Interval: fc.Interval,
		Arrivals: make([]float64, n), AHT: make([]float64, n), Agents: make([]float64, n), Scheduled: make([]float64, n)}
	for i := range n {
		t := start.Add(time.Duration(i) * fc.Interval)
		h, m, _ := t.Clock()
		slot := (h*60 + m) * per / (24 * 60)
		c := cells[int(t.Weekday())*per+min(slot, per-1)]
		out.Arrivals[i], out.AHT[i], out.Agents[i], out.Scheduled[i] = c.arrivals, c.aht, c.agents, c.scheduled
	}
	return out
}

// FirstMidnight returns the first local midnight at or after t.
func FirstMidnight(t time.Time) time.Time {
	m := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	if m.Before(t) {
		m = time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, t.Location())
	}
	return m
}

// wholeDays returns the number of whole local days from start (a midnight)
// to end.
func wholeDays(start, end time.Time) int {
	n := 0
	for !start.AddDate(0, 0, n+1).After(end) {
		n++
	}
	return n
}

// sweepWeek returns the start of the week the headcount sweep simulates:
// the first Monday of the simulated horizon when a whole week from it fits,
// else the horizon's start.
func sweepWeek(start time.Time, days int) time.Time {
	for k := range days {
		d := start.AddDate(0, 0, k)
		if d.Weekday() == time.Monday && k+7 <= days {
			return d
		}
	}
	return start
}

// isShort reports whether a forecasting error is about too little history.
func isShort(err error) bool {
	return errors.Is(err, forecast.ErrShortHistory) || forecast.IsShortHistory(err)
}

// MeanDayMethod names the forecast of a history shorter than a week.
const MeanDayMethod = "mean-day"

// meanDayForecast forecasts a history shorter than a week, where no weekly
// pattern can be seen and nothing can be backtested: every day of the
// horizon repeats the history's mean day, slot by slot (wall clock), with
// the slot's mean AHT. The band is the normal approximation of a Poisson
// count, mean ± z·√mean with z the standard normal quantile of (1+level)/2,
// which leaves out day-to-day variation the history is too short to show.
func meanDayForecast(s *forecast.Series, n int, level float64) *forecast.Forecast {
	per := s.SlotsPerDay()
	sum, obs, work, handled := make([]float64, per), make([]float64, per), make([]float64, per), make([]float64, per)
	for i, a := range s.Arrivals {
		slot, _ := s.Slot(i)
		if slot < 0 || slot >= per {
			continue
		}
		sum[slot] += a
		obs[slot]++
		if s.HasAHT() {
			work[slot] += s.HandleSeconds[i]
			handled[slot] += s.Handled[i]
		}
	}
	z := distuv.UnitNormal.Quantile((1 + level) / 2)
	fc := &forecast.Forecast{Series: forecast.Series{Start: s.End(), Interval: s.Interval}, Level: level, Method: MeanDayMethod,
		Notes: []string{"the history covers less than a week: every forecast day repeats its mean day (no weekday pattern, no backtest); give two weeks or more for a real forecast"}}
	fc.Arrivals, fc.Lower, fc.Upper = make([]float64, n), make([]float64, n), make([]float64, n)
	if s.HasAHT() {
		fc.AHTSeconds = make([]float64, n)
	}
	for i := range n {
		t := fc.Time(i)
		h, m, _ := t.Clock()
		slot := min((h*60+m)*per/(24*60), per-1)
		if obs[slot] == 0 {
			continue
		}
		mu := sum[slot] / obs[slot]
		fc.Arrivals[i] = mu
		fc.Lower[i] = math.Max(0, mu-z*math.Sqrt(mu))
		fc.Upper[i] = mu + z*math.Sqrt(mu)
		if fc.AHTSeconds != nil && handled[slot] > 0 {
			fc.AHTSeconds[i] = work[slot] / handled[slot]
		}
	}
	return fc
}
