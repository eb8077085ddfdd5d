package history

import (
	"io"
	"sort"
	"time"
)

// SummaryOptions say what Summarize measures beyond the defaults.
type SummaryOptions struct {
	// SLAWithin is the response target T for historical attainment: the
	// share of tickets with a first response within T of creation, per
	// priority. Zero skips it. SLAGoal (0–1) is the share aimed at; a
	// priority meets the target when its attainment reaches it.
	SLAWithin time.Duration
	SLAGoal   float64
}

// Summary describes a history: what was read and the shape of the demand.
// Counts are tickets for a tickets file and arrivals for a volumes file.
type Summary struct {
	Report *Report `json:"read"`
	// Days is the number of local calendar days from the first record's to
	// the last's, inclusive; Total the tickets (or arrivals) in them.
	Days  int     `json:"days"`
	Total float64 `json:"total"`
	// PerDay is Total / Days; Busiest the day with the most.
	PerDay  float64  `json:"per_day_mean"`
	Busiest DayCount `json:"busiest_day"`
	// EmptyDays counts the days in the range with no record; EmptyDayList
	// names the first of them.
	EmptyDays    int      `json:"empty_days"`
	EmptyDayList []string `json:"empty_day_list"`
	// ByWeekdayHour is the mean count per local hour for each weekday,
	// Monday first.
	ByWeekdayHour []WeekdayHours `json:"by_weekday_hour"`
	// Handle summarises handle times in seconds (nil when the history has none).
	Handle *DurationStats `json:"handle_seconds"`
	// Resolution summarises creation-to-resolution times in seconds.
	Resolution *DurationStats `json:"resolution_seconds"`
	// Response summarises creation-to-first-response times in seconds.
	Response   *DurationStats `json:"first_response_seconds"`
	Priorities []NameCount    `json:"priorities"`
	Channels   []NameCount    `json:"channels"`
	Categories []NameCount    `json:"categories"`
	// SLA is the historical attainment per priority (and "all"), when a
	// target was given and first responses exist.
	SLA []SLAAttainment `json:"sla"`
}

// WeekdayHours is the demand of one weekday by local hour: the mean count
// per occurrence of the weekday in the range (Days of them).
type WeekdayHours struct {
	Weekday string      `json:"weekday"`
	Days    int         `json:"days"`
	Mean    [24]float64 `json:"mean_per_hour"`
}

// DayCount is a local date and its count.
type DayCount struct {
	Date  string  `json:"date"` // 2006-01-02
	Count float64 `json:"count"`
}

