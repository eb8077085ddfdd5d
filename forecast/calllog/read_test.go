package calllog

import (
	"context"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/realdata"
)

const bankFile = "anonymous-bank-1999/calls_one_day.csv"

// TestBankMeasured reads the Anonymous Bank's day (1 August 1999) and
// checks the measured figures against a count made here independently
// from the raw columns, without the reader: outcome AGENT is answered,
// HANG with a queue entry (q_start ≠ 0:00:00) abandoned in the queue,
// HANG without one hung up in the VRU, and the wait is the export's own
// q_time column (seconds) rather than the times the reader subtracts.
func TestBankMeasured(t *testing.T) {
	t.Parallel()
	path := realdata.Path(t, bankFile)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var answered, abandoned, vru, phantom, within20, within60 int
	var waitAnswered float64
	for _, r := range rows[1:] {
		q, err := strconv.Atoi(r[col["q_time"]])
		if err != nil {
			t.Fatal(err)
		}
		switch r[col["outcome"]] {
		case "AGENT":
			answered++
			waitAnswered += float64(q)
			if q <= 20 {
				within20++
			}
			if q <= 60 {
				within60++
			}
		case "HANG":
			if r[col["q_start"]] == "0:00:00" {
				vru++
			} else {
				abandoned++
			}
		default:
			phantom++
		}
	}
	offered := float64(answered + abandoned)

	e := NewEstimator(Config{})
	rep, err := ReadFile(path, Options{Date: time.Date(1999, 8, 1, 0, 0, 0, 0, time.UTC)}, e.Add)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rejected != 0 {
		t.Errorf("%d rows rejected: %v", rep.Rejected, rep.Rejects)
	}
	est, err := e.Estimate()
	if err != nil {
		t.Fatal(err)
	}
	c := est.Counts
	if c.Answered != answered || c.Abandoned != abandoned || c.VRUOnly != vru || c.Other != phantom {
		t.Errorf("counts %+v; want answered %d, abandoned %d, VRU only %d, other %d", c, answered, abandoned, vru, phantom)
	}
	m := est.Measured
	for _, x := range []struct {
		name      string
		got, want float64
	}{
		{"ASA", m.ASA, waitAnswered / float64(answered)},
		{"abandon rate", m.AbandonRate, float64(abandoned) / offered},
		{"SL 20s", m.ServiceLevels[0].Value, float64(within20) / offered},
		{"SL 60s", m.ServiceLevels[1].Value, float64(within60) / offered},
	} {
		if math.Abs(x.got-x.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", x.name, x.got, x.want)
		}
	}
	t.Logf("answered %d, abandoned %d, ASA %.1f s, SL20 %.3f, SL60 %.3f; patience %.0f s [%.0f, %.0f]; handle mean %.0f s cv %.2f, log-normal KS %.3f (critical %.3f); busy gap %.1f s, pick-up %.1f s, wrap-up %.1f s",
		c.Answered, c.Abandoned, m.ASA, m.ServiceLevels[0].Value, m.ServiceLevels[1].Value,
		est.Patience.Exponential.Mean, est.Patience.Exponential.MeanLow, est.Patience.Exponential.MeanHigh,
		est.Handle.Mean, est.Handle.CV, est.LogFit.KS, est.LogFit.KSCritical, est.Gaps.Busy.Mean, est.Gaps.PickUp.Mean, est.Gaps.WrapUpMean)
	if est.Gaps == nil || est.Gaps.Agents == 0 || est.Gaps.Present == nil {
		t.Fatalf("the bank names its agents (server): want gap estimates, got %+v", est.Gaps)
	}
}

// TestReadRejects checks that each kind of bad row is rejected with its
// line, column and reason, and that Strict turns it into a *RowError.
func TestReadRejects(t *testing.T) {
	t.Parallel()
	const head = "date,q_start,q_exit,outcome,ser_start,ser_exit,server\n"
	for _, c := range []struct {
		name, row, column, reason string
	}{
		{"bad time", "990801,10:00:00,10:0x:00,HANG,0:00:00,0:00:00,NO_SERVER", "q_exit", "not a time"},
		{"bad date", "99-08-01,10:00:00,10:01:00,HANG,0:00:00,0:00:00,NO_SERVER", "date", "not 2006-01-02"},
		{"unknown outcome", "990801,10:00:00,10:01:00,MAYBE,0:00:00,0:00:00,NO_SERVER", "outcome", `outcome "MAYBE"`},
		{"service end before start", "990801,10:00:00,10:01:00,AGENT,10:01:00,10:00:30,A", "ser_exit", "before it starts"},
		{"half a service", "990801,10:00:00,10:01:00,AGENT,10:01:00,0:00:00,A", "ser_exit", "both its service start and end"},
		{"abandon without exit", "990801,10:00:00,0:00:00,HANG,0:00:00,0:00:00,NO_SERVER", "q_exit", "needs its queue exit"},
		{"exit long before entry", "990801,10:00:00,9:50:00,HANG,0:00:00,0:00:00,NO_SERVER", "q_exit", "before it enters"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := head + "990801,9:00:00,9:00:10,HANG,0:00:00,0:00:00,NO_SERVER\n" + c.row + "\n"
			n := 0
			rep, err := Read("log.csv", strings.NewReader(in), Options{}, func(*Call) { n++ })
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 || rep.Rejected != 1 || len(rep.Rejects) != 1 {
				t.Fatalf("read %d, rejected %d; want 1 and 1", n, rep.Rejected)
			}
			r := rep.Rejects[0]
			if r.Line != 3 || r.Column != c.column || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("reject %+v; want line 3, column %s, reason with %q", r, c.column, c.reason)
			}
			_, err = Read("log.csv", strings.NewReader(in), Options{Strict: true}, func(*Call) {})
			var re *RowError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), "log.csv: line 3: column "+c.column) {
				t.Errorf("strict: got %v, want a *RowError naming log.csv, line 3, column %s", err, c.column)
			}
		})
	}
}

