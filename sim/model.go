package sim

import (
	"cmp"
	"slices"
	"time"
)

// model is a validated Config compiled for simulation: read-only, shared by
// every worker of a run.
type model struct {
	start      time.Time
	horizon    time.Duration
	iv         time.Duration
	nIntervals int // intervals in [0, horizon), the last possibly partial
	warm       int // intervals dropped as warmup
	shrinkage  float64
	seed       uint64
	reps       int
	queues     []queueModel    // the phone queues (Config.Queues), then the ticket queues
	nPhone     int             // len(Config.Queues)
	targets    []time.Duration // union of the phone queues' SLA targets, sorted (Result.Targets)
	tk         *ticketModel    // nil without Config.Tickets
	groups     []groupModel
	shifts     []shiftModel
	occs       []occurrence
}

type queueModel struct {
	name         string
	key          uint64
	priority     int
	overflow     time.Duration // OverflowAfter (routing.go)
	target       time.Duration
	more         []time.Duration // Queue.Targets
	tidx         []int           // per union target: 0 SLATarget, j+1 more[j], -1 not measured
	goal         float64
	handle       sampler
	patience     sampler
	hasPatience  bool
	wrap, pickup sampler // after-contact work and pick-up delay
	hasWrap      bool
	hasPickup    bool
	backlog      int
	segs         []segment       // Poisson demand, nil for replay
	scaled       bool            // a segment's hscale is not 1 (Arrivals.AHT)
	replay       []time.Duration // sorted recorded arrivals in [0, horizon)
	replayHandle []time.Duration // the trace's handle time per replayed arrival (0: draw), or nil
	replayPat    []time.Duration // the trace's patience per replayed arrival (0: draw), or nil
	scale        float64         // replay multiplier
	groups       []int32         // agent groups that serve this queue
	// A ticket queue holds the work of one priority at one tier (ticket
	// true); its handle times are drawn per ticket (ticketModel).
	ticket      bool
	tprio, tier int32
}

// segment is a piece of constant arrival rate (per nanosecond) that ends at end.
type segment struct {
	end  time.Duration
	rate float64
	// hscale multiplies the handle times of the contacts arriving in the
	// segment (Arrivals.AHT); 1 without.
	hscale float64
}

// groupModel is a set of agents with identical skills.
type groupModel struct {
	queues  []int32 // served queues, by priority then position
	primary int32   // the queue of the shifts' first skill, -1 for none (routing.go)
}

type shiftModel struct {
	name   string
	key    uint64 // nameKey(name): absences follow the shift's name
	hard   bool   // HardEnd
	group  int32
	agents int
	breaks []Break
	// Not-ready time (notready.go): the share, the mean spell and the mean
	// ready period between spells, spell·(1 − share)/share.
	notReady     float64
	spell, ready time.Duration
}

// occurrence is one working of a shift: from start to end (relative to
// Config.Start; start may be negative for a night shift begun before time 0).
type occurrence struct {
	shift      int32
	start, end time.Duration
}

