package sim

import (
	"math/rand/v2"
	"time"

	"github.com/staffsim/staffsim/internal/streams"
	"github.com/staffsim/staffsim/sim/calendar"
)

// ticketModel is Config.Tickets compiled.
type ticketModel struct {
	tiers []string
	prios []prioModel
}

type prioModel struct {
	name        string
	key         uint64
	touch       []sampler
	pending     float64
	pendingTime sampler
	escalate    []float64
	reopen      float64
	reopenDelay sampler
	preempt     bool
	resp, res   targetModel
	queues      []int32 // the ticket queue of each tier
}

// targetModel is a TicketTarget compiled: cal is nil for elapsed time.
type targetModel struct {
	set    bool
	target time.Duration
	goal   float64
	cal    *calendar.Calendar
}

func compileTarget(t TicketTarget) targetModel {
	tm := targetModel{set: t.Set(), target: t.Target, goal: t.Goal, cal: t.Calendar}
	if tm.cal != nil && tm.cal.IsAlways() {
		tm.cal = nil
	}
	return tm
}

// compileTickets appends the ticket queues (tier by tier, priority by
// priority) to m.queues and returns the compiled ticket desk. Ticket
// queues rank after every phone queue, in priority order.
func compileTickets(m *model, cfg *Config) *ticketModel {
	tk := cfg.Tickets
	base := 0
	for _, q := range cfg.Queues {
		base = max(base, q.Priority+1)
	}
	out := &ticketModel{tiers: tk.Tiers}
	for p := range tk.Priorities {
		pr := &tk.Priorities[p]
		pm := prioModel{
			name: pr.Name, key: nameKey(pr.Name),
			pending: pr.Pending, pendingTime: compile(pr.PendingTime),
			escalate: pr.Escalate, reopen: pr.Reopen, reopenDelay: compile(pr.ReopenDelay),
			preempt: pr.Preempt, resp: compileTarget(pr.Response), res: compileTarget(pr.Resolution),
		}
		for t := range tk.Tiers {
			pm.touch = append(pm.touch, compile(pr.Touch[t]))
		}
		out.prios = append(out.prios, pm)
	}
	for t, tier := range tk.Tiers {
		for p := range tk.Priorities {
			name := ticketQueueName(tier, tk.Priorities[p].Name)
			qm := queueModel{name: name, key: nameKey(name), priority: base + p, ticket: true, tprio: int32(p), tier: int32(t)}
			if t == 0 {
				qm.arrivals(&tk.Priorities[p].Arrivals, cfg.Start, m.horizon)
			}
			out.prios[p].queues = append(out.prios[p].queues, int32(len(m.queues)))
			m.queues = append(m.queues, qm)
		}
	}
	return out
}

// ticket is an open (or reopen-pending) ticket. Slots are pooled.
type ticket struct {
	created, opened time.Duration // opened: creation or reopening
	pendingSince    time.Duration
	pendBiz         time.Duration // business time pending, on the resolution calendar
	seq             uint64        // creation number within the priority
	step            uint64        // draws made so far
	prio, tier      int32
	iv              int32  // creation interval
	openSeq         uint32 // moves on at each open and close: validates oldest-ring entries
	open, pending   bool
	responded       bool
	resolved        bool // resolved once (the SLA judged)
	reopened        bool
	escalated       bool
}

// openEntry is a ticket in a priority's open list, in order of opening.
type openEntry struct {
	id  int32
	seq uint32
}

// Draw purposes of a ticket's stream.
const (
	drawTouch uint64 = iota + 1
	drawPending
	drawPendingTime
	drawEscalate
	drawReopen
	drawReopenDelay
)

// ticketRand returns a generator seeded for draw purpose of ticket id's
// current step: a function of (replication, priority, ticket number,
// step, purpose) only, so the ticket's draws do not depend on the order in
// which the roster gets to them.
func (e *engine) ticketRand(id int32, purpose uint64) *rand.Rand {
	tk := &e.tickets[id]
	k := streams.Mix(e.ticketKey ^ e.m.tk.prios[tk.prio].key ^ streams.Mix(tk.seq))
	e.tpcg.Seed(k, streams.Mix(tk.step<<8|purpose))
	return e.trand
}

func (e *engine) ticketUniform(id int32, purpose uint64) float64 {
	return e.ticketRand(id, purpose).Float64()
}

func (e *engine) newTicket() int32 {
	if n := len(e.freeT); n > 0 {
		id := e.freeT[n-1]
		e.freeT = e.freeT[:n-1]
		return id
	}
	e.tickets = append(e.tickets, ticket{})
	return int32(len(e.tickets) - 1)
}

