// Package synth generates realistic synthetic service-desk histories: one
// row per ticket or call, deterministic for a seed. They feed tests,
// examples and the built-in sample that `staffsim plan` runs on.
//
// # Arrivals
//
// Arrivals are a non-homogeneous Poisson process, constant within each
// 15-minute wall-clock slot of the desk's time zone (Config.Location). The
// expected number of tickets in slot s of day d (d = 0 for Config.Start) is
//
//	λ(d, s) = V · W(weekday(d)) · p(s) · (1 + g)^(d/365) · H(d) · N(d)
//
// where
//
//   - V is Config.DailyVolume, the mean weekday volume on the first day;
//   - W is the weekday factor: Mon 1.18, Tue 1.06, Wed 1.00, Thu 0.96,
//     Fri 0.80 (averaging exactly 1), Sat 0.12, Sun 0.08;
//   - p(s) is the intraday profile, the share of the day in slot s: the
//     integral over the slot of
//     g(h) = Σⱼ wⱼ·φ((h − μⱼ)/σⱼ)/σⱼ + b/24 (h in hours, φ the standard
//     normal density) with a morning peak (w 0.52, μ 10.25 h, σ 1.5 h),
//     an afternoon peak (0.38, 14.75 h, 1.6 h), an evening tail (0.05,
//     19.5 h, 1.5 h) and a night floor b = 0.05, normalised so the 96
//     shares sum to 1. The busiest half hours are 10:00 and 14:30; about
//     1.4 % of a day arrives between midnight and 06:00;
//   - g is Config.Trend, the yearly growth;
//   - H(d) is 0.05 on a public holiday (near zero) and 1 otherwise;
//   - N(d) is a day-level log-normal factor with mean 1 and coefficient of
//     variation Config.DayNoise (1 when DayNoise is 0).
//
// The count in a slot is drawn from Poisson(λ) and the arrival times are
// independent and uniform over the slot, in whole seconds, emitted in time
// order. Slots follow the absolute clock from local midnight, so a
// daylight-saving day has 92 or 100 quarter hours; each takes the profile
// share of its wall-clock time (the repeated hour is counted twice, the
// skipped hour not at all — both lie in the quiet night).
//
// # Tickets
//
// Each ticket independently draws:
//
//   - priority P1–P4 with probabilities 2 %, 10 %, 55 %, 33 %;
//   - channel phone / email / portal with probabilities 45/30/25 % inside
//     business hours and 15/40/45 % outside them;
//   - category password, access, software, hardware, network, other with
//     probabilities 20/20/25/15/10/10 % and handle-time factors
//     0.5/0.9/1.2/1.3/1.1/1.15 (averaging exactly 1);
//   - a handle time (below).
//
// The handle time is log-normal, exp(μ + σZ) with σ² = ln(1 + cv²) and
// μ = ln(m·f) − σ²/2, so that its mean is m·f: f is the category factor,
// cv is 0.8 for phone and 1.0 for email and portal, and the mean m in
// seconds is
//
//	      phone  email  portal
//	P1     1500   2400    2400
//	P2      900   1500    1500
//	P3      420    720     660
//	P4      300    540     480
//
// It is rounded to whole seconds (at least 1).
//
// # First response and resolution
//
// Business hours are Monday to Friday, 08:00–18:00 local time, except
// public holidays. The load factor L = ½ + ½·W·p(s)/p̄ (p̄ the mean profile
// share of a business-hours slot) makes waits queueing-like: about 1 on an
// average business hour, up to about 1.45 in a Monday-morning peak, ½ at night.
//
//   - A phone call is answered after an exponential wait of mean 60 s·L.
//   - An email or portal P1 is picked up around the clock after an
//     exponential delay of mean 15 min (in business hours) or 40 min
//     (outside them).
//   - An email or portal P2, P3 or P4 waits an exponential delay of mean
//     30 min·L, 90 min·L or 3 h·L counted in business time only: a ticket
//     that arrives at 17:30 on Friday with one hour of delay is answered at
//     08:30 on Monday.
//
// So first-response SLA attainment is realistic rather than 100 %: with
// the targets 30 min, 2 h, 4 h and 8 h for P1–P4, a year of the plain
// model meets about 88, 89, 84 and 80 %.
//
// A phone P2, P3 or P4 is resolved on the call with probability 30, 60 or
// 70 %: resolved = first response + handle time. Every other ticket is
// resolved after a further log-normal delay (coefficient of variation 1.3)
// added to first response + handle time: mean 3 h of wall-clock time for
// P1, and 6 h, 14 h or 24 h of business time for P2, P3 and P4 (capped at
// 200 business hours).
//
// The history ends at local midnight after the last day (Config.End), the
// moment it is "exported": a first response or resolution that would fall
// at or after it is left empty, as in a real export of open tickets.
//
// # Holidays
//
// The built-in calendar, UKBankHolidays, is a fixed rule-based subset of
// the UK (England and Wales) bank holidays; a DateSet (for instance a file
// read by forecast.ReadHolidays) replaces it, and HolidaysIn lists a
// calendar's dates as forecast.Holidays for forecasting.
//
// # Randomness
//
// All draws come from one math/rand/v2 PCG stream seeded with
// (Config.Seed, a fixed stream constant), in a fixed order, so the same
// Config gives the same tickets and the same CSV bytes. Floating-point
// results are identical on one platform; another CPU architecture may fuse
// multiply-adds differently, which in principle could move a rounding.
package synth
