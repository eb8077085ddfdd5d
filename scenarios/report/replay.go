package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/staffsim/staffsim/internal/csvfield"
)

// Replay is what staffsim replay measured: a call log's own figures next
// to the simulation of the scenario built from it, over the whole log,
// per day and per hour.
type Replay struct {
	File         string
	Loc          *time.Location
	Targets      []float64 // service-level targets, seconds
	Replications int
	Seed         uint64
	// Built says, one sentence each, how the scenario was built from the
	// log (which estimate feeds which key).
	Built []string
	Total ReplayPeriod
	Days  []ReplayPeriod
	Hours []ReplayPeriod
}

// ReplayPeriod is one span (the whole log, a day, an hour) and its
// figures: the service level at each target, the abandon rate, the ASA
// and the calls answered, in that order (ReplayMetrics).
type ReplayPeriod struct {
	Start   time.Time
	Length  time.Duration
	Queued  int // measured calls that asked for an agent (answered + abandoned)
	Figures []ReplayFigure
}

// ReplayFigure is one measured figure and its simulation. Shares are
// fractions, ASA seconds, answered calls.
//
//   - Simulated is the mean over the replications in which the figure is
//     defined, Spread the standard deviation of those replications;
//   - StdErr is the standard error of the measured figure from its own
//     calls: √(p(1−p)/n) for a share of n calls, sd/√n for the ASA of n
//     answered calls, √(n·p(1−p)) for the answered count of n queued
//     (shares and counts with Agresti & Caffo's "plus four" p̃ = (x+2)/(n+4),
//     so that an hour whose calls were all answered still has an error);
//   - Chance is the error a correct model would show by chance alone:
//     the larger of Spread·√(1+1/R) (the measured figure being one more
//     draw of what the R replications drew) and StdErr;
//   - Error = Simulated − Measured; it is within chance when
//     |Error| ≤ 2·Chance (about 95 % of periods of a correct model).
//
// Defined is false when the period has no call the figure is about
// (no answered call for the ASA) or no replication defines it; the other
// fields are then 0.
type ReplayFigure struct {
	Metric    string
	Measured  float64
	Simulated float64
	Spread    float64
	StdErr    float64
	Chance    float64
	Error     float64
	N         int // replications in which the simulated figure is defined
	Defined   bool
}

// Within reports whether the error is within chance (|Error| ≤ 2·Chance).
func (f ReplayFigure) Within() bool { return f.Defined && math.Abs(f.Error) <= 2*f.Chance+1e-12 }

// ReplayMetrics names the figures of a period for targets (seconds):
// service_level_20s, …, abandon_rate, asa_seconds, answered.
func ReplayMetrics(targets []float64) []string {
	var out []string
	for _, t := range targets {
		out = append(out, "service_level_"+fmtTarget(t))
	}
	return append(out, "abandon_rate", "asa_seconds", "answered")
}

// Share reports whether metric is a share (shown in points).
func replayShare(metric string) bool { return metric != "asa_seconds" && metric != "answered" }

// replayColumns is the header of WriteReplayCSV.
var replayColumns = []string{"period", "start", "queued", "metric", "measured", "simulated", "error", "spread", "stderr", "chance", "within_chance", "replications"}

