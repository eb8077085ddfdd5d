package erlang

import (
	"math"
	"testing"
	"time"
)

// TestTrafficExact: traffic is Rate·AHT/Per with the product first, so a
// count of contacts per period and a whole number of seconds give the
// exact traffic whenever it is a representable number. Dividing first
// (153/900 = 0.17, inexact) and then multiplying by 300 gives
// 51.00000000000001 instead. The wanted values are the arithmetic shown.
func TestTrafficExact(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		q        Queue
		want     float64
		wantHour float64 // RatePer(time.Hour)
	}{
		// 153·300/900 = 51 erlangs; 153·3600/900 = 612 per hour.
		{Queue{Rate: 153, Per: 15 * time.Minute, AHT: 300}, 51, 612},
		// 100·180/1800 = 10 (Call Centre Helper's worked example); 200 per hour.
		{Queue{Rate: 100, Per: 30 * time.Minute, AHT: 180}, 10, 200},
		// 720·240/3600 = 48 (DESIGN.md's JSON example); 720 per hour.
		{Queue{Rate: 720, Per: time.Hour, AHT: 240}, 48, 720},
		// 7·330/900 = 2.5666…, not representable: the product 2310 is
		// exact, so the one rounding is the division's.
		{Queue{Rate: 7, Per: 15 * time.Minute, AHT: 330}, 2310.0 / 900, 7 * 3600.0 / 900},
		// The zero Per is a second: 0.5/s · 20 s = 10 erlangs; 1800 per hour.
		{Queue{Rate: 0.5, AHT: 20}, 10, 1800},
	} {
		if got := tc.q.Traffic(); got != tc.want {
			t.Errorf("%+v: Traffic() = %v, want exactly %v", tc.q, got, tc.want)
		}
		if got := tc.q.RatePer(time.Hour); got != tc.wantHour {
			t.Errorf("%+v: RatePer(1h) = %v, want exactly %v", tc.q, got, tc.wantHour)
		}
	}
}

// TestAgentsAtBoundary: a target met with equality is met, so no agent is
// added because of floating-point noise. Each row is a case where the
// smallest headcount meets a target exactly, by the arithmetic shown; the
// rows marked "noise" are ones where our arithmetic lands a few units in
// the last place on the wrong side of the target, which a strict
// comparison turned into one agent too many (TargetTolerance absorbs it).
//
// Closed forms used (Kleinrock, Queueing Systems vol. 1, 1975, §3.4 and
// §3.5; Gross & Harris, Fundamentals of Queueing Theory, §2.3):
//
//	M/M/1 (n = 1):  P(wait) = a,           ASA = a·AHT/(1 − a)
//	M/M/2 (n = 2):  P(wait) = a²/(2 + a),  ASA = a²·AHT/((2 + a)(2 − a))
//	SL at T = 0 is 1 − P(wait); occupancy is a/n.
//
// A service level at T > 0 carries the factor exp(−(n−a)·T/AHT), never a
// decimal goal exactly, so boundary rows for it use T = 0. Erlang A's
// abandonment has no such closed form; TestMetTolerance covers it.
func TestAgentsAtBoundary(t *testing.T) {
	t.Parallel()
	quarter := 15 * time.Minute
	for _, tc := range []struct {
		name string
		q    Queue
		t    Targets
		want int
	}{
		// 153·300/900 = 51 erlangs; 51/60 = 0.85 exactly, 51/59 > 0.85.
		// The case: it staffed 61.
		{"occupancy at cap", Queue{Rate: 153, Per: quarter, AHT: 300}, Targets{MaxOccupancy: 0.85}, 60},
		// The same queue given per second: 0.17·300 = 51.00000000000001
		// and 0.8500000000000001 occupancy on 60 agents (noise).
		{"occupancy at cap, rate per second", Queue{Rate: 153.0 / 900, AHT: 300}, Targets{MaxOccupancy: 0.85}, 60},
		// 51·270/900 = 15.3 erlangs; 15.3/18 = 0.85, 15.3/17 = 0.9 (noise:
		// 15.3 is not representable, and the rounded quotient lands above 0.85).
		{"occupancy at cap, decimal traffic", Queue{Rate: 51, Per: quarter, AHT: 270}, Targets{MaxOccupancy: 0.85}, 18},
		// 153·300/900 = 51; 51/68 = 0.75; with the SL goal too, the cap binds.
		{"occupancy at cap with SL", Queue{Rate: 153, Per: quarter, AHT: 300},
			Targets{ServiceLevel: 0.8, Within: 20, MaxOccupancy: 0.75}, 68},
		// a = 32/100 = 0.32 on one agent: SL(0) = 1 − 0.32 = 0.68 (noise:
		// computed 0.6799999999999999).
		{"SL at goal, M/M/1", Queue{Rate: 32, Per: 100 * time.Second, AHT: 1}, Targets{ServiceLevel: 0.68}, 1},
		// a = 7/100 = 0.07 on one agent: SL(0) = 0.93 (noise: 0.9299999999999999).
		{"SL at goal, M/M/1, small traffic", Queue{Rate: 7, Per: 100 * time.Second, AHT: 1}, Targets{ServiceLevel: 0.93}, 1},
		// a = 1·300/600 = 0.5. One agent: SL(0) = 0.5. Two: P(wait) =
		// 0.25/2.5 = 0.1, SL(0) = 0.9.
		{"SL at goal, M/M/2", Queue{Rate: 1, Per: 10 * time.Minute, AHT: 300}, Targets{ServiceLevel: 0.9}, 2},
		// a = 0.5, AHT 300. One agent: ASA = 0.5·300/0.5 = 300 s. Two:
		// ASA = 0.25·300/(2.5·1.5) = 20 s (noise: 20.000000000000004).
		{"ASA at target, M/M/2", Queue{Rate: 1, Per: 10 * time.Minute, AHT: 300}, Targets{ASA: 20}, 2},
		// a = 0.5, one agent: ASA = 300 s exactly.
		{"ASA at target, M/M/1", Queue{Rate: 1, Per: 10 * time.Minute, AHT: 300}, Targets{ASA: 300}, 1},
		// a = 8·336/3360 = 0.8. One agent: ASA = 0.8·336/0.2 = 1344 s. Two:
		// ASA = 0.64·336/(2.8·1.2) = 64 s (noise: 64.00000000000001).
		{"ASA at target, M/M/2, larger traffic", Queue{Rate: 8, Per: 3360 * time.Second, AHT: 336}, Targets{ASA: 64}, 2},
	} {
		r, err := tc.q.Agents(tc.t)
		if err != nil {
			t.Errorf("%s: %+v.Agents(%v): %v", tc.name, tc.q, tc.t, err)
			continue
		}
		if r.Agents != tc.want {
			t.Errorf("%s: %+v.Agents(%v) = %d agents (SL %v, ASA %v, occupancy %v), want %d",
				tc.name, tc.q, tc.t, r.Agents, r.ServiceLevel, r.ASA, r.Occupancy, tc.want)
		}
	}
}

