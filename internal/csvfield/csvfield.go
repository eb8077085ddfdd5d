package csvfield

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Float is a number cell: written at full precision, read with
// strconv.ParseFloat. NaN and ±Inf are refused both ways: an undefined
// value is a nil *Float (an empty cell), never "NaN".
type Float float64

// Opt returns v as an optional cell: nil (empty) unless ok.
func Opt(v float64, ok bool) *Float {
	if !ok {
		return nil
	}
	f := Float(v)
	return &f
}

// OptPtr returns *p as an optional cell: nil (empty) when p is nil.
func OptPtr(p *float64) *Float {
	if p == nil {
		return nil
	}
	return Opt(*p, true)
}

// Value returns the optional cell's number and whether it is there.
func (f *Float) Value() (float64, bool) {
	if f == nil {
		return 0, false
	}
	return float64(*f), true
}

// MarshalCSV writes f as the shortest decimal that reads back exactly.
func (f Float) MarshalCSV() (string, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", fmt.Errorf("%v is not a finite number", v)
	}
	return string(AppendFloat(nil, v)), nil
}

// AppendFloat appends v as Float writes it: strconv's shortest
// representation, in plain decimal notation except below 1e−6 and from
// 1e21 on, where exponent notation keeps the cell short (the rule
// encoding/json follows).
func AppendFloat(b []byte, v float64) []byte {
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		return strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// UnmarshalCSV reads a finite number; an empty cell is an error (use a
// *Float tagged omitempty for an optional column).
func (f *Float) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%q is not a number", s)
	}
	*f = Float(v)
	return nil
}

// Time is a timestamp cell in RFC 3339. It embeds time.Time, so its JSON
// form is time.Time's and its methods are at hand; the zero time is an
// empty cell both ways.
type Time struct{ time.Time }

// At returns t as a cell.
func At(t time.Time) Time { return Time{t} }

// MarshalCSV writes t in RFC 3339 with its offset, or "" for the zero time.
func (t Time) MarshalCSV() (string, error) {
	if t.IsZero() {
		return "", nil
	}
	return t.Format(time.RFC3339), nil
}

// UnmarshalCSV reads an RFC 3339 time (with its offset as a fixed zone),
// or the zero time from an empty cell.
func (t *Time) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("%q is not an RFC 3339 time such as 2026-12-07T09:00:00Z", s)
	}
	t.Time = v
	return nil
}