// WriteReplayCSV writes the comparison in long form, one row per period
// and figure: period (total, day or hour), start (RFC 3339), queued (the
// measured calls), metric, measured, simulated, error (simulated −
// measured), spread, stderr, chance, within_chance and replications
// (those defining the simulated figure). Shares are fractions; undefined
// figures are empty cells.
func WriteReplayCSV(w io.Writer, r *Replay) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(replayColumns); err != nil {
		return err
	}
	num := func(v float64, ok bool) string {
		if !ok {
			return ""
		}
		return strconv.FormatFloat(finite(v), 'g', -1, 64)
	}
	write := func(kind string, p ReplayPeriod) error {
		for _, f := range p.Figures {
			within := ""
			if f.Defined {
				within = strconv.FormatBool(f.Within())
			}
			if err := cw.Write([]string{kind, p.Start.In(r.loc()).Format(time.RFC3339), strconv.Itoa(p.Queued), f.Metric,
				num(f.Measured, f.Defined), num(f.Simulated, f.Defined), num(f.Error, f.Defined), num(f.Spread, f.Defined),
				num(f.StdErr, f.Defined), num(f.Chance, f.Defined), within, strconv.Itoa(f.N)}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write("total", r.Total); err != nil {
		return err
	}
	for _, p := range r.Days {
		if err := write("day", p); err != nil {
			return err
		}
	}
	for _, p := range r.Hours {
		if err := write("hour", p); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (r *Replay) loc() *time.Location {
	if r.Loc == nil {
		return time.UTC
	}
	return r.Loc
}

// replayFigureJSON is a ReplayFigure in JSON: null where undefined.
type replayFigureJSON struct {
	Measured     *csvfield.Float `json:"measured"`
	Simulated    *csvfield.Float `json:"simulated"`
	Error        *csvfield.Float `json:"error"`
	Spread       *csvfield.Float `json:"spread"`
	StdErr       *csvfield.Float `json:"stderr"`
	Chance       *csvfield.Float `json:"chance"`
	WithinChance *bool           `json:"within_chance"`
	Replications int             `json:"replications"`
}

type replayPeriodJSON struct {
	Start   csvfield.Time               `json:"start"`
	Seconds float64                     `json:"length_seconds"`
	Queued  int                         `json:"queued"`
	Figures map[string]replayFigureJSON `json:"figures"`
}

// MarshalJSON writes the replay with each period's figures keyed by
// metric (ReplayMetrics): shares as fractions, ASA in seconds.
func (r *Replay) MarshalJSON() ([]byte, error) {
	period := func(p ReplayPeriod) replayPeriodJSON {
		out := replayPeriodJSON{Start: csvfield.At(p.Start.In(r.loc())), Seconds: p.Length.Seconds(), Queued: p.Queued, Figures: map[string]replayFigureJSON{}}
		for _, f := range p.Figures {
			j := replayFigureJSON{Replications: f.N}
			if f.Defined {
				w := f.Within()
				j.Measured, j.Simulated, j.Error = csvfield.Opt(f.Measured, true), csvfield.Opt(f.Simulated, true), csvfield.Opt(f.Error, true)
				j.Spread, j.StdErr, j.Chance, j.WithinChance = csvfield.Opt(f.Spread, true), csvfield.Opt(f.StdErr, true), csvfield.Opt(f.Chance, true), &w
			}
			out.Figures[f.Metric] = j
		}
		return out
	}
	doc := struct {
		File         string             `json:"file"`
		Targets      []float64          `json:"targets_seconds"`
		Replications int                `json:"replications"`
		Seed         uint64             `json:"seed"`
		Built        []string           `json:"built"`
		Total        replayPeriodJSON   `json:"total"`
		Days         []replayPeriodJSON `json:"days"`
		Hours        []replayPeriodJSON `json:"hours"`
	}{File: r.File, Targets: r.Targets, Replications: r.Replications, Seed: r.Seed, Built: r.Built, Total: period(r.Total),
		Days: []replayPeriodJSON{}, Hours: []replayPeriodJSON{}}
	for _, p := range r.Days {
		doc.Days = append(doc.Days, period(p))
	}
	for _, p := range r.Hours {
		doc.Hours = append(doc.Hours, period(p))
	}
	return json.Marshal(doc)
}

// ReplayCharts returns the charts of a replay: per target, the measured
// service level per hour against the simulated one with its chance band
// (simulated ± 2·chance), and the abandon rate the same way.
func ReplayCharts(r *Replay) ([]Chart, error) {
	var out []Chart
	if len(r.Hours) == 0 {
		return nil, nil
	}
	// A continuous hourly axis: hours without calls are gaps.
	first, last := r.Hours[0].Start, r.Hours[len(r.Hours)-1].Start
	var ts []time.Time
	index := map[int64]int{}
	for t := first; !t.After(last); t = t.Add(time.Hour) {
		index[t.Unix()] = len(ts)
		ts = append(ts, t)
	}
	nan := func() []float64 {
		v := make([]float64, len(ts))
		for i := range v {
			v[i] = math.NaN()
		}
		return v
	}
	zero, one := 0.0, 1.0
	for k, metric := range ReplayMetrics(r.Targets) {
		if metric == "asa_seconds" || metric == "answered" {
			continue
		}
		meas, sim, lo, hi := nan(), nan(), nan(), nan()
		for _, p := range r.Hours {
			i, ok := index[p.Start.Unix()]
			f := p.Figures[k]
			if !ok || !f.Defined {
				continue
			}
			meas[i], sim[i] = f.Measured, f.Simulated
			lo[i], hi[i] = math.Max(0, f.Simulated-2*f.Chance), math.Min(1, f.Simulated+2*f.Chance)
		}
		title, explain := "", ""
		if k < len(r.Targets) {
			title = "Service level within " + fmtTarget(r.Targets[k]) + ": simulated vs measured, per hour"
			explain = "The log's own service level within " + fmtTarget(r.Targets[k]) + " each hour (black) against the replay's simulation (blue) and the band that chance alone would give a correct model (simulated ± 2 × chance). Where black leaves the band, the model misses something the desk did that hour."
		} else {
			title = "Abandon rate: simulated vs measured, per hour"
			explain = "The log's own abandon rate each hour (black) against the simulation (blue) with its chance band: black outside the band is more (or fewer) hang-ups than the callers' estimated patience explains."
		}
		tc := TimeChart{Title: title, YLabel: "share of calls", Loc: r.loc(), Percent: true, YMin: &zero, YMax: &one,
			Bands: []Band{{Label: "chance band (simulated ± 2 × chance)", Times: ts, Low: lo, High: hi, Step: true, Last: time.Hour}},
			Lines: []Line{
				{Label: "simulated", Times: ts, Values: sim, Step: true, Last: time.Hour, Color: Palette[0]},
				{Label: "measured (the log)", Times: ts, Values: meas, Step: true, Last: time.Hour, Color: color.Black, Width: 2},
			}}
		p, err := tc.Plot()
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: "replay-" + FileSlug(metric), Title: title, Explain: explain, plot: p, png: new([]byte)})
	}
	return out, nil
}

// replayFigureText writes a figure for the HTML table: shares as
// percentages and errors in points, ASA in seconds, answered as a count.
func replayFigureText(metric string, v float64) string {
	switch {
	case replayShare(metric):
		return pct(v)
	case metric == "asa_seconds":
		return secs(v)
	}
	return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
}

// replayErrorText writes an error: points for shares (+5.1 pt), seconds
// for the ASA, calls for answered.
func replayErrorText(metric string, v float64) string {
	switch {
	case replayShare(metric):
		return fmt.Sprintf("%+.1f pt", finite(v)*100)
	case metric == "asa_seconds":
		return fmt.Sprintf("%+.0f s", finite(v))
	}
	return fmt.Sprintf("%+.0f", finite(v))
}

// ReplayLabel names a metric for people: "SL 20s", "abandoned", "ASA",
// "answered".
func ReplayLabel(metric string) string {
	switch metric {
	case "abandon_rate":
		return "abandoned"
	case "asa_seconds":
		return "ASA"
	case "answered":
		return "answered"
	}
	return "SL " + metric[len("service_level_"):]
}

// ReplayValue writes a figure's value for people (percent, seconds or a
// count); ReplayError its error (points, seconds or calls).
func ReplayValue(metric string, v float64) string { return replayFigureText(metric, v) }

// ReplayError writes an error for people: points for shares (+5.1 pt),
// seconds for the ASA, calls for answered.
func ReplayError(metric string, v float64) string { return replayErrorText(metric, v) }

// replayRowsView is a table of periods for the HTML report.
type replayRowsView struct {
	Metrics []string
	Rows    []replayRowView
}

type replayRowView struct {
	Start  string
	Queued int
	Cells  []replayCellView
}

type replayCellView struct {
	Defined, Within            bool
	Measured, Simulated, Error string
}

var replayFuncs = map[string]any{
	"replayLabel": ReplayLabel,
	"replayValue": ReplayValue,
	"replayError": ReplayError,
	"replayChance": func(metric string, v float64) string {
		if replayShare(metric) {
			return fmt.Sprintf("%.1f pt", finite(v)*100)
		}
		return replayFigureText(metric, v)
	},
	"replayMisses": func(p ReplayPeriod) string {
		var out []string
		for _, f := range p.Figures {
			if f.Defined && !f.Within() {
				out = append(out, ReplayLabel(f.Metric)+" "+ReplayError(f.Metric, f.Error))
			}
		}
		s := ""
		for i, x := range out {
			if i > 0 {
				s += ", "
			}
			s += x
		}
		return s
	},
	"replayRows": func(r *Replay, ps []ReplayPeriod, layout string) replayRowsView {
		v := replayRowsView{Metrics: ReplayMetrics(r.Targets)}
		for _, p := range ps {
			row := replayRowView{Start: p.Start.In(r.loc()).Format(layout), Queued: p.Queued}
			for _, f := range p.Figures {
				row.Cells = append(row.Cells, replayCellView{Defined: f.Defined, Within: f.Within(),
					Measured: ReplayValue(f.Metric, f.Measured), Simulated: ReplayValue(f.Metric, f.Simulated), Error: ReplayError(f.Metric, f.Error)})
			}
			v.Rows = append(v.Rows, row)
		}
		return v
	},
}

func init() {
	for k, v := range replayFuncs {
		funcs[k] = v
	}
}
