package calllog

import (
	"container/heap"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// desk is a known model of a call centre that writes a call log: Poisson
// arrivals, log-normal handle times, exponential patience, and agents who
// after each call spend a wrap-up W (uniform) before they are ready and
// answer an assigned call after a pick-up delay D (uniform). A waiting
// caller (in the queue or while the phone rings) hangs up when patience
// runs out; a ready agent takes the oldest waiting call, the agent idle
// longest takes a new one. Agents work from open to close every day and
// finish the call in hand.
type desk struct {
	agents               int
	days                 int
	open, close          time.Duration // of each day
	rate                 float64       // arrivals per second
	handleMean, handleCV float64       // seconds
	patience             float64       // mean, seconds
	wrapLo, wrapHi       float64       // W ~ U(wrapLo, wrapHi), seconds
	pickLo, pickHi       float64       // D ~ U(pickLo, pickHi), seconds
	// notReady is the share of their time agents are not ready, in
	// exponential spells of mean spell seconds alternating with exponential
	// ready periods of mean spell·(1 − notReady)/notReady; a spell that
	// falls due while the agent is busy is taken in full when it is next
	// free (as sim does). 0: none.
	notReady, spell float64
	seed            uint64
}

// genCall is one generated call; times in seconds from the first day's midnight.
type genCall struct {
	arrival, patience float64
	handle            float64
	assigned          bool
	done              bool // answered or abandoned
	answered          bool
	exit, start, end  float64
	agent             int
}

type event struct {
	at   float64
	seq  int
	kind int // evArrive, evAbandon, evReady, evStart, evEnd
	call int
	ag   int
}

const (
	evArrive = iota
	evAbandon
	evReady
	evStart
	evEnd
	evNotReadyDue
)

type events []event

func (h events) Len() int { return len(h) }
func (h events) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}
func (h events) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *events) Push(x any)   { *h = append(*h, x.(event)) }
func (h *events) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// run simulates the desk and returns its calls in arrival order.
func (d desk) run() []genCall {
	rng := rand.New(rand.NewPCG(d.seed, 1))
	s2 := math.Log(1 + d.handleCV*d.handleCV)
	mu, sigma := math.Log(d.handleMean)-s2/2, math.Sqrt(s2)
	var calls []genCall
	var h events
	seq := 0
	push := func(e event) { e.seq = seq; seq++; heap.Push(&h, e) }
	for day := 0; day < d.days; day++ {
		base := float64(day) * 86400
		t := base + d.open.Seconds()
		for {
			t += rng.ExpFloat64() / d.rate
			if t >= base+d.close.Seconds() {
				break
			}
			calls = append(calls, genCall{arrival: t, patience: rng.ExpFloat64() * d.patience,
				handle: math.Exp(mu + sigma*rng.NormFloat64()), agent: -1})
			push(event{at: t, kind: evArrive, call: len(calls) - 1})
		}
		for a := 0; a < d.agents; a++ {
			push(event{at: base + d.open.Seconds(), kind: evReady, ag: a})
			if d.notReady > 0 {
				push(event{at: base + d.open.Seconds() + rng.ExpFloat64()*d.spell*(1-d.notReady)/d.notReady, kind: evNotReadyDue, ag: a})
			}
		}
	}
	owed := make([]float64, d.agents)
	var queue []int
	readySince := make([]float64, d.agents)
	ready := make([]bool, d.agents)
	dayEnd := func(t float64) float64 { return math.Floor(t/86400)*86400 + d.close.Seconds() }
	for h.Len() > 0 {
		e := heap.Pop(&h).(event)
		switch e.kind {
		case evArrive:
			best := -1
			for a := range ready {
				if ready[a] && (best < 0 || readySince[a] < readySince[best]) {
					best = a
				}
			}
			if best >= 0 {
				d.dispatch(&calls, e.call, best, e.at, rng, ready, push)
			} else {
				queue = append(queue, e.call)
				push(event{at: calls[e.call].arrival + calls[e.call].patience, kind: evAbandon, call: e.call})
			}
		case evAbandon:
			c := &calls[e.call]
			if !c.done && !c.assigned { // still in the queue
				c.done, c.exit = true, e.at
			}
		case evReady:
			if e.at >= dayEnd(e.at) {
				continue // the day is over for this agent
			}
			if owed[e.ag] > 0 { // a not-ready spell first
				push(event{at: e.at + owed[e.ag], kind: evReady, ag: e.ag})
				owed[e.ag] = 0
				continue
			}
			ready[e.ag], readySince[e.ag] = true, e.at
			for len(queue) > 0 {
				c := queue[0]
				queue = queue[1:]
				if !calls[c].done {
					d.dispatch(&calls, c, e.ag, e.at, rng, ready, push)
					break
				}
			}
		case evStart:
			c := &calls[e.call]
			c.done, c.answered, c.start, c.exit = true, true, e.at, e.at
			c.end = e.at + c.handle
			push(event{at: c.end, kind: evEnd, ag: e.ag})
		case evNotReadyDue:
			if e.at >= dayEnd(e.at) {
				continue
			}
			spell := rng.ExpFloat64() * d.spell
			push(event{at: e.at + spell + rng.ExpFloat64()*d.spell*(1-d.notReady)/d.notReady, kind: evNotReadyDue, ag: e.ag})
			if ready[e.ag] { // idle: the spell starts now
				ready[e.ag] = false
				push(event{at: e.at + spell, kind: evReady, ag: e.ag})
				continue
			}
			owed[e.ag] += spell
		case evEnd:
			push(event{at: e.at + d.wrapLo + rng.Float64()*(d.wrapHi-d.wrapLo), kind: evReady, ag: e.ag})
		}
	}
	return calls
}

