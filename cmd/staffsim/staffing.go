package main

import (
	"time"

	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/quantity"
)

// staffingFlags are the Erlang model and target flags shared by every
// command that sizes a queue (erlang, requirements, plan), so that they
// mean the same everywhere:
//
//	--sl PCT/DURATION   service-level goal and its target time (default 80/20s)
//	--asa DURATION      maximum ASA
//	--max-occupancy PCT maximum occupancy
//	--max-abandon PCT   maximum abandon rate (Erlang A)
//	--patience DURATION mean patience: switches to Erlang A
//	--model NAME        erlang-b | erlang-c | erlang-a
//	--shrinkage PCT     share of paid time not available for contacts
//
// Use: var sf staffingFlags; sf.register(cmd.Flags()); … model, targets, err := sf.resolve(cmd.Flags().Changed).
type staffingFlags struct {
	sl         quantity.Target
	asa        quantity.Duration
	maxOcc     quantity.Fraction
	maxAbandon quantity.Fraction
	patience   quantity.Duration
	model      string
	shrinkage  quantity.Fraction
}

// maxShrinkage is the largest --shrinkage: at 99 % every required agent
// is scheduled 100 times over, far past any real desk.
const maxShrinkage = 0.99

// register adds the staffing flags to f.
func (sf *staffingFlags) register(f *pflag.FlagSet) {
	sf.sl = quantity.Target{Goal: 0.8, Within: 20 * time.Second}
	f.Var(&sf.sl, "sl", "service-level target PCT/DURATION, e.g. 80/20s; the default applies only when no other target (--asa, --max-occupancy, --max-abandon) is given, else only its time is used, to report the service level")
	f.Var(&sf.asa, "asa", "maximum average speed of answer, e.g. 30s")
	f.Var(&sf.maxOcc, "max-occupancy", "maximum agent occupancy, e.g. 85%")
	f.Var(&sf.shrinkage, "shrinkage", "share of paid time not available for contacts, e.g. 30%")
	f.Var(&sf.patience, "patience", "mean caller patience, e.g. 3m (switches to Erlang A)")
	f.Var(&sf.maxAbandon, "max-abandon", "maximum abandon rate, e.g. 5% (needs --patience)")
	f.StringVar(&sf.model, "model", "", "erlang-b, erlang-c or erlang-a (default erlang-c, or erlang-a with --patience)")
}

// patienceSeconds is --patience in seconds (0 when not given).
func (sf *staffingFlags) patienceSeconds() float64 { return time.Duration(sf.patience).Seconds() }

// staffingTargetGiven reports whether any target flag was set.
func staffingTargetGiven(changed func(string) bool) bool {
	return changed("sl") || changed("asa") || changed("max-occupancy") || changed("max-abandon")
}

// resolve returns the model and the targets; changed reports whether a
// flag was set (cmd.Flags().Changed). The service-level goal applies when
// --sl is given or no other target is; its target time is always where
// the service level is reported. Complaints are usage errors.
func (sf *staffingFlags) resolve(changed func(string) bool) (erlang.Model, erlang.Targets, error) {
	model := erlang.ModelC
	if changed("patience") {
		model = erlang.ModelA
	}
	if changed("model") {
		m, err := erlang.ParseModel(sf.model)
		if err != nil {
			return 0, erlang.Targets{}, usageError{err}
		}
		model = m
	}
	switch {
	case model == erlang.ModelA && (!changed("patience") || sf.patience <= 0):
		return 0, erlang.Targets{}, usagef("erlang-a needs a positive --patience, e.g. --patience 3m")
	case model != erlang.ModelA && changed("patience"):
		return 0, erlang.Targets{}, usagef("--patience is for erlang-a; drop it or use --model erlang-a")
	case model != erlang.ModelA && changed("max-abandon"):
		return 0, erlang.Targets{}, usagef("--max-abandon needs abandonment: give the callers' mean --patience")
	case model == erlang.ModelB && changed("asa"):
		// Erlang B loses the contacts it cannot answer at once: ASA is 0 at
		// any headcount, so an ASA target would be met by a single agent.
		return 0, erlang.Targets{}, usagef("--asa has no meaning for erlang-b (a contact is answered at once or lost): use --sl, or --model erlang-c")
	case sf.shrinkage > maxShrinkage:
		// At 99.99…% the scheduled headcount overflowed into negative numbers.
		return 0, erlang.Targets{}, usagef("--shrinkage %s must be at most 99%% (30%% to 40%% is usual)", sf.shrinkage)
	}
	t := erlang.Targets{Within: sf.sl.Within.Seconds(), ServiceLevel: sf.sl.Goal}
	if !changed("sl") && staffingTargetGiven(changed) {
		t.ServiceLevel = 0 // other targets given: the service level is only reported
	}
	if changed("asa") {
		if sf.asa <= 0 {
			return 0, t, usagef("--asa must be positive, e.g. 30s")
		}
		t.ASA = time.Duration(sf.asa).Seconds()
	}
	if changed("max-occupancy") {
		if sf.maxOcc <= 0 {
			return 0, t, usagef("--max-occupancy must be above 0%%, e.g. 85%%")
		}
		t.MaxOccupancy = float64(sf.maxOcc)
	}
	if changed("max-abandon") {
		if sf.maxAbandon <= 0 || sf.maxAbandon >= 1 {
			return 0, t, usagef("--max-abandon must be above 0%% and below 100%%: with patience some callers always abandon")
		}
		t.MaxAbandon = float64(sf.maxAbandon)
	}
	if err := t.Validate(model); err != nil {
		return 0, t, usageError{err}
	}
	return model, t, nil
}

// checkHoursPerFTE checks --hours-per-fte (requirements, plan): 1 to 168
// hours a week. Below an hour a week the FTE count is meaningless
// (1e-300 gave 7.47e+302 FTE); a week has 168 hours.
func checkHoursPerFTE(h float64) error {
	if !(h >= 1) || h > 168 {
		return usagef("--hours-per-fte %v must be between 1 and 168 hours a week, e.g. 37.5", h)
	}
	return nil
}
