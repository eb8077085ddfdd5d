package sim

import (
	"time"
)

// tcell counts the tickets of one priority created in one interval.
type tcell struct {
	created, resolved, escalated, reopened int64
	respDue, respMet, respN                int64
	resDue, resMet, resN                   int64
	respSum, resSum                        float64 // business ns, of the respN responded and resN resolved
}

// tierCell counts what a tier did in one interval.
type tierCell struct {
	touches, done, escalated int64
}

// ticketStats is the streaming record of a replication's tickets.
type ticketStats struct {
	nP, nT  int
	cells   []tcell    // [interval·nP + priority]
	tiers   []tierCell // [interval·nT + tier]
	open    []level    // open tickets per priority
	openA   []float64  // [interval·nP + priority]: area of open
	backlog []float64  // [interval·nP + priority]: open at the interval's end
	oldest  []float64  // [interval·nP + priority]: hours, oldest open at the end
}

func (s *ticketStats) init(m *model) {
	nI := m.nIntervals
	s.nP, s.nT = len(m.tk.prios), len(m.tk.tiers)
	s.cells = make([]tcell, nI*s.nP)
	s.tiers = make([]tierCell, nI*s.nT)
	s.openA = make([]float64, nI*s.nP)
	s.backlog = make([]float64, nI*s.nP)
	s.oldest = make([]float64, nI*s.nP)
	s.open = make([]level, s.nP)
	for p := range s.open {
		s.open[p] = level{area: s.openA, snap: s.backlog, stride: s.nP, off: p}
	}
}

func (s *ticketStats) reset(iv time.Duration) {
	clear(s.cells)
	clear(s.tiers)
	clear(s.openA)
	clear(s.backlog)
	clear(s.oldest)
	for p := range s.open {
		s.open[p].reset(iv)
	}
}

func (s *ticketStats) cell(iv, p int32) *tcell { return &s.cells[int(iv)*s.nP+int(p)] }

func (s *ticketStats) tierCell(iv, t int32) *tierCell {
	return &s.tiers[int(iv)*s.nT+int(t)]
}

// openChange is a change of d in priority p's open tickets at time t.
func (e *engine) openChange(p int32, d int64) { e.st.change(&e.tst.open[p], e.now, d) }

// finish closes the open levels at t (the horizon).
func (s *ticketStats) finish(st *stats, t time.Duration) {
	iv, nI := st.m.iv, st.m.nIntervals
	for p := range s.open {
		s.open[p].advance(t, iv, nI)
		if nI > 0 {
			s.backlog[(nI-1)*s.nP+p] = float64(s.open[p].n)
		}
	}
}

// Ticket metric slots (TicketMetrics field order) and tier metric slots
// (TierMetrics field order), in rows of one width.
const (
	tCreated = iota
	tResolved
	tEscalated
	tReopened
	tRespAttain
	tRespDue
	tRespBreached
	tRespMean
	tResAttain
	tResDue
	tResBreached
	tResMean
	tBacklog
	tOldest
	tMetGoal
	nTicketSlots
)

const (
	tierEntered = iota
	tierTouches
	tierDone
	tierEscalated
	tierWait
	tierOccupancy
	tierAgents
	tierWaiting
	tierBacklog
	nTierSlots
)

const rowWidth = max(nTicketSlots, nTierSlots)

// row is the metrics of one priority (or tier, or the ticket total) over
// one period of one replication; bit i of def says whether slot i is
// defined.
type row struct {
	v   [rowWidth]float64
	def uint32
}

func (r *row) set(i int, x float64) {
	r.v[i] = x
	r.def |= 1 << i
}

func (r *row) get(i int) (float64, bool) { return r.v[i], r.def&(1<<i) != 0 }

// ticketRaw are the additive totals of one priority over one period.
type ticketRaw struct {
	tcell
	backlog, oldest float64
}

func (x *ticketRaw) add(c *tcell) {
	x.created += c.created
	x.resolved += c.resolved
	x.escalated += c.escalated
	x.reopened += c.reopened
	x.respDue += c.respDue
	x.respMet += c.respMet
	x.respN += c.respN
	x.respSum += c.respSum
	x.resDue += c.resDue
	x.resMet += c.resMet
	x.resN += c.resN
	x.resSum += c.resSum
}

// row turns the totals into metrics; goals are the priority's targets
// (nil for the total, whose goal is set from its priorities').
func (x *ticketRaw) row(resp, res *targetModel) row {
	var r row
	r.set(tCreated, float64(x.created))
	r.set(tResolved, float64(x.resolved))
	r.set(tEscalated, float64(x.escalated))
	r.set(tReopened, float64(x.reopened))
	met, judged := true, false
	for _, s := range []struct {
		due, hit, n                     int64
		sum                             float64
		attain, dueSlot, breached, mean int
		t                               *targetModel
	}{
		{x.respDue, x.respMet, x.respN, x.respSum, tRespAttain, tRespDue, tRespBreached, tRespMean, resp},
		{x.resDue, x.resMet, x.resN, x.resSum, tResAttain, tResDue, tResBreached, tResMean, res},
	} {
		r.set(s.dueSlot, float64(s.due))
		r.set(s.breached, float64(s.due-s.hit))
		if s.due > 0 {
			a := float64(s.hit) / float64(s.due)
			r.set(s.attain, a)
			if s.t != nil {
				judged = true
				met = met && a >= s.t.goal
			}
		}
		if s.n > 0 {
			r.set(s.mean, s.sum/float64(s.n)/float64(time.Hour))
		}
	}
	r.set(tBacklog, x.backlog)
	r.set(tOldest, x.oldest)
	if judged {
		r.set(tMetGoal, indicator(met))
	}
	return r
}

