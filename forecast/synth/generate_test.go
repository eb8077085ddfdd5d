package synth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"github.com/staffsim/staffsim/forecast"
	"math"
	"sync"
	"testing"
	"time"
)

// year is a 52-week history without trend, noise or holidays: the plain
// model, generated once for the statistical tests.
var year = sync.OnceValue(func() []Ticket {
	cfg := Config{
		Start:       time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), // a Monday
		Days:        364,
		DailyVolume: 400,
		Seed:        42,
		Holidays:    DateSet{},
	}
	var out []Ticket
	if err := Generate(context.Background(), cfg, func(t Ticket) error {
		out = append(out, t)
		return nil
	}); err != nil {
		panic(err)
	}
	return out
})

// sigmas is how many standard errors a sample statistic may differ from
// the model: with a fixed seed the tests are deterministic, and 4σ keeps
// them from depending on a lucky seed.
const sigmas = 4

func TestProfileShape(t *testing.T) {
	t.Parallel()
	sum, night := 0.0, 0.0
	for s, p := range slotShare {
		if !(p > 0) {
			t.Fatalf("slot %d share %v, want > 0", s, p)
		}
		sum += p
		if s < 6*4 {
			night += p
		}
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("shares sum to %v, want 1", sum)
	}
	if night > 0.02 {
		t.Errorf("00:00–06:00 share %v, want near zero (< 2%%)", night)
	}
	// Documented peaks: the busiest half hours are 10:00–10:30 and
	// 14:30–15:00, with a lunch dip between them.
	half := func(h float64) float64 { s := int(h * 4); return slotShare[s] + slotShare[s+1] }
	if a, b := argmaxHalfHour(half, 6, 12.5), 10.0; a != b {
		t.Errorf("morning peak half hour %v, want %v", a, b)
	}
	if a, b := argmaxHalfHour(half, 12.5, 18), 14.5; a != b {
		t.Errorf("afternoon peak half hour %v, want %v", a, b)
	}
	if dip := half(12.5); !(dip < 0.7*half(10) && dip < 0.9*half(14.5)) {
		t.Errorf("no lunch dip: 12:30 share %v, peaks %v and %v", dip, half(10), half(14.5))
	}
}

func argmaxHalfHour(share func(h float64) float64, from, to float64) float64 {
	best, at := -1.0, 0.0
	for h := from; h < to; h += 0.5 {
		if v := share(h); v > best {
			best, at = v, h
		}
	}
	return at
}

func TestWeekdayFactorsAverageOne(t *testing.T) {
	t.Parallel()
	sum := 0.0
	for d := time.Monday; d <= time.Friday; d++ {
		sum += weekdayFactor[d]
	}
	if math.Abs(sum/5-1) > 1e-12 {
		t.Errorf("Mon–Fri factors average %v, want 1", sum/5)
	}
	c, m := 0.0, 0.0
	for i := range categoryShare {
		c += categoryShare[i]
		m += categoryShare[i] * categoryFactor[i]
	}
	if math.Abs(c-1) > 1e-12 || math.Abs(m-1) > 1e-12 {
		t.Errorf("category shares sum to %v and factors average %v, want 1 and 1", c, m)
	}
}

func TestDailyVolumeAndWeeklyShape(t *testing.T) {
	t.Parallel()
	tickets := year()
	var byDay [7]float64
	for _, tk := range tickets {
		byDay[tk.CreatedAt.Weekday()]++
	}
	const weeks = 52
	weekday := (byDay[1] + byDay[2] + byDay[3] + byDay[4] + byDay[5]) / (5 * weeks)
	// A Poisson total over 260 weekdays: standard error √(400·260)/260.
	if se := math.Sqrt(400*5*weeks) / (5 * weeks); math.Abs(weekday-400) > sigmas*se {
		t.Errorf("mean weekday volume %.1f, want 400 ± %.1f", weekday, sigmas*se)
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		want := 400 * weekdayFactor[d]
		got := byDay[d] / weeks
		if se := math.Sqrt(want * weeks); math.Abs(got-want) > sigmas*se/weeks {
			t.Errorf("%v: mean volume %.1f, want %.1f", d, got, want)
		}
	}
	if weekend := (byDay[0] + byDay[6]) / (2 * weeks); weekend > 0.2*weekday {
		t.Errorf("weekend mean %.1f, want far below the weekday mean %.1f", weekend, weekday)
	}
}

