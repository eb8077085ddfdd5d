package forecast

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
)

// Method is a forecasting method. Forecast fits the method on the first n
// intervals of in (in.Y[:n]) and returns its point forecasts, in contacts
// per interval, for the h intervals n … n+h−1 (n+h ≤ len(in.Keys)).
//
// Methods return raw point forecasts; Predict and Backtest make them count
// aware (no negative values, closed hours and holidays) and add prediction
// intervals, the same way for every method. A method that needs more
// history than n intervals returns a *ShortHistoryError.
type Method interface {
	Name() string
	Forecast(in *Input, n, h int) ([]float64, error)
}

// ShortHistoryError reports that a method needs more history than it got.
type ShortHistoryError struct {
	Method string
	Need   time.Duration // history the method needs
	Have   time.Duration // history it got
}

func (e *ShortHistoryError) Error() string {
	return fmt.Sprintf("%s needs at least %s of history, have %s", e.Method, days(e.Need), days(e.Have))
}

// days formats a duration in days ("14d") or hours below a day.
func days(d time.Duration) string {
	if d >= 24*time.Hour {
		return fmt.Sprintf("%.3gd", d.Hours()/24)
	}
	return quantity.FormatDuration(d)
}

// needWeeks returns a *ShortHistoryError unless n intervals cover w weeks.
func needWeeks(in *Input, name string, n int, w float64) error {
	need := int(w * float64(in.Period))
	if n >= need {
		return nil
	}
	return &ShortHistoryError{Method: name, Need: time.Duration(need) * in.Series.Interval, Have: time.Duration(n) * in.Series.Interval}
}

// IsShortHistory reports whether err says the history is too short: a
// *ShortHistoryError (one method) or ErrShortHistory (every method).
func IsShortHistory(err error) bool {
	var s *ShortHistoryError
	return errors.As(err, &s) || errors.Is(err, ErrShortHistory)
}

// Methods returns every built-in method, in the order tables list them.
func Methods() []Method {
	return []Method{
		SeasonalNaive{},
		WeightedWeeks{},
		DailyProfile{},
		HoltWinters{},
		HoltWinters{Multiplicative: true},
		Taylor{},
		MSTL{},
		Combination{},
	}
}

// MethodNames returns the names accepted by MethodByName, "auto" first.
func MethodNames() []string {
	names := []string{"auto"}
	for _, m := range Methods() {
		names = append(names, m.Name())
	}
	return names
}

// MethodByName returns the built-in method with that name (case
// insensitive). "auto" is not a Method: see Auto.
func MethodByName(name string) (Method, error) {
	for _, m := range Methods() {
		if strings.EqualFold(m.Name(), strings.TrimSpace(name)) {
			return m, nil
		}
	}
	return nil, fmt.Errorf("unknown method %q: use one of %s", name, strings.Join(MethodNames(), ", "))
}