// collectTickets adds the replication's ticket rows to r: per period,
// the priorities, the ticket total, then the tiers.
func (e *engine) collectTickets(r *repOut) {
	m, s := e.m, &e.tst
	nP, nT := s.nP, s.nT
	per := nP + 1 + nT
	nPer := m.nIntervals - m.warm
	r.tickets = make([]row, (nPer+1)*per)
	sums := make([]ticketRaw, nP)
	tierSums := make([]tierRaw, nT)
	length := m.horizon - time.Duration(m.warm)*m.iv
	for p := range nPer {
		i := m.warm + p
		ivLen := min(m.iv, m.horizon-time.Duration(i)*m.iv)
		out := r.tickets[p*per : (p+1)*per]
		var raws []ticketRaw
		for q := range nP {
			k := i*nP + q
			x := ticketRaw{backlog: s.backlog[k], oldest: s.oldest[k]}
			x.add(&s.cells[k])
			raws = append(raws, x)
			sums[q].add(&s.cells[k])
			sums[q].backlog, sums[q].oldest = x.backlog, x.oldest
		}
		e.ticketRows(out, raws)
		for t := range nT {
			x := e.tierRaw(i, int32(t))
			out[nP+1+t] = x.row(ivLen)
			tierSums[t].add(&x)
		}
	}
	out := r.tickets[nPer*per:]
	e.ticketRows(out, sums)
	for t := range nT {
		out[nP+1+t] = tierSums[t].row(length)
	}
}

// ticketRows fills out[0:nP] with the priorities' rows and out[nP] with
// their total.
func (e *engine) ticketRows(out []row, raws []ticketRaw) {
	nP := len(raws)
	var total ticketRaw
	met, judged := true, false
	for q := range raws {
		pm := &e.m.tk.prios[q]
		var resp, res *targetModel
		if pm.resp.set {
			resp = &pm.resp
		}
		if pm.res.set {
			res = &pm.res
		}
		x := &raws[q]
		out[q] = x.row(resp, res)
		// The total judges each ticket against its own priority's target:
		// only targets that are set count.
		t := *x
		if !pm.resp.set {
			t.respDue, t.respMet = 0, 0
		}
		if !pm.res.set {
			t.resDue, t.resMet = 0, 0
		}
		total.add(&t.tcell)
		total.backlog += x.backlog
		total.oldest = max(total.oldest, x.oldest)
		if g, ok := out[q].get(tMetGoal); ok {
			judged = true
			met = met && g == 1
		}
	}
	out[nP] = total.row(nil, nil)
	if judged {
		out[nP].set(tMetGoal, indicator(met))
	}
}

// tierRaw are the additive totals of one tier over one period.
type tierRaw struct {
	tierCell
	entered, answered, wait float64
	busy, avail, waiting    float64
	backlog                 float64
}

func (x *tierRaw) add(o *tierRaw) {
	x.touches += o.touches
	x.done += o.done
	x.escalated += o.escalated
	x.entered += o.entered
	x.answered += o.answered
	x.wait += o.wait
	x.busy += o.busy
	x.avail += o.avail
	x.waiting += o.waiting
	x.backlog = o.backlog // a period's backlog is its last interval's
}

// tierRaw gathers tier t's totals in interval i from its ticket queues
// (one per priority, all served by the same agents).
func (e *engine) tierRaw(i int, t int32) tierRaw {
	st, s := &e.st, &e.tst
	x := tierRaw{tierCell: s.tiers[i*s.nT+int(t)]}
	for p := range e.m.tk.prios {
		q := int(e.m.tk.prios[p].queues[t])
		k := i*st.nQ + q
		c := &st.cells[k]
		x.entered += float64(c.offered)
		x.answered += float64(c.answered)
		x.wait += c.waitAnswered
		x.busy += st.busyA[k]
		x.waiting += st.waitA[k]
		x.backlog += st.backlog[k]
		if p == 0 {
			x.avail = st.availA[k]
		}
	}
	return x
}

func (x *tierRaw) row(length time.Duration) row {
	var r row
	r.set(tierEntered, x.entered)
	r.set(tierTouches, float64(x.touches))
	r.set(tierDone, float64(x.done))
	r.set(tierEscalated, float64(x.escalated))
	if x.answered > 0 {
		r.set(tierWait, x.wait/x.answered/float64(time.Hour))
	}
	if x.avail > 0 {
		r.set(tierOccupancy, min(x.busy/x.avail, 1))
	}
	r.set(tierAgents, x.avail/float64(length))
	r.set(tierWaiting, x.waiting/float64(length))
	r.set(tierBacklog, x.backlog)
	return r
}
