package report

import (
	"fmt"
	"math"
)

// DataQuality is what the plan was built from: how much of the history was
// read and used, and how far the forecast has been off. The report shows it
// so that a plan built on a fraction of the data, or on a forecast that
// misses, says so.
type DataQuality struct {
	Source string
	// Read is false for a history not read from a file (the built-in
	// sample): then Rows, Rejected and Reasons are not shown.
	Read bool
	// Rows is the number of data rows read, Rejected how many were
	// refused, Reasons the first refusals ("file:line: column: reason").
	Rows, Rejected int
	Reasons        []string
	// Days is the number of calendar days the history covers; Empty of
	// them had no contact at all; Partial are covered only in part (a
	// history starting or ending within a day).
	Days, Empty, Partial int
	// Method is the forecast method; WAPE its backtest error (weighted
	// absolute percentage error, Σ|actual − forecast| / Σ actual) on the
	// last weeks of history, NaN when there was too little history to
	// backtest.
	Method string
	WAPE   float64
	// Notes are what the forecast and the reader had to say.
	Notes []string
}

// HighWAPE is the backtest error above which the report warns: a forecast
// off by more than a quarter of the volume makes the headcount as
// uncertain, whatever the simulation's confidence intervals say.
const HighWAPE = 0.25

// HighRejects is the share of rejected rows above which the report warns.
const HighRejects = 0.05

// RejectedShare is Rejected / Rows (0 without rows).
func (q *DataQuality) RejectedShare() float64 {
	if q.Rows == 0 {
		return 0
	}
	return float64(q.Rejected) / float64(q.Rows)
}

// AccuracyWords says how far the forecast has been off, in words: "the
// forecast has been 25% off on recent weeks (backtest WAPE)".
func (q *DataQuality) AccuracyWords() string {
	if math.IsNaN(q.WAPE) {
		return "there was too little history to backtest the forecast: its accuracy is not known"
	}
	return fmt.Sprintf("the forecast has been %s off on recent weeks (backtest WAPE: the %s it would have forecast for the last weeks of history missed the actual volume by that share)",
		pct(q.WAPE), q.Method)
}

// Warnings are the sentences the report puts in red: a high backtest
// error, many rejected rows, a forecast not backtested.
func (q *DataQuality) Warnings(w Words) []string {
	var out []string
	if !math.IsNaN(q.WAPE) && q.WAPE > HighWAPE {
		out = append(out, fmt.Sprintf("The forecast has been %s off on recent weeks: treat the headcount as a rough guide, not a budget figure; check the history for gaps, a change of regime or %s missing.",
			pct(q.WAPE), q.Contacts(w)))
	}
	if q.Read && q.RejectedShare() > HighRejects {
		out = append(out, fmt.Sprintf("%s of the %s rows of %s were rejected (%s): the plan sees only the rest; run staffsim inspect on the file for the list.",
			thousands(float64(q.Rejected), 0), thousands(float64(q.Rows), 0), q.Source, pct(q.RejectedShare())))
	}
	if q.Days > 0 && q.Empty*2 > q.Days {
		out = append(out, fmt.Sprintf("%d of the %d days of history have no %s at all.", q.Empty, q.Days, w.Contacts))
	}
	return out
}

// Contacts is the words' contacts noun (for the template).
func (q *DataQuality) Contacts(w Words) string { return w.Contacts }
