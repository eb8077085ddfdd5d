package sim

import (
	"context"
	"github.com/staffsim/staffsim/internal/streams"
	"math/rand/v2"
	"time"
)

// Agent states.
const (
	agentOff uint8 = iota
	agentIdle
	agentBusy
	agentBreak
	agentNotReady // on duty, paid, taking no contact (notready.go)
)

// contact is a waiting contact. Contacts are pooled: an answered or
// abandoned contact's slot is reused, so memory follows the queue length,
// not the number of contacts.
type contact struct {
	arrival  time.Duration
	handle   time.Duration
	queue    int32
	interval int32
	gen      uint32 // bumped when the contact leaves the queue: cancels its timer and ring entry
	resumed  bool   // put back by a hard shift end: already answered, handle is what is left
	ticket   int32  // the ticket whose touch this is, -1 for a phone contact
}

// ringEntry is a queued contact; it is stale when gen no longer matches.
type ringEntry struct {
	id  int32
	gen uint32
}

type agent struct {
	state    uint8
	leaving  bool // shift over: leave when the contact in hand is done
	group    int32
	occ      int32
	queue    int32 // queue of the contact in hand
	gen      uint32
	prev     int32 // idle list links (-1: none)
	next     int32
	idleSeq  uint64
	shiftEnd time.Duration
	breakLen time.Duration // > 0: break due once the contact in hand is done
	owed     time.Duration // not-ready time fallen due, taken once free
	// The contact in hand, for a hard shift end: when its service ends,
	// when it arrived and in which interval; wrapping: after-contact work,
	// the contact gone.
	serviceEnd, arrival time.Duration
	interval            int32
	wrapping            bool
	ticket              int32 // the ticket in hand, -1 for none
}

type queueRun struct {
	ring      []ringEntry // power-of-two ring buffer of waiting contacts
	head, n   int
	waiting   int
	seg       int // current demand segment
	next      int // next replay record
	arrivals  *rand.Rand
	handle    *rand.Rand
	patience  *rand.Rand
	wrap      *rand.Rand
	pickup    *rand.Rand
	pcg       [5]*rand.PCG
	histogram []int64
}

type groupRun struct {
	head, tail int32 // idle agents, longest idle first
}

type occRun struct {
	agents []int32
}

// engine runs replications of one model. It holds every piece of mutable
// state (no package state), and is reused across the replications a worker
// runs so that steady-state simulation does not allocate.
type engine struct {
	m        *model
	ev       eventQueue
	now      time.Duration
	contacts []contact
	freeC    []int32
	agents   []agent
	freeA    []int32
	queues   []queueRun
	groups   []groupRun
	occs     []occRun
	absence  uint64 // the replication's key of who is absent (shrinkage)
	nrPCG    *rand.PCG
	nr       *rand.Rand // not-ready spells (notready.go)
	idleSeq  uint64
	events   int64
	st       stats

	// The ticket desk (nil slices without one): tickets in pooled slots,
	// each priority's count of tickets created and its open tickets in
	// order of opening, the per-ticket generator, and the next interval
	// end at which the oldest ticket's age is read.
	tickets   []ticket
	freeT     []int32
	ticketSeq []uint64
	openList  []openRing
	ticketKey uint64
	tpcg      *rand.PCG
	trand     *rand.Rand
	snapIv    int
	snapEnd   time.Duration
	tst       ticketStats

	// observe, when set (tests only), sees every answer: the queue, the
	// answering agent's group and the wait.
	observe func(qi, group int32, wait time.Duration)
}

func newEngine(m *model) *engine {
	e := &engine{m: m}
	e.queues = make([]queueRun, len(m.queues))
	for i := range e.queues {
		q := &e.queues[i]
		for j := range q.pcg {
			q.pcg[j] = rand.NewPCG(0, 0)
		}
		q.arrivals = rand.New(q.pcg[0])
		q.handle = rand.New(q.pcg[1])
		q.patience = rand.New(q.pcg[2])
		q.wrap = rand.New(q.pcg[3])
		q.pickup = rand.New(q.pcg[4])
		q.ring = make([]ringEntry, 16)
		q.histogram = make([]int64, len(waitEdges)+1)
	}
	e.groups = make([]groupRun, len(m.groups))
	e.occs = make([]occRun, len(m.occs))
	e.nrPCG = rand.NewPCG(0, 0)
	e.nr = rand.New(e.nrPCG)
	e.st.init(m)
	if m.tk != nil {
		e.ticketSeq = make([]uint64, len(m.tk.prios))
		e.openList = make([]openRing, len(m.tk.prios))
		e.tpcg = rand.NewPCG(0, 0)
		e.trand = rand.New(e.tpcg)
		e.tst.init(m)
	}
	return e
}

