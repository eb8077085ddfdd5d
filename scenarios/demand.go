package scenarios

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/forecast/staffing"
	"github.com/staffsim/staffsim/sim"
)

// demand is a queue's arrivals as the simulator takes them, with the
// expected number of arrivals in any span (for the Erlang requirements).
type demand struct {
	arrivals sim.Arrivals
}

// expected returns the expected arrivals in [from, to) (offsets from the
// scenario start), scale included.
func (d demand) expected(from, to time.Duration) float64 {
	a := d.arrivals
	scale := a.Scale
	if scale == 0 {
		scale = 1
	}
	switch {
	case a.Counts != nil:
		var sum float64
		for i, c := range a.Counts {
			lo, hi := time.Duration(i)*a.Step, time.Duration(i+1)*a.Step
			if ov := min(hi, to) - max(lo, from); ov > 0 {
				sum += c * float64(ov) / float64(a.Step)
			}
		}
		return sum * scale
	case a.Times != nil:
		lo := sort.Search(len(a.Times), func(i int) bool { return a.Times[i] >= from })
		hi := sort.Search(len(a.Times), func(i int) bool { return a.Times[i] >= to })
		return float64(hi-lo) * scale
	}
	return a.PerHour * (to - from).Hours() * scale
}

// meanAHT returns the mean handle time of the contacts expected in
// [from, to): the arrivals-weighted mean of the per-interval handle times
// (Arrivals.AHT), mean where an interval has none; mean when no contact
// is expected.
func (d demand) meanAHT(from, to time.Duration, mean time.Duration) time.Duration {
	a := d.arrivals
	if a.AHT == nil {
		return mean
	}
	var n, work float64
	for i, c := range a.Counts {
		lo, hi := time.Duration(i)*a.Step, time.Duration(i+1)*a.Step
		if ov := min(hi, to) - max(lo, from); ov > 0 {
			x := c * float64(ov) / float64(a.Step)
			aht := mean
			if a.AHT[i] > 0 {
				aht = a.AHT[i]
			}
			n += x
			work += x * float64(aht)
		}
	}
	if n == 0 {
		return mean
	}
	return time.Duration(work / n)
}

// loadDemand turns a queue's arrivals into the simulator's: a constant
// rate, a forecast's expected arrivals per interval (a non-homogeneous
// Poisson process) or a history's creation times (a replay). Files are
// read through packages forecast and forecast/history.
func (s *Scenario) loadDemand(qi int) (demand, error) {
	q := &s.Queues[qi]
	return s.arrivalsDemand(q.Arrivals, fmt.Sprintf("queues[%d] %q: arrivals", qi, q.Name))
}