// compile turns a valid Config into a model.
func compileModel(cfg *Config) *model {
	m := &model{
		start:     cfg.Start,
		horizon:   cfg.Horizon,
		iv:        cfg.interval(),
		shrinkage: cfg.Shrinkage,
		seed:      cfg.Seed,
		reps:      cfg.replications(),
	}
	m.nIntervals = int((m.horizon + m.iv - 1) / m.iv)
	m.warm = int(cfg.Warmup / m.iv)
	index := map[string]int32{}
	for i, q := range cfg.Queues {
		index[q.Name] = int32(i)
		qm := queueModel{
			name:        q.Name,
			key:         nameKey(q.Name),
			priority:    q.Priority,
			target:      q.SLATarget,
			more:        q.Targets,
			goal:        q.SLAGoal,
			handle:      compile(q.HandleTime),
			patience:    compile(q.Patience),
			hasPatience: q.Patience.Kind != None,
			wrap:        compile(q.WrapUp),
			pickup:      compile(q.PickUp),
			hasWrap:     q.WrapUp.Kind != None,
			hasPickup:   q.PickUp.Kind != None,
			backlog:     q.InitialBacklog,
			overflow:    q.OverflowAfter,
		}
		qm.arrivals(&q.Arrivals, cfg.Start, m.horizon)
		qm.handleScales(&q.Arrivals, q.HandleTime.MeanDuration(), cfg.Start)
		m.queues = append(m.queues, qm)
	}
	m.nPhone = len(m.queues)
	m.compileTargets()
	tiers := map[string]int{}
	if cfg.Tickets != nil {
		m.tk = compileTickets(m, cfg)
		for t, name := range cfg.Tickets.Tiers {
			tiers[name] = t
		}
	}

	// Agent groups: one per distinct skill set (and primary queue, when a
	// queue has an overflow threshold).
	groupOf := map[string]int32{}
	reserved := map[int32]bool{} // queues some shift reserves agents for
	overflow := false
	for _, sh := range cfg.Shifts {
		for _, name := range sh.Reserved {
			if i, ok := index[name]; ok {
				reserved[i] = true
			}
		}
	}
	for _, q := range cfg.Queues {
		overflow = overflow || q.OverflowAfter > 0
	}
	for si := range cfg.Shifts {
		sh := &cfg.Shifts[si]
		var skills []int32
		names := sh.Skills
		if len(sh.Reserved) > 0 {
			names = sh.Reserved
		}
		if len(names) == 0 {
			for i := range m.queues {
				if !reserved[int32(i)] {
					skills = append(skills, int32(i))
				}
			}
		} else {
			for _, name := range names {
				if i, ok := index[name]; ok && !slices.Contains(skills, i) {
					skills = append(skills, i)
				}
				if t, ok := tiers[name]; ok {
					for _, p := range m.tk.prios {
						if i := p.queues[t]; !slices.Contains(skills, i) {
							skills = append(skills, i)
						}
					}
				}
			}
		}
		slices.SortFunc(skills, func(a, b int32) int {
			return cmp.Or(cmp.Compare(m.queues[a].priority, m.queues[b].priority), cmp.Compare(a, b))
		})
		primary := int32(-1)
		if overflow {
			primary = primaryOf(sh, index)
		}
		key := string(int32sKey(append(skills, primary)))
		g, ok := groupOf[key]
		if !ok {
			g = int32(len(m.groups))
			groupOf[key] = g
			m.groups = append(m.groups, groupModel{queues: skills, primary: primary})
			for _, q := range skills {
				m.queues[q].groups = append(m.queues[q].groups, g)
			}
		}
		smod := shiftModel{name: sh.Name, key: nameKey(sh.Name), hard: sh.HardEnd, group: g, agents: sh.Agents, breaks: sh.Breaks}
		if sh.NotReady > 0 {
			smod.notReady, smod.spell = sh.NotReady, sh.notReadySpell()
			// Capped so that a tiny share does not overflow a Duration.
			smod.ready = time.Duration(min(float64(smod.spell)*(1-sh.NotReady)/sh.NotReady, float64(maxHorizon)))
		}
		m.shifts = append(m.shifts, smod)
	}
	m.occs = expandRoster(cfg)
	return m
}

