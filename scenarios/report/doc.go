// Package report draws staffsim's charts (gonum/plot, PNG and SVG) and
// writes its self-contained HTML report.
//
// Charts take plain data (times and values), not domain types, so that every
// command can draw with the same look: a TimeChart of step lines (one value
// per interval, held until the next interval starts), shaded bands
// (prediction or confidence intervals) and horizontal goal lines, with a time
// axis labelled in the desk's time zone.
//
// A Run is one simulated scenario as plain data (summary, intervals, wait
// histograms, required agents). From it: WriteIntervalsCSV (intervals.csv,
// DESIGN's columns), WriteSummaryJSON (summary.json), Charts and
// CompareCharts (agents available vs required, service level with its 95 %
// confidence band and goal, backlog, waits, occupancy; overlays for a
// comparison), and WriteHTML, one self-contained page (inline CSS, charts
// as base64 PNG, no script, no network).
package report
