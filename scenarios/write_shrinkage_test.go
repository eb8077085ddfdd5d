package scenarios

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteShrinkageAndCurrency: a written scenario carries shrinkage as a
// percentage to 0.01 % (issue 12: `shrinkage: 0.11281471917366037`), the
// cost's currency, and reads back as written.
func TestWriteShrinkageAndCurrency(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		shrinkage float64
		want      string
	}{
		{0.11281471917366037, `shrinkage: 11.28%`},
		{0.3, `shrinkage: 30%`},
		{0.125, `shrinkage: 12.5%`},
	} {
		s.Roster.Shrinkage = tc.shrinkage
		s.Cost.Hourly, s.Cost.None, s.Cost.Currency = 25, false, "€"
		var buf bytes.Buffer
		if err := s.WriteYAML(&buf); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tc.want) || !strings.Contains(buf.String(), "currency: €") {
			t.Errorf("shrinkage %v: want %s and currency: € in\n%s", tc.shrinkage, tc.want, buf.String())
		}
		back, err := Parse("written.yaml", buf.Bytes(), "testdata")
		if err != nil {
			t.Fatalf("written scenario does not load: %v\n%s", err, buf.String())
		}
		if back.Roster.Shrinkage != RoundShrinkage(tc.shrinkage) || back.Cost.Currency != "€" {
			t.Errorf("read back shrinkage %v currency %q, want %v €", back.Roster.Shrinkage, back.Cost.Currency, RoundShrinkage(tc.shrinkage))
		}
	}
}