// arrivalsDemand turns arrivals (a queue's or a ticket priority's) into
// the simulator's; at is their key path, for errors.
func (s *Scenario) arrivalsDemand(a Arrivals, at string) (demand, error) {
	if a.Volume() == 0 {
		// scale: 0 is a what-if of no contacts (the simulator reads a
		// Scale of 0 as 1): no arrivals, whatever their source.
		return demand{}, nil
	}
	out := sim.Arrivals{PerHour: a.Rate, Scale: a.Volume()}
	where := func(key, file string) string {
		return fmt.Sprintf("%s.%s: %s", at, key, file)
	}
	switch {
	case a.Forecast != "" || a.Series != nil:
		series := a.Series
		if series == nil {
			var err error
			path := s.Path(a.Forecast)
			series, _, err = forecast.LoadSeriesFile(path, history.Options{Shape: history.ShapeVolumes, Location: s.Location, Strict: true}, 0)
			if err != nil {
				return demand{}, s.errorf(where("forecast", a.Forecast), "write it as staffsim forecast does (interval_start,arrivals,lower,upper,aht_seconds)", "%v", err)
			}
		}
		// The forecast may end within the scenario's last day (a roster of
		// the hours a requirement covers): the rest of that day has no
		// contacts. A whole day short is a mistake in the dates.
		off := s.Start.Sub(series.Start)
		if off < 0 || off%series.Interval != 0 || !series.End().After(s.Start.AddDate(0, 0, s.Days-1)) {
			return demand{}, s.errorf(where("forecast", a.Forecast), "make the forecast cover the scenario, or move start and days inside it",
				"the forecast covers %s to %s (%s intervals); the scenario runs %s to %s",
				series.Start.Format(time.RFC3339), series.End().Format(time.RFC3339), fmtDuration(series.Interval), s.Start.Format(time.RFC3339), s.End().Format(time.RFC3339))
		}
		first := int(off / series.Interval)
		n := int((s.Horizon() + series.Interval - 1) / series.Interval)
		out.PerHour = 0
		out.Counts = make([]float64, n)
		copy(out.Counts, series.Arrivals[first:])
		out.Step = series.Interval
		if !a.FlatAHT {
			out.AHT = intervalAHT(series, first, n)
		}
	case a.Trace != nil:
		times, handles, patience := a.Trace.replay(s.Start, s.Horizon(), a.OwnHandleTimes, a.OwnPatience)
		if len(times) == 0 {
			return demand{}, s.errorf(where("history", a.History), "set start and days inside the trace's dates to replay it", "no contact arrives between %s and %s",
				s.Start.Format(time.RFC3339), s.End().Format(time.RFC3339))
		}
		sortReplay(times, handles, patience)
		out.PerHour = 0
		out.Times, out.Handle, out.Patience = times, handles, patience
	case a.History != "":
		path := s.Path(a.History)
		var times, handles, patience []time.Duration
		var first, last time.Time
		var badPatience error
		hopt := history.Options{Shape: history.ShapeTickets, Location: s.Location, Columns: a.Columns, Future: true}
		if a.OwnPatience {
			hopt.Extra = []string{PatienceColumn}
		}
		rep, err := history.ReadFile(path, hopt, sinkFunc(func(t *history.Ticket) {
			if first.IsZero() || t.Created.Before(first) {
				first = t.Created
			}
			if t.Created.After(last) {
				last = t.Created
			}
			if d := t.Created.Sub(s.Start); d >= 0 && d < s.Horizon() {
				times = append(times, d)
				if a.OwnHandleTimes {
					var h time.Duration // 0: drawn from handle_time
					if t.HasHandle {
						h = time.Duration(t.HandleSeconds * float64(time.Second))
					}
					handles = append(handles, h)
				}
				if a.OwnPatience {
					var p time.Duration // 0: drawn from patience
					if v := t.Extra[0]; v != "" {
						x, err := strconv.ParseFloat(v, 64)
						if err != nil || !(x > 0) || x > maxPatienceSeconds {
							if badPatience == nil {
								badPatience = fmt.Errorf("the contact created at %s has %s %q: want seconds, a number above 0, or an empty cell", t.Created.Format(time.RFC3339), PatienceColumn, v)
							}
						} else {
							p = time.Duration(x * float64(time.Second))
						}
					}
					patience = append(patience, p)
				}
			}
		}))
		if err == nil {
			err = badPatience
		}
		if err != nil {
			return demand{}, s.errorf(where("history", a.History), "a history has one row per ticket with its creation time", "%v", err)
		}
		_ = rep
		if len(times) == 0 {
			return demand{}, s.errorf(where("history", a.History), "set start and days inside the history's dates to replay it",
				"no ticket was created between %s and %s (the history runs %s to %s)",
				s.Start.Format(time.RFC3339), s.End().Format(time.RFC3339), first.Format(time.RFC3339), last.Format(time.RFC3339))
		}
		sortReplay(times, handles, patience)
		out.PerHour = 0
		out.Times, out.Handle, out.Patience = times, handles, patience
	}
	return demand{arrivals: out}, nil
}

// intervalAHT returns the mean handle time of the n intervals of series
// from first (AHT), 0 where it has none; nil when it has none at all.
func intervalAHT(series *forecast.Series, first, n int) []time.Duration {
	if !series.HasAHT() {
		return nil
	}
	var out []time.Duration
	for i := range n {
		if j := first + i; j < series.Len() {
			if aht, ok := series.AHT(j); ok && aht > 0 {
				if out == nil {
					out = make([]time.Duration, n)
				}
				out[i] = time.Duration(aht * float64(time.Second)).Round(time.Millisecond)
			}
		}
	}
	return out
}

// sinkFunc collects tickets; volume rows are not arrivals to replay.
type sinkFunc func(*history.Ticket)

func (f sinkFunc) Ticket(t *history.Ticket) { f(t) }
func (sinkFunc) Volume(*history.Volume)     {}

// errorf returns a scenario error that names the key (no line: it comes
// after parsing, from a file the scenario names).
func (s *Scenario) errorf(key, hint, format string, args ...any) error {
	e := fileError(s.File, hint, format, args...)
	e.Key = key
	return e
}

// SimConfig returns the simulator configuration of the scenario, reading
// the forecast and history files it names.
func (s *Scenario) SimConfig() (sim.Config, error) {
	cfg, _, err := s.simConfig()
	return cfg, err
}

