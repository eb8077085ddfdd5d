package history

import (
	"bufio"
	"bytes"
	"context"
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
	r      *csv.Reader
	header []string
	delim  rune
	// skipped counts the preamble lines before the header; ahead holds
	// the rows read while looking for it, served first by next.
	skipped    int
	headerLine int
	ahead      [][]string
	aheadLine  []int
	aheadErr   error // the read error after the rows ahead, if any
	lim        *rowLimit
	text       *textReader
	sepLine    bool // the first line is Excel's sep=X, skipped
	nextLine   int  // the line the next row starts on, for a row too long
}

// MaxField is the longest field a history row may hold, 1 MiB: no export
// writes a timestamp, count or label near it, so a longer field is a
// corrupt row (rejected, naming its line and column).
const MaxField = 1 << 20

// MaxRow is the longest row read, 4 MiB: a row that runs past it (a quote
// never closed swallows the rest of the file into one field) ends the read
// with an error naming its line, so memory stays bounded whatever the file.
const MaxRow = 4 << 20

// readBuffer is the size of the buffer between a file and the CSV parser.
const readBuffer = 64 << 10

// errRowTooLong is rowLimit's error for a row past MaxRow.
var errRowTooLong = errors.New("row too long")

// rowLimit is the reader under the CSV parser that bounds its rows: it
// counts the bytes it has served (n) and fails once it is asked for more
// than MaxRow beyond the start of the row being parsed (start, set after
// each row from the parser's offset) and the buffer's read-ahead.
type rowLimit struct {
	r     io.Reader
	n     int64 // bytes served
	skip  int64 // bytes served but not given to the parser (a BOM)
	start int64 // the parser's offset at the start of the current row
}

func (l *rowLimit) Read(p []byte) (int, error) {
	if l.n-l.skip-l.start > MaxRow+readBuffer {
		return 0, errRowTooLong
	}
	k, err := l.r.Read(p)
	l.n += int64(k)
	return k, err
}

// rowRead notes the end of a row read: the next starts at the parser's
// offset, on the line after the last of rec's (fields can hold newlines).
func (c *csvFile) rowRead(rec []string) {
	c.lim.start = c.r.InputOffset()
	if len(rec) > 0 {
		line, _ := c.r.FieldPos(len(rec) - 1)
		c.nextLine = line + strings.Count(rec[len(rec)-1], "\n") + 1
	}
}

// maxPreamble is how many lines before the header a file may carry (report
// titles, export dates), skipped when a later line is the header.
const maxPreamble = 10

// openCSV starts reading r (called name in messages): it refuses what is
// not delimited text (empty, binary, compressed), reads a file that is not
// UTF-8 as Windows-1252 (textReader), skips a UTF-8 byte-order mark, detects the delimiter (comma, semicolon or tab) and reads the
// header: the first line, unless isHeader rejects it and accepts one of
// the next lines, in which case the lines before it are a preamble (a
// report title) and are skipped.
func openCSV(r io.Reader, name string, isHeader func([]string) bool) (*csvFile, error) {
	raw := bufio.NewReaderSize(r, readBuffer)
	head, err := raw.Peek(8 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, readError(name, err)
	}
	if msg := NotText(head); msg != "" {
		return nil, &FileError{File: name, Msg: msg}
	}
	text := &textReader{r: raw}
	lim := &rowLimit{r: text}
	br := bufio.NewReaderSize(lim, readBuffer)
	if head, err = br.Peek(8 << 10); err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, readError(name, err)
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		head = head[3:]
		lim.skip = 3
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, &FileError{File: name, Msg: "the file is empty: expected a header line and one row per ticket or interval"}
	}
	c := &csvFile{name: name, delim: sniffDelimiter(head), lim: lim, text: text, nextLine: 1}
	if d, ok := excelSep(head); ok {
		c.delim, c.sepLine = d, true
	}
	c.r = csv.NewReader(br)
	c.r.Comma = c.delim
	c.r.FieldsPerRecord = -1 // ragged rows are rejected one by one, not fatal
	c.r.ReuseRecord = true
	if err := c.readHeader(isHeader); err != nil {
		return nil, err
	}
	return c, nil
}

// readHeader reads the header, looking past a preamble of up to
// maxPreamble lines; the lines read ahead are kept for next.
func (c *csvFile) readHeader(isHeader func([]string) bool) error {
	type held struct {
		rec  []string
		line int
	}
	var ahead []held
	var readErr error // a malformed line met while looking: served by next in its turn
	widest := 0       // the most fields of a line read so far
	h := 0            // the header: the first line, or one below a preamble
	for len(ahead) <= maxPreamble {
		rec, err := c.r.Read()
		if err == io.EOF {
			break
		}
		if err == nil && c.sepLine {
			c.sepLine = false
			c.rowRead(rec)
			continue
		}
		if err != nil {
			if len(ahead) == 0 {
				return c.fatal(err)
			}
			readErr = err
			break
		}
		c.rowRead(rec)
		line, _ := c.r.FieldPos(0)
		ahead = append(ahead, held{append([]string(nil), rec...), line})
		if isHeader == nil || isHeader(rec) {
			// A header below a preamble is wider than every line above it:
			// a title has one or two fields, and a data row below a real
			// header is as wide as the header, never wider.
			if len(ahead) == 1 || len(rec) > widest {
				h = len(ahead) - 1
			}
			break
		}
		widest = max(widest, len(rec))
	}
	if len(ahead) == 0 {
		return &FileError{File: c.name, Msg: "the file is empty: expected a header line and one row per ticket or interval"}
	}
	c.skipped, c.headerLine = h, ahead[h].line
	c.header = make([]string, len(ahead[h].rec))
	for i, v := range ahead[h].rec {
		c.header[i] = strings.TrimSpace(v)
	}
	for _, a := range ahead[h+1:] {
		c.ahead = append(c.ahead, a.rec)
		c.aheadLine = append(c.aheadLine, a.line)
	}
	c.aheadErr = readErr
	return nil
}