// seedStreams points every stream at replication rep.
func (e *engine) seedStreams(rep int) {
	for i := range e.queues {
		q := &e.queues[i]
		key := e.m.queues[i].key
		for j, p := range []uint64{purposeArrivals, purposeHandle, purposePatience, purposeWrapUp, purposePickUp} {
			s := newSeed(e.m.seed, rep, p, key)
			q.pcg[j].Seed(s[0], s[1])
		}
	}
	s := newSeed(e.m.seed, rep, purposeShrinkage, 0)
	e.absence = streams.Mix(s[0] ^ streams.Mix(s[1]))
	s = newSeed(e.m.seed, rep, purposeNotReady, 0)
	e.nrPCG.Seed(s[0], s[1])
	s = newSeed(e.m.seed, rep, purposeTickets, 0)
	e.ticketKey = streams.Mix(s[0] ^ streams.Mix(s[1]))
}

// reset prepares the engine for replication rep.
func (e *engine) reset(rep int) {
	e.seedStreams(rep)
	e.ev.reset()
	e.now = 0
	e.contacts = e.contacts[:0]
	e.freeC = e.freeC[:0]
	e.agents = e.agents[:0]
	e.freeA = e.freeA[:0]
	e.idleSeq = 0
	e.events = 0
	for i := range e.queues {
		q := &e.queues[i]
		q.head, q.n, q.waiting, q.seg, q.next = 0, 0, 0, 0, 0
		clear(q.histogram)
	}
	for i := range e.groups {
		e.groups[i] = groupRun{head: -1, tail: -1}
	}
	for i := range e.occs {
		e.occs[i].agents = e.occs[i].agents[:0]
	}
	e.st.reset()
	if e.m.tk != nil {
		e.tickets = e.tickets[:0]
		e.freeT = e.freeT[:0]
		clear(e.ticketSeq)
		for i := range e.openList {
			e.openList[i].head, e.openList[i].n = 0, 0
		}
		e.snapIv, e.snapEnd = 0, e.m.iv
		e.tst.reset(e.m.iv)
	}
}

// run simulates one replication; it returns ctx.Err() if cancelled.
func (e *engine) run(ctx context.Context, rep int) error {
	e.reset(rep)
	m := e.m
	// Initial backlog, then the first arrival of each queue and the roster.
	for qi := range m.queues {
		for range m.queues[qi].backlog {
			e.arrive(int32(qi), 0, 0)
		}
		e.scheduleArrival(int32(qi), 0)
	}
	if len(m.occs) > 0 {
		e.ev.push(max(m.occs[0].start, 0), evShiftStart, 0, 0)
	}
	for e.ev.len() > 0 {
		if e.ev.h[0].t >= m.horizon {
			break
		}
		if e.m.tk != nil && e.ev.h[0].t >= e.snapEnd {
			e.ticketSnapshots(e.ev.h[0].t, false)
		}
		ev := e.ev.pop()
		e.now = ev.t
		e.events++
		if e.events&(1<<14-1) == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		switch ev.kind() {
		case evArrival:
			e.onArrival(ev.id)
		case evServiceEnd:
			e.onServiceEnd(ev.id, ev.gen)
		case evAbandon:
			e.onAbandon(ev.id, ev.gen)
		case evShiftStart:
			e.onShiftStart(ev.id)
		case evShiftEnd:
			e.onShiftEnd(ev.id)
		case evBreakStart:
			e.onBreakStart(ev.id, int(ev.gen))
		case evBreakEnd:
			e.onBreakEnd(ev.id, ev.gen)
		case evPaidResume:
			e.st.paid(e.now, int64(m.shifts[m.occs[ev.id].shift].agents))
		case evTicket:
			e.onTicket(ev.id, ev.gen)
		case evOverflow:
			e.onOverflow(ev.id, ev.gen)
		case evNotReadyDue:
			e.onNotReadyDue(ev.id, ev.gen)
		case evReady:
			e.onReady(ev.id, ev.gen)
		}
	}
	e.now = m.horizon
	e.censor()
	e.st.finish(m.horizon)
	if m.tk != nil {
		e.ticketSnapshots(m.horizon, true)
		e.censorTickets()
		e.tst.finish(&e.st, m.horizon)
	}
	return ctx.Err()
}

