package forecast

import (
	"fmt"
	"io"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
)

// DefaultInterval is the interval LoadSeries uses for tickets when none is
// given.
const DefaultInterval = 30 * time.Minute

// LoadSeries reads the history r (called name in messages; see
// history.Read) and aggregates it into a Series of
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
// (HandleSeconds += aht·arrivals, Handled += arrivals). A row with 0
// arrivals and an AHT keeps its AHT with the weight ahtOnlyWeight (a
// millionth of a contact), so AHT(i) of a quiet forecast interval is the
// AHT the file gives, while a coarser interval's AHT is still the
// arrivals-weighted mean of its rows with arrivals. The series runs
// from the first row's interval to the last's. interval 0 keeps the file's
// own spacing; a coarser interval (60m from 30m rows) sums rows, a finer
// one is refused, since it would have to invent how arrivals split.
//
// interval 0 means DefaultInterval for tickets. Errors are those of
// history.Read, and a *history.OptionError for an interval that is not a whole number of
// minutes dividing a day, that is finer than a volumes file, or that would
// make more than MaxSeriesIntervals intervals over the history's span.
func LoadSeries(name string, r io.Reader, opt history.Options, interval time.Duration) (*Series, *history.Report, error) {
	return LoadSeriesTo(name, r, opt, interval, nil)
}

// LoadSeriesTo is LoadSeries that also hands every ticket and volume to
// also (when not nil): a second measurement of the history in the same
// pass, such as the per-priority ticket analysis.
func LoadSeriesTo(name string, r io.Reader, opt history.Options, interval time.Duration, also history.Sink) (*Series, *history.Report, error) {
	if interval != 0 {
		if err := CheckInterval(interval); err != nil {
			return nil, nil, err
		}
	}
	rd, err := history.NewReader(name, r, opt)
	if err != nil {
		return nil, nil, err
	}
	rep := rd.Report()
	shape := rd.Shape()
	if shape == history.ShapeVolumes {
		own := rep.Interval
		switch {
		case interval == 0 && own == 0:
			interval = DefaultInterval
		case interval == 0:
			interval = own
		case own != 0 && interval < own:
			return nil, nil, &history.OptionError{Msg: fmt.Sprintf("%s: the file has %s intervals; an interval of %s is finer and would have to invent how arrivals split: use %s or a multiple of it",
				rep.File, quantity.FormatDuration(own), quantity.FormatDuration(interval), quantity.FormatDuration(own))}
		case own != 0 && interval%own != 0:
			return nil, nil, &history.OptionError{Msg: fmt.Sprintf("%s: the file has %s intervals; %s is not a multiple of it", rep.File, quantity.FormatDuration(own), quantity.FormatDuration(interval))}
		}
	} else if interval == 0 {
		interval = DefaultInterval
	}
	if err := CheckInterval(interval); err != nil {
		// A volumes file's own spacing (7m rows) that does not fit a day.
		return nil, nil, &history.OptionError{Msg: fmt.Sprintf("%s: %v", rep.File, err)}
	}
	b := newSeriesBuilder(rd.Location(), interval, shape == history.ShapeTickets)
	_, handle := rep.Columns[history.FieldHandleSeconds]
	_, aht := rep.Columns[history.FieldAHTSeconds]
	b.hasAHT = (shape == history.ShapeTickets && handle) || (shape == history.ShapeVolumes && aht)
	var sink history.Sink = b
	if also != nil {
		sink = history.Tee(b, also)
	}
	if rep, err = rd.Read(sink); err != nil {
		return nil, nil, err
	}
	if b.tooMany {
		return nil, nil, &history.OptionError{Msg: fmt.Sprintf("%s: the history runs from %s to %s, which at %s intervals would be more than %d intervals: use a coarser interval, or look for a stray row with a wrong year (staffsim inspect lists the range)",
			rep.File, rep.First.Format(time.RFC3339), rep.Last.Format(time.RFC3339), quantity.FormatDuration(interval), MaxSeriesIntervals)}
	}
	return b.series(), rep, nil
}

// LoadSeriesFile is LoadSeries of the history file at path.
func LoadSeriesFile(path string, opt history.Options, interval time.Duration) (*Series, *history.Report, error) {
	f, err := history.OpenFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return LoadSeries(path, f, opt, interval)
}

// MaxSeriesIntervals bounds the length of a series LoadSeries builds
// (three float64 per interval: 96 MB): 4·10⁶ intervals are 7.6 years of
// 1-minute intervals or 228 years of 30-minute ones.
const MaxSeriesIntervals = 4_000_000

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
	tooMany    bool // a record lay more than MaxSeriesIntervals from the others: it was dropped
	lo         int  // bin index (relative to anchor) of arr[0]
	arr, hs, n []float64
	min, max   int // bin indexes with data
}

func newSeriesBuilder(loc *time.Location, interval time.Duration, wholeDays bool) *seriesBuilder {
	return &seriesBuilder{loc: loc, interval: interval, wholeDays: wholeDays}
}

func (b *seriesBuilder) Ticket(t *history.Ticket) {
	h, n := 0.0, 0.0
	if t.HasHandle {
		h, n = t.HandleSeconds, 1
	}
	b.add(t.Created, 1, h, n)
}

// ahtOnlyWeight is the handled count a volumes row with 0 arrivals and an
// AHT contributes: small enough to change no arrivals-weighted mean by a
// visible amount, non-zero so that Series.AHT is defined for the interval.
const ahtOnlyWeight = 1e-6

func (b *seriesBuilder) Volume(v *history.Volume) {
	h, n := 0.0, 0.0
	if v.HasAHT {
		w := v.Arrivals
		if w == 0 {
			w = ahtOnlyWeight
		}
		h, n = v.AHTSeconds*w, w
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
	if max(b.max, i)-min(b.min, i) >= MaxSeriesIntervals-2*b.perDay() {
		b.tooMany = true // leave room for whole days; LoadSeries refuses the series
		return
	}
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
		size := b.perDay()
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

// perDay is the number of intervals in a 24-hour day.
func (b *seriesBuilder) perDay() int { return int(24 * time.Hour / b.interval) }

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
