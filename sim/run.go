package sim

import (
	"context"
	"runtime"
	"sync"
	"time"
)

// Options tune how a run executes; they never change its results.
type Options struct {
	// Workers is the number of replications simulated at once; 0 means
	// runtime.GOMAXPROCS(0). Results are identical for any value.
	Workers int
	// Progress, if set, is called after each replication is folded into
	// the result, with the number done and the total, from one goroutine.
	Progress func(done, total int)
	// Counts, if set, is called with each replication's per-interval
	// counts — counts[p·len(Queues) + q] for reported interval p (from
	// Warmup) and queue q — in replication order, from one goroutine. The
	// slice is the callee's. It is how a caller judges spans other than the
	// reporting interval (hours, days) replication by replication.
	Counts func(rep int, counts []Counts)
}

// Run validates cfg and simulates cfg.Replications independent replications
// in parallel on every core. It returns ctx.Err() promptly when ctx is
// cancelled. Equal configurations with equal seeds give identical results.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	return RunWith(ctx, cfg, Options{})
}

// RunWith is Run with explicit Options.
func RunWith(ctx context.Context, cfg Config, opt Options) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	m := compileModel(&cfg)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, m.reps)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	out := make(chan *repOut, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := newEngine(m)
			for rep := range jobs {
				r := &repOut{index: rep}
				if r.err = e.run(ctx, rep); r.err == nil {
					e.collect(r)
					if opt.Counts != nil {
						r.counts = e.counts()
					}
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for rep := range m.reps {
			select {
			case jobs <- rep:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	ag := newAggregator(m)
	pending := map[int]*repOut{}
	var err error
	for r := range out {
		if r.err != nil {
			if err == nil {
				err = r.err
			}
			cancel()
			continue
		}
		if err != nil {
			continue
		}
		pending[r.index] = r
		for {
			next, ok := pending[ag.done]
			if !ok {
				break
			}
			delete(pending, ag.done)
			ag.add(next)
			if opt.Counts != nil {
				opt.Counts(next.index, next.counts)
			}
			if opt.Progress != nil {
				opt.Progress(ag.done, m.reps)
			}
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil && ag.done != m.reps {
		err = context.Canceled
	}
	if err != nil {
		return nil, err
	}
	return ag.result(), nil
}

// repOut is what one replication hands to the aggregator.
type repOut struct {
	index   int
	err     error
	periods []vals // [period·(nQ+1) + q], q == nQ is the desk
	summary []vals // [q], q == nQ is the desk
	hist    [][]int64
	events  int64
	tickets []row    // per period (then the whole): priorities, total, tiers
	counts  []Counts // with Options.Counts
	// Service levels at each of the model's targets (collectLevels):
	// per period and queue (the desk last), and for the whole period.
	levels, sumLevels []float64
	levelDef, sumDef  []bool
}

// collect turns the engine's statistics into per-replication metrics.
func (e *engine) collect(r *repOut) {
	m, s := e.m, &e.st
	nQ := m.nPhone // ticket queues are reported per priority and tier
	nP := m.nIntervals - m.warm
	r.periods = make([]vals, nP*(nQ+1))
	r.summary = make([]vals, nQ+1)
	sums := make([]raw, nQ+1)
	for p := range nP {
		i := m.warm + p
		length := min(m.iv, m.horizon-time.Duration(i)*m.iv)
		var desk raw
		for q := range nQ {
			k := i*s.nQ + q
			c := &s.cells[k]
			x := raw{
				offered: float64(c.offered), answered: float64(c.answered), abandoned: float64(c.abandoned),
				within: float64(c.within), late: float64(c.late), waitAnswered: c.waitAnswered, waitAbandoned: c.waitAbandoned,
				busy: s.busyA[k], avail: s.availA[k], waiting: s.waitA[k], backlog: s.backlog[k],
			}
			r.periods[p*(nQ+1)+q] = x.metrics(length, false, m.queues[q].goal)
			desk.add(&x)
			sums[q].add(&x)
			sums[q].backlog = x.backlog // the backlog of a period is the last interval's
		}
		desk.busy, desk.avail = s.busyTA[i], s.availTA[i]
		desk.paid, desk.overtime = s.paidTA[i], s.overTA[i]
		row := r.periods[p*(nQ+1) : (p+1)*(nQ+1)]
		row[nQ] = desk.metrics(length, true, 0)
		row[nQ].deskGoal(row[:nQ])
		sums[nQ].add(&desk)
		sums[nQ].backlog = desk.backlog
	}
	length := m.horizon - time.Duration(m.warm)*m.iv
	for q := range nQ {
		r.summary[q] = sums[q].metrics(length, false, m.queues[q].goal)
	}
	r.summary[nQ] = sums[nQ].metrics(length, true, 0)
	r.summary[nQ].deskGoal(r.summary[:nQ])
	r.hist = make([][]int64, nQ)
	for q := range nQ {
		r.hist[q] = append([]int64(nil), e.queues[q].histogram...)
	}
	r.events = e.events
	e.collectLevels(r)
	if m.tk != nil {
		e.collectTickets(r)
	}
}

// aggregator folds replications, in replication order, into a Result.
type aggregator struct {
	m       *model
	done    int
	periods []accs
	summary []accs
	runs    []Replication
	hist    [][]int64
	events  int64
	tickets ticketAgg
	// levels and sumLevels accumulate the service levels at each target,
	// laid out as repOut's.
	levels, sumLevels []acc
}

func newAggregator(m *model) *aggregator {
	nQ := m.nPhone
	a := &aggregator{
		m:       m,
		periods: make([]accs, (m.nIntervals-m.warm)*(nQ+1)),
		summary: make([]accs, nQ+1),
		hist:    make([][]int64, nQ),
	}
	nT := len(m.targets)
	a.levels = make([]acc, (m.nIntervals-m.warm)*(nQ+1)*nT)
	a.sumLevels = make([]acc, (nQ+1)*nT)
	for q := range a.hist {
		a.hist[q] = make([]int64, len(waitEdges)+1)
	}
	return a
}

func (a *aggregator) add(r *repOut) {
	nQ := a.m.nPhone
	if a.m.tk != nil {
		a.tickets.add(a.m, r)
	}
	for i := range r.periods {
		a.periods[i].add(&r.periods[i])
	}
	for i, ok := range r.levelDef {
		if ok {
			a.levels[i].add(r.levels[i])
		}
	}
	for i, ok := range r.sumDef {
		if ok {
			a.sumLevels[i].add(r.sumLevels[i])
		}
	}
	nT := len(a.m.targets)
	run := Replication{Index: r.index, Queues: make([]Values, nQ)}
	for q := range nQ + 1 {
		a.summary[q].add(&r.summary[q])
		v := r.summary[q].values()
		if nT > 0 {
			v.Levels, v.LevelsDefined = r.sumLevels[q*nT:(q+1)*nT:(q+1)*nT], r.sumDef[q*nT:(q+1)*nT:(q+1)*nT]
		}
		if q == nQ {
			run.Total = v
			break
		}
		run.Queues[q] = v
		for b, c := range r.hist[q] {
			a.hist[q][b] += c
		}
	}
	a.runs = append(a.runs, run)
	a.events += r.events
	a.done++
}

func (a *aggregator) result() *Result {
	m := a.m
	nQ := m.nPhone
	t := tTable{}
	res := &Result{
		Start:        m.start.Add(time.Duration(m.warm) * m.iv),
		Interval:     m.iv,
		Replications: a.done,
		Runs:         a.runs,
		Events:       a.events,
		Targets:      m.targets,
	}
	nT := len(m.targets)
	for q := range nQ {
		res.Queues = append(res.Queues, m.queues[q].name)
		h := newHistogram()
		h.Counts = a.hist[q]
		res.Waits = append(res.Waits, h)
	}
	period := func(accs []accs, levels []acc, start time.Time, length time.Duration) Period {
		p := Period{Start: start, Length: length, Queues: make([]Metrics, nQ)}
		for q := range nQ {
			p.Queues[q] = accs[q].metrics(t)
			p.Queues[q].Levels = levelEstimates(levels[q*nT:(q+1)*nT], t)
		}
		p.Total = accs[nQ].metrics(t)
		p.Total.Levels = levelEstimates(levels[nQ*nT:(nQ+1)*nT], t)
		return p
	}
	nP := m.nIntervals - m.warm
	res.Intervals = make([]Period, nP)
	for p := range nP {
		i := m.warm + p
		start := time.Duration(i) * m.iv
		w := (nQ + 1) * nT
		res.Intervals[p] = period(a.periods[p*(nQ+1):(p+1)*(nQ+1)], a.levels[p*w:(p+1)*w], m.start.Add(start), min(m.iv, m.horizon-start))
	}
	res.Summary = period(a.summary, a.sumLevels, res.Start, m.horizon-time.Duration(m.warm)*m.iv)
	for _, q := range res.Summary.Queues {
		met := 1.0
		if q.MetGoal.Defined() {
			met = q.MetGoal.Mean
		}
		res.MetGoal = append(res.MetGoal, met)
	}
	if m.tk != nil {
		res.Tickets = a.tickets.result(m, t, res)
	}
	return res
}
