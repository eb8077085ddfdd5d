// Command benchr is the staffsim side of scripts/bench-r.sh: for each
// series it reads the history as staffsim forecast does (LoadSeriesFile,
// then Usable), writes the usable series as interval_start,arrivals for R,
// holds out its last whole days, forecasts them with auto and with every
// method, and prints one tab-separated line per method:
//
//	series  method  wape
//
// WAPE = Σ|y − ŷ| / Σy over the held-out intervals (ScoreHoldout). Usage:
//
//	go run ./scripts/benchr -out DIR -test-days 14 NAME=PATH@INTERVAL[,id=COLUMN] ...
//
// id=COLUMN reads an event log (one row per update) as tickets, rows with
// the same COLUMN collapsing into one (staffsim's --id-column). R gets the
// usable series written here, so both sides forecast the same counts.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
)

func main() {
	out := flag.String("out", ".", "directory for the usable series, NAME.csv")
	testDays := flag.Int("test-days", 14, "whole days held out at the end")
	flag.Parse()
	for _, arg := range flag.Args() {
		if err := run(arg, *out, *testDays); err != nil {
			fmt.Fprintf(os.Stderr, "benchr: %s: %v\n", arg, err)
			os.Exit(1)
		}
	}
}

func run(arg, dir string, testDays int) error {
	name, rest, ok := strings.Cut(arg, "=")
	path, ivs, ok2 := strings.Cut(rest, "@")
	if !ok || !ok2 {
		return fmt.Errorf("want NAME=PATH@INTERVAL[,id=COLUMN], e.g. bpi=bpi.csv@60m,id=CaseID")
	}
	var opt history.Options
	ivs, idc, hasID := strings.Cut(ivs, ",")
	if hasID {
		col, ok := strings.CutPrefix(idc, "id=")
		if !ok || col == "" {
			return fmt.Errorf("%q after the interval: want id=COLUMN", idc)
		}
		opt.IDColumn = col
	}
	iv, err := time.ParseDuration(ivs)
	if err != nil {
		return err
	}
	s, _, err := forecast.LoadSeriesFile(path, opt, iv)
	if err != nil {
		return err
	}
	full := s.Len()
	s, notes := forecast.Usable(s)
	for _, n := range notes {
		fmt.Fprintf(os.Stderr, "%s: %s\n", name, n)
	}
	fmt.Fprintf(os.Stderr, "%s: usable series %s to %s, %d of %d intervals\n", name,
		s.Start.Format(time.DateOnly), s.Time(s.Len()).Format(time.DateOnly), s.Len(), full)
	f, err := os.Create(filepath.Join(dir, name+".csv"))
	if err != nil {
		return err
	}
	fmt.Fprintln(f, "interval_start,arrivals")
	for i, y := range s.Arrivals {
		fmt.Fprintf(f, "%s,%g\n", s.Time(i).Format(time.RFC3339), y)
	}
	if err := f.Close(); err != nil {
		return err
	}
	h := testDays * s.SlotsPerDay()
	if h >= s.Len() {
		return fmt.Errorf("%d test days leave no history", testDays)
	}
	cut := s.Len() - h
	train := &forecast.Series{Start: s.Start, Interval: s.Interval, Arrivals: s.Arrivals[:cut]}
	in, err := forecast.Prepare(train, h, nil)
	if err != nil {
		return err
	}
	actual := s.Arrivals[cut:]
	t0 := time.Now()
	fc, _, err := forecast.Auto(in, forecast.Options{})
	if err != nil {
		return err
	}
	secs := time.Since(t0).Seconds()
	sc, err := forecast.ScoreHoldout(in, fc, actual)
	if err != nil {
		return err
	}
	fmt.Printf("%s\tauto (%s)\t%.4f\n", name, fc.Method, sc.WAPE)
	fmt.Fprintf(os.Stderr, "%s: auto chose %s in %.2f s\n", name, fc.Method, secs)
	for _, m := range forecast.Methods() {
		in, err := forecast.Prepare(train, h, nil)
		if err != nil {
			return err
		}
		fc, _, err := forecast.Predict(in, m, forecast.Options{})
		if err != nil {
			return err
		}
		sc, err := forecast.ScoreHoldout(in, fc, actual)
		if err != nil {
			return err
		}
		fmt.Printf("%s\t%s\t%.4f\n", name, m.Name(), sc.WAPE)
	}
	return nil
}
