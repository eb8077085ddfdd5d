package sim

import "time"

// eventKind says which handler an event calls.
type eventKind uint8

const (
	evArrival     eventKind = iota + 1 // id: queue
	evServiceEnd                       // id: agent
	evAbandon                          // id: contact, gen: contact generation
	evShiftStart                       // id: shift occurrence
	evShiftEnd                         // id: shift occurrence
	evBreakStart                       // id: shift occurrence, gen: break index
	evBreakEnd                         // id: agent, gen: agent generation
	evPaidResume                       // id: shift occurrence: an unpaid break's scheduled end
	evTicket                           // id: ticket, gen: ticketPendingEnd or ticketReopen
	evNotReadyDue                      // id: agent, gen: agent generation: a not-ready spell falls due
	evReady                            // id: agent, gen: agent generation: a not-ready spell ends
	evOverflow                         // id: contact, gen: contact generation: it has waited its queue's OverflowAfter
)

// event is a value in the heap: no pointers, no allocation per event,
// 24 bytes. key holds the scheduling sequence number in its high 56 bits
// and the kind in its low 8, so comparing keys compares sequence numbers.
type event struct {
	t   time.Duration
	key uint64
	id  int32
	gen uint32
}

func (e *event) kind() eventKind { return eventKind(e.key) }

// before orders events by time, then by scheduling order, so that events at
// the same instant run first-scheduled first and every run is reproducible.
func (a *event) before(b *event) bool {
	return a.t < b.t || (a.t == b.t && a.key < b.key)
}

// eventQueue is a 4-ary min-heap of events ordered by (time, sequence). A
// 4-ary heap is shallower than a binary one and touches fewer cache lines
// per operation, which matters at millions of events per second.
//
// Timers are cancelled lazily: a cancellable event carries the generation of
// its target, and the handler ignores it when the generation has moved on
// (see engine.abandon). This keeps cancel O(1) without an index per event.
type eventQueue struct {
	h   []event
	seq uint64
}

func (q *eventQueue) reset() {
	q.h = q.h[:0]
	q.seq = 0
}

func (q *eventQueue) len() int { return len(q.h) }

// push schedules an event at time t.
func (q *eventQueue) push(t time.Duration, kind eventKind, id int32, gen uint32) {
	q.seq++
	e := event{t: t, key: q.seq<<8 | uint64(kind), id: id, gen: gen}
	h := append(q.h, e)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 4
		if !e.before(&h[p]) {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = e
	q.h = h
}

// pop removes and returns the earliest event; the queue must not be empty.
func (q *eventQueue) pop() event {
	h := q.h
	top := h[0]
	n := len(h) - 1
	last := h[n]
	h = h[:n]
	q.h = h
	if n == 0 {
		return top
	}
	i := 0
	for {
		c := 4*i + 1
		if c >= n {
			break
		}
		m := c
		end := min(c+4, n)
		for j := c + 1; j < end; j++ {
			if h[j].before(&h[m]) {
				m = j
			}
		}
		if !h[m].before(&last) {
			break
		}
		h[i] = h[m]
		i = m
	}
	h[i] = last
	return top
}
