package csvfield

import (
	"math"
	"testing"
	"time"

	"github.com/gocarina/gocsv"
)

// TestFloat checks the cell of a number. The expected strings are the
// shortest round-trip decimals (Steele & White; Go's strconv 'f'/'g' −1)
// and the switch to exponent notation below 1e−6 and from 1e21 on that
// encoding/json documents for float64.
func TestFloat(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{240, "240"},
		{0.1, "0.1"},
		{12.345678901234567, "12.345678901234567"},
		{1234567, "1234567"},
		{0.000001, "0.000001"},
		{1e-7, "1e-07"},
		{-2.5, "-2.5"},
		{1e21, "1e+21"},
		{1e20, "100000000000000000000"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{5e-324, "5e-324"},
	} {
		got, err := Float(c.v).MarshalCSV()
		if err != nil || got != c.want {
			t.Errorf("Float(%v).MarshalCSV() = %q, %v; want %q", c.v, got, err, c.want)
			continue
		}
		var back Float
		if err := back.UnmarshalCSV(got); err != nil || float64(back) != c.v {
			t.Errorf("UnmarshalCSV(%q) = %v, %v; want %v", got, back, err, c.v)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if s, err := Float(v).MarshalCSV(); err == nil {
			t.Errorf("Float(%v).MarshalCSV() = %q, want an error", v, s)
		}
	}
	for _, s := range []string{"", "NaN", "Inf", "-inf", "x", "1,5"} {
		var f Float
		if err := f.UnmarshalCSV(s); err == nil {
			t.Errorf("UnmarshalCSV(%q) = %v, want an error", s, f)
		}
	}
	var f Float
	if err := f.UnmarshalCSV(" 7.5 "); err != nil || f != 7.5 {
		t.Errorf("UnmarshalCSV(\" 7.5 \") = %v, %v; want 7.5", f, err)
	}
}

// TestTime uses the RFC 3339 §5.8 examples (whole seconds).
func TestTime(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"1985-04-12T23:20:50Z", "1996-12-19T16:39:57-08:00", "1937-01-01T12:00:27+00:20"} {
		var c Time
		if err := c.UnmarshalCSV(s); err != nil {
			t.Fatalf("UnmarshalCSV(%q): %v", s, err)
		}
		if got, err := c.MarshalCSV(); err != nil || got != s {
			t.Errorf("round trip of %q = %q, %v", s, got, err)
		}
	}
	var c Time
	if err := c.UnmarshalCSV(""); err != nil || !c.IsZero() {
		t.Errorf("UnmarshalCSV(\"\") = %v, %v; want the zero time", c, err)
	}
	if got, _ := c.MarshalCSV(); got != "" {
		t.Errorf("zero time written %q, want an empty cell", got)
	}
	for _, s := range []string{"2026-12-07 09:00", "2026-12-07", "x"} {
		if err := c.UnmarshalCSV(s); err == nil {
			t.Errorf("UnmarshalCSV(%q) = %v, want an error", s, c)
		}
	}
}

// TestRecord checks the cells inside a gocsv record: an optional
// number is empty when nil and reads back as nil; a time keeps its offset.
func TestRecord(t *testing.T) {
	t.Parallel()
	type row struct {
		At  Time   `csv:"at"`
		N   Float  `csv:"n"`
		Opt *Float `csv:"opt,omitempty"`
	}
	paris := time.FixedZone("", 3600)
	in := []row{
		{At(time.Date(2026, 12, 7, 9, 0, 0, 0, paris)), 0.1, Opt(3, true)},
		{At(time.Date(2026, 12, 7, 9, 30, 0, 0, paris)), 2, nil},
	}
	s, err := gocsv.MarshalString(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "at,n,opt\n2026-12-07T09:00:00+01:00,0.1,3\n2026-12-07T09:30:00+01:00,2,\n"
	if s != want {
		t.Fatalf("got\n%s\nwant\n%s", s, want)
	}
	var out []row
	if err := gocsv.UnmarshalString(s, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || !out[0].At.Equal(in[0].At.Time) || out[0].N != 0.1 || out[1].Opt != nil {
		t.Fatalf("read back %+v, want %+v", out, in)
	}
	if v, ok := out[0].Opt.Value(); !ok || v != 3 {
		t.Errorf("opt = %v, %v; want 3, true", v, ok)
	}
}