// scheduleArrival schedules the next arrival of queue qi after time t.
func (e *engine) scheduleArrival(qi int32, t time.Duration) {
	qm := &e.m.queues[qi]
	q := &e.queues[qi]
	if qm.replay != nil {
		if q.next < len(qm.replay) {
			e.ev.push(qm.replay[q.next], evArrival, qi, 0)
		}
		return
	}
	// Non-homogeneous Poisson process by inversion of the cumulative rate:
	// draw E ~ Exp(1) and walk the piecewise-constant rate until its
	// integral from t reaches E.
	x := q.arrivals.ExpFloat64()
	for q.seg < len(qm.segs) {
		s := qm.segs[q.seg]
		if s.rate > 0 {
			dt := x / s.rate
			if dt < float64(s.end-t) {
				e.ev.push(t+time.Duration(dt), evArrival, qi, 0)
				return
			}
			x -= float64(s.end-t) * s.rate
		}
		t = s.end
		q.seg++
	}
}

func (e *engine) onArrival(qi int32) {
	qm := &e.m.queues[qi]
	if qm.replay != nil {
		q := &e.queues[qi]
		copies := int(qm.scale)
		if frac := qm.scale - float64(copies); frac > 0 && q.arrivals.Float64() < frac {
			copies++
		}
		var handle, patience time.Duration
		if qm.replayHandle != nil {
			handle = qm.replayHandle[q.next]
		}
		if qm.replayPat != nil {
			patience = qm.replayPat[q.next]
		}
		q.next++
		for range copies {
			if qm.ticket {
				e.createTicket(qi)
			} else {
				e.arrive(qi, handle, patience)
			}
		}
		e.scheduleArrival(qi, e.now)
		return
	}
	if qm.ticket {
		e.createTicket(qi)
	} else {
		e.arrive(qi, 0, 0)
	}
	e.scheduleArrival(qi, e.now)
}

// arrive creates a contact of queue qi now: it is answered by the longest
// idle skilled agent, or waits (and may abandon).
// A positive traceHandle or tracePatience is the contact's own (a replayed
// trace); the draws are made all the same, so the streams stay aligned
// whatever the trace gives.
func (e *engine) arrive(qi int32, traceHandle, tracePatience time.Duration) {
	qm := &e.m.queues[qi]
	q := &e.queues[qi]
	handle := qm.handle.sample(q.handle)
	if qm.scaled && q.seg < len(qm.segs) {
		handle = time.Duration(float64(handle) * qm.segs[q.seg].hscale)
	}
	if traceHandle > 0 {
		handle = traceHandle
	}
	patience := time.Duration(-1)
	if qm.hasPatience {
		patience = qm.patience.sample(q.patience)
	}
	if tracePatience > 0 {
		patience = tracePatience
	}
	iv := int32(e.now / e.m.iv)
	e.st.offered(iv, qi)
	a := int32(-1)
	if qm.overflow > 0 {
		a = e.idlePrimaryFor(qi) // the others wait out the threshold
	} else {
		a = e.idleAgentFor(qi)
	}
	if a >= 0 {
		e.removeIdle(a)
		e.startService(a, qi, iv, e.now, handle, false, -1)
		return
	}
	id := e.newContact()
	c := &e.contacts[id]
	c.arrival, c.handle, c.queue, c.interval, c.resumed, c.ticket = e.now, handle, qi, iv, false, -1
	e.enqueue(qi, ringEntry{id: id, gen: c.gen})
	if patience >= 0 {
		e.ev.push(e.now+patience, evAbandon, id, c.gen)
	}
	if qm.overflow > 0 && (patience < 0 || patience > qm.overflow) {
		e.ev.push(e.now+qm.overflow, evOverflow, id, c.gen)
	}
}

func (e *engine) newContact() int32 {
	if n := len(e.freeC); n > 0 {
		id := e.freeC[n-1]
		e.freeC = e.freeC[:n-1]
		return id
	}
	e.contacts = append(e.contacts, contact{})
	return int32(len(e.contacts) - 1)
}