// TestReadOptions checks a mapping to a column that is absent (the
// caller's problem), a file without the needed columns (the file's) and
// clock times without a date (every row rejected, saying what to give).
func TestReadOptions(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, in string
		opt      Options
		want     string
	}{
		{"absent mapped column", "q_start,q_exit,outcome,ser_start,ser_exit\n", Options{Columns: map[string]string{FieldAgent: "agent_name"}}, `no column "agent_name"`},
	} {
		_, err := Read("log.csv", strings.NewReader(c.in), c.opt, func(*Call) {})
		var oe *OptionError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an *OptionError with %q", c.name, err, c.want)
		}
	}
	// A file that is not a call log is the file's fault, not the options'.
	_, err := Read("log.csv", strings.NewReader("created_at,priority\n2026-01-01 10:00:00,P1\n"), Options{}, func(*Call) {})
	var oe *OptionError
	if err == nil || errors.As(err, &oe) || !strings.Contains(err.Error(), "log.csv: line 1: not a call log: no column for queue_start, queue_exit") {
		t.Errorf("not a call log: got %v", err)
	}
	rep, err := Read("log.csv", strings.NewReader("q_start,q_exit,outcome,ser_start,ser_exit\n10:00:00,10:01:00,HANG,0:00:00,0:00:00\n"), Options{}, func(*Call) {})
	if err != nil || rep.Rejected != 1 || !strings.Contains(rep.Rejects[0].Reason, "give the day") {
		t.Errorf("clock times without a date: %v, %+v; want a reject asking for the day", err, rep)
	}
}

// TestReadTimes covers the time forms and a call across midnight: the
// service starts at 23:59:50 and ends 00:02:10 the next day (140 s).
func TestReadTimes(t *testing.T) {
	t.Parallel()
	in := "Queue Start,Queue Exit,Result,Answered At,Ended At,Agent\n" +
		"2026-03-02 23:58:00,2026-03-02 23:59:50,answered,2026-03-02T23:59:50Z,2026-03-03T00:02:10+00:00,ann\n"
	var got []Call
	_, err := Read("log.csv", strings.NewReader(in), Options{Columns: map[string]string{FieldServiceStart: "answered at"}}, func(c *Call) { got = append(got, *c) })
	if err != nil || len(got) != 1 {
		t.Fatalf("read %v, %v", got, err)
	}
	if h, ok := got[0].Handle(); !ok || h != 140 || got[0].Wait != 110 || got[0].Agent != "ann" || got[0].Outcome != Answered {
		t.Errorf("got %+v; want wait 110 s, handle 140 s, agent ann", got[0])
	}
	in = "date,q_start,q_exit,outcome,ser_start,ser_exit\n990801,23:58:00,23:59:50,AGENT,23:59:50,0:02:10\n"
	got = nil
	if _, err := Read("log.csv", strings.NewReader(in), Options{}, func(c *Call) { got = append(got, *c) }); err != nil || len(got) != 1 {
		t.Fatalf("clock times: %v, %v", got, err)
	}
	if h, _ := got[0].Handle(); h != 140 {
		t.Errorf("across midnight: handle %v s, want 140", h)
	}
}

// BenchmarkRead measures the reader on the bank's day repeated to a
// month-sized stream, in rows/s.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(realdata.Path(b, bankFile))
	if err != nil {
		b.Fatal(err)
	}
	head, body, _ := strings.Cut(string(data), "\n")
	var sb strings.Builder
	sb.WriteString(head + "\n")
	for sb.Len() < 40<<20 { // ~400 000 rows, a month of this bank
		sb.WriteString(body)
	}
	month := sb.String()
	opt := Options{Date: time.Date(1999, 8, 1, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(month)))
	b.ResetTimer()
	var rows int
	for b.Loop() {
		rep, err := Read("month.csv", strings.NewReader(month), opt, func(*Call) {})
		if err != nil {
			b.Fatal(err)
		}
		rows += rep.Rows
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkEstimate measures the estimators on a generated month (30 days
// of the known desk), in calls/s.
func BenchmarkEstimate(b *testing.B) {
	d := desk{agents: 40, days: 30, open: 7 * time.Hour, close: 21 * time.Hour, rate: 0.17,
		handleMean: 180, handleCV: 1, patience: 240, wrapLo: 10, wrapHi: 50, pickLo: 2, pickHi: 18, seed: 1}
	var calls []Call
	if _, err := Read("month.csv", strings.NewReader(logOf(d.run())), Options{}, func(c *Call) { calls = append(calls, *c) }); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		e := NewEstimator(Config{})
		for i := range calls {
			e.Add(&calls[i])
		}
		if _, err := e.Estimate(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(calls))*float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// TestReadCancelled: a done context stops the read with its error.
func TestReadCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := "q_start,q_exit,outcome,ser_start,ser_exit\n2026-03-02 10:00:00,2026-03-02 10:00:10,HANG,,\n"
	if _, err := Read("log.csv", strings.NewReader(in), Options{Context: ctx}, func(*Call) {}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
