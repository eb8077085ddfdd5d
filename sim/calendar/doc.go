// Package calendar is business-time arithmetic for SLA clocks: a desk's
// opening hours per weekday, its holidays and its IANA time zone, and the
// operations an SLA clock needs — is the desk open at t, when does it next
// open, how much business time lies between two instants, and at which
// instant does a clock started at t reach a business duration d — with
// pending (clock-stopped) spans left out.
//
// # Definitions
//
// Opening hours are Spans of wall-clock time per weekday: "09:00-17:30",
// several a day ("09:00-12:00, 13:00-17:00"), across midnight
// ("22:00-06:00" belongs to the day it starts on), or a whole day
// ("00:00-24:00"). The span s of date D is the half-open interval of
// instants
//
//	[wall(D, s.Start), wall(D, s.End))
//
// where wall(D, x) is the instant at which the desk's clocks read D's
// midnight plus x (x ≥ 24h reads on the next date). Two rules make wall
// total across daylight-saving changes:
//
//   - a wall time that does not exist (skipped when clocks go forward) is
//     the instant of the change: the clocks jump over it, and the first
//     instant they read later than it is the change;
//   - a wall time that occurs twice (when clocks go back) is its first
//     occurrence.
//
// The calendar is open at t when t lies in a span of a date that is not a
// holiday; a holiday closes every span that starts on it (a night span that
// starts the evening before a holiday stays open into it). Spans never
// overlap (New refuses them), so the open instants are a union of disjoint
// intervals.
//
// The business duration between instants a ≤ b is the measure of the open
// instants in [a, b), in elapsed time:
//
//	Between(a, b) = Σ over spans |[open, close) ∩ [a, b)|
//
// So a 09:00–17:00 day is 8 business hours on a daylight-saving day too
// (no change falls inside it), while a 24×7 calendar counts elapsed time:
// its day of the spring change has 23 hours, that of the autumn change 25,
// and Between(a, b) = b − a for every a and b. Between(b, a) = −Between(a, b).
//
// Add(t, d) is the earliest instant r ≥ t with Between(t, r) = d: the
// instant a clock started at t reaches d of business time. For d > 0 it
// falls inside a span or at its close (a 9–17 clock started at 10:00 with
// 7h reaches it at 17:00 the same day, not at 09:00 the next); Add(t, 0) = t.
//
// Pending intervals (waiting on the user: the SLA clock stops) are
// subtracted: Between(a, b, p…) = Between(a, b) − the business time of
// (p₁ ∪ p₂ ∪ …) ∩ [a, b), and Add(t, d, p…) is the earliest r ≥ t at which
// that reaches d.
//
// # Cost
//
// Between and Add jump whole weeks: a week (from one weekly anchor, the
// first span's start, to the next) without holidays and without a zone
// change has the weekly wall-clock total of the opening hours, computed
// once. Other weeks, and the partial weeks at the ends, are summed span by
// span. A year-long Between or Add therefore costs about 52 week steps plus
// the holiday and daylight-saving weeks, not 365 days (BenchmarkBetweenYear).
package calendar
