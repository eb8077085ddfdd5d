package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/realdata"
)

// replayFigure and replayDoc read replay --format json.
type replayFigure struct {
	Measured  *float64 `json:"measured"`
	Simulated *float64 `json:"simulated"`
	Error     *float64 `json:"error"`
	Chance    *float64 `json:"chance"`
	Within    *bool    `json:"within_chance"`
}

type replayPeriodDoc struct {
	Start   string                  `json:"start"`
	Queued  int                     `json:"queued"`
	Figures map[string]replayFigure `json:"figures"`
}

type replayDoc struct {
	Total replayPeriodDoc   `json:"total"`
	Days  []replayPeriodDoc `json:"days"`
	Hours []replayPeriodDoc `json:"hours"`
}

// bankMeasured recomputes the measured figures of the Anonymous Bank's
// day from its raw columns, with its own parsing (not package calllog's):
// a call is queued when its outcome is AGENT, or HANG with a queue entry;
// its wait is the q_time column (seconds in queue, which the export
// computes itself); it belongs to the hour of its queue entry, or of its
// VRU exit when it was answered without queueing.
type bankTally struct {
	queued, answered, abandoned, within20, within60 int
	wait                                            float64
}

func bankMeasured(t *testing.T, path string) (total bankTally, hours map[int]*bankTally) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	hours = map[int]*bankTally{}
	for _, r := range rows[1:] {
		out, qStart, vruExit := r[col["outcome"]], r[col["q_start"]], r[col["vru_exit"]]
		answered := out == "AGENT"
		if !answered && (out != "HANG" || qStart == "0:00:00") {
			continue
		}
		at := qStart
		if at == "0:00:00" {
			at = vruExit
		}
		hour, err := strconv.Atoi(strings.SplitN(at, ":", 2)[0])
		if err != nil {
			t.Fatalf("row %v: %v", r, err)
		}
		wait, err := strconv.Atoi(r[col["q_time"]])
		if err != nil {
			t.Fatalf("row %v: %v", r, err)
		}
		h := hours[hour]
		if h == nil {
			h = &bankTally{}
			hours[hour] = h
		}
		for _, x := range []*bankTally{&total, h} {
			x.queued++
			if !answered {
				x.abandoned++
				continue
			}
			x.answered++
			x.wait += float64(wait)
			if wait <= 20 {
				x.within20++
			}
			if wait <= 60 {
				x.within60++
			}
		}
	}
	return total, hours
}

// TestReplayBank replays the Anonymous Bank's day in one command and
// checks every measured figure, in total and per hour, against the raw
// columns; the scenario it writes re-runs with simulate to the same
// simulated service level.
func TestReplayBank(t *testing.T) {
	t.Parallel()
	path := realdata.Path(t, "anonymous-bank-1999/calls_one_day.csv")
	out := filepath.Join(t.TempDir(), "replay")
	code, stdout, errOut := runCLI(t, "replay", path, "--date", "1999-08-01", "--replications", "4", "--format", "json", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc replayDoc
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	total, hours := bankMeasured(t, path)
	check := func(where string, p replayPeriodDoc, x bankTally) {
		t.Helper()
		want := map[string]float64{
			"service_level_20s": float64(x.within20) / float64(x.queued),
			"service_level_1m":  float64(x.within60) / float64(x.queued),
			"abandon_rate":      float64(x.abandoned) / float64(x.queued),
			"asa_seconds":       x.wait / float64(x.answered),
			"answered":          float64(x.answered),
		}
		if p.Queued != x.queued {
			t.Errorf("%s: %d queued, want %d", where, p.Queued, x.queued)
		}
		for m, w := range want {
			f, ok := p.Figures[m]
			if !ok || f.Measured == nil || f.Simulated == nil || f.Chance == nil || f.Within == nil {
				t.Errorf("%s: %s missing or undefined: %+v", where, m, f)
				continue
			}
			if math.Abs(*f.Measured-w) > 1e-9 {
				t.Errorf("%s: measured %s %v, want %v (from the raw columns)", where, m, *f.Measured, w)
			}
			if math.Abs(*f.Error-(*f.Simulated-*f.Measured)) > 1e-9 || !(*f.Chance > 0) {
				t.Errorf("%s: %s error %v chance %v; want simulated − measured and a positive chance", where, m, *f.Error, *f.Chance)
			}
		}
	}
	check("total", doc.Total, total)
	if len(doc.Days) != 1 || doc.Days[0].Queued != total.queued {
		t.Errorf("days %+v; want one day of %d calls", doc.Days, total.queued)
	}
	if len(doc.Hours) != len(hours) {
		t.Errorf("%d hours, want %d", len(doc.Hours), len(hours))
	}
	for _, p := range doc.Hours {
		h, err := strconv.Atoi(p.Start[11:13])
		if err != nil || hours[h] == nil {
			t.Errorf("hour %q has no call in the raw file", p.Start)
			continue
		}
		check("hour "+p.Start, p, *hours[h])
	}
	for _, f := range []string{"scenario.yaml", "calls.csv", "staffing.csv", "comparison.csv", "report.html", "replay-service_level_20s.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("--out: %v", err)
		}
	}
	// The scenario written is the one simulated: the same seed and
	// replications give the same service level.
	code, stdout, errOut = runCLI(t, "simulate", filepath.Join(out, "scenario.yaml"), "--replications", "4", "--format", "json")
	if code != exitOK {
		t.Fatalf("simulate the written scenario: exit %d: %s", code, errOut)
	}
	var sum struct {
		Queues []struct {
			SL struct{ Mean float64 } `json:"service_level"`
		} `json:"queues"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil || len(sum.Queues) != 1 {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if got, want := sum.Queues[0].SL.Mean, *doc.Total.Figures["service_level_20s"].Simulated; math.Abs(got-want) > 1e-12 {
		t.Errorf("simulate scenario.yaml: SL %v; want the replay's simulated %v", got, want)
	}
}

func TestReplayErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"replay"}, exitUsage, "accepts 1 arg"},
		{[]string{"replay", "testdata/calls_small.csv", "--targets", "soon"}, exitUsage, "--within"},
		{[]string{"replay", "testdata/calls_small.csv", "--replications", "0"}, exitUsage, "--replications 0"},
		{[]string{"replay", "testdata/calls_small.csv", "--column", "nope=x"}, exitUsage, "unknown call-log field"},
		{[]string{"replay", "testdata/no-such-log.csv"}, exitFailure, "no-such-log.csv"},
		{[]string{"replay", "testdata/calls_small.csv", "--staffing", "testdata/no-such-staffing.csv"}, exitFailure, "no-such-staffing.csv"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
