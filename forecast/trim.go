package forecast

import (
	"fmt"
	"sort"
	"time"
)

// PartialShare is the share of a day's contacts that, on the same weekday
// of earlier weeks, arrive after the history's last contact (or before its
// first) above which TrimPartialDays takes the day to be cut short by the
// export rather than quiet.
const PartialShare = 0.05

// QuietDays is the length of a run of days without a single contact after
// which RecentRegime forgets the history before it: a desk closed or not
// yet exporting, not a desk with no demand.
const QuietDays = 14

// day is one local day of a series: intervals [from, to).
type day struct {
	from, to int
	date     Date
}

// days splits s into its local days (a DST day has 23 or 25 hours of
// intervals).
func (s *Series) days() []day {
	var out []day
	for i := range s.Len() {
		d := DateOf(s.Time(i))
		if len(out) == 0 || out[len(out)-1].date != d {
			out = append(out, day{from: i, to: i, date: d})
		}
		out[len(out)-1].to = i + 1
	}
	return out
}

// sum returns the arrivals of intervals [from, to).
func (s *Series) sum(from, to int) float64 {
	var t float64
	for _, a := range s.Arrivals[from:to] {
		t += a
	}
	return t
}

// slice returns the intervals [from, to) of s as a series.
func (s *Series) slice(from, to int) *Series {
	out := &Series{Start: s.Time(from), Interval: s.Interval, Arrivals: s.Arrivals[from:to]}
	if s.HandleSeconds != nil {
		out.HandleSeconds, out.Handled = s.HandleSeconds[from:to], s.Handled[from:to]
	}
	return out
}

// TrimPartialDays returns s without a first or last day that the history
// covers only in part, with a note for each day left out. A history read
// from tickets covers whole local days, so an export cut at 09:19 leaves a
// last day whose contacts stop at 09:19 and that would be forecast as a
// quiet day. The last day is partial when, on the same weekday of up to
// four earlier weeks (every other day when there is none), more than
// PartialShare of the day's contacts arrived at or after the wall-clock
// time of its last contact's interval end; the first day likewise before
// its first contact. A desk that closes at 18:00 has no contacts after its
// last one on any day, so its last day stays.
func TrimPartialDays(s *Series) (*Series, []string) {
	ds := s.days()
	if len(ds) < 3 {
		return s, nil
	}
	var notes []string
	first, last := 0, len(ds)
	// offset returns the wall-clock time of day of interval i.
	offset := func(i int) time.Duration {
		h, m, sec := s.Time(i).Clock()
		return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	}
	// share returns the mean share of the comparison days' contacts in
	// [from, to) of the day (wall clock), over the days with contacts.
	share := func(k int, from, to time.Duration) (float64, bool) {
		var cmp []day
		for w := 1; w <= 4; w++ {
			if j := k - 7*w; j >= 0 && j < len(ds) {
				cmp = append(cmp, ds[j])
			}
			if j := k + 7*w; j >= 0 && j < len(ds) && len(cmp) < 4 {
				cmp = append(cmp, ds[j])
			}
		}
		if len(cmp) == 0 {
			for j, d := range ds {
				if j != k {
					cmp = append(cmp, d)
				}
			}
		}
		var sum float64
		n := 0
		for _, d := range cmp {
			total := s.sum(d.from, d.to)
			if total <= 0 {
				continue
			}
			var part float64
			for i := d.from; i < d.to; i++ {
				if o := offset(i); o >= from && o < to {
					part += s.Arrivals[i]
				}
			}
			sum += part / total
			n++
		}
		if n == 0 {
			return 0, false
		}
		return sum / float64(n), true
	}
	if d := ds[len(ds)-1]; s.sum(d.from, d.to) > 0 {
		end := d.to
		for end > d.from && s.Arrivals[end-1] == 0 {
			end--
		}
		if end < d.to {
			if sh, ok := share(len(ds)-1, offset(end), 24*time.Hour); ok && sh > PartialShare {
				last--
				notes = append(notes, fmt.Sprintf("the history ends at %s on %s, when %.0f%% of that weekday's contacts usually arrive later: the day is left out as partial",
					s.Time(end).Format("15:04"), s.Time(d.from).Format("Mon 2006-01-02"), 100*sh))
			}
		}
	}
	if d := ds[0]; s.sum(d.from, d.to) > 0 {
		start := d.from
		for start < d.to && s.Arrivals[start] == 0 {
			start++
		}
		if start > d.from {
			if sh, ok := share(0, 0, offset(start)); ok && sh > PartialShare {
				first++
				notes = append(notes, fmt.Sprintf("the history starts at %s on %s, when %.0f%% of that weekday's contacts usually arrive earlier: the day is left out as partial",
					s.Time(start).Format("15:04"), s.Time(d.from).Format("Mon 2006-01-02"), 100*sh))
			}
		}
	}
	if first == 0 && last == len(ds) {
		return s, nil
	}
	return s.slice(ds[first].from, ds[last-1].to), notes
}

