package forecast

import "time"

// DailyProfile forecasts daily totals and splits them into intervals:
//
//	ŷ(t) = D̂(day of t) · p(weekday, slot of t)
//
// D̂ is additive Holt-Winters on the daily totals with a weekly season
// (HWFilter with period 7 keyed by weekday, R's start values, α, β, γ
// fitted by one-step SSE). p is the weekday-specific intraday profile: for
// each weekday, the share of the day's contacts that arrived in each slot
// over its last Days non-holiday occurrences (0: 6).
//
// The first forecast day may be partly history (a history ending
// mid-day); its remaining intervals get their profile share of the day's
// forecast.
type DailyProfile struct {
	Days int
}

// Name returns "daily-profile".
func (DailyProfile) Name() string { return "daily-profile" }

// Forecast implements Method; it needs three weeks of whole days.
func (m DailyProfile) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, m.Name(), n, 3); err != nil {
		return nil, err
	}
	type day struct{ start, end int }
	var full []day
	first := -1 // index in in.DayStart of the first day not wholly in history
	for j, st := range in.DayStart {
		end := len(in.Keys)
		if j+1 < len(in.DayStart) {
			end = in.DayStart[j+1]
		}
		if end <= n {
			full = append(full, day{st, end})
		} else if first < 0 {
			first = j
		}
	}
	if len(full) < 21 {
		return nil, &ShortHistoryError{Method: m.Name(), Need: 21 * 24 * time.Hour, Have: time.Duration(len(full)) * 24 * time.Hour}
	}
	totals := make([]float64, len(full))
	dkeys := make([]int32, len(full))
	for j, d := range full {
		for i := d.start; i < d.end; i++ {
			totals[j] += in.Y[i]
		}
		dkeys[j] = in.Keys[d.start] / int32(in.SlotsPerDay)
	}
	_, st, err := fitHW(totals, dkeys, 7, false, true, false, 0, HWParams{Alpha: 0.2, Beta: 0.01, Gamma: 0.2})
	if err != nil {
		return nil, err
	}
	profile := m.profile(in, full[len(full)-1].end)
	// The intervals n … n+h−1 fall in days first, first+1, …; step ahead of
	// day j is j − first + 1 since the last full day is first − 1.
	out := make([]float64, h)
	for j := first; j >= 0 && j < len(in.DayStart); j++ {
		st0 := in.DayStart[j]
		if st0 >= n+h {
			break
		}
		end := len(in.Keys)
		if j+1 < len(in.DayStart) {
			end = in.DayStart[j+1]
		}
		step := float64(j - first + 1)
		wd := in.Keys[st0] / int32(in.SlotsPerDay)
		total := st.Level + step*st.Trend + st.Season[wd]
		for i := max(st0, n); i < min(end, n+h); i++ {
			out[i-n] = total * profile[in.Keys[i]]
		}
	}
	return out, nil
}

// profile returns, per key, its share of its weekday's total over the last
// Days non-holiday occurrences of that weekday before interval n.
func (m DailyProfile) profile(in *Input, n int) []float64 {
	days := m.Days
	if days <= 0 {
		days = 6
	}
	share := make([]float64, in.Period)
	dayTotal := make([]float64, 7)
	count := make([]int, 7)
	for j := len(in.DayStart) - 1; j >= 0; j-- {
		st := in.DayStart[j]
		end := len(in.Keys)
		if j+1 < len(in.DayStart) {
			end = in.DayStart[j+1]
		}
		if end > n || in.skip(st) {
			continue
		}
		wd := in.Keys[st] / int32(in.SlotsPerDay)
		if count[wd] >= days {
			continue
		}
		count[wd]++
		for i := st; i < end; i++ {
			share[in.Keys[i]] += in.Y[i]
			dayTotal[wd] += in.Y[i]
		}
	}
	for k := range share {
		if t := dayTotal[k/in.SlotsPerDay]; t > 0 {
			share[k] /= t
		}
	}
	return share
}