func TestIntradayPeaks(t *testing.T) {
	t.Parallel()
	var slots [slotsPerDay]float64
	n := 0.0
	for _, tk := range year() {
		if wd := tk.CreatedAt.Weekday(); wd != time.Saturday && wd != time.Sunday {
			slots[slotOf(tk.CreatedAt)]++
			n++
		}
	}
	half := func(h float64) float64 { s := int(h * 4); return slots[s] + slots[s+1] }
	if got := argmaxHalfHour(half, 6, 12.5); got != 10 {
		t.Errorf("busiest morning half hour starts at %v h, want 10", got)
	}
	if got := argmaxHalfHour(half, 12.5, 18); got != 14.5 {
		t.Errorf("busiest afternoon half hour starts at %v h, want 14.5", got)
	}
	for s := range slots {
		want := slotShare[s] * n
		if math.Abs(slots[s]-want) > sigmas*math.Sqrt(want)+1 {
			t.Errorf("slot %02d:%02d: %v arrivals, want %.1f", s/4, s%4*15, slots[s], want)
		}
	}
}

func TestTrend(t *testing.T) {
	t.Parallel()
	cfg := Config{Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Days: 364, DailyVolume: 300, Trend: 0.3, Seed: 3, Holidays: DateSet{}}
	var first, last float64
	err := Generate(context.Background(), cfg, func(t Ticket) error {
		switch d := int(t.CreatedAt.Sub(cfg.Start) / (24 * time.Hour)); {
		case d < 91:
			first++
		case d >= 364-91:
			last++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Both quarters hold 13 whole weeks, so the weekday factors cancel:
	// the ratio is Σ(1.3)^(d/365) over the last quarter over the first.
	var num, den float64
	for d := range 91 {
		den += math.Pow(1.3, float64(d)/365)
		num += math.Pow(1.3, float64(364-91+d)/365)
	}
	want := num / den
	got := last / first
	se := want * math.Sqrt(1/first+1/last)
	if math.Abs(got-want) > sigmas*se {
		t.Errorf("last/first quarter volume %.4f, want %.4f ± %.4f", got, want, sigmas*se)
	}
}

func TestHolidaysNearZero(t *testing.T) {
	t.Parallel()
	cfg := Config{Start: time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC), Days: 14, DailyVolume: 400, Seed: 5}
	perDay := map[forecast.Date]int{}
	if err := Generate(context.Background(), cfg, func(t Ticket) error {
		perDay[forecast.DateOf(t.CreatedAt)]++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// 25 and 26 December 2025 and 1 January 2026 are weekday bank holidays.
	for _, d := range []forecast.Date{date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)} {
		want := 400 * weekdayFactor[weekday(d)] * holidayFactor
		if got := float64(perDay[d]); got > want+sigmas*math.Sqrt(want) {
			t.Errorf("%v: %v tickets, want near zero (about %.0f)", d, got, want)
		}
	}
	if got := perDay[date(2025, 12, 23)]; got < 300 {
		t.Errorf("Tuesday 23 December: %d tickets, want about 424", got)
	}
}

func TestDayNoise(t *testing.T) {
	t.Parallel()
	cfg := Config{Start: time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC), Days: 7 * 150, DailyVolume: 400, DayNoise: 0.2, Seed: 9, Holidays: DateSet{}}
	counts := map[forecast.Date]float64{}
	if err := Generate(context.Background(), cfg, func(t Ticket) error {
		if t.CreatedAt.Weekday() == time.Wednesday {
			counts[forecast.DateOf(t.CreatedAt)]++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var sum, sq float64
	for _, c := range counts {
		sum += c
		sq += c * c
	}
	n := float64(len(counts))
	mean := sum / n
	cv := math.Sqrt(sq/n-mean*mean) / mean
	// A Poisson count with a log-normal mean of cv 0.2: total
	// cv² = 0.2² + 1/400 (law of total variance); mean unchanged.
	wantCV := math.Sqrt(0.04 + 1.0/400)
	if math.Abs(cv-wantCV) > 0.2*wantCV || math.Abs(mean-400) > sigmas*400*wantCV/math.Sqrt(n) {
		t.Errorf("Wednesdays: mean %.1f cv %.3f over %v days, want 400 and %.3f", mean, cv, n, wantCV)
	}
}

func TestHandleTimes(t *testing.T) {
	t.Parallel()
	var n, sum, sq [4][3]float64
	for _, tk := range year() {
		p, ch := index(priorities[:], tk.Priority), index(channels[:], tk.Channel)
		if p < 0 || ch < 0 || index(categories[:], tk.Category) < 0 {
			t.Fatalf("ticket %s: unknown priority %q, channel %q or category %q", tk.ID, tk.Priority, tk.Channel, tk.Category)
		}
		if tk.HandleSeconds < 1 || tk.HandleSeconds != math.Round(tk.HandleSeconds) {
			t.Fatalf("ticket %s: handle time %v, want a whole number of seconds ≥ 1", tk.ID, tk.HandleSeconds)
		}
		n[p][ch]++
		sum[p][ch] += tk.HandleSeconds
		sq[p][ch] += tk.HandleSeconds * tk.HandleSeconds
	}
	for p := range priorities {
		for ch := range channels {
			mean := sum[p][ch] / n[p][ch]
			sd := math.Sqrt(sq[p][ch]/n[p][ch] - mean*mean)
			if want := handleMean[p][ch]; math.Abs(mean-want) > sigmas*sd/math.Sqrt(n[p][ch]) {
				t.Errorf("%s %s: mean handle %.1f s over %v tickets, want %.0f", priorities[p], channels[ch], mean, n[p][ch], want)
			}
		}
		if phone, mail := sum[p][phone]/n[p][phone], sum[p][email]/n[p][email]; phone >= mail {
			t.Errorf("%s: phone mean %.0f s not below email %.0f s", priorities[p], phone, mail)
		}
	}
	total := 0.0
	for p := range n {
		total += n[p][0] + n[p][1] + n[p][2]
	}
	for p, share := range priorityShare {
		got := (n[p][0] + n[p][1] + n[p][2]) / total
		if math.Abs(got-share) > sigmas*math.Sqrt(share*(1-share)/total) {
			t.Errorf("%s share %.4f, want %.2f", priorities[p], got, share)
		}
	}
}

func index(names []string, s string) int {
	for i, n := range names {
		if n == s {
			return i
		}
	}
	return -1
}

func TestResponseAndResolution(t *testing.T) {
	t.Parallel()
	end := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 364)
	// Typical service-desk first-response targets per priority.
	target := [4]time.Duration{30 * time.Minute, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour}
	var within, answered, sumFR [4]float64
	prev := time.Time{}
	for _, tk := range year() {
		if tk.CreatedAt.Before(prev) {
			t.Fatalf("ticket %s created %v before the previous ticket %v", tk.ID, tk.CreatedAt, prev)
		}
		prev = tk.CreatedAt
		p := index(priorities[:], tk.Priority)
		if tk.FirstResponseAt.IsZero() {
			continue
		}
		if tk.FirstResponseAt.Before(tk.CreatedAt) || !tk.FirstResponseAt.Before(end) {
			t.Fatalf("ticket %s: first response %v not in [created %v, end %v)", tk.ID, tk.FirstResponseAt, tk.CreatedAt, end)
		}
		if !tk.ResolvedAt.IsZero() && tk.ResolvedAt.Before(tk.FirstResponseAt.Add(time.Duration(tk.HandleSeconds)*time.Second)) {
			t.Fatalf("ticket %s: resolved %v before first response %v + handle %v s", tk.ID, tk.ResolvedAt, tk.FirstResponseAt, tk.HandleSeconds)
		}
		fr := tk.FirstResponseAt.Sub(tk.CreatedAt)
		answered[p]++
		sumFR[p] += fr.Hours()
		if fr <= target[p] {
			within[p]++
		}
	}
	for p := range priorities {
		sla := within[p] / answered[p]
		t.Logf("%s: mean first response %.2f h, %.1f %% within %v", priorities[p], sumFR[p]/answered[p], 100*sla, target[p])
		if p > 0 && sumFR[0]/answered[0] >= sumFR[p]/answered[p] {
			t.Errorf("P1 mean first response %.2f h not faster than %s's %.2f h", sumFR[0]/answered[0], priorities[p], sumFR[p]/answered[p])
		}
		if !(sla > 0.6 && sla < 0.98) {
			t.Errorf("%s: %.1f %% answered within %v, want realistic (between 60 %% and 98 %%)", priorities[p], 100*sla, target[p])
		}
	}
}

func TestDeterminism(t *testing.T) {
	t.Parallel()
	hash := func(cfg Config) [32]byte {
		h := sha256.New()
		if _, err := WriteCSV(context.Background(), h, cfg); err != nil {
			t.Fatal(err)
		}
		return [32]byte(h.Sum(nil))
	}
	cfg := Sample()
	cfg.Days = 28
	a, b := hash(cfg), hash(cfg)
	if a != b {
		t.Errorf("same seed, different bytes: %x vs %x", a, b)
	}
	cfg.Seed = 2
	if c := hash(cfg); c == a {
		t.Errorf("seeds 1 and 2 gave the same bytes %x", a)
	}
}

func TestDSTDays(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	// Clocks go forward on Sunday 29 March 2026 and back on 25 October.
	for _, start := range []time.Time{time.Date(2026, 3, 27, 0, 0, 0, 0, london), time.Date(2026, 10, 23, 0, 0, 0, 0, london)} {
		cfg := Config{Start: start, Days: 4, DailyVolume: 2000, Seed: 1, Location: london}
		s, err := Series(context.Background(), cfg, 30*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if want := 4*48 + int(cfg.End().Sub(start)-96*time.Hour)/int(30*time.Minute); s.Len() != want || want == 4*48 {
			t.Errorf("%v: %d intervals, want %d (not %d)", start, s.Len(), want, 4*48)
		}
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
}

func TestSeriesMatchesTickets(t *testing.T) {
	t.Parallel()
	cfg := Sample()
	cfg.Days = 14
	s, err := Series(context.Background(), cfg, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 14*48 || !s.Start.Equal(cfg.Start) || !s.HasAHT() {
		t.Fatalf("series of %d intervals from %v, want 672 from %v with AHT", s.Len(), s.Start, cfg.Start)
	}
	arrivals := make([]float64, s.Len())
	handle := make([]float64, s.Len())
	if err := Generate(context.Background(), cfg, func(t Ticket) error {
		i := int(t.CreatedAt.Sub(cfg.Start) / (30 * time.Minute))
		arrivals[i]++
		handle[i] += t.HandleSeconds
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range arrivals {
		if s.Arrivals[i] != arrivals[i] || s.HandleSeconds[i] != handle[i] || s.Handled[i] != arrivals[i] {
			t.Fatalf("interval %d: series %v/%v/%v, tickets %v/%v", i, s.Arrivals[i], s.HandleSeconds[i], s.Handled[i], arrivals[i], handle[i])
		}
	}
	if _, err := Series(context.Background(), cfg, 7*time.Minute); err == nil {
		t.Error("interval 7m accepted, want an error")
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	ok := Sample()
	for _, tc := range []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"zero days", func(c *Config) { c.Days = 0 }, "days 0"},
		{"negative days", func(c *Config) { c.Days = -3 }, "days -3"},
		{"zero volume", func(c *Config) { c.DailyVolume = 0 }, "daily volume 0"},
		{"NaN volume", func(c *Config) { c.DailyVolume = math.NaN() }, "daily volume NaN"},
		{"trend -100%", func(c *Config) { c.Trend = -1 }, "trend -1"},
		{"noise", func(c *Config) { c.DayNoise = 2 }, "day noise 2"},
		{"no start", func(c *Config) { c.Start = time.Time{} }, "start"},
		{"year 10000", func(c *Config) { c.Start = time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC); c.Days = 365 }, "years 1583 to 9999"},
		{"Julian calendar", func(c *Config) { c.Start = time.Date(1500, 6, 1, 0, 0, 0, 0, time.UTC) }, "years 1583 to 9999"},
	} {
		cfg := ok
		tc.edit(&cfg)
		err := Generate(context.Background(), cfg, func(Ticket) error { return nil })
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestStopsOnErrorAndCancel(t *testing.T) {
	t.Parallel()
	stop := errors.New("stop")
	n := 0
	err := Generate(context.Background(), Sample(), func(Ticket) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("emit error: got %v after %d tickets, want stop after 10", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Generate(ctx, Sample(), func(Ticket) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v, want context.Canceled", err)
	}
}