// createTicket creates a ticket of ticket queue qi's priority now and
// offers its first touch at tier 0.
func (e *engine) createTicket(qi int32) {
	p := e.m.queues[qi].tprio
	id := e.newTicket()
	iv := int32(e.now / e.m.iv)
	seq := e.ticketSeq[p]
	e.ticketSeq[p]++
	tk := &e.tickets[id]
	*tk = ticket{created: e.now, seq: seq, prio: p, iv: iv, openSeq: tk.openSeq}
	e.tst.cell(iv, p).created++
	e.openTicket(id)
	e.work(id, 0)
}

// openTicket counts ticket id as open from now on.
func (e *engine) openTicket(id int32) {
	tk := &e.tickets[id]
	tk.open = true
	tk.opened = e.now
	tk.openSeq++
	e.openChange(tk.prio, +1)
	o := &e.openList[tk.prio]
	o.push(openEntry{id: id, seq: tk.openSeq})
}

// closeTicket counts ticket id as no longer open.
func (e *engine) closeTicket(id int32) {
	tk := &e.tickets[id]
	tk.open = false
	tk.openSeq++
	e.openChange(tk.prio, -1)
}

// work offers a touch of ticket id at tier t: the agent skilled for the
// tier that has been idle longest takes it, or a lower priority's agent
// is pre-empted, or the work waits in the tier's queue.
func (e *engine) work(id int32, t int32) {
	tk := &e.tickets[id]
	tk.tier = t
	pm := &e.m.tk.prios[tk.prio]
	handle := pm.touch[t].sample(e.ticketRand(id, drawTouch))
	tk.step++
	qi := pm.queues[t]
	iv := int32(e.now / e.m.iv)
	e.st.offered(iv, qi)
	if a := e.idleAgentFor(qi); a >= 0 {
		e.removeIdle(a)
		e.startService(a, qi, iv, e.now, handle, false, id)
		return
	}
	if pm.preempt && e.preempt(qi, iv, handle, id) {
		return
	}
	c := e.newContact()
	ct := &e.contacts[c]
	ct.arrival, ct.handle, ct.queue, ct.interval, ct.resumed, ct.ticket = e.now, handle, qi, iv, false, id
	e.enqueue(qi, ringEntry{id: c, gen: ct.gen})
}

// preempt interrupts the agent skilled for ticket queue qi that works on
// the lowest-priority ticket below qi's (the latest to finish among
// equals), puts that ticket back at the head of its queue with the work it
// has left, and gives the agent this touch. An agent whose shift is over
// (leaving once the ticket in hand is done) takes no new work and is not
// interrupted. It reports false when no agent works on a lower priority.
func (e *engine) preempt(qi, iv int32, handle time.Duration, id int32) bool {
	pri := e.m.queues[qi].priority
	groups := e.m.queues[qi].groups
	best := int32(-1)
	for a := range e.agents {
		ag := &e.agents[a]
		if ag.state != agentBusy || ag.wrapping || ag.leaving || ag.ticket < 0 {
			continue
		}
		vp := e.m.queues[ag.queue].priority
		if vp <= pri || !containsGroup(groups, ag.group) {
			continue
		}
		if best < 0 {
			best = int32(a)
			continue
		}
		b := &e.agents[best]
		if bp := e.m.queues[b.queue].priority; vp > bp || (vp == bp && ag.serviceEnd > b.serviceEnd) {
			best = int32(a)
		}
	}
	if best < 0 {
		return false
	}
	victim := e.agents[best].queue
	e.requeue(best)
	e.agents[best].gen++ // cancels the interrupted service's end
	e.startService(best, qi, iv, e.now, handle, false, id)
	e.dispatch(victim) // an agent skilled for it but not for qi may be free
	return true
}

func containsGroup(gs []int32, g int32) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

// responded records ticket id's first pickup now, plus a pick-up delay.
func (e *engine) responded(id int32, at time.Duration) {
	tk := &e.tickets[id]
	if tk.responded {
		return
	}
	tk.responded = true
	pm := &e.m.tk.prios[tk.prio]
	c := e.tst.cell(tk.iv, tk.prio)
	d := e.business(pm.resp.cal, tk.created, at)
	c.respN++
	c.respSum += float64(d)
	if pm.resp.set {
		c.respDue++
		if d <= pm.resp.target {
			c.respMet++
		}
	}
}

// business returns the business time between simulated instants a ≤ b on
// cal (nil: elapsed).
func (e *engine) business(cal *calendar.Calendar, a, b time.Duration) time.Duration {
	if cal == nil {
		return b - a
	}
	return cal.Between(e.m.start.Add(a), e.m.start.Add(b))
}

