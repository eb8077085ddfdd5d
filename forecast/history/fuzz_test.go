package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
)

// FuzzRead feeds arbitrary bytes to the reader, with and without an
// event-log id column: it must never panic, it must read a file and the
// same bytes from a pipe (which cannot seek) alike, and when it succeeds
// its report must account for every row and every record delivered must
// lie within the reader's bounds.
func FuzzRead(f *testing.F) {
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
		// issue 12: export shapes, encodings and hostile inputs.
		"Date,Interval,Offered,AHT\n2026-01-05,08:00-08:30,10,0:04:00\n2026-01-05,08:30 - 09:00,12,\n",
		"interval_start,arrivals\n05/01/2026 08:00\xe2\x80\x9308:30,3\n",
		"created_at\n46027.344\n39448.5\n25568\n109575\n",
		"created_at\n2026-01-05T09:00:00+0000\n2026-01-05 09:00:00 GMT\n\"Mon, 05 Jan 2026 09:00:00 GMT\"\n",
		"created_at\n01/05/2026 9:00 am\n01/13/2026 3:00 pm\n",
		"sep=;\nCreated;Handle\n05.01.2026 09:00;1,5\n",
		"sep=\n\ncreated_at\n2026-01-05T09:00:00Z\n",
		"Created,Priority,Created\n2026-01-05 09:00,P1,2026-01-05 10:00\n",
		"Erstellt;Gel\xf6st;Cat\xe9gorie\r\n05.01.2026 09:00;05.01.2026 10:00;R\xe9seau \x80\r\n",
		"Id,Created at,Solved at,Resolution time\n1,2026-01-05 09:00:00,2026-01-05 10:00:00,60\n2,2026-01-05 09:30:00,,\n3,2026-01-05 10:00:00,2026-01-05 09:00:00,30000\n",
		"created_at,resolved_at,first_response_at,handle_seconds\n2026-01-05T09:00:00Z,2026-01-05T08:00:00Z,bad,-1\n",
		"created_at,note\n2026-01-05T09:00:00Z,\"never closed\n2026-01-05T09:10:00Z,x\n",
		"created_at,x\n2026-01-05T09:00:00Z,\xc3\n2026-01-05T09:10:00Z,\xc3\xa9\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, eventLog bool) {
		opt := Options{Now: fixedNow}
		if eventLog {
			opt.IDColumn = "number"
			opt.Columns = map[string]string{"created_at": "date+time"}
		}
		var c collect
		rep, err := Read("h.csv", bytes.NewReader(data), opt, &c)
		var piped collect
		prep, perr := Read("h.csv", io.MultiReader(bytes.NewReader(data)), opt, &piped) // hides Seek
		if fmt.Sprint(err) != fmt.Sprint(perr) || (err == nil && (prep.Records != rep.Records || prep.Rejected != rep.Rejected || len(piped.tickets) != len(c.tickets))) {
			t.Fatalf("seekable: %v %+v; piped: %v %+v", err, rep, perr, prep)
		}
		if err != nil {
			var fe *FileError
			var oe *OptionError
			var re *RowError
			if !errors.As(err, &fe) && !errors.As(err, &oe) && !errors.As(err, &re) {
				t.Fatalf("error of an unexpected type %T: %v", err, err)
			}
			return
		}
		if rep.Records < 1 || rep.Rejected > rep.Rows || (rep.IDColumn == "" && rep.Records+rep.Rejected != rep.Rows) {
			t.Fatalf("report rows %d records %d rejected %d", rep.Rows, rep.Records, rep.Rejected)
		}
		if n := len(c.tickets) + len(c.volumes); n != rep.Records {
			t.Fatalf("%d records delivered, report says %d", n, rep.Records)
		}
		for _, tk := range c.tickets {
			if tk.Created.IsZero() || tk.Created.After(fixedNow()) || (tk.HasHandle && !(tk.HandleSeconds > 0 && tk.HandleSeconds <= maxHandleSeconds)) {
				t.Fatalf("ticket %+v", tk)
			}
		}
		for _, v := range c.volumes {
			if !(v.Arrivals >= 0 && v.Arrivals <= maxArrivals) || (v.HasAHT && !(v.AHTSeconds >= 0 && v.AHTSeconds <= maxHandleSeconds)) {
				t.Fatalf("volume %+v", v)
			}
		}
	})
}
