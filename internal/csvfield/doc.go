// Package csvfield holds the cell types of staffsim's CSV tables, the
// field types of the tagged record structs that github.com/gocarina/gocsv
// writes and reads (requirements.csv, forecast.csv, intervals.csv, the
// erlang, roster, inspect and headcount tables, the generated tickets).
//
// The rules are those DESIGN.md fixes for machine output:
//
//   - Float: a number at full precision, the shortest decimal that parses
//     back to the same float64 (strconv 'f' −1, or 'g' −1 below 1e−6 and
//     from 1e21 on, as encoding/json writes numbers), never NaN or ±Inf.
//   - *Float: an optional number; nil is an empty cell. Tag the field
//     `csv:"name,omitempty"` so an empty cell reads back as nil.
//   - Time: RFC 3339 with the time's own offset (UTC is written "Z"),
//     whole seconds; the zero time is an empty cell.
//
// Cells are trimmed of surrounding spaces when read.
package csvfield
