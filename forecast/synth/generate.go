package synth

import (
	"context"
	"github.com/staffsim/staffsim/forecast"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

// streamID is the second PCG seed word: the generator's stream for a seed.
const streamID = 0x73746166_6673696d // "staffsim"

// Generate produces the tickets of the history in creation order and calls
// emit for each; it stops at the first error emit returns and returns it.
// Memory is flat whatever the number of tickets. Generate checks ctx once a
// simulated day and returns ctx.Err() when it is cancelled.
//
// The same Config always produces the same tickets on the same platform:
// all randomness comes from one PCG stream seeded from Config.Seed.
func Generate(ctx context.Context, cfg Config, emit func(Ticket) error) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	g := newGenerator(cfg)
	for d := range cfg.Days {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := g.day(d, emit); err != nil {
			return err
		}
	}
	return nil
}

type generator struct {
	cfg     Config
	loc     *time.Location
	first   forecast.Date
	end     time.Time
	hours   *hours
	rng     *rand.Rand
	poisson distuv.Poisson
	noiseMu float64 // log-normal day noise parameters
	noiseSd float64
	next    int     // number of the next ticket
	offsets []int64 // arrival offsets within a slot, reused
	id      []byte
}

func newGenerator(cfg Config) *generator {
	src := rand.NewPCG(cfg.Seed, streamID)
	g := &generator{
		cfg:     cfg,
		loc:     cfg.location(),
		first:   forecast.DateOf(cfg.Start),
		end:     cfg.End(),
		hours:   newHours(cfg.location(), cfg.Calendar(), forecast.DateOf(cfg.Start)),
		rng:     rand.New(src),
		poisson: distuv.Poisson{Src: src},
		next:    1,
	}
	if cfg.DayNoise > 0 {
		g.noiseSd = math.Sqrt(math.Log1p(cfg.DayNoise * cfg.DayNoise))
		g.noiseMu = -g.noiseSd * g.noiseSd / 2
	}
	return g
}

// dayVolume returns the expected volume of day d (0-based) and its weekday
// factor, before day noise:
//
//	V·W(weekday)·(1 + trend)^(d/365)·H(date)
func (g *generator) dayVolume(d int, date forecast.Date) (vol, w float64) {
	w = weekdayFactor[weekday(date)]
	vol = g.cfg.DailyVolume * w * math.Pow(1+g.cfg.Trend, float64(d)/365)
	if g.hours.cal.Holiday(date) {
		vol *= holidayFactor
	}
	return vol, w
}

// day generates the tickets of day d.
func (g *generator) day(d int, emit func(Ticket) error) error {
	date := addDays(g.first, d)
	start := time.Date(date.Year, date.Month, date.Day, 0, 0, 0, 0, g.loc)
	next := time.Date(date.Year, date.Month, date.Day+1, 0, 0, 0, 0, g.loc)
	vol, w := g.dayVolume(d, date)
	if g.noiseSd > 0 {
		vol *= math.Exp(g.noiseMu + g.noiseSd*g.rng.NormFloat64())
	}
	business := g.hours.businessDay(date)
	for t := start; t.Before(next); t = t.Add(SlotLength) {
		length := min(SlotLength, next.Sub(t))
		s := slotOf(t)
		g.poisson.Lambda = vol * slotShare[s] * float64(length) / float64(SlotLength)
		n := int(g.poisson.Rand())
		if n == 0 {
			continue
		}
		secs := max(1, int64(length/time.Second))
		g.offsets = g.offsets[:0]
		for range n {
			g.offsets = append(g.offsets, g.rng.Int64N(secs))
		}
		slices.Sort(g.offsets)
		inHours := business && inBusinessHours(s)
		load := loadFactor(w, s)
		for _, off := range g.offsets {
			tk := g.ticket(t.Add(time.Duration(off)*time.Second), inHours, load)
			if err := emit(tk); err != nil {
				return err
			}
		}
	}
	return nil
}

// pick returns the index drawn from the discrete distribution p (which
// sums to 1) with the uniform variate u.
func pick(p []float64, u float64) int {
	for i, pi := range p[:len(p)-1] {
		if u < pi {
			return i
		}
		u -= pi
	}
	return len(p) - 1
}

// lognormal returns a log-normal variate with the given mean and
// coefficient of variation: exp(μ + σZ) with σ² = ln(1 + cv²) and
// μ = ln(mean) − σ²/2.
func (g *generator) lognormal(mean, cv float64) float64 {
	s2 := math.Log1p(cv * cv)
	return mean * math.Exp(math.Sqrt(s2)*g.rng.NormFloat64()-s2/2)
}

// exponential returns an exponential duration of the given mean, in whole
// seconds.
func (g *generator) exponential(mean time.Duration) time.Duration {
	return seconds(g.rng.ExpFloat64() * mean.Seconds())
}

// seconds rounds a number of seconds to a whole-second duration.
func seconds(s float64) time.Duration { return time.Duration(math.Round(s)) * time.Second }

// ticket draws the attributes of a ticket created at created.
func (g *generator) ticket(created time.Time, inHours bool, load float64) Ticket {
	hoursRow := 1
	if inHours {
		hoursRow = 0
	}
	p := pick(priorityShare[:], g.rng.Float64())
	ch := pick(channelShare[hoursRow][:], g.rng.Float64())
	cat := pick(categoryShare[:], g.rng.Float64())
	handle := math.Max(1, math.Round(g.lognormal(handleMean[p][ch]*categoryFactor[cat], handleCV[ch])))

	var first time.Time
	switch {
	case ch == phone:
		first = created.Add(g.exponential(time.Duration(float64(phoneWait) * load)))
	case p == 0:
		first = created.Add(g.exponential(p1Response[hoursRow]))
	default:
		first = g.hours.add(created, min(maxBusinessDelay, g.exponential(time.Duration(float64(responseMean[p])*load))))
	}
	// Two draws for every ticket keep the stream aligned whatever the branch.
	u, z := g.rng.Float64(), g.rng.NormFloat64()
	done := first.Add(time.Duration(handle) * time.Second)
	if !(ch == phone && u < firstContactResolution[p]) {
		s2 := math.Log1p(resolveCV * resolveCV)
		delay := seconds(resolveMean[p].Seconds() * math.Exp(math.Sqrt(s2)*z-s2/2))
		if p == 0 {
			done = done.Add(delay)
		} else {
			done = g.hours.add(done, min(maxBusinessDelay, delay))
		}
	}
	tk := Ticket{
		ID:              g.nextID(),
		CreatedAt:       created,
		Priority:        priorities[p],
		Channel:         channels[ch],
		Category:        categories[cat],
		HandleSeconds:   handle,
		FirstResponseAt: first,
		ResolvedAt:      done,
	}
	if !first.Before(g.end) {
		tk.FirstResponseAt = time.Time{}
	}
	if !done.Before(g.end) {
		tk.ResolvedAt = time.Time{}
	}
	return tk
}

// nextID returns the next ticket number, INC0000001 onwards.
func (g *generator) nextID() string {
	g.id = append(g.id[:0], "INC"...)
	n := g.next
	g.next++
	for w := 1000000; w > 1 && n < w; w /= 10 {
		g.id = append(g.id, '0')
	}
	g.id = strconv.AppendInt(g.id, int64(n), 10)
	return string(g.id)
}
