package forecast

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// csvFile streams the records of a delimited text file.
//
// The hot path uses encoding/csv with ReuseRecord rather than gocsv:
// gocsv maps each row onto a struct by reflection (several allocations and
// a reflect.Value.Set per field), which costs more than the whole of the
// rest of a row's work, and it cannot report a bad row's line and column
// and go on. encoding/csv with ReuseRecord allocates one string per row.
type csvFile struct {
	name   string
	f      *os.File
	r      *csv.Reader
	header []string
	delim  rune
}

// openCSV opens path, refuses what is not delimited text (empty, binary,
// compressed), skips a UTF-8 byte-order mark, detects the delimiter
// (comma, semicolon or tab) from the header line and reads the header.
func openCSV(path string) (*csvFile, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &FileError{File: path, Msg: fmt.Sprintf("cannot open: %v", err)}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, &FileError{File: path, Msg: "is a directory, not a CSV file"}
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, err := br.Peek(8 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		f.Close()
		return nil, &FileError{File: path, Msg: fmt.Sprintf("cannot read: %v", err)}
	}
	if msg := notText(head); msg != "" {
		f.Close()
		return nil, &FileError{File: path, Msg: msg}
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		head = head[3:]
	}
	if len(bytes.TrimSpace(head)) == 0 {
		f.Close()
		return nil, &FileError{File: path, Msg: "the file is empty: expected a header line and one row per ticket or interval"}
	}
	c := &csvFile{name: path, f: f, delim: sniffDelimiter(head)}
	c.r = csv.NewReader(br)
	c.r.Comma = c.delim
	c.r.FieldsPerRecord = -1 // ragged rows are rejected one by one, not fatal
	c.r.ReuseRecord = true
	hdr, err := c.r.Read()
	if err != nil {
		f.Close()
		if err == io.EOF {
			return nil, &FileError{File: path, Msg: "the file is empty: expected a header line and one row per ticket or interval"}
		}
		return nil, c.fatal(err)
	}
	c.header = make([]string, len(hdr))
	for i, h := range hdr {
		c.header[i] = strings.TrimSpace(h)
	}
	return c, nil
}

func (c *csvFile) Close() error { return c.f.Close() }

// notText explains why the first bytes of a file are not delimited text,
// or returns "".
func notText(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return "is gzip-compressed: decompress it first (gunzip)"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "is a zip archive (an .xlsx workbook?): export the sheet as CSV"
	case bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")):
		return "is UTF-16 text: save it as UTF-8 CSV"
	case bytes.IndexByte(head, 0) >= 0:
		return "is a binary file, not CSV text"
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	if ctl > len(head)/100+1 {
		return "is a binary file, not CSV text"
	}
	return ""
}

// sniffDelimiter picks the most frequent of comma, semicolon and tab
// outside quotes on the first line; comma when none occurs.
func sniffDelimiter(head []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, b := range head {
		if b == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if b == '\n' {
			break
		}
		if b == ',' || b == ';' || b == '\t' {
			counts[b]++
		}
	}
	best, n := byte(','), 0
	for _, b := range []byte{',', ';', '\t'} {
		if counts[b] > n {
			best, n = b, counts[b]
		}
	}
	return rune(best)
}

// next returns the next record and its line. A malformed row (a stray
// quote, too many or too few fields) comes back as a *Reject with err
// nil; a quote that is never closed, which swallows the rest of the file,
// is a *FileError; io.EOF ends the file.
func (c *csvFile) next() (rec []string, line int, rej *Reject, err error) {
	rec, err = c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)) {
			if pe.StartLine != pe.Line {
				return nil, 0, nil, c.fatal(err)
			}
			return nil, pe.StartLine, &Reject{File: c.name, Line: pe.StartLine, Reason: fmt.Sprintf("bad quoting at byte %d of the line: %v (put quotes around the whole field and double any quote inside it)", pe.Column, pe.Err)}, nil
		}
		if err == io.EOF {
			return nil, 0, nil, err
		}
		return nil, 0, nil, c.fatal(err)
	}
	line, _ = c.r.FieldPos(0)
	if len(rec) != len(c.header) {
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			return c.next() // a line of spaces
		}
		return nil, line, &Reject{File: c.name, Line: line, Reason: fmt.Sprintf("row has %d fields, the header has %d (a missing or extra %q?)", len(rec), len(c.header), string(c.delim))}, nil
	}
	return rec, line, nil, nil
}

// fatal turns a read error into a FileError.
func (c *csvFile) fatal(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line {
			return &FileError{File: c.name, Line: pe.StartLine, Msg: fmt.Sprintf("a quoted field opened on this line is never closed (the rest of the file, to line %d, would be one field): close or remove the stray quote", pe.Line)}
		}
		return &FileError{File: c.name, Line: pe.StartLine, Msg: pe.Err.Error()}
	}
	return &FileError{File: c.name, Msg: fmt.Sprintf("cannot read: %v", err)}
}
