package sim

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// Each family reproduces its mean and coefficient of variation (the
// definitions of the parameters), within 4 standard errors.
func TestDistMoments(t *testing.T) {
	t.Parallel()
	emp := []time.Duration{time.Minute, 2 * time.Minute, 6 * time.Minute}
	tests := []struct {
		d        Dist
		mean, cv float64 // seconds
	}{
		{Exponential(3 * time.Minute), 180, 1},
		{LogNormal(4*time.Minute, 0.8), 240, 0.8},
		{LogNormal(time.Minute, 0.3), 60, 0.3},
		{Gamma(5*time.Minute, 0.5), 300, 0.5},
		{Gamma(5*time.Minute, 2), 300, 2}, // shape 0.25 < 1
		{Fixed(90 * time.Second), 90, 0},
		{Empirical(emp), 180, math.Sqrt((60*60+120*120+360*360)/3.0/180/180 - 1)},
	}
	r := rand.New(rand.NewPCG(1, 2))
	const n = 200_000
	for _, tt := range tests {
		s := compile(tt.d)
		var sum, sum2 float64
		for range n {
			x := s.sample(r).Seconds()
			if x < 0 {
				t.Fatalf("%v: negative sample %v", tt.d, x)
			}
			sum += x
			sum2 += x * x
		}
		mean := sum / n
		sd := math.Sqrt(max(sum2/n-mean*mean, 0))
		se := tt.mean * tt.cv / math.Sqrt(n)
		if math.Abs(mean-tt.mean) > 4*se+1e-6 {
			t.Errorf("%v: mean %.3f s, want %.3f ± %.3f", tt.d, mean, tt.mean, 4*se)
		}
		// The sample CV of heavy tails converges slowly: 5 % relative.
		if cv := sd / mean; math.Abs(cv-tt.cv) > 0.05*tt.cv+1e-9 {
			t.Errorf("%v: cv %.4f, want %.4f", tt.d, cv, tt.cv)
		}
		if got := tt.d.MeanDuration().Seconds(); math.Abs(got-tt.mean) > 1e-9 {
			t.Errorf("%v: MeanDuration %v s, want %v", tt.d, got, tt.mean)
		}
		if tt.d.Sample(r) < 0 || tt.d.String() == "" {
			t.Errorf("%v: Sample or String broken", tt.d)
		}
	}
	if (Dist{}).String() != "none" || (Dist{}).MeanDuration() != 0 || (Dist{}).Validate() != nil {
		t.Error("zero Dist is not None")
	}
	if KindGamma.String() != "gamma" || Kind(42).String() != "Kind(42)" {
		t.Error("Kind.String")
	}
}

// Empirical copies its samples: later changes by the caller do not leak in.
func TestEmpiricalCopies(t *testing.T) {
	t.Parallel()
	s := []time.Duration{time.Minute}
	d := Empirical(s)
	s[0] = time.Hour
	if d.MeanDuration() != time.Minute {
		t.Errorf("Empirical kept a reference to the caller's slice")
	}
}

func TestWaitBins(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w    time.Duration
		want int
	}{{0, 0}, {1, 1}, {5 * time.Second, 1}, {5*time.Second + 1, 2}, {20 * time.Second, 4}, {25 * time.Hour, len(waitEdges)}} {
		if got := waitBin(tt.w); got != tt.want {
			t.Errorf("waitBin(%v) = %d, want %d", tt.w, got, tt.want)
		}
	}
	if WaitBins != waitEdges || len(newHistogram().Edges) != len(WaitBins) {
		t.Error("WaitBins and Histogram.Edges differ from the simulator's edges")
	}
	h := newHistogram()
	h.Counts[0], h.Counts[1], h.Counts[2] = 2, 1, 1
	if h.Total() != 4 || h.Within(0) != 0.5 || h.Within(7*time.Second) != 0.75 || h.Within(time.Minute) != 1 || (Histogram{}).Within(time.Hour) != 0 {
		t.Errorf("Histogram: total %d within(0) %v within(7s) %v", h.Total(), h.Within(0), h.Within(7*time.Second))
	}
}
