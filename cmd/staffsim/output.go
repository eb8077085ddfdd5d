package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// format is the --format flag: how results are printed on stdout.
type format string

const (
	formatTable format = "table" // aligned columns, for people
	formatJSON  format = "json"  // full precision, RFC 3339 times, for machines
	formatCSV   format = "csv"   // full precision, RFC 3339 times, for machines
)

var _ pflag.Value = (*format)(nil)

func (f *format) String() string { return string(*f) }
func (f *format) Type() string   { return "table|json|csv" }
func (f *format) Set(s string) error {
	switch v := format(strings.ToLower(strings.TrimSpace(s))); v {
	case formatTable, formatJSON, formatCSV:
		*f = v
		return nil
	}
	return fmt.Errorf("unknown format %q: use table, json or csv", s)
}

// addFormatFlag registers --format on flags with the table default.
func addFormatFlag(flags *pflag.FlagSet, f *format) {
	*f = formatTable
	flags.Var(f, "format", "output format: table (for people), json or csv (for machines)")
}

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