// RecentRegime returns the part of s after its last run of at least
// QuietDays days without a contact, with a note, or s itself when it has
// no such run (or nothing after it). A sparse export — a desk that began
// exporting recently, or a log with months missing — would otherwise be
// forecast as the average of mostly empty weeks: near zero.
func RecentRegime(s *Series) (*Series, []string) {
	ds := s.days()
	run, after := 0, -1
	for k, d := range ds {
		if s.sum(d.from, d.to) == 0 {
			run++
			continue
		}
		if run >= QuietDays {
			after = k
		}
		run = 0
	}
	if after <= 0 {
		return s, nil
	}
	empty := 0
	for _, d := range ds[:after] {
		if s.sum(d.from, d.to) == 0 {
			empty++
		}
	}
	note := fmt.Sprintf("the history has %d days without a contact before %s (the last run of %d or more): the forecast uses the %d days from then on",
		empty, s.Time(ds[after].from).Format("Mon 2006-01-02"), QuietDays, len(ds)-after)
	return s.slice(ds[after].from, s.Len()), []string{note}
}

// Usable returns the part of s a forecast should learn from — the recent
// regime (RecentRegime) without partial first and last days
// (TrimPartialDays) — and the notes that say what was left out.
func Usable(s *Series) (*Series, []string) {
	r, notes := RecentRegime(s)
	t, more := TrimPartialDays(r)
	return t, append(notes, more...)
}

// OutageMean is the smallest median daily total, in contacts, of the same
// weekday in the surrounding weeks above which a whole day without a
// contact is taken for an outage or a gap in the export rather than a
// quiet day: a Poisson day with that mean is empty with probability
// e^−10 ≈ 5·10⁻⁵.
const OutageMean = 10

// OutageDays returns the whole local non-holiday days of s that have no contact although the same weekday usually has many: the
// median total of the same weekday over up to four weeks before and four
// after (whole, non-holiday days; empty ones count as 0, so a weekday the
// desk is closed on has median 0 and its empty days stay) is at least
// OutageMean.
// Runs of a week or more of empty days are not outages but a closure or a
// gap in the export (RecentRegime). The forecast treats an outage day as
// missing: left out of fitting and of backtest scores, like a holiday.
func OutageDays(s *Series, holidays Holidays) []Date {
	ds := s.days()
	spd := s.SlotsPerDay()
	whole := func(d day) bool { return d.to-d.from >= spd-spd/24 } // a DST day has 23 hours
	total := make([]float64, len(ds))
	empty := make([]bool, len(ds))
	for k, d := range ds {
		total[k] = s.sum(d.from, d.to)
		empty[k] = total[k] == 0 && whole(d) && !holidays.Has(s.Time(d.from))
	}
	var out []Date
	for k := range ds {
		if !empty[k] {
			continue
		}
		run := 1
		for j := k - 1; j >= 0 && total[j] == 0; j-- {
			run++
		}
		for j := k + 1; j < len(ds) && total[j] == 0; j++ {
			run++
		}
		if run >= 7 {
			continue
		}
		var cmp []float64
		for w := 1; w <= 4; w++ {
			for _, j := range []int{k - 7*w, k + 7*w} {
				if j >= 0 && j < len(ds) && whole(ds[j]) && !holidays.Has(s.Time(ds[j].from)) {
					cmp = append(cmp, total[j])
				}
			}
		}
		if len(cmp) < 2 {
			continue
		}
		sort.Float64s(cmp)
		med := cmp[len(cmp)/2]
		if len(cmp)%2 == 0 {
			med = (cmp[len(cmp)/2-1] + med) / 2
		}
		if med >= OutageMean {
			out = append(out, ds[k].date)
		}
	}
	return out
}
