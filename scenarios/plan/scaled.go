package plan

import (
	"context"
	"fmt"

	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/sim"
)

// Scaled returns the optimised roster (the shape the headcount sweep
// scales) scaled to agents by headcount.ScaleTo, shifts left with no agent
// dropped: the roster of a point of the sweep, or of a headcount between
// or beyond its points.
func (r *Result) Scaled(agents int) ([]scenarios.Shift, error) {
	if agents < 1 {
		return nil, fmt.Errorf("plan: headcount %d must be at least 1", agents)
	}
	shifts := scenarios.ShiftsOf(r.Roster.SimShifts(r.Problem))
	cfg, err := r.Desk.Scenario("plan", r.SweepAt, 7, shifts).SimConfig()
	if err != nil {
		return nil, err
	}
	scaled := headcount.ScaleTo(cfg.Shifts, agents)
	var kept []scenarios.Shift
	for i, sh := range shifts {
		if sh.Agents = scaled[i].Agents; sh.Agents > 0 {
			kept = append(kept, sh)
		}
	}
	return kept, nil
}

// Headcount simulates the optimised roster scaled to agents over the
// sweep's week at forecast volume, as the headcount stage simulates each
// point of its forecast curve (same desk, seed and replications), and
// returns the point: service level, ASA, P(meet) and the budget. opt must
// be the options the plan ran with (its confidence, hours per FTE and
// hourly cost count the point).
func (r *Result) Headcount(ctx context.Context, agents int, opt Options) (headcount.Point, error) {
	if agents < 1 {
		return headcount.Point{}, fmt.Errorf("plan: headcount %d must be at least 1", agents)
	}
	// The sweep's own configuration: every shift kept, scaled in place.
	cfg, err := r.Desk.Scenario("plan", r.SweepAt, 7, scenarios.ShiftsOf(r.Roster.SimShifts(r.Problem))).SimConfig()
	if err != nil {
		return headcount.Point{}, err
	}
	cfg.Shifts = headcount.ScaleTo(cfg.Shifts, agents)
	p, err := sweepPoint(ctx, cfg, opt)
	if err != nil {
		return p, fmt.Errorf("headcount %d: %w", agents, err)
	}
	return p, nil
}

// Evaluate simulates a roster (e.g. the recommended one with a shift
// edited) over the sweep's week at forecast volume, as the headcount stage
// simulates today's roster, and returns its point: service level, ASA,
// P(meet) and the budget. opt must be the options the plan ran with.
func (r *Result) Evaluate(ctx context.Context, shifts []scenarios.Shift, opt Options) (headcount.Point, error) {
	cfg, err := r.Desk.Scenario("plan", r.SweepAt, 7, shifts).SimConfig()
	if err != nil {
		return headcount.Point{}, err
	}
	if headcount.Agents(cfg.Shifts) == 0 {
		return headcount.Point{}, fmt.Errorf("the roster has no agents: give at least one shift agents")
	}
	return sweepPoint(ctx, cfg, opt)
}

// sweepPoint simulates cfg and counts it as the sweep counts a point.
func sweepPoint(ctx context.Context, cfg sim.Config, opt Options) (headcount.Point, error) {
	res, err := sim.RunWith(ctx, cfg, sim.Options{})
	if err != nil {
		return headcount.Point{}, err
	}
	hopt := headcount.Options{Confidence: opt.Confidence, HoursPerFTE: opt.HoursPerFTE, HourlyCost: opt.HourlyCost}
	return hopt.Point(res, cfg, headcount.Agents(cfg.Shifts)), nil
}
