package sim

import (
	"math"
	"testing"

	"github.com/staffsim/staffsim/erlang"
)

// The reference formulas against published numbers, so that the validity
// tests compare the simulator with something known to be right.
func TestErlangReferences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                         string
		n                            int
		a, aht, target               float64
		wantPw, wantSL, wantASA, tol float64
	}{
		// Call Centre Helper, "Erlang C formula – made simple with an
		// easy worked example": 100 calls per 30 min, AHT 180 s, 14 agents,
		// target 20 s → Pw 17.4 %, ASA 7.8 s, SL 88.8 %.
		{"callcentrehelper", 14, 10, 180, 20, 0.174, 0.888, 7.8, 0.0006},
		// Westbay Engineers, "The Erlang-C formula": 360 calls per half
		// hour, 4 min calls, 55 agents, target 15 s → Ec 0.2387,
		// ASA 8.2 s, SL 84.6 %.
		{"westbay", 55, 48, 240, 15, 0.2387, 0.846, 8.2, 0.0006},
		// staffsim DESIGN.md `staffsim erlang` example: 720/h, AHT 240 s,
		// 54 agents, 20 s → SL 0.8172, Pw 0.3013, ASA 12.05 s.
		{"design", 54, 48, 240, 20, 0.3013, 0.8172, 12.05, 0.00006},
	}
	for _, tt := range tests {
		got := erlangCMeasures(tt.n, tt.a, tt.aht, tt.target)
		if math.Abs(got.pw-tt.wantPw) > tt.tol || math.Abs(got.sl-tt.wantSL) > tt.tol ||
			math.Abs(got.asa-tt.wantASA) > 0.05 {
			t.Errorf("%s: Erlang C(n=%d, a=%v) = Pw %.4f SL %.4f ASA %.2f; want %.4f %.4f %.2f",
				tt.name, tt.n, tt.a, got.pw, got.sl, got.asa, tt.wantPw, tt.wantSL, tt.wantASA)
		}
	}

	// Erlang A tends to Erlang C as patience grows (θ → 0).
	c := erlangCMeasures(14, 10, 180, 20)
	a := erlangA(14, 10.0/180, 1.0/180, 1e-9, 20)
	if math.Abs(a.pw-c.pw) > 1e-5 || math.Abs(a.sl-c.sl) > 1e-5 || math.Abs(a.asa-c.asa) > 1e-3 || a.pab > 1e-6 {
		t.Errorf("Erlang A with θ→0 = %+v; want Erlang C %+v", a, c)
	}
	// Garnett, Mandelbaum & Reiman (2002): with exponential patience
	// P(abandon) = θ·E[W], W the wait of every arrival. P(abandon) comes
	// from the stationary queue length, the answered share from the tagged
	// contact's chain: the identity holds only if both are right.
	a = erlangA(48, 720.0/3600, 1.0/240, 1.0/180, 20)
	ew := (1-a.pab)*a.asa + a.pab*a.ata
	if math.Abs(a.pab-ew/180) > 1e-9 {
		t.Errorf("Erlang A: P(ab) %.6f ≠ θ·E[W] %.6f", a.pab, ew/180)
	}
	// Erlang A critically loaded (n = a): finite, sane and below Erlang C
	// with one agent more.
	if !(a.pab > 0 && a.pab < 0.2 && a.sl > 0 && a.sl < 1 && a.pw > 0 && a.pw < 1) {
		t.Errorf("Erlang A(48, 48 erl, patience 3m) = %+v; want probabilities in (0,1)", a)
	}
}

// The test references agree with the erlang package, an independent
// implementation (its Erlang A uses the series of Mandelbaum & Zeltyn; the
// reference here the truncated birth–death chain and uniformization).
func TestErlangReferencesMatchPackage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n                      int
		perHour, aht, patience float64
	}{
		{48, 720, 240, 180},
		{11, 200, 180, 60},
		{5, 100, 300, 600},
		{120, 1500, 300, 90},
	} {
		lambda := tc.perHour / 3600
		ref := erlangA(tc.n, lambda, 1/tc.aht, 1/tc.patience, 20)
		got, err := erlang.Queue{Model: erlang.ModelA, Rate: lambda, AHT: tc.aht, Patience: tc.patience}.Evaluate(tc.n, 20)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name     string
			ref, pkg float64
		}{{"P(wait)", ref.pw, got.ProbWait}, {"P(abandon)", ref.pab, got.Abandon}, {"SL", ref.sl, got.ServiceLevel}, {"ASA", ref.asa, got.ASA}, {"occupancy", ref.occ, got.Occupancy}} {
			if math.Abs(c.ref-c.pkg) > 1e-6*math.Max(1, math.Abs(c.ref)) {
				t.Errorf("n=%d %v/h AHT %vs patience %vs: %s reference %.9g, erlang package %.9g", tc.n, tc.perHour, tc.aht, tc.patience, c.name, c.ref, c.pkg)
			}
		}
		c := erlangC(tc.n+10, lambda*tc.aht)
		if math.Abs(c-erlang.C(tc.n+10, lambda*tc.aht)) > 1e-12 {
			t.Errorf("Erlang C(%d, %v): reference %v, erlang package %v", tc.n+10, lambda*tc.aht, c, erlang.C(tc.n+10, lambda*tc.aht))
		}
	}
}
