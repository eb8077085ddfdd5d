package scenarios

import (
	"time"

	"github.com/staffsim/staffsim/internal/yamlwalk"
)

// Not-ready time in a scenario file:
//
//	roster:
//	  not_ready: 10%          # share of time on duty not ready (sim.Shift.NotReady)
//	  not_ready_spell: 2m     # mean spell (default 2m)
//	  shifts:
//	    - name: late
//	      not_ready: 15%      # this shift's own share (and not_ready_spell)
//
// A shift without its own keys takes the roster's; the roster's also apply
// to the agents of a staffing curve.

// notReady walks the not_ready and not_ready_spell keys of a roster or a
// shift mapping.
func (w *walker) notReady(f yamlwalk.Fields, path string) (share *float64, spell time.Duration) {
	if v := f.Vals["not_ready"]; v != nil {
		if x, ok := w.Fraction(v, sub(path, "not_ready")); ok {
			if x >= 1 {
				w.Errorf(v, sub(path, "not_ready"), "not_ready is the share of time on duty that agents take no contact, e.g. 10%", "100%% not ready leaves no agent time")
			}
			share = &x
		}
	}
	if v := f.Vals["not_ready_spell"]; v != nil {
		if d, ok := w.PositiveDuration(v, sub(path, "not_ready_spell")); ok {
			if d > 24*time.Hour {
				w.Errorf(v, sub(path, "not_ready_spell"), "a spell is the mean length of one not-ready pause, e.g. 2m", "%v is longer than a day", d)
			}
			spell = d
		}
	}
	return share, spell
}

// notReadyOf returns the not-ready share and mean spell that shift sh's
// agents take: its own where set, else the roster's.
func (r *Roster) notReadyOf(sh *Shift) (float64, time.Duration) {
	share, spell := r.NotReady, r.NotReadySpell
	if sh != nil && sh.NotReady != nil {
		share = *sh.NotReady
	}
	if sh != nil && sh.NotReadySpell > 0 {
		spell = sh.NotReadySpell
	}
	return share, spell
}

// addNotReady writes not_ready and not_ready_spell into m when set.
func addNotReady(m ymap, share *float64, spell time.Duration) {
	if share != nil {
		m.add("not_ready", str(fmtShrinkage(*share)))
	}
	if spell > 0 {
		m.add("not_ready_spell", str(fmtDuration(spell)))
	}
}
