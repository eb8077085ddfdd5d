package report

import (
	"bytes"
	"testing"
	"time"
)

// TestCoverageChart: the bands are the gaps between the two lines, over
// where staffed exceeds required and under where it falls short.
func TestCoverageChart(t *testing.T) {
	t.Parallel()
	// 09:00–17:00 needs 2 agents and one 09:00–18:00 shift pair covers it;
	// 20:00 needs 1 that no shift reaches.
	req, staffed := make([]float64, 48), make([]float64, 48)
	for i := 18; i < 34; i++ {
		req[i] = 2
	}
	for i := 18; i < 36; i++ {
		staffed[i] = 2
	}
	req[40] = 1
	c, err := CoverageChart("coverage", CoverageData{Start: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Required: req, Staffed: staffed})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Bands) != 2 || c.Bands[1].Low[40] != 0 || c.Bands[1].High[40] != 1 || c.Bands[0].High[34] != 2 || c.Bands[0].Low[34] != 0 {
		t.Errorf("bands: under at 20:00 %v–%v, over at 17:00 %v–%v; want 0–1 and 0–2",
			c.Bands[1].Low[40], c.Bands[1].High[40], c.Bands[0].Low[34], c.Bands[0].High[34])
	}
	pl, err := c.Plot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Save(pl, &buf, "svg", 0, 0); err != nil || buf.Len() < 1000 {
		t.Errorf("svg: %d bytes, %v", buf.Len(), err)
	}
	if _, err := CoverageChart("x", CoverageData{Interval: time.Hour, Required: req, Staffed: staffed[:3]}); err == nil {
		t.Error("lengths that differ: no error")
	}
}
