package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/roster"
)

const (
	rosterReq    = "../../testdata/roster/requirements.csv"
	rosterShifts = "../../testdata/roster/shifts.yaml"
)

func TestRosterEndToEnd(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "roster.yaml")
	chart := filepath.Join(t.TempDir(), "coverage.svg")
	// Five rounds: the week's LP starts Refine from 105 agents, which it
	// raises to 108 and needs a further round to confirm.
	code, stdout, stderr := runCLI(t, "roster", "--requirements", rosterReq, "--shifts", rosterShifts,
		"--tz", "Europe/London", "--out", out, "--chart", chart, "--format", "json", "--rounds", "5", "--lp-time", "0")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	// --lp-time is a deprecated no-op: the week's LP is always solved.
	if !strings.Contains(stderr, "--lp-time is deprecated and ignored") {
		t.Errorf("stderr %q: want a deprecation notice for --lp-time", stderr)
	}
	var got struct {
		Agents    int     `json:"agents"`
		Gap       float64 `json:"gap_before_sim"`
		Met       bool    `json:"service_level_met_all_day"`
		Intervals []struct {
			Required, Staffed float64
		} `json:"intervals"`
		Shifts []struct{ Days []string } `json:"shifts"`
		Bound  string                    `json:"lower_bound_method"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, stdout)
	}
	if got.Bound != "lp" {
		t.Errorf("lower bound by %q, want the week's LP", got.Bound)
	}
	if got.Gap > 0.05 || !got.Met || len(got.Intervals) != 336 || got.Agents == 0 {
		t.Errorf("gap %v, met %v, %d intervals, %d agents; want ≤ 5 %%, true, 336, > 0", got.Gap, got.Met, len(got.Intervals), got.Agents)
	}
	if st, err := os.Stat(chart); err != nil || st.Size() < 1000 {
		t.Errorf("chart %s: %v", chart, err)
	}
	sc, err := scenarios.Load(out)
	if err != nil {
		t.Fatalf("the written roster is not a valid scenario: %v", err)
	}
	n := 0
	for _, s := range sc.Roster.Shifts {
		n += s.Agents
	}
	if n != got.Agents {
		t.Errorf("scenario has %d agents, report %d", n, got.Agents)
	}
}

func TestRosterBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "shifts.yaml")
	os.WriteFile(bad, []byte("templates:\n  - name: a\n    start: \"07:00\"\n    lenght: 8h\n"), 0o644)
	binary := filepath.Join(dir, "requirements.bin")
	os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"), 0o644)
	dst := filepath.Join(dir, "dst.csv")
	os.WriteFile(dst, []byte("interval_start,arrivals,aht_seconds,agents,scheduled_agents\n"+
		"2026-10-25T01:00:00+01:00,1,200,1,2\n2026-10-25T01:30:00+01:00,1,200,1,2\n2026-10-25T01:00:00Z,1,200,1,2\n"), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"roster"}, exitUsage, "--requirements and --shifts"},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", rosterShifts, "--sl", "eighty"}, exitUsage, "sl"},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", rosterShifts, "--tz", "Mars/Base"}, exitUsage, "Mars/Base"},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", rosterShifts, "--tz", "Local"}, exitUsage, `--tz "Local" is the machine's zone`},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", rosterShifts, "--rounds", "0"}, exitUsage, "--rounds 0"},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", rosterShifts, "--sl", "100/20s"}, exitUsage, "--sl 100/20s: a service-level goal of 100% cannot be met by a queue with random arrivals; use e.g. 99%"},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", rosterShifts, "--chart", "c.gif"}, exitUsage, "name it .png or .svg"},
		{[]string{"roster", "--requirements", rosterReq, "--shifts", bad}, exitFailure, "line 4: templates[0].lenght: unknown key"},
		{[]string{"roster", "--requirements", binary, "--shifts", rosterShifts}, exitFailure, "requirements.bin: is a binary file, not CSV text"},
		{[]string{"roster", "--requirements", dst, "--shifts", rosterShifts}, exitUsage, "dst.csv: line 4: offset +00:00, the first row's +01:00 (a daylight-saving change?): give the desk's time zone with --tz"},
		{[]string{"roster", "--requirements", filepath.Join(dir, "none.csv"), "--shifts", rosterShifts}, exitFailure, "none.csv"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

func TestRosterTableWording(t *testing.T) {
	t.Parallel()
	p := &roster.Problem{Interval: 30 * time.Minute}
	before := &roster.Roster{PaidHours: 138.4, LowerBound: 100}
	r := &roster.Roster{PaidHours: 110, LowerBound: 100}
	for _, c := range []struct {
		rounds int
		want   string
	}{{1, "(1 round)"}, {3, "(3 rounds)"}} {
		var b strings.Builder
		rep := &roster.SimReport{Met: true, Rounds: make([]roster.Round, c.rounds)}
		if err := writeRosterTable(&b, p, &roster.Shifts{}, "£", before, r, rep); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{c.want, "38.4%", "10.0%"} {
			if !strings.Contains(out, want) {
				t.Errorf("table lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, " %") || strings.Contains(out, "1 rounds") {
			t.Errorf("table has \" %%\" or \"1 rounds\":\n%s", out)
		}
	}
}

// TestRosterCSVNoNegativeZero: an interval staffed exactly as required is
// neither over nor under, and prints 0, not "-0".
func TestRosterCSVNoNegativeZero(t *testing.T) {
	t.Parallel()
	p := &roster.Problem{Start: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Required: []float64{2, 3, 1}}
	r := &roster.Roster{Staffed: []float64{2, 2, 2}}
	var b strings.Builder
	if err := writeRosterCSV(&b, p, r, nil); err != nil {
		t.Fatal(err)
	}
	want := "interval_start,required,staffed,over,under,service_level\n" +
		"2026-12-07T09:00:00Z,2,2,0,0,\n" +
		"2026-12-07T09:30:00Z,3,2,0,1,\n" +
		"2026-12-07T10:00:00Z,1,2,1,0,\n"
	if got := b.String(); got != want {
		t.Errorf("roster CSV:\n%s\nwant:\n%s", got, want)
	}
}

// TestRosterOutWithoutTZ: without --tz the requirements' offset is the
// desk's zone; roster --out used to write it as timezone: +00:00, which
// simulate then refused. It is written as UTC (or an Etc/GMT zone), and
// the written scenario loads.
func TestRosterOutWithoutTZ(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var req strings.Builder
	req.WriteString("interval_start,arrivals,aht_seconds,agents,scheduled_agents\n")
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 48; i++ {
		need := 0
		if i >= 16 && i < 36 {
			need = 2
		}
		req.WriteString(start.Add(time.Duration(i)*30*time.Minute).Format("2006-01-02T15:04:05-07:00") + ",10,300," + strconv.Itoa(need) + "," + strconv.Itoa(need) + "\n")
	}
	reqFile, shifts, out := filepath.Join(dir, "req.csv"), filepath.Join(dir, "shifts.yaml"), filepath.Join(dir, "roster.yaml")
	os.WriteFile(reqFile, []byte(req.String()), 0o644)
	os.WriteFile(shifts, []byte("templates:\n  - {name: day, starts: {from: \"06:00\", to: \"12:00\", every: 1h}, length: 8h}\n"), 0o644)
	code, _, stderr := runCLI(t, "roster", "--requirements", reqFile, "--shifts", shifts, "--simulate=false", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	written, _ := os.ReadFile(out)
	if !strings.Contains(string(written), "timezone: UTC\n") {
		t.Errorf("wrote\n%s\nwant timezone: UTC", written)
	}
	if _, err := scenarios.Load(out); err != nil {
		t.Errorf("the written roster does not load: %v", err)
	}
}