// dispatch gives call c to ready agent a at t: the phone rings for D; a
// caller whose patience runs out first hangs up and the agent is ready
// again at that moment.
func (d desk) dispatch(calls *[]genCall, c, a int, t float64, rng *rand.Rand, ready []bool, push func(event)) {
	cl := &(*calls)[c]
	cl.assigned, cl.agent = true, a
	ready[a] = false
	pick := d.pickLo + rng.Float64()*(d.pickHi-d.pickLo)
	if deadline := cl.arrival + cl.patience; deadline < t+pick {
		cl.done, cl.exit = true, math.Max(t, deadline)
		cl.agent = -1
		push(event{at: cl.exit, kind: evReady, ag: a})
		return
	}
	push(event{at: t + pick, kind: evStart, call: c, ag: a})
}

// writeLog writes calls as an Anonymous Bank–shaped log (clock times on
// a date column; 0:00:00 for "not applicable"), days from 2026-03-02,
// rounding every time to the second as the bank's ACD does.
func writeLog(w io.Writer, calls []genCall) {
	fmt.Fprintln(w, "call_id,date,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server")
	base := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	clock := func(s float64) (string, string) {
		t := base.Add(time.Duration(math.Round(s)) * time.Second)
		return t.Format("060102"), fmt.Sprintf("%d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
	}
	for i, c := range calls {
		day, qs := clock(c.arrival)
		_, qe := clock(c.exit)
		out, ss, se, server := "HANG", "0:00:00", "0:00:00", "NO_SERVER"
		if c.answered {
			out, server = "AGENT", "AG"+strconv.Itoa(c.agent)
			_, ss = clock(c.start)
			_, se = clock(c.end)
		}
		fmt.Fprintf(w, "%d,%s,%s,%s,%d,%s,%s,%s,%d,%s\n", i, day, qs, qe, int(math.Round(c.exit-c.arrival)), out, ss, se,
			int(math.Round(c.end-c.start)), server)
	}
}

func logOf(calls []genCall) string {
	var b strings.Builder
	writeLog(&b, calls)
	return b.String()
}