// censor counts, at the end of the run, the contacts still waiting that
// have waited at least their queue's SLA target: whatever happens to them
// next, they were not answered within it, so they count against the
// service level (as missed). Those that have waited less are censored:
// their outcome is unknown, and they are left out, like contacts that
// arrive after the horizon.
func (e *engine) censor() {
	for qi := range e.m.nPhone {
		q := &e.queues[qi]
		target := e.m.queues[qi].target
		for i := range q.n {
			r := q.ring[(q.head+i)&(len(q.ring)-1)]
			c := &e.contacts[r.id]
			if c.gen == r.gen && !c.resumed && e.now-c.arrival >= target && e.now > c.arrival {
				e.st.late(c.interval, c.queue)
			}
			if c.gen == r.gen && !c.resumed && e.now > c.arrival {
				e.st.lateMore(c.interval, c.queue, e.now-c.arrival)
			}
		}
	}
}

// releaseContact takes contact id out of its queue: its generation moves
// on, which cancels its abandonment timer and its ring entry.
func (e *engine) releaseContact(id int32) {
	c := &e.contacts[id]
	c.gen++
	q := &e.queues[c.queue]
	q.waiting--
	e.st.queueLen(e.now, c.queue, -1)
	e.freeC = append(e.freeC, id)
}

func (e *engine) enqueue(qi int32, r ringEntry) {
	e.grow(qi)
	q := &e.queues[qi]
	q.ring[(q.head+q.n)&(len(q.ring)-1)] = r
	q.n++
	q.waiting++
	e.st.queueLen(e.now, qi, +1)
}

// grow makes room for one more entry in queue qi's ring.
func (e *engine) grow(qi int32) {
	q := &e.queues[qi]
	if q.n == len(q.ring) {
		grown := make([]ringEntry, 2*len(q.ring))
		for i := range q.n {
			grown[i] = q.ring[(q.head+i)&(len(q.ring)-1)]
		}
		q.ring, q.head = grown, 0
	}
}

// requeue puts the contact in agent a's hand back at the head of its
// queue with the handle time it has left (a hard shift end): the next
// agent resumes it; it was answered once and is not counted again, and it
// does not abandon.
func (e *engine) requeue(a int32) {
	ag := &e.agents[a]
	e.st.busy(e.now, ag.queue, -1)
	id := e.newContact()
	c := &e.contacts[id]
	c.arrival, c.handle, c.queue, c.interval, c.resumed, c.ticket = ag.arrival, ag.serviceEnd-e.now, ag.queue, ag.interval, true, ag.ticket
	ag.ticket = -1
	e.grow(ag.queue)
	q := &e.queues[ag.queue]
	q.head = (q.head - 1) & (len(q.ring) - 1)
	q.ring[q.head] = ringEntry{id: id, gen: c.gen}
	q.n++
	q.waiting++
	e.st.queueLen(e.now, ag.queue, +1)
}

// dispatch gives waiting contacts of queue qi to its idle agents.
func (e *engine) dispatch(qi int32) {
	for e.queues[qi].waiting > 0 {
		var b int32
		if e.m.queues[qi].overflow > 0 {
			b = e.idleEligibleFor(qi)
		} else {
			b = e.idleAgentFor(qi)
		}
		if b < 0 {
			return
		}
		e.removeIdle(b)
		e.nextWork(b)
	}
}

// peek returns the oldest live contact of queue qi, dropping stale entries,
// or -1.
func (e *engine) peek(qi int32) int32 {
	q := &e.queues[qi]
	if q.waiting == 0 {
		// Everything left in the ring is stale.
		q.head, q.n = 0, 0
		return -1
	}
	for {
		r := q.ring[q.head]
		if e.contacts[r.id].gen == r.gen {
			return r.id
		}
		q.head = (q.head + 1) & (len(q.ring) - 1)
		q.n--
	}
}

func (e *engine) onAbandon(id int32, gen uint32) {
	c := &e.contacts[id]
	if c.gen != gen {
		e.events-- // answered already: the timer was cancelled, not an event
		return
	}
	e.st.abandoned(c.interval, c.queue, e.now-c.arrival)
	e.releaseContact(id)
}

