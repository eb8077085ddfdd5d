package calllog

import (
	"strings"
	"testing"
	"time"
)

// FuzzRead: any input is read or refused without a panic, and every call
// delivered keeps the reader's promises (a queued call has a wait ≥ 0 and
// an arrival; an answered call's service does not end before it starts).
func FuzzRead(f *testing.F) {
	f.Add("date,q_start,q_exit,outcome,ser_start,ser_exit,server\n990801,10:00:00,10:00:40,AGENT,10:00:40,10:03:00,ann\n990801,10:01:00,10:01:20,HANG,0:00:00,0:00:00,NO_SERVER\n")
	f.Add("q_start,q_exit,outcome,ser_start,ser_exit\n2026-03-02 23:58:00,2026-03-02T23:59:50Z,answered,23:59:50,0:02:10\n")
	f.Add("q_start,q_exit,outcome,ser_start,ser_exit\n\"x,1\n")
	opt := Options{Date: time.Date(1999, 8, 1, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, in string) {
		e := NewEstimator(Config{})
		_, err := Read("f.csv", strings.NewReader(in), opt, func(c *Call) {
			if c.Queued && (c.Wait < 0 || c.Arrival.IsZero()) {
				t.Fatalf("queued call %+v", c)
			}
			if h, ok := c.Handle(); ok && h < 0 {
				t.Fatalf("negative handle time: %+v", c)
			}
			e.Add(c)
		})
		if err != nil {
			return
		}
		if est, err := e.Estimate(); err == nil {
			if sl := est.Measured.ServiceLevels; len(sl) != 2 || sl[0].Value > sl[1].Value || sl[1].Value > 1 {
				t.Fatalf("service levels %+v", sl)
			}
		}
	})
}
