package main

import (
	"testing"

	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/forecast/history"
)

func TestHistoryFlags(t *testing.T) {
	t.Parallel()
	parse := func(args ...string) (history.Options, error) {
		var h historyFlags
		fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
		h.register(fs)
		if err := fs.Parse(args); err != nil {
			return history.Options{}, err
		}
		return h.options()
	}
	opt, err := parse("--shape", "tickets", "--column", "created_at=date+q_start", "--column", "priority=Sev",
		"--id-column", "number", "--time-format", "02-01-2006 15:04", "--tz", "Europe/London", "--strict")
	if err != nil {
		t.Fatal(err)
	}
	if opt.Shape != history.ShapeTickets || opt.Columns["created_at"] != "date+q_start" || opt.Columns["priority"] != "Sev" ||
		opt.IDColumn != "number" || opt.TimeFormat != "02-01-2006 15:04" || opt.Location.String() != "Europe/London" || !opt.Strict {
		t.Errorf("options %+v", opt)
	}
	if opt, err := parse("--time-format", "unix"); err != nil || opt.TimeFormat != "unix" {
		t.Errorf("--time-format unix: %+v, %v", opt, err)
	}
	if opt, err := parse(); err != nil || opt.Location.String() != "UTC" || opt.Shape != history.ShapeAuto {
		t.Errorf("defaults: %+v, %v", opt, err)
	}
	for _, args := range [][]string{
		{"--tz", "Mars/Olympus"}, {"--tz", "Local"}, {"--tz", "local"}, {"--shape", "rows"}, {"--column", "opened=Opened"}, {"--time-format", "dd-mm-yyyy"},
	} {
		if _, err := parse(args...); !isUsage(err) {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
}
