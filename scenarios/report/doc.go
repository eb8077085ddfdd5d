// Package report draws staffsim's charts (gonum/plot, PNG and SVG) and
// writes its self-contained HTML report.
//
// Charts take plain data (times and values), not domain types, so that every
// command can draw with the same look: a TimeChart of step lines (one value
// per interval, held until the next interval starts), shaded bands
// (prediction or confidence intervals) and horizontal goal lines, with a time
// axis labelled in the desk's time zone.
package report
