package forecast

import (
	"fmt"
	"time"
)

// DefaultInterval is the interval LoadSeries uses for tickets when none is
// given.
const DefaultInterval = 30 * time.Minute

// LoadSeries reads the history at path and aggregates it into a Series of
// the given interval in the desk's time zone (opt.Location).
//
// Tickets count as arrivals in the interval of their creation; their
// handle times, where known, sum into HandleSeconds and Handled. The
// series covers whole local days, from the midnight of the first ticket's
// day to the midnight after the last's, so days without tickets inside
// the range are zeros.
//
// Volumes (including forecast.csv) keep their rows: arrivals sum into the
// interval containing the row's start, and AHT is weighted by arrivals
// (HandleSeconds += aht·arrivals, Handled += arrivals), so an interval
// whose arrivals are 0 has no AHT (it needs no agents). The series runs
// from the first row's interval to the last's. interval 0 keeps the file's
// own spacing; a coarser interval (60m from 30m rows) sums rows, a finer
// one is refused, since it would have to invent how arrivals split.
//
// interval 0 means DefaultInterval for tickets. Errors are those of Read,
// and an *OptionError for an interval that does not divide a day or is
// finer than a volumes file.
func LoadSeries(path string, opt ReadOptions, interval time.Duration) (*Series, *Report, error) {
	rd, err := newReader(path, opt)
	if err != nil {
		return nil, nil, err
	}
	if rd.shape == ShapeVolumes {
		own := rd.rep.Interval
		switch {
		case interval == 0 && own == 0:
			interval = DefaultInterval
		case interval == 0:
			interval = own
		case own != 0 && interval < own:
			return nil, nil, &OptionError{fmt.Sprintf("%s: the file has %v intervals; an interval of %v is finer and would have to invent how arrivals split: use %v or a multiple of it", rd.rep.File, own, interval, own)}
		case own != 0 && interval%own != 0:
			return nil, nil, &OptionError{fmt.Sprintf("%s: the file has %v intervals; %v is not a multiple of it", rd.rep.File, own, interval)}
		}
	} else if interval == 0 {
		interval = DefaultInterval
	}
	if interval <= 0 || (24*time.Hour)%interval != 0 {
		return nil, nil, &OptionError{fmt.Sprintf("interval %v must be positive and divide 24h (15m, 30m and 60m do)", interval)}
	}
	b := newSeriesBuilder(rd.loc, interval, rd.shape == ShapeTickets)
	b.hasAHT = (rd.shape == ShapeTickets && rd.handle != nil) || (rd.shape == ShapeVolumes && rd.aht != nil)
	if err := rd.run(b); err != nil {
		return nil, nil, err
	}
	return b.series(), rd.rep, nil
}

// seriesBuilder aggregates tickets or volumes into interval bins as they
// stream by, in any order. Memory is proportional to the time span of the
// history, not to its number of rows.
type seriesBuilder struct {
	loc       *time.Location
	interval  time.Duration
	wholeDays bool
	hasAHT    bool

	anchor     time.Time // the grid origin: the local midnight of the first record's day
	set        bool
	lo         int // bin index (relative to anchor) of arr[0]
	arr, hs, n []float64
	min, max   int // bin indexes with data
}

func newSeriesBuilder(loc *time.Location, interval time.Duration, wholeDays bool) *seriesBuilder {
	return &seriesBuilder{loc: loc, interval: interval, wholeDays: wholeDays}
}

func (b *seriesBuilder) Ticket(t *Ticket) {
	h, n := 0.0, 0.0
	if t.HasHandle {
		h, n = t.HandleSeconds, 1
	}
	b.add(t.Created, 1, h, n)
}

func (b *seriesBuilder) Volume(v *Volume) {
	h, n := 0.0, 0.0
	if v.HasAHT {
		h, n = v.AHTSeconds*v.Arrivals, v.Arrivals
	}
	b.add(v.Start, v.Arrivals, h, n)
}

func midnight(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// bin returns the index of the interval containing t, relative to anchor.
func (b *seriesBuilder) bin(t time.Time) int {
	d := t.Sub(b.anchor)
	i := d / b.interval
	if d < 0 && d%b.interval != 0 {
		i--
	}
	return int(i)
}

func (b *seriesBuilder) add(t time.Time, arrivals, handle, handled float64) {
	if !b.set {
		b.anchor, b.set = midnight(t, b.loc), true
		b.lo = 0
		i := b.bin(t)
		b.min, b.max = i, i
	}
	i := b.bin(t)
	b.grow(i)
	k := i - b.lo
	b.arr[k] += arrivals
	b.hs[k] += handle
	b.n[k] += handled
	b.min, b.max = min(b.min, i), max(b.max, i)
}

// grow makes room for bin i, doubling the headroom on the side it lies,
// so unsorted input costs amortised O(1) per record.
func (b *seriesBuilder) grow(i int) {
	if len(b.arr) == 0 {
		size := int(24 * time.Hour / b.interval)
		b.lo = i - i%size
		if i < 0 && i%size != 0 {
			b.lo -= size
		}
		b.arr, b.hs, b.n = make([]float64, size), make([]float64, size), make([]float64, size)
	}
	if i < b.lo {
		extra := max(b.lo-i, len(b.arr))
		b.arr = append(make([]float64, extra), b.arr...)
		b.hs = append(make([]float64, extra), b.hs...)
		b.n = append(make([]float64, extra), b.n...)
		b.lo -= extra
	}
	if k := i - b.lo; k >= len(b.arr) {
		extra := max(k-len(b.arr)+1, len(b.arr))
		b.arr = append(b.arr, make([]float64, extra)...)
		b.hs = append(b.hs, make([]float64, extra)...)
		b.n = append(b.n, make([]float64, extra)...)
	}
}

// series returns the aggregated series (nil when nothing was added).
func (b *seriesBuilder) series() *Series {
	if !b.set {
		return nil
	}
	from, to := b.min, b.max+1
	if b.wholeDays {
		first := midnight(b.anchor.Add(time.Duration(b.min)*b.interval), b.loc)
		last := midnight(b.anchor.Add(time.Duration(b.max)*b.interval), b.loc).AddDate(0, 0, 1)
		from, to = b.bin(first), b.bin(last)
		b.grow(from)
		b.grow(to - 1)
	}
	s := &Series{Start: b.anchor.Add(time.Duration(from) * b.interval).In(b.loc), Interval: b.interval}
	s.Arrivals = append([]float64(nil), b.arr[from-b.lo:to-b.lo]...)
	if b.hasAHT {
		s.HandleSeconds = append([]float64(nil), b.hs[from-b.lo:to-b.lo]...)
		s.Handled = append([]float64(nil), b.n[from-b.lo:to-b.lo]...)
	}
	return s
}
