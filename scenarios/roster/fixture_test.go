package roster

import (
	"math"
	"time"
)

// weekRequirement returns a 7-day, 30-minute requirement (336 intervals)
// starting Monday 7 December 2026 in Europe/London: the desk is open 07:00
// to 22:00, with a morning and an afternoon peak of about peak agents, busier
// on Mondays and quiet at weekends.
func weekRequirement(peak float64) (time.Time, []float64) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	start := time.Date(2026, 12, 7, 0, 0, 0, 0, loc)
	dayFactor := []float64{1.15, 1.05, 1, 1, 0.95, 0.55, 0.45} // Mon … Sun
	req := make([]float64, 7*48)
	for d := range 7 {
		for s := range 48 {
			h := float64(s)/2 + 0.25
			if h < 7 || h > 22 {
				continue
			}
			shape := 0.25 + 0.75*math.Exp(-(h-10.5)*(h-10.5)/4) + 0.6*math.Exp(-(h-15)*(h-15)/5)
			req[d*48+s] = math.Ceil(peak * dayFactor[d] * shape)
		}
	}
	return start, req
}

// benchTemplates returns 98 templates (start × length × day rule) as
// testdata/shifts.yaml spells them: starts every 30 minutes 06:00–14:00;
// 8h and 8h30m full-time shifts on 5 days with 2 consecutive days off;
// 10h shifts (starts 06:00–12:00) on 4 days; 4h part-time shifts on 5
// days; 4h part-time weekend shifts; 6h part-time shifts on 4 days.
func benchTemplates() []Template {
	var ts []Template
	add := func(name string, from, to time.Duration, length time.Duration, weeks []Week, pt bool, breaks []Break) {
		for s := from; s <= to; s += 30 * time.Minute {
			ts = append(ts, Template{Name: name, Start: s, Length: length, Weeks: weeks, PartTime: pt, Breaks: breaks})
		}
	}
	h := time.Hour
	five, four := Patterns(5, true), Patterns(4, true)
	add("full-8h", 6*h, 14*h, 8*h, five, false, []Break{{After: 2 * h, Length: 15 * time.Minute}, {After: 4 * h, Length: 30 * time.Minute, Unpaid: true}})
	add("full-8h30", 6*h, 14*h, 8*h+30*time.Minute, five, false, []Break{{After: 2 * h, Length: 15 * time.Minute}, {After: 4 * h, Length: 30 * time.Minute, Unpaid: true}, {After: 6*h + 30*time.Minute, Length: 15 * time.Minute}})
	add("long-10h", 6*h, 12*h, 10*h, four, false, []Break{{After: 3 * h, Length: 15 * time.Minute}, {After: 5 * h, Length: 30 * time.Minute, Unpaid: true}})
	add("part-4h", 6*h, 14*h, 4*h, five, true, []Break{{After: 2 * h, Length: 15 * time.Minute}})
	add("weekend-4h", 6*h, 14*h, 4*h, []Week{WeekOf(time.Saturday, time.Sunday)}, true, []Break{{After: 2 * h, Length: 15 * time.Minute}})
	add("part-6h", 6*h, 14*h, 6*h, four, true, []Break{{After: 3 * h, Length: 15 * time.Minute}})
	return ts
}
