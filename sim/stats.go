package sim

import "time"

// cell counts the contacts of one queue that arrived in one interval.
// late counts those still waiting when the run ends that had already
// waited past the SLA target: never answered within it.
type cell struct {
	offered, answered, abandoned, within, late int64
	waitAnswered, waitAbandoned                float64 // ns
}

// level integrates a piecewise-constant quantity (agents busy, agents
// available, contacts waiting) over time, split by reporting interval:
// area[i·stride+off] += level × time spent in interval i, and optionally
// snap[i·stride+off] = level at the end of interval i. It is updated only
// when the level changes, so its cost is per event, not per interval.
type level struct {
	n      int64
	last   time.Duration
	i      int           // interval of last
	end    time.Duration // end of interval i
	area   []float64
	snap   []float64
	stride int
	off    int
}

func (l *level) reset(iv time.Duration) {
	l.n, l.last, l.i, l.end = 0, 0, 0, iv
}

// advance accumulates the level up to time t.
func (l *level) advance(t time.Duration, iv time.Duration, nI int) {
	for t >= l.end && l.i < nI {
		k := l.i*l.stride + l.off
		l.area[k] += float64(l.n) * float64(l.end-l.last)
		if l.snap != nil {
			l.snap[k] = float64(l.n)
		}
		l.last = l.end
		l.i++
		l.end += iv
	}
	if l.i < nI {
		l.area[l.i*l.stride+l.off] += float64(l.n) * float64(t-l.last)
	}
	l.last = t
}

// stats is the streaming record of one replication.
type stats struct {
	m       *model
	nQ      int
	cells   []cell // [interval·nQ + queue]
	busyQ   []level
	availQ  []level
	waitQ   []level
	busyT   level
	availT  level
	paidT   level
	overT   level
	buf     []float64 // backing store of every area and snap
	backlog []float64 // [interval·nQ + queue], waiting at interval end
	busyA   []float64
	availA  []float64
	waitA   []float64
	busyTA  []float64
	availTA []float64
	paidTA  []float64
	overTA  []float64
	// more counts Queue.Targets: [(cell·nMore + k)·2] answered within
	// target k, [+1] late for it.
	more  []int64
	nMore int
}

func (s *stats) init(m *model) {
	s.m = m
	nQ, nI := len(m.queues), m.nIntervals
	s.nQ = nQ
	s.cells = make([]cell, nI*nQ)
	s.nMore = 0
	for q := range m.nPhone {
		s.nMore = max(s.nMore, len(m.queues[q].more))
	}
	if s.nMore > 0 {
		s.more = make([]int64, 2*nI*nQ*s.nMore)
	}
	s.buf = make([]float64, 4*nI*nQ+4*nI)
	b := s.buf
	take := func(n int) []float64 { x := b[:n:n]; b = b[n:]; return x }
	s.backlog, s.busyA, s.availA, s.waitA = take(nI*nQ), take(nI*nQ), take(nI*nQ), take(nI*nQ)
	s.busyTA, s.availTA, s.paidTA, s.overTA = take(nI), take(nI), take(nI), take(nI)
	s.busyQ = make([]level, nQ)
	s.availQ = make([]level, nQ)
	s.waitQ = make([]level, nQ)
	for q := range nQ {
		s.busyQ[q] = level{area: s.busyA, stride: nQ, off: q}
		s.availQ[q] = level{area: s.availA, stride: nQ, off: q}
		s.waitQ[q] = level{area: s.waitA, snap: s.backlog, stride: nQ, off: q}
	}
	s.busyT = level{area: s.busyTA, stride: 1}
	s.availT = level{area: s.availTA, stride: 1}
	s.paidT = level{area: s.paidTA, stride: 1}
	s.overT = level{area: s.overTA, stride: 1}
}

func (s *stats) levels(f func(*level)) {
	for q := range s.nQ {
		f(&s.busyQ[q])
		f(&s.availQ[q])
		f(&s.waitQ[q])
	}
	f(&s.busyT)
	f(&s.availT)
	f(&s.paidT)
	f(&s.overT)
}

func (s *stats) reset() {
	clear(s.cells)
	clear(s.more)
	clear(s.buf)
	iv := s.m.iv
	s.levels(func(l *level) { l.reset(iv) })
}

// finish closes every level at the horizon.
func (s *stats) finish(t time.Duration) {
	iv, nI := s.m.iv, s.m.nIntervals
	s.levels(func(l *level) { l.advance(t, iv, nI) })
	// The last interval may be partial: its snapshot is the level at t.
	if nI > 0 {
		for q := range s.nQ {
			s.backlog[(nI-1)*s.nQ+q] = float64(s.waitQ[q].n)
		}
	}
}

func (s *stats) change(l *level, t time.Duration, d int64) {
	if t >= l.end {
		l.advance(t, s.m.iv, s.m.nIntervals)
	} else {
		l.area[l.i*l.stride+l.off] += float64(l.n) * float64(t-l.last)
		l.last = t
	}
	l.n += d
}

func (s *stats) offered(iv, q int32) { s.cells[int(iv)*s.nQ+int(q)].offered++ }

func (s *stats) answered(iv, q int32, wait time.Duration, within bool) {
	c := &s.cells[int(iv)*s.nQ+int(q)]
	c.answered++
	c.waitAnswered += float64(wait)
	if within {
		c.within++
	}
}

func (s *stats) late(iv, q int32) { s.cells[int(iv)*s.nQ+int(q)].late++ }

func (s *stats) abandoned(iv, q int32, wait time.Duration) {
	c := &s.cells[int(iv)*s.nQ+int(q)]
	c.abandoned++
	c.waitAbandoned += float64(wait)
}

func (s *stats) queueLen(t time.Duration, q int32, d int64) { s.change(&s.waitQ[q], t, d) }

func (s *stats) busy(t time.Duration, q int32, d int64) {
	s.change(&s.busyQ[q], t, d)
	s.change(&s.busyT, t, d)
}

func (s *stats) available(t time.Duration, g int32, d int64) {
	for _, q := range s.m.groups[g].queues {
		s.change(&s.availQ[q], t, d)
	}
	s.change(&s.availT, t, d)
}

func (s *stats) paid(t time.Duration, d int64)     { s.change(&s.paidT, t, d) }
func (s *stats) overtime(t time.Duration, d int64) { s.change(&s.overT, t, d) }

// answeredMore counts an answered contact against its queue's further
// targets (Queue.Targets).
func (s *stats) answeredMore(iv, q int32, wait time.Duration) {
	base := (int(iv)*s.nQ + int(q)) * s.nMore * 2
	for k, t := range s.m.queues[q].more {
		if wait <= t {
			s.more[base+2*k]++
		}
	}
}

// lateMore counts a contact still waiting at the end, having waited
// wait, as late for each further target it has passed.
func (s *stats) lateMore(iv, q int32, wait time.Duration) {
	if s.nMore == 0 {
		return
	}
	base := (int(iv)*s.nQ + int(q)) * s.nMore * 2
	for k, t := range s.m.queues[q].more {
		if wait >= t {
			s.more[base+2*k+1]++
		}
	}
}