// touchDone moves ticket id on after a touch: pending, escalated or
// resolved.
func (e *engine) touchDone(id int32) {
	tk := &e.tickets[id]
	pm := &e.m.tk.prios[tk.prio]
	tiv := int32(e.now / e.m.iv)
	tc := e.tst.tierCell(tiv, tk.tier)
	tc.touches++
	if pm.pending > 0 && e.ticketUniform(id, drawPending) < pm.pending {
		d := pm.pendingTime.sample(e.ticketRand(id, drawPendingTime))
		tk.step++
		tk.pending, tk.pendingSince = true, e.now
		e.ev.push(e.now+d, evTicket, id, ticketPendingEnd)
		return
	}
	tc.done++
	if int(tk.tier) < len(pm.escalate) && e.ticketUniform(id, drawEscalate) < pm.escalate[tk.tier] {
		tk.step++
		tc.escalated++
		if !tk.escalated {
			tk.escalated = true
			e.tst.cell(tk.iv, tk.prio).escalated++
		}
		e.work(id, tk.tier+1)
		return
	}
	tk.step++
	e.resolve(id)
}

// resolve resolves ticket id now: its first resolution is judged against
// the resolution target; it may then reopen once.
func (e *engine) resolve(id int32) {
	tk := &e.tickets[id]
	pm := &e.m.tk.prios[tk.prio]
	if !tk.resolved {
		tk.resolved = true
		c := e.tst.cell(tk.iv, tk.prio)
		d := e.business(pm.res.cal, tk.created, e.now) - tk.pendBiz
		c.resolved++
		c.resN++
		c.resSum += float64(d)
		if pm.res.set {
			c.resDue++
			if d <= pm.res.target {
				c.resMet++
			}
		}
	}
	e.closeTicket(id)
	if !tk.reopened && pm.reopen > 0 && e.ticketUniform(id, drawReopen) < pm.reopen {
		d := pm.reopenDelay.sample(e.ticketRand(id, drawReopenDelay))
		tk.step++
		tk.reopened = true
		e.ev.push(e.now+d, evTicket, id, ticketReopen)
		return
	}
	e.freeT = append(e.freeT, id)
}

// Ticket event kinds (the gen of an evTicket event).
const (
	ticketPendingEnd uint32 = iota
	ticketReopen
)

func (e *engine) onTicket(id int32, what uint32) {
	tk := &e.tickets[id]
	switch what {
	case ticketPendingEnd:
		tk.pending = false
		tk.pendBiz += e.business(e.m.tk.prios[tk.prio].res.cal, tk.pendingSince, e.now)
		e.work(id, tk.tier)
	case ticketReopen:
		e.tst.cell(tk.iv, tk.prio).reopened++
		e.openTicket(id)
		e.work(id, 0)
	}
}

// ticketSnapshots records, for each interval ending at or before t, the
// age of each priority's oldest open ticket at its end; at the horizon
// (final), a last interval cut short by it is read there.
func (e *engine) ticketSnapshots(t time.Duration, final bool) {
	for e.snapIv < e.m.nIntervals && (e.snapEnd <= t || final) {
		at := min(e.snapEnd, e.m.horizon)
		for p := range e.openList {
			e.tst.oldest[e.snapIv*len(e.openList)+p] = e.oldestAge(int32(p), at)
		}
		e.snapIv++
		e.snapEnd += e.m.iv
	}
}

// oldestAge returns the elapsed age at time t, in hours, of priority p's
// oldest open ticket, 0 with none.
func (e *engine) oldestAge(p int32, t time.Duration) float64 {
	o := &e.openList[p]
	for o.n > 0 {
		r := o.ring[o.head]
		if tk := &e.tickets[r.id]; tk.open && tk.openSeq == r.seq {
			return (t - tk.opened).Hours()
		}
		o.pop()
	}
	return 0
}

// censorTickets judges the tickets open at the horizon: a target whose
// business time has already run out is missed (due); one still running
// is censored.
func (e *engine) censorTickets() {
	end := e.m.horizon
	for id := range e.tickets {
		tk := &e.tickets[id]
		if !tk.open {
			continue
		}
		pm := &e.m.tk.prios[tk.prio]
		c := e.tst.cell(tk.iv, tk.prio)
		if !tk.responded && pm.resp.set && e.business(pm.resp.cal, tk.created, end) > pm.resp.target {
			c.respDue++
		}
		if !tk.resolved && pm.res.set {
			pend := tk.pendBiz
			if tk.pending {
				pend += e.business(pm.res.cal, tk.pendingSince, end)
			}
			if e.business(pm.res.cal, tk.created, end)-pend > pm.res.target {
				c.resDue++
			}
		}
	}
}

// openRing is a FIFO of openEntry (a power-of-two ring buffer).
type openRing struct {
	ring    []openEntry
	head, n int
}

func (o *openRing) push(x openEntry) {
	if o.n == len(o.ring) {
		grown := make([]openEntry, max(16, 2*len(o.ring)))
		for i := range o.n {
			grown[i] = o.ring[(o.head+i)&(len(o.ring)-1)]
		}
		o.ring, o.head = grown, 0
	}
	o.ring[(o.head+o.n)&(len(o.ring)-1)] = x
	o.n++
}

func (o *openRing) pop() {
	o.head = (o.head + 1) & (len(o.ring) - 1)
	o.n--
}