// TestRequirementsAtOccupancyCap is the case through
// Requirements: 153 contacts of 300 s in a quarter hour are 51 erlangs,
// exactly 85 % occupancy on 60 agents.
func TestRequirementsAtOccupancyCap(t *testing.T) {
	t.Parallel()
	reqs, err := Requirements([]Demand{{Arrivals: 153, AHT: 300}}, Targets{MaxOccupancy: 0.85, Within: 20},
		Options{Interval: 15 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if r := reqs[0]; r.Agents != 60 || r.Traffic != 51 || r.Occupancy != 0.85 {
		t.Errorf("153 × 300 s in 15m at ≤ 85%%: %d agents, %v erlangs, occupancy %v; want 60, 51, 0.85",
			r.Agents, r.Traffic, r.Occupancy)
	}
}

// TestMetTolerance: each target compares with a relative slack of
// TargetTolerance — a figure a few units in the last place on the wrong
// side of its target meets it, one a millionth off does not. The
// figures are the targets nudged by hand.
func TestMetTolerance(t *testing.T) {
	t.Parallel()
	up := func(x float64, ulps int) float64 {
		for range ulps {
			x = math.Nextafter(x, math.Inf(1))
		}
		return x
	}
	down := func(x float64, ulps int) float64 {
		for range ulps {
			x = math.Nextafter(x, math.Inf(-1))
		}
		return x
	}
	for _, tc := range []struct {
		name string
		t    Targets
		r    Result
		want bool
	}{
		{"SL exactly at goal", Targets{ServiceLevel: 0.8}, Result{ServiceLevel: 0.8}, true},
		{"SL 4 ulps under goal", Targets{ServiceLevel: 0.8}, Result{ServiceLevel: down(0.8, 4)}, true},
		{"SL 1e-9 under goal", Targets{ServiceLevel: 0.8}, Result{ServiceLevel: 0.8 - 1e-9}, false},
		{"ASA exactly at target", Targets{ASA: 20}, Result{ASA: 20}, true},
		{"ASA 4 ulps over target", Targets{ASA: 20}, Result{ASA: up(20, 4)}, true},
		{"ASA 1e-9 s over target", Targets{ASA: 20}, Result{ASA: 20 + 1e-9}, false},
		{"occupancy exactly at cap", Targets{MaxOccupancy: 0.85}, Result{Occupancy: 0.85}, true},
		{"occupancy 0.8500000000000001", Targets{MaxOccupancy: 0.85}, Result{Occupancy: up(0.85, 1)}, true},
		{"occupancy 1e-9 over cap", Targets{MaxOccupancy: 0.85}, Result{Occupancy: 0.85 + 1e-9}, false},
		{"abandon exactly at max", Targets{MaxAbandon: 0.05}, Result{Abandon: 0.05}, true},
		{"abandon 4 ulps over max", Targets{MaxAbandon: 0.05}, Result{Abandon: up(0.05, 4)}, true},
		{"abandon 1e-9 over max", Targets{MaxAbandon: 0.05}, Result{Abandon: 0.05 + 1e-9}, false},
	} {
		if got := tc.t.Met(tc.r); got != tc.want {
			t.Errorf("%s: %v.Met(%+v) = %v, want %v", tc.name, tc.t, tc.r, got, tc.want)
		}
	}
}