// NotText explains why the first bytes of a file are not delimited text
// (compressed, a zip or xlsx workbook, UTF-16, binary), as a phrase that
// follows the file name ("is gzip-compressed: decompress it first"), or
// returns "". Every CSV reader of staffsim uses it, so they say the same.
func NotText(head []byte) string {
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

// excelSep reads Excel's "sep=;" first line, which names the delimiter
// (Excel writes it, and honours it, in files meant for another locale).
func excelSep(head []byte) (rune, bool) {
	if len(head) < 6 || !bytes.EqualFold(head[:4], []byte("sep=")) {
		return 0, false
	}
	d, rest := head[4], head[5:]
	if d == '\r' || d == '\n' || d == '"' || !(rest[0] == '\r' || rest[0] == '\n') {
		return 0, false
	}
	return rune(d), true
}

// sniffDelimiter picks the delimiter that occurs most often outside quotes
// on a single one of the first lines (so a title line before the header
// does not decide): comma, semicolon or tab; comma when none occurs.
func sniffDelimiter(head []byte) rune {
	best, n := byte(','), 0
	quoted := false
	var counts [3]int
	delims := [3]byte{',', ';', '\t'}
	lines := 0
	for _, b := range head {
		if b == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		for i, d := range delims {
			if b == d {
				counts[i]++
			}
		}
		if b == '\n' {
			for i, c := range counts {
				if c > n {
					best, n = delims[i], c
				}
			}
			counts = [3]int{}
			if lines++; lines > maxPreamble {
				break
			}
		}
	}
	for i, c := range counts {
		if c > n {
			best, n = delims[i], c
		}
	}
	return rune(best)
}

// next returns the next record and its line. A malformed row (a stray
// quote, too many or too few fields) comes back as a *Reject with err
// nil; a quote that is never closed, which swallows the rest of the file,
// is a *FileError; io.EOF ends the file.
func (c *csvFile) next() (rec []string, line int, rej *Reject, err error) {
	if len(c.ahead) > 0 {
		rec, line = c.ahead[0], c.aheadLine[0]
		c.ahead, c.aheadLine = c.ahead[1:], c.aheadLine[1:]
		return c.check(rec, line)
	}
	if err, c.aheadErr = c.aheadErr, nil; err == nil {
		rec, err = c.r.Read()
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)) {
			if pe.StartLine != pe.Line {
				return nil, 0, nil, c.fatal(err)
			}
			c.lim.start, c.nextLine = c.r.InputOffset(), pe.Line+1
			return nil, pe.StartLine, &Reject{File: c.name, Line: pe.StartLine, Reason: fmt.Sprintf("bad quoting at byte %d of the line: %v (put quotes around the whole field and double any quote inside it)", pe.Column, pe.Err)}, nil
		}
		if err == io.EOF {
			return nil, 0, nil, err
		}
		return nil, 0, nil, c.fatal(err)
	}
	c.rowRead(rec)
	line, _ = c.r.FieldPos(0)
	return c.check(rec, line)
}

// check refuses a row whose number of fields is not the header's.
func (c *csvFile) check(rec []string, line int) ([]string, int, *Reject, error) {
	if len(rec) != len(c.header) {
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			return c.next() // a line of spaces
		}
		return nil, line, &Reject{File: c.name, Line: line, Reason: fmt.Sprintf("row has %d fields, the header has %d (a missing or extra %q?)", len(rec), len(c.header), string(c.delim))}, nil
	}
	for i, v := range rec {
		if len(v) > MaxField {
			return nil, line, &Reject{File: c.name, Line: line, Column: c.header[i], Reason: fmt.Sprintf("a field of %.1f MiB, longer than any export writes (at most %d MiB): a quote not closed where it should be, or a corrupt row?",
				float64(len(v))/(1<<20), MaxField>>20)}, nil
		}
	}
	return rec, line, nil, nil
}

// fatal turns a read error into a FileError.
func (c *csvFile) fatal(err error) error {
	if errors.Is(err, errRowTooLong) {
		return &FileError{File: c.name, Line: c.nextLine, Msg: fmt.Sprintf("the row starting on this line runs past %d MiB, longer than any export writes: "+
			"a quote never closed (the rest of the file would be one field) or a corrupt field; close or remove the stray quote", MaxRow>>20)}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line {
			return &FileError{File: c.name, Line: pe.StartLine, Msg: fmt.Sprintf("a quoted field opened on this line is never closed (the rest of the file, to line %d, would be one field): close or remove the stray quote", pe.Line)}
		}
		return &FileError{File: c.name, Line: pe.StartLine, Msg: pe.Err.Error()}
	}
	return readError(c.name, err)
}

// readError is a read that failed below the CSV layer (an I/O error, or a
// non-seekable input past MaxReplay).
func readError(name string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", name, err) // stopped (Options.Context): the caller's own error
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{File: name, Msg: fmt.Sprintf("cannot read: %v", err)}
}
