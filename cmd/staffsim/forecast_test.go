package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/realdata"
)

// writeVolumes writes a generated interval-volume history: weeks of 30m
// intervals from Monday 2026-01-05 (UTC), Poisson arrivals with a two-peak
// intraday shape and a weekday pattern, closed 20:00–07:00 and on Sundays,
// with AHT 240 s.
func writeVolumes(t *testing.T, weeks int, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	b.WriteString("interval_start,arrivals,aht_seconds\n")
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	day := [7]float64{0, 1.2, 1.1, 1, 1, 0.9, 0.5}
	for i := range weeks * 7 * 48 {
		ts := start.Add(time.Duration(i) * 30 * time.Minute)
		h := float64(ts.Hour()) + float64(ts.Minute())/60
		mu := 0.0
		if h >= 7 && h < 20 {
			mu = 25 * day[ts.Weekday()] * (0.3 + math.Exp(-math.Pow((h-10.5)/1.6, 2)) + 0.8*math.Exp(-math.Pow((h-14.5)/1.8, 2)))
		}
		k := 0
		if mu > 0 {
			k = max(0, int(math.Round(mu+math.Sqrt(mu)*r.NormFloat64())))
		}
		fmt.Fprintf(&b, "%s,%d,%s\n", ts.Format(time.RFC3339), k, "240")
	}
	p := filepath.Join(t.TempDir(), "volumes.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestForecastCommand(t *testing.T) {
	t.Parallel()
	hist := writeVolumes(t, 8, 1)
	dir := t.TempDir()
	out := filepath.Join(dir, "forecast.csv")
	plot := filepath.Join(dir, "forecast.png")
	code, stdout, stderr := runCLI(t, "forecast", "--history", hist, "--horizon", "14d", "--out", out, "--plot", plot)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	// 8 weeks of history leave 5 weekly origins with the three weeks
	// before the first that every method needs (the default is 6).
	for _, want := range []string{"backtest: 5 origin(s)", "snaive", "taylor", "coverage (nominal 80.0%)", "* ", "forecast: "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "interval_start,arrivals,lower,upper,aht_seconds" {
		t.Errorf("header %q", got)
	}
	if len(rows) != 1+14*48 {
		t.Errorf("%d rows, want %d", len(rows), 1+14*48)
	}
	if rows[1][0] != "2026-03-02T00:00:00Z" || rows[1][1] != "0" || rows[1][4] == "" {
		t.Errorf("first row %q: want the Monday after the history, closed at midnight, with an AHT", rows[1])
	}
	// The reader's volumes shape reads forecast.csv back: that is how
	// requirements consumes it.
	s, _, err := forecast.LoadSeriesFile(out, history.Options{}, 30*time.Minute)
	if err != nil {
		t.Fatalf("reading forecast.csv back: %v", err)
	}
	if s.Len() != 14*48 || !s.Start.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("read back %d intervals from %v", s.Len(), s.Start)
	}
	for i := range s.Len() {
		want := rows[1+i][1]
		if got := fmt.Sprint(s.Arrivals[i]); got != want && math.Abs(s.Arrivals[i]-mustFloat(t, want)) > 1e-12 {
			t.Fatalf("interval %d: read back %v, wrote %s", i, s.Arrivals[i], want)
		}
		if a, ok := s.AHT(i); s.Arrivals[i] > 0 && (!ok || math.Abs(a-mustFloat(t, rows[1+i][4])) > 1e-9) {
			t.Fatalf("interval %d: AHT read back %v, wrote %s", i, a, rows[1+i][4])
		}
	}
	pf, err := os.Open(plot)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if _, err := png.Decode(pf); err != nil {
		t.Errorf("--plot: not a PNG: %v", err)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var v float64
	if _, err := fmt.Sscan(s, &v); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

func TestForecastFormatsAndHoldout(t *testing.T) {
	t.Parallel()
	hist := writeVolumes(t, 8, 2)
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, "forecast", "--history", hist, "--holdout", "7d", "--horizon", "7d",
		"--format", "json", "--out", filepath.Join(dir, "f.csv"), "--level", "90%")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Method   string
		Level    float64
		Interval string
		Backtest struct{ Scores []forecast.Score }
		Holdout  *struct {
			Duration string
			WAPE     float64
			Coverage float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if res.Level != 0.9 || res.Interval != "30m" || len(res.Backtest.Scores) != len(forecast.Methods()) || res.Holdout == nil || res.Holdout.Duration != "7d" {
		t.Errorf("JSON result %+v", res)
	}
	if res.Holdout != nil && !(res.Holdout.WAPE > 0 && res.Holdout.WAPE < 0.5) {
		t.Errorf("holdout WAPE %v on a regular generated history", res.Holdout.WAPE)
	}
	code, stdout, _ = runCLI(t, "forecast", "--history", hist, "--format", "csv", "--method", "weighted", "--out", filepath.Join(dir, "g.csv"))
	if code != exitOK || !strings.HasPrefix(stdout, "scope,method,wape,mase,bias,coverage,level,chosen\nbacktest,weighted,") {
		t.Errorf("--format csv: exit %d, stdout %q", code, stdout)
	}
	// --out -: the forecast on stdout, the accuracy report on stderr.
	code, stdout, stderr = runCLI(t, "forecast", "--history", hist, "--horizon", "1d", "--method", "snaive", "--out", "-")
	if code != exitOK || !strings.HasPrefix(stdout, "interval_start,arrivals,lower,upper,aht_seconds\n") ||
		strings.Count(stdout, "\n") != 49 || !strings.Contains(stderr, "backtest:") {
		t.Errorf("--out -: exit %d, stdout %q…, stderr %q", code, stdout[:min(len(stdout), 80)], stderr)
	}
}

func TestForecastBadInput(t *testing.T) {
	t.Parallel()
	hist := writeVolumes(t, 1, 3)
	short := filepath.Join(t.TempDir(), "short.csv")
	data, _ := os.ReadFile(hist)
	lines := strings.SplitAfter(string(data), "\n")
	os.WriteFile(short, []byte(strings.Join(lines[:1+5*48], "")), 0o644)
	badHol := filepath.Join(t.TempDir(), "hol.txt")
	os.WriteFile(badHol, []byte("2026-12-25\n25/12/2026\n"), 0o644)
	out := filepath.Join(t.TempDir(), "f.csv")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{}, exitUsage, "--history FILE is required"},
		{[]string{"--history", hist, "--interval", "7m"}, exitUsage, "whole number of minutes that divides a day"},
		{[]string{"--history", hist, "--level", "150%"}, exitUsage, "--level"},
		{[]string{"--history", hist, "--method", "prophet"}, exitUsage, "unknown method \"prophet\""},
		{[]string{"--history", hist, "--plot", "f.gif"}, exitUsage, ".png or .svg"},
		{[]string{"--history", hist, "--holdout", "30d"}, exitUsage, "leaves no history"},
		{[]string{"--history", hist, "--horizon", "10m"}, exitUsage, "at least one interval"},
		{[]string{"--history", filepath.Join(t.TempDir(), "missing.csv")}, exitFailure, "missing.csv"},
		{[]string{"--history", short}, exitFailure, "at least 7 days"},
		{[]string{"--history", hist, "--method", "taylor"}, exitFailure, "taylor needs at least 21d of history, have 7d"},
		{[]string{"--history", hist, "--holidays", badHol}, exitFailure, "hol.txt: line 2"},
	} {
		args := append([]string{"forecast", "--out", out}, tc.args...)
		code, _, stderr := runCLI(t, args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a forecast file")
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// TestForecastRealTickets runs the command on the BPI Challenge 2013 Volvo
// IT incidents (a ticket's first event is its creation) and checks, out of
// sample, that the method auto picks on the history before the last week
// beats seasonal naive on that week.
func TestForecastRealTickets(t *testing.T) {
	t.Parallel()
	hist := realdata.Path(t, "bpi13-incidents/bpi_13_incidents.csv")
	holdoutWAPE := func(method string) float64 {
		code, stdout, stderr := runCLI(t, "forecast", "--history", hist, "--id-column", "CaseID", "--interval", "60m",
			"--horizon", "7d", "--holdout", "7d", "--method", method, "--format", "json", "--out", filepath.Join(t.TempDir(), "f.csv"))
		if code != exitOK {
			t.Fatalf("--method %s: exit %d: %s", method, code, stderr)
		}
		var res struct {
			Method  string
			Holdout struct{ WAPE float64 }
		}
		if err := json.Unmarshal([]byte(stdout), &res); err != nil {
			t.Fatal(err)
		}
		t.Logf("--method %s → %s: holdout WAPE %.4f", method, res.Method, res.Holdout.WAPE)
		return res.Holdout.WAPE
	}
	auto, naive := holdoutWAPE("auto"), holdoutWAPE("snaive")
	if !(auto < naive) {
		t.Errorf("holdout WAPE: auto %.4f, seasonal naive %.4f; want auto lower", auto, naive)
	}
}

func TestForecastHolidays(t *testing.T) {
	t.Parallel()
	hist := writeVolumes(t, 8, 4)
	dir := t.TempDir()
	// The desk was closed on the history's holiday.
	data, _ := os.ReadFile(hist)
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "2026-02-11T") {
			lines[i] = strings.Split(l, ",")[0] + ",0,"
		}
	}
	os.WriteFile(hist, []byte(strings.Join(lines, "\n")), 0o644)
	hol := filepath.Join(dir, "holidays.txt")
	// A Wednesday in the history (left out of fitting) and one in the horizon.
	os.WriteFile(hol, []byte("# test\n2026-02-11\n2026-03-04\n"), 0o644)
	out := filepath.Join(dir, "f.csv")
	code, _, stderr := runCLI(t, "forecast", "--history", hist, "--horizon", "7d", "--holidays", hol, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "holiday") {
		t.Errorf("stderr %q has no note about the holiday", stderr)
	}
	s, _, err := forecast.LoadSeriesFile(out, history.Options{}, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var wed, tue float64
	for i := range s.Len() {
		switch s.Time(i).Format("2006-01-02") {
		case "2026-03-04":
			wed += s.Arrivals[i]
		case "2026-03-03":
			tue += s.Arrivals[i]
		}
	}
	// The history's holiday was closed, so the holiday profile forecasts
	// the horizon's holiday as closed, the day before as a normal day.
	if tue == 0 || wed != 0 {
		t.Errorf("Tuesday total %v, holiday Wednesday total %v", tue, wed)
	}
}

// TestForecastRealOneDayIsTooShort: one day of the Anonymous Bank call log
// is too little for every method, a clear failure (exit 1) saying what is
// needed.
func TestForecastRealOneDayIsTooShort(t *testing.T) {
	t.Parallel()
	hist := realdata.Path(t, "anonymous-bank-1999/calls_one_day.csv")
	code, _, stderr := runCLI(t, "forecast", "--history", hist, "--column", "created_at=1999-08-01+vru_entry",
		"--out", filepath.Join(t.TempDir(), "f.csv"))
	if code != exitFailure || !strings.Contains(stderr, "covers 1d; forecasting needs at least 7 days") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestForecastInterrupted(t *testing.T) {
	t.Parallel()
	hist := writeVolumes(t, 4, 5)
	out := filepath.Join(t.TempDir(), "f.csv")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e strings.Builder
	code := run(ctx, []string{"forecast", "--history", hist, "--out", out}, streams{in: strings.NewReader(""), out: &o, err: &e})
	if code != exitInterrupted {
		t.Errorf("cancelled run: exit %d, stderr %q; want %d", code, e.String(), exitInterrupted)
	}
	if fileExists(out) {
		t.Error("an interrupted run left a forecast file")
	}
}
