// Package history reads a service desk's history from delimited text: one
// row per ticket or call (Ticket), an event log with one row per update
// of a ticket (Options.IDColumn collapses it into tickets), or one row
// per interval (Volume; forecast.csv reads as volumes). It sniffs the
// delimiter, finds the columns by the names real exports use (or an
// Options.Columns mapping), detects each time column's layout, and
// rejects a bad row with its file, line, column and reason rather than
// failing the file (Report). A row is rejected only when it has no
// arrival; a bad value in an optional column is dropped and counted per
// field (Report.Dropped), the row kept. Summarize is the inspect summary:
// volume by weekday × hour, handle, response and resolution times, SLA
// attainment.
//
// Files in Windows-1252 are transcoded to UTF-8. Memory is bounded
// whatever the file: a row past MaxRow ends the read with its line, a
// field past MaxField rejects its row. Options.Context stops a read (a
// read blocked on a pipe too), and OpenFileContext opens a named pipe
// under a context; OpenFile refuses what is not a regular file.
//
// Read streams records into a Sink, so memory does not grow with the
// number of rows; it takes any io.Reader and reads it twice (see Read).
// Package forecast aggregates what it reads into an interval Series; this
// package knows nothing of forecasting.
//
// Units: times are in the desk's time zone (Options.Location; times
// without an offset are read in it); handle times and AHT are seconds;
// arrivals are contacts per interval. Times before 1970 or from 2200 on,
// arrivals above 10⁹ per interval and durations above 30 days are
// rejected as corrupt.
package history
