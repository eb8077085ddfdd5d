package synth

import (
	"context"
	"fmt"
	"time"

	"github.com/staffsim/staffsim/forecast"
)

// Series generates the history of cfg and aggregates it in memory, without
// CSV, into an interval series: interval i starts at FirstDay + i·interval,
// Arrivals counts the tickets created in it, HandleSeconds sums their handle
// times and Handled counts them (every generated ticket has a handle time).
// It is the same history WriteCSV writes for cfg. interval must
// be a whole number of minutes dividing 24 hours (15m, 30m, 60m);
// otherwise the error is forecast.CheckInterval's *history.OptionError.
func Series(ctx context.Context, cfg Config, interval time.Duration) (*forecast.Series, error) {
	if err := forecast.CheckInterval(interval); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	first, end := cfg.FirstDay(), cfg.End()
	n := int((end.Sub(first) + interval - 1) / interval)
	s := &forecast.Series{
		Start:         first,
		Interval:      interval,
		Arrivals:      make([]float64, n),
		HandleSeconds: make([]float64, n),
		Handled:       make([]float64, n),
	}
	err := Generate(ctx, cfg, func(t Ticket) error {
		i, ok := s.Index(t.CreatedAt)
		if !ok {
			return fmt.Errorf("internal error: ticket %s at %s outside the series", t.ID, t.CreatedAt.Format(time.RFC3339))
		}
		s.Arrivals[i]++
		s.HandleSeconds[i] += t.HandleSeconds
		s.Handled[i]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
