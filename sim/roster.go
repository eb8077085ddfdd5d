package sim

import (
	"time"

	"github.com/staffsim/staffsim/internal/streams"
)

// onShiftStart brings the agents of occurrence o on duty and schedules the
// occurrence's end, its breaks and the start of the next occurrence.
func (e *engine) onShiftStart(o int32) {
	m := e.m
	oc := m.occs[o]
	sh := &m.shifts[oc.shift]
	if next := o + 1; int(next) < len(m.occs) {
		e.ev.push(max(m.occs[next].start, 0), evShiftStart, next, 0)
	}
	e.st.paid(e.now, int64(sh.agents))
	e.ev.push(oc.end, evShiftEnd, o, 0)
	for b, br := range sh.breaks {
		if t := oc.start + br.After; t >= e.now && t < oc.end {
			e.ev.push(t, evBreakStart, o, uint32(b))
		}
	}
	run := &e.occs[o]
	occKey := streams.Mix(e.absence ^ sh.key ^ streams.Mix(uint64(oc.start)))
	for k := range sh.agents {
		if m.shrinkage > 0 && absent(occKey, k, m.shrinkage) {
			continue // absent: paid, never available
		}
		a := e.newAgent(sh.group, o, oc.end)
		run.agents = append(run.agents, a)
		e.st.available(e.now, sh.group, +1)
		if sh.notReady > 0 {
			e.initNotReady(a, sh)
		}
	}
	// An occurrence that began before time 0 may be in one of its breaks.
	for _, br := range sh.breaks {
		if bs := oc.start + br.After; bs < e.now && bs+br.Length > e.now {
			e.unpaid(o, br, bs+br.Length)
			for _, a := range run.agents {
				e.startBreak(a, bs+br.Length-e.now)
			}
			return
		}
	}
	for _, a := range run.agents {
		e.nextWork(a)
	}
}

func (e *engine) newAgent(group, occ int32, end time.Duration) int32 {
	var a int32
	if n := len(e.freeA); n > 0 {
		a = e.freeA[n-1]
		e.freeA = e.freeA[:n-1]
	} else {
		e.agents = append(e.agents, agent{})
		a = int32(len(e.agents) - 1)
	}
	ag := &e.agents[a]
	*ag = agent{state: agentIdle, group: group, occ: occ, gen: ag.gen + 1, prev: -1, next: -1, shiftEnd: end, ticket: -1}
	return a
}

// leave takes agent a (available, not idle-listed) off duty for good.
func (e *engine) leave(a int32) {
	ag := &e.agents[a]
	e.st.available(e.now, ag.group, -1)
	ag.state = agentOff
	ag.gen++
	e.freeA = append(e.freeA, a)
}

// startBreak sends agent a (available, not idle-listed) on a break of
// length d, cut short at the end of its shift.
func (e *engine) startBreak(a int32, d time.Duration) {
	ag := &e.agents[a]
	e.st.available(e.now, ag.group, -1)
	ag.state = agentBreak
	ag.breakLen = 0
	end := min(e.now+d, ag.shiftEnd)
	e.ev.push(end, evBreakEnd, a, ag.gen)
}

// unpaid stops the pay of occurrence o's agents for an unpaid break br
// until its scheduled end (paid time follows the schedule, not the moment
// each agent actually takes the break).
func (e *engine) unpaid(o int32, br Break, end time.Duration) {
	if !br.Unpaid {
		return
	}
	oc := e.m.occs[o]
	e.st.paid(e.now, -int64(e.m.shifts[oc.shift].agents))
	e.ev.push(min(end, oc.end), evPaidResume, o, 0)
}

func (e *engine) onBreakStart(o int32, b int) {
	br := e.m.shifts[e.m.occs[o].shift].breaks[b]
	e.unpaid(o, br, e.now+br.Length)
	for _, a := range e.occs[o].agents {
		ag := &e.agents[a]
		switch ag.state {
		case agentIdle:
			e.removeIdle(a)
			e.startBreak(a, br.Length)
		case agentBusy, agentNotReady:
			ag.breakLen = br.Length // taken in full once the contact or spell is done
		}
	}
}

func (e *engine) onBreakEnd(a int32, gen uint32) {
	ag := &e.agents[a]
	if ag.gen != gen || ag.state != agentBreak {
		return // the agent's shift ended during the break
	}
	if e.now >= ag.shiftEnd {
		ag.state = agentOff
		ag.gen++
		e.freeA = append(e.freeA, a)
		return
	}
	e.st.available(e.now, ag.group, +1)
	ag.state = agentIdle
	e.nextWork(a)
}

// onShiftEnd ends occurrence o: idle agents and agents on a break leave now;
// busy agents finish the contact in hand first (overtime).
func (e *engine) onShiftEnd(o int32) {
	sh := &e.m.shifts[e.m.occs[o].shift]
	e.st.paid(e.now, -int64(sh.agents))
	run := &e.occs[o]
	var requeued []int32
	for _, a := range run.agents {
		ag := &e.agents[a]
		if ag.occ != o {
			continue
		}
		switch ag.state {
		case agentIdle:
			e.removeIdle(a)
			e.leave(a)
		case agentBreak, agentNotReady: // already out of the available count
			ag.state = agentOff
			ag.gen++
			e.freeA = append(e.freeA, a)
		case agentBusy:
			if sh.hard {
				if ag.wrapping { // after-contact work ends with the shift
					e.st.busy(e.now, ag.queue, -1)
					ag.wrapping = false
				} else {
					requeued = append(requeued, ag.queue)
					e.requeue(a)
				}
				e.leave(a)
				continue
			}
			ag.leaving = true
			ag.breakLen = 0
			e.st.overtime(e.now, +1)
		}
	}
	run.agents = run.agents[:0]
	for _, qi := range requeued {
		e.dispatch(qi)
	}
}

// absent reports whether agent k of a shift occurrence (occKey, from the
// replication, the shift's name and the occurrence's start) is absent, with
// probability shrinkage. The draw is a hash of (occKey, k), not the next
// number of a stream, so agent k's absence does not depend on how many
// agents the shift has or on any other shift: a roster with one agent more
// has the same absences plus that agent's (common random numbers, so a
// headcount sweep compares rosters on the same absences).
func absent(occKey uint64, k int, shrinkage float64) bool {
	u := float64(streams.Mix(occKey+uint64(k)*0x9e3779b97f4a7c15)>>11) / (1 << 53)
	return u < shrinkage
}
