package forecast

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/staffsim/staffsim/forecast/history"
)

// FuzzLoadSeries feeds arbitrary bytes to LoadSeries as a file, with and
// without an event-log id column: it must never panic, and when it
// succeeds the series it builds must be valid and account for every
// ticket delivered. (history.FuzzRead fuzzes the reader alone.)
func FuzzLoadSeries(f *testing.F) {
	seeds := []string{
		"created_at\n2026-01-05T09:00:00Z\n",
		"ticket_id,created_at,priority,channel,category,handle_seconds,first_response_at,resolved_at\n1,2026-01-05T09:00:00+01:00,P1,phone,net,300,2026-01-05T09:10:00+01:00,2026-01-05T10:00:00+01:00\n",
		"interval_start,arrivals,lower,upper,aht_seconds\n2026-01-05T09:00:00Z,1.5,1,2,240\n2026-01-05T09:30:00Z,2,1,3,\n",
		"number,opened_at,resolved_at\nA,29-02-2016 01:16,?\nA,29-02-2016 01:16,01-03-2016 09:00\n",
		"\xef\xbb\xbfTicket ID;Created at\r\n1;\"2026-01-05 09:00:00 +0100\"\r\n",
		"created_at,x\n\"2026-01-05T09:00:00Z\n",
		"created_at\n01/02/2026 3:04 PM\n13/02/2026 3:04 PM\n",
		"a,b\n1,2,3\n\"x\"y,2\n",
		"date,time\n2026-01-05,9:00:05\n",
		"",
		"\x00\x01\x02",
		"created_at\n0001-01-01T00:00:00Z\n9999-12-31T23:59:59Z\n",
		"interval_start,arrivals\n2026-01-05T09:00:00Z,1e308\n2026-01-05T09:00:00Z,-1\n2026-01-05T09:30:00Z,NaN\n",
		"interval_start,arrivals,aht_seconds\n2026-01-05T09:00:00Z,0,240\n2026-01-05T09:30:00Z,1e9,1e308\n2026-01-05T10:00:00Z,2e9,Inf\n",
		"created_at,handle_seconds\n2026-01-05T09:00:00Z,NaN\n2026-01-05T09:10:00Z,1e308\n2026-01-05T09:20:00Z,720h1s\n2026-01-05T09:30:00Z,99999:00:00\n",
		"created_at\n1971-01-01T09:00:00Z\n2026-01-01T09:00:00Z\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, eventLog bool) {
		p := filepath.Join(t.TempDir(), "h.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		opt := history.Options{Now: fixedNow}
		if eventLog {
			opt.IDColumn = "number"
			opt.Columns = map[string]string{"created_at": "date+time"}
		}
		s, rep, err := LoadSeriesFile(p, opt, 0)
		if err != nil {
			var fe *history.FileError
			var oe *history.OptionError
			var re *history.RowError
			if !errors.As(err, &fe) && !errors.As(err, &oe) && !errors.As(err, &re) {
				t.Fatalf("error of an unexpected type %T: %v", err, err)
			}
			return
		}
		if rep.Records < 1 || rep.Rejected > rep.Rows || (rep.IDColumn == "" && rep.Records+rep.Rejected != rep.Rows) {
			t.Fatalf("report rows %d records %d rejected %d", rep.Rows, rep.Records, rep.Rejected)
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("invalid series: %v", err)
		}
		if rep.Shape == "tickets" {
			sum := 0.0
			for _, a := range s.Arrivals {
				sum += a
			}
			if sum != float64(rep.Records) {
				t.Fatalf("series holds %v arrivals for %d tickets", sum, rep.Records)
			}
		}
		for i := range s.Len() {
			if s.Arrivals[i] > 1e9*float64(rep.Records) || math.IsInf(s.Arrivals[i], 0) {
				t.Fatalf("arrivals[%d] = %v", i, s.Arrivals[i])
			}
			if a, ok := s.AHT(i); ok && (math.IsNaN(a) || math.IsInf(a, 0) || a < 0 || a > 30*86400*(1+1e-9)) {
				t.Fatalf("AHT(%d) = %v", i, a)
			}
		}
	})
}