func (s *Scenario) simConfig() (sim.Config, []demand, error) {
	cfg := sim.Config{
		Start:        s.Start,
		Horizon:      s.Horizon(),
		Interval:     s.Interval,
		Warmup:       s.Warmup,
		Shrinkage:    s.Roster.Shrinkage,
		Seed:         s.Seed,
		Replications: s.Replications,
	}
	demands := make([]demand, len(s.Queues))
	for i, q := range s.Queues {
		d, err := s.loadDemand(i)
		if err != nil {
			return sim.Config{}, nil, err
		}
		demands[i] = d
		sq := sim.Queue{
			Name: q.Name, Priority: q.Priority, Arrivals: d.arrivals,
			HandleTime: q.HandleTime.sim(), SLATarget: q.SLA.Target, Targets: q.MoreTargets, SLAGoal: q.SLA.Goal,
			InitialBacklog: q.InitialBacklog, OverflowAfter: q.OverflowAfter,
		}
		if q.Patience != nil {
			sq.Patience = q.Patience.sim()
		}
		if q.WrapUp != nil {
			sq.WrapUp = q.WrapUp.sim()
		}
		if q.PickUp != nil {
			sq.PickUp = q.PickUp.sim()
		}
		cfg.Queues = append(cfg.Queues, sq)
	}
	if s.Tickets != nil {
		tk, err := s.simTickets()
		if err != nil {
			return sim.Config{}, nil, err
		}
		cfg.Tickets = tk
	}
	cfg.Shifts = s.Roster.SimShifts()
	if s.Roster.Staffing != "" || s.Roster.Curves != nil {
		curves, err := s.staffingShifts()
		if err != nil {
			return sim.Config{}, nil, err
		}
		for i := range curves {
			curves[i].NotReady, curves[i].NotReadySpell = s.Roster.notReadyOf(nil)
		}
		cfg.Shifts = append(cfg.Shifts, curves...)
	}
	if err := cfg.Validate(); err != nil {
		var fe *sim.FieldError
		if errors.As(err, &fe) {
			return sim.Config{}, nil, fileError(s.File, "", "%v", err)
		}
		return sim.Config{}, nil, fmt.Errorf("scenario %q: %w", s.File, err)
	}
	return cfg, demands, nil
}

// sim returns the simulator's form of the distribution.
func (d Distribution) sim() sim.Dist {
	switch d.Kind {
	case LogNormal:
		return sim.LogNormal(d.Mean, d.CV)
	case Gamma:
		return sim.Gamma(d.Mean, d.CV)
	case Fixed:
		return sim.Fixed(d.Mean)
	case Empirical:
		return sim.Empirical(d.Values)
	}
	return sim.Exponential(d.Mean)
}

// staffingShifts reads the roster's staffing curve file and returns its
// agents per interval as shifts (sim.CurveShifts): one curve per queue
// column value, serving that queue, or one serving every queue.
func (s *Scenario) staffingShifts() ([]sim.Shift, error) {
	file := s.Roster.Staffing
	curves := s.Roster.Curves
	if curves == nil {
		var err error
		curves, err = staffing.ReadFile(s.Path(file), s.Location)
		if err != nil {
			return nil, s.errorf("roster.staffing: "+file, "write interval_start,agents[,queue], one row per interval (staffsim inspect --calls --format csv writes one from a call log)", "%v", err)
		}
	}
	var out []sim.Shift
	for _, c := range curves {
		var skills []string
		name := "staffing"
		if c.Queue != "" {
			if s.Queue(c.Queue) == nil {
				return nil, s.errorf("roster.staffing: "+file, "name a queue of the scenario in the queue column", "queue %q is not in the scenario", c.Queue)
			}
			skills, name = []string{c.Queue}, "staffing "+c.Queue
		}
		sh, err := sim.CurveShifts(name, c.Start, c.Interval, c.Agents, skills)
		if err != nil {
			return nil, s.errorf("roster.staffing: "+file, "", "%v", err)
		}
		out = append(out, sh...)
	}
	return out, nil
}

// maxPatienceSeconds bounds a contact's own patience (a week): a larger
// value is a unit mistake.
const maxPatienceSeconds = 7 * 24 * 3600

// sortReplay sorts replayed arrival times, with their handle times and
// patience when there are any (same length), keeping each set together.
func sortReplay(times, handles, patience []time.Duration) {
	idx := make([]int, len(times))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return times[idx[i]] < times[idx[j]] })
	t := make([]time.Duration, len(times))
	for k, i := range idx {
		t[k] = times[i]
	}
	copy(times, t)
	for _, xs := range [][]time.Duration{handles, patience} {
		if len(xs) == len(times) {
			for k, i := range idx {
				t[k] = xs[i]
			}
			copy(xs, t)
		}
	}
}
