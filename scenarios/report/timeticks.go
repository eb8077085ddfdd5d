package report

import (
	"time"

	"gonum.org/v1/plot"
)

// TimeTicks labels a time axis (Unix seconds) at round wall-clock times in
// Loc: hours within a day, days within a few weeks, weeks within a few
// months, months beyond,
// so a manager reads "Mon 07 Dec" and "09:00", not Unix seconds.
type TimeTicks struct {
	Loc *time.Location
}

// tickSteps are the candidate spacings of major ticks, smallest first.
var tickSteps = []time.Duration{
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
	24 * time.Hour, 2 * 24 * time.Hour, 7 * 24 * time.Hour, 14 * 24 * time.Hour, 28 * 24 * time.Hour,
}

// Ticks implements plot.Ticker with about 6–12 labelled ticks.
func (tt TimeTicks) Ticks(min, max float64) []plot.Tick {
	loc := tt.Loc
	if loc == nil {
		loc = time.UTC
	}
	if !(max > min) {
		return nil
	}
	t0 := time.Unix(int64(min), 0).In(loc)
	t1 := time.Unix(int64(max), 0).In(loc)
	span := t1.Sub(t0)
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if span/s <= 10 {
			step = s
			break
		}
	}
	var ticks []plot.Tick
	if span > 10*tickSteps[len(tickSteps)-1] {
		// Months and beyond (a capacity plan): the first of every k-th
		// month, "Jan 2027".
		months := (t1.Year()-t0.Year())*12 + int(t1.Month()-t0.Month()) + 1
		k := (months + 11) / 12
		for t := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, loc); !t.After(t1); t = t.AddDate(0, k, 0) {
			if !t.Before(t0) {
				ticks = append(ticks, plot.Tick{Value: unix(t), Label: t.Format("Jan 2006")})
			}
		}
		return ticks
	}
	day := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, loc)
	if step < 24*time.Hour {
		for t := day; !t.After(t1); t = t.Add(step) {
			// Re-anchor at each local midnight so DST days keep round labels.
			if t.Day() != day.Day() {
				day = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
				t = day
			}
			if t.Before(t0) {
				continue
			}
			label := t.Format("15:04")
			if t.Hour() == 0 && t.Minute() == 0 {
				label = t.Format("Mon 02 Jan")
			}
			ticks = append(ticks, plot.Tick{Value: unix(t), Label: label})
		}
		return ticks
	}
	days := int(step / (24 * time.Hour))
	if days >= 7 {
		// Weekly ticks on Mondays.
		for day.Weekday() != time.Monday {
			day = day.AddDate(0, 0, 1)
		}
	}
	for t := day; !t.After(t1); t = t.AddDate(0, 0, days) {
		if t.Before(t0) {
			continue
		}
		label := t.Format("Mon 02 Jan")
		if days >= 7 {
			label = t.Format("02 Jan 2006")
		}
		ticks = append(ticks, plot.Tick{Value: unix(t), Label: label})
		// Minor ticks at each day between weekly labels, each noon within daily ones.
	}
	return ticks
}