// arrivals compiles the demand a into qm: a sorted replay of the recorded
// times in [0, horizon), or Poisson segments of constant rate.
func (qm *queueModel) arrivals(a *Arrivals, start time.Time, horizon time.Duration) {
	s := a.scale()
	switch {
	case len(a.Times) > 0:
		idx := make([]int, 0, len(a.Times))
		for i, t := range a.Times {
			if t >= 0 && t < horizon {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(a.Times[x], a.Times[y]) })
		for _, i := range idx {
			qm.replay = append(qm.replay, a.Times[i])
			if len(a.Handle) > 0 {
				qm.replayHandle = append(qm.replayHandle, a.Handle[i])
			}
			if len(a.Patience) > 0 {
				qm.replayPat = append(qm.replayPat, a.Patience[i])
			}
		}
		qm.scale = s
	case len(a.Counts) > 0:
		off := a.countsOffset(start)
		for i, c := range a.Counts {
			end := time.Duration(i+1)*a.Step - off
			if end <= 0 {
				continue
			}
			qm.segs = append(qm.segs, segment{end: min(end, horizon), rate: c * s / float64(a.Step), hscale: 1})
			if end >= horizon {
				break
			}
		}
	case a.PerHour > 0:
		qm.segs = []segment{{end: horizon, rate: a.PerHour * s / float64(time.Hour), hscale: 1}}
	}
}

// handleScales sets each Poisson segment's handle-time multiplier from
// a.AHT: AHT[i] / mean for interval i of the counts (1 where AHT[i] is 0).
// It follows arrivals, which makes one segment per count from the first
// that ends after time 0.
func (qm *queueModel) handleScales(a *Arrivals, mean time.Duration, start time.Time) {
	if len(a.AHT) == 0 || len(a.Counts) == 0 || mean <= 0 {
		return
	}
	off := a.countsOffset(start)
	k := 0
	for i := range a.Counts {
		if time.Duration(i+1)*a.Step-off <= 0 {
			continue
		}
		if k >= len(qm.segs) {
			break
		}
		if i < len(a.AHT) && a.AHT[i] > 0 {
			qm.segs[k].hscale = float64(a.AHT[i]) / float64(mean)
			qm.scaled = true
		}
		k++
	}
}

func int32sKey(xs []int32) []byte {
	b := make([]byte, 0, 4*len(xs))
	for _, x := range xs {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return b
}

// expandRoster lists every occurrence of every shift that overlaps
// [0, Horizon), ordered by start time then shift position. Shift start
// times are wall-clock times in Start's location, so they follow daylight
// saving changes; lengths are elapsed time.
func expandRoster(cfg *Config) []occurrence {
	var occs []occurrence
	loc := cfg.Start.Location()
	y, mo, d := cfg.Start.Date()
	for si, sh := range cfg.Shifts {
		if sh.Always {
			occs = append(occs, occurrence{shift: int32(si), start: 0, end: cfg.Horizon})
			continue
		}
		// A shift is at most 7 days long, so occurrences that overlap the
		// horizon start at most 8 calendar days before Start.
		for day := -8; ; day++ {
			date := time.Date(y, mo, d+day, 0, 0, 0, 0, loc)
			if len(sh.Dates) > 0 && !onDates(sh.Dates, date) {
				if date.Sub(cfg.Start) >= cfg.Horizon {
					break
				}
				continue
			}
			h := int(sh.Start / time.Hour)
			mi := int(sh.Start % time.Hour / time.Minute)
			sec := int(sh.Start % time.Minute / time.Second)
			ns := int(sh.Start % time.Second)
			begin := time.Date(date.Year(), date.Month(), date.Day(), h, mi, sec, ns, loc)
			start := begin.Sub(cfg.Start)
			if start >= cfg.Horizon {
				break
			}
			end := start + sh.Length
			if end <= 0 || (len(sh.Days) > 0 && !slices.Contains(sh.Days, date.Weekday())) {
				continue
			}
			occs = append(occs, occurrence{shift: int32(si), start: start, end: end})
		}
	}
	slices.SortStableFunc(occs, func(a, b occurrence) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.shift, b.shift))
	})
	return occs
}

// onDates reports whether date (a local midnight) is one of dates, read
// as calendar days in date's location.
func onDates(dates []time.Time, date time.Time) bool {
	y, m, d := date.Date()
	for _, t := range dates {
		if ty, tm, td := t.In(date.Location()).Date(); ty == y && tm == m && td == d {
			return true
		}
	}
	return false
}