// NameCount is a value of a column and how many tickets have it.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// DurationStats are the count, mean and quantiles of durations in seconds;
// the quantiles come from a Histogram (±1.2 %).
type DurationStats struct {
	Count int     `json:"count"`
	Mean  float64 `json:"mean"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
}

// SLAAttainment is the share of a priority's responded tickets whose first
// response came within the target:
//
//	attainment = responded within T / responded
//
// Tickets without a recorded first response are counted apart (NoResponse)
// and left out, since the export cannot say when they were answered.
type SLAAttainment struct {
	Priority      string  `json:"priority"`
	Responded     int     `json:"responded"`
	Within        int     `json:"within_target"`
	NoResponse    int     `json:"no_response"`
	Attainment    float64 `json:"attainment"`
	TargetSeconds float64 `json:"target_seconds"`
	Goal          float64 `json:"goal,omitempty"`
	Met           bool    `json:"met"`
}

// maxValues caps the distinct values counted per column; the rest are
// counted as "(other)", so a free-text column cannot grow memory.
const maxValues = 200

// Summarize reads the history r (called name in messages) and summarises
// it, streaming: its memory grows with the days covered and the distinct
// priorities, channels and categories (capped), not with the number of
// rows. Errors are those of Read.
func Summarize(name string, r io.Reader, opt Options, sopt SummaryOptions) (*Summary, error) {
	s := newSummarizer(opt.location(), sopt)
	rep, err := Read(name, r, opt, s)
	if err != nil {
		return nil, err
	}
	return s.finish(rep), nil
}

type slaCount struct{ responded, within, none int }

type summarizer struct {
	loc      *time.Location
	sopt     SummaryOptions
	days     map[int64]float64 // local civil day (days since 1970-01-01) → count
	weekHour [7][24]float64
	handle   Histogram
	resolve  Histogram
	respond  Histogram
	ahtSum   float64 // volumes: Σ aht·arrivals
	ahtN     float64
	volumes  bool
	prio     map[string]int
	chans    map[string]int
	cats     map[string]int
	sla      map[string]*slaCount
	// the current day (see count)
	day            int64
	dayFrom, dayTo int64 // Unix seconds of its local midnights
	dayWeekday     time.Weekday
	dayCount       float64
	dayOK          bool
}

func newSummarizer(loc *time.Location, sopt SummaryOptions) *summarizer {
	return &summarizer{loc: loc, sopt: sopt, days: map[int64]float64{},
		prio: map[string]int{}, chans: map[string]int{}, cats: map[string]int{}, sla: map[string]*slaCount{}}
}

// civilDay returns the local calendar day of t as days since 1970-01-01.
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func (s *summarizer) count(t time.Time, n float64) {
	t = t.In(s.loc)
	// Histories are mostly in time order: keep the current day's bounds so
	// that most rows skip the calendar arithmetic and the map.
	if u := t.Unix(); !s.dayOK || u < s.dayFrom || u >= s.dayTo {
		s.flushDay()
		y, m, d := t.Date()
		from := time.Date(y, m, d, 0, 0, 0, 0, s.loc)
		s.day, s.dayFrom, s.dayTo, s.dayOK = civilDay(t), from.Unix(), from.AddDate(0, 0, 1).Unix(), true
		s.dayWeekday = t.Weekday()
	}
	s.dayCount += n
	s.weekHour[s.dayWeekday][t.Hour()] += n
}

// flushDay adds the current day's count to the day map.
func (s *summarizer) flushDay() {
	if s.dayOK {
		s.days[s.day] += s.dayCount
	}
	s.dayCount, s.dayOK = 0, false
}

func countValue(m map[string]int, v string) {
	if v == "" {
		v = "(none)"
	}
	if _, ok := m[v]; !ok && len(m) >= maxValues {
		v = "(other)"
	}
	if _, ok := m[v]; !ok {
		v = string([]byte(v)) // own copy: v points into the row
	}
	m[v]++
}

func (s *summarizer) Ticket(t *Ticket) {
	s.count(t.Created, 1)
	if t.HasHandle {
		s.handle.Add(t.HandleSeconds)
	}
	if !t.Resolved.IsZero() {
		s.resolve.Add(t.Resolved.Sub(t.Created).Seconds())
	}
	if !t.FirstResponse.IsZero() {
		s.respond.Add(t.FirstResponse.Sub(t.Created).Seconds())
	}
	countValue(s.prio, t.Priority)
	countValue(s.chans, t.Channel)
	countValue(s.cats, t.Category)
	if s.sopt.SLAWithin > 0 {
		for _, key := range []string{"all", t.Priority} {
			if key == "" {
				key = "(none)"
			}
			c := s.sla[key]
			if c == nil {
				if len(s.sla) >= maxValues {
					continue
				}
				c = &slaCount{}
				s.sla[string([]byte(key))] = c
			}
			switch {
			case t.FirstResponse.IsZero():
				c.none++
			case t.FirstResponse.Sub(t.Created) <= s.sopt.SLAWithin:
				c.responded++
				c.within++
			default:
				c.responded++
			}
		}
	}
}

func (s *summarizer) Volume(v *Volume) {
	s.volumes = true
	s.count(v.Start, v.Arrivals)
	if v.HasAHT {
		s.ahtSum += v.AHTSeconds * v.Arrivals
		s.ahtN += v.Arrivals
	}
}

func (s *summarizer) finish(rep *Report) *Summary {
	s.flushDay()
	sum := &Summary{Report: rep, EmptyDayList: []string{}}
	if rep.Rejects == nil {
		rep.Rejects = []Reject{}
	}
	var wdays [7]int
	first, last := civilDay(rep.First.In(s.loc)), civilDay(rep.Last.In(s.loc))
	sum.Days = int(last - first + 1)
	for d := first; d <= last; d++ {
		n := s.days[d]
		sum.Total += n
		date := time.Unix(d*86400, 0).UTC()
		wdays[date.Weekday()]++
		if n > sum.Busiest.Count {
			sum.Busiest = DayCount{Date: date.Format("2006-01-02"), Count: n}
		}
		if _, seen := s.days[d]; !seen { // a day with rows, even of 0 arrivals, has data
			sum.EmptyDays++
			if len(sum.EmptyDayList) < 31 {
				sum.EmptyDayList = append(sum.EmptyDayList, date.Format("2006-01-02"))
			}
		}
	}
	sum.PerDay = sum.Total / float64(sum.Days)
	for i := range 7 {
		d := time.Weekday((i + 1) % 7) // Monday first
		w := WeekdayHours{Weekday: d.String(), Days: wdays[d]}
		for h := range 24 {
			if wdays[d] > 0 {
				w.Mean[h] = s.weekHour[d][h] / float64(wdays[d])
			}
		}
		sum.ByWeekdayHour = append(sum.ByWeekdayHour, w)
	}
	sum.Handle = stats(&s.handle)
	if s.volumes && s.ahtN > 0 {
		sum.Handle = &DurationStats{Count: int(s.ahtN + 0.5), Mean: s.ahtSum / s.ahtN}
	}
	sum.Resolution = stats(&s.resolve)
	sum.Response = stats(&s.respond)
	if !s.volumes {
		sum.Priorities, sum.Channels, sum.Categories = sortCounts(s.prio), sortCounts(s.chans), sortCounts(s.cats)
	}
	if s.sopt.SLAWithin > 0 && s.respond.Count() > 0 {
		for k, c := range s.sla {
			a := SLAAttainment{Priority: k, Responded: c.responded, Within: c.within, NoResponse: c.none,
				TargetSeconds: s.sopt.SLAWithin.Seconds(), Goal: s.sopt.SLAGoal}
			if c.responded > 0 {
				a.Attainment = float64(c.within) / float64(c.responded)
				a.Met = a.Attainment >= a.Goal
			}
			sum.SLA = append(sum.SLA, a)
		}
		sort.Slice(sum.SLA, func(i, j int) bool {
			if (sum.SLA[i].Priority == "all") != (sum.SLA[j].Priority == "all") {
				return sum.SLA[j].Priority == "all"
			}
			return sum.SLA[i].Priority < sum.SLA[j].Priority
		})
	}
	return sum
}

func stats(h *Histogram) *DurationStats {
	if h.Count() == 0 {
		return nil
	}
	return &DurationStats{Count: h.Count(), Mean: h.Mean(), P50: h.Quantile(0.5), P90: h.Quantile(0.9)}
}

// sortCounts returns the counts by descending count, then name; nil when
// the only value is "(none)" (the column is absent or empty).
func sortCounts(m map[string]int) []NameCount {
	if len(m) == 0 || (len(m) == 1 && m["(none)"] > 0) {
		return nil
	}
	out := make([]NameCount, 0, len(m))
	for k, v := range m {
		out = append(out, NameCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// SummarizeFile is Summarize of the history file at path.
func SummarizeFile(path string, opt Options, sopt SummaryOptions) (*Summary, error) {
	f, err := OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Summarize(path, f, opt, sopt)
}