// startService gives a contact of queue qi (arrived at arrival, interval
// iv; a touch of ticket ≥ 0, or -1) to agent a, which must be available
// and not in the idle list.
func (e *engine) startService(a int32, qi, iv int32, arrival, handle time.Duration, resumed bool, ticket int32) {
	qm := &e.m.queues[qi]
	// A pick-up delay is waited by the contact and spent by the agent
	// before the contact is answered.
	var delay time.Duration
	if qm.hasPickup && !resumed {
		delay = qm.pickup.sample(e.queues[qi].pickup)
	}
	if !resumed {
		wait := e.now + delay - arrival
		e.st.answered(iv, qi, wait, wait <= qm.target)
		if qm.more != nil {
			e.st.answeredMore(iv, qi, wait)
		}
		if int(iv) >= e.m.warm {
			e.queues[qi].histogram[waitBin(wait)]++
		}
		if e.observe != nil {
			e.observe(qi, e.agents[a].group, wait)
		}
		if ticket >= 0 {
			e.responded(ticket, e.now+delay)
		}
	}
	ag := &e.agents[a]
	ag.state = agentBusy
	ag.queue = qi
	ag.ticket = ticket
	ag.serviceEnd, ag.arrival, ag.interval = e.now+delay+handle, arrival, iv
	e.st.busy(e.now, qi, +1)
	e.ev.push(e.now+delay+handle, evServiceEnd, a, ag.gen)
}

// nextWork gives agent a (available, not in the idle list) the oldest
// contact of the highest-priority non-empty queue among its skills, or
// puts it in the idle list — unless it owes not-ready time, which it
// takes first.
func (e *engine) nextWork(a int32) {
	if e.agents[a].owed > 0 {
		e.startNotReady(a) // a not-ready spell fell due while it was busy
		return
	}
	g := &e.m.groups[e.agents[a].group]
	best := int32(-1)
	bestPri := 0
	var bestArr time.Duration
	for _, qi := range g.queues {
		qm := &e.m.queues[qi]
		pri := qm.priority
		if best >= 0 && pri > bestPri {
			break
		}
		id := e.peek(qi)
		if id < 0 {
			continue
		}
		arr := e.contacts[id].arrival
		if qm.overflow > 0 && g.primary != qi && e.now-arr < qm.overflow {
			continue // not yet for a non-primary agent (routing.go)
		}
		if best < 0 || arr < bestArr {
			best, bestPri, bestArr = id, pri, arr
		}
	}
	if best < 0 {
		e.pushIdle(a)
		return
	}
	c := e.contacts[best]
	e.releaseContact(best)
	e.startService(a, c.queue, c.interval, c.arrival, c.handle, c.resumed, c.ticket)
}

func (e *engine) onServiceEnd(a int32, gen uint32) {
	ag := &e.agents[a]
	if ag.gen != gen || ag.state != agentBusy {
		return // the agent left at a hard shift end and put the contact back
	}
	if qm := &e.m.queues[ag.queue]; qm.hasWrap && !ag.wrapping {
		// After-contact work: busy, no contact in hand (a hard shift end
		// simply ends it).
		ag.wrapping = true
		ag.serviceEnd = e.now + qm.wrap.sample(e.queues[ag.queue].wrap)
		e.ev.push(ag.serviceEnd, evServiceEnd, a, ag.gen)
		return
	}
	ag.wrapping = false
	e.st.busy(e.now, ag.queue, -1)
	if id := ag.ticket; id >= 0 {
		ag.ticket = -1
		e.touchDone(id) // may hand work to other agents, never to a
		ag = &e.agents[a]
	}
	switch {
	case ag.leaving:
		e.st.overtime(e.now, -1)
		e.leave(a)
	case ag.breakLen > 0:
		e.startBreak(a, ag.breakLen)
	default:
		ag.state = agentIdle
		e.nextWork(a)
	}
}

// idleAgentFor returns the agent skilled for queue qi that has been idle
// longest, or -1.
func (e *engine) idleAgentFor(qi int32) int32 {
	best := int32(-1)
	for _, g := range e.m.queues[qi].groups {
		a := e.groups[g].head
		if a >= 0 && (best < 0 || e.agents[a].idleSeq < e.agents[best].idleSeq) {
			best = a
		}
	}
	return best
}

func (e *engine) pushIdle(a int32) {
	ag := &e.agents[a]
	ag.state = agentIdle
	e.idleSeq++
	ag.idleSeq = e.idleSeq
	g := &e.groups[ag.group]
	ag.prev, ag.next = g.tail, -1
	if g.tail >= 0 {
		e.agents[g.tail].next = a
	} else {
		g.head = a
	}
	g.tail = a
}

func (e *engine) removeIdle(a int32) {
	ag := &e.agents[a]
	g := &e.groups[ag.group]
	if ag.prev >= 0 {
		e.agents[ag.prev].next = ag.next
	} else {
		g.head = ag.next
	}
	if ag.next >= 0 {
		e.agents[ag.next].prev = ag.prev
	} else {
		g.tail = ag.prev
	}
	ag.prev, ag.next = -1, -1
}
