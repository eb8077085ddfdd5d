package sim

import (
	"math/rand/v2"
	"time"
)

// Not-ready time.
//
// An agent of a shift with NotReady = s > 0 is, for a share s of its time
// on duty, not ready: on duty and paid but taking no contact (after-call
// admin, a message, a stretch). Spells of mean NotReadySpell (exponential)
// alternate with ready periods of mean NotReadySpell·(1 − s)/s
// (exponential), an alternating renewal process on the wall clock that
// starts in its stationary state (in a spell with probability s), so that
// the expected not-ready time of an agent is s × its time on duty. A spell
// that falls due while the agent is busy or on a break is owed: the agent
// takes it, in full, as soon as it is free, before any other contact; the
// schedule of the next spells does not move. Not-ready time is not
// available time: AgentsAvailable and the denominator of Occupancy leave it
// out (occupancy = busy / (on duty, present, not on a break, not "not
// ready")).

// DefaultNotReadySpell is the mean not-ready spell when
// Shift.NotReadySpell is 0.
const DefaultNotReadySpell = 2 * time.Minute

// notReadySpell returns the shift's mean spell, applying the default.
func (s *Shift) notReadySpell() time.Duration {
	if s.NotReadySpell == 0 {
		return DefaultNotReadySpell
	}
	return s.NotReadySpell
}

// expDuration draws an exponential duration of mean m.
func expDuration(r *rand.Rand, m time.Duration) time.Duration {
	return time.Duration(r.ExpFloat64() * float64(m))
}

// initNotReady starts agent a's not-ready schedule (shift sh), in its
// stationary state: in a spell (owed, taken at once) with probability s.
func (e *engine) initNotReady(a int32, sh *shiftModel) {
	ag := &e.agents[a]
	next := e.now
	if e.nr.Float64() < sh.notReady {
		d := expDuration(e.nr, sh.spell)
		ag.owed += d
		next += d
	}
	next += expDuration(e.nr, sh.ready)
	if next < ag.shiftEnd {
		e.ev.push(next, evNotReadyDue, a, ag.gen)
	}
}

// onNotReadyDue adds a spell to what agent a owes and schedules the next
// one; an idle agent starts it now.
func (e *engine) onNotReadyDue(a int32, gen uint32) {
	ag := &e.agents[a]
	if ag.gen != gen || ag.state == agentOff {
		return
	}
	sh := &e.m.shifts[e.m.occs[ag.occ].shift]
	d := expDuration(e.nr, sh.spell)
	ag.owed += d
	if next := e.now + d + expDuration(e.nr, sh.ready); next < ag.shiftEnd {
		e.ev.push(next, evNotReadyDue, a, ag.gen)
	}
	if ag.state == agentIdle {
		e.removeIdle(a)
		e.startNotReady(a)
	}
}

// startNotReady takes agent a (available, not idle-listed) out of
// service for what it owes.
func (e *engine) startNotReady(a int32) {
	ag := &e.agents[a]
	e.st.available(e.now, ag.group, -1)
	ag.state = agentNotReady
	d := ag.owed
	ag.owed = 0
	e.ev.push(e.now+d, evReady, a, ag.gen)
}

// onReady ends agent a's spell: it goes on owing what fell due meanwhile,
// then takes a break that waited, or work.
func (e *engine) onReady(a int32, gen uint32) {
	ag := &e.agents[a]
	if ag.gen != gen || ag.state != agentNotReady {
		return
	}
	if ag.owed > 0 {
		d := ag.owed
		ag.owed = 0
		e.ev.push(e.now+d, evReady, a, ag.gen)
		return
	}
	e.st.available(e.now, ag.group, +1)
	ag.state = agentIdle
	if ag.breakLen > 0 {
		e.startBreak(a, ag.breakLen)
		return
	}
	e.nextWork(a)
}
