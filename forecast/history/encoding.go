package history

import (
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Text encodings a history is read in (Report.Encoding).
const (
	EncodingUTF8        = "UTF-8"
	EncodingWindows1252 = "Windows-1252"
)

// textReader serves a history as UTF-8. Files saved by Excel and older
// desk tools on Windows are often Windows-1252 ("Catégorie" written
// 0x43 0x61 0x74 0xE9 …), which read as UTF-8 turn into U+FFFD and never
// match a header name typed in UTF-8. The encoding is settled by the first
// byte that is not ASCII: a valid UTF-8 sequence makes the file UTF-8 and
// it passes through untouched; an invalid one makes it Windows-1252, and
// from there every byte is transcoded (the bytes before were ASCII, the
// same in both). Windows-1252 decodes every byte, so no file is refused.
type textReader struct {
	r     io.Reader
	state int    // textASCII until the first non-ASCII byte, then textUTF8 or text1252
	buf   []byte // raw bytes read
	pend  []byte // an incomplete sequence at the end of the last read (textASCII)
	out   []byte // bytes to serve
	dec   []byte // transcoded bytes (text1252)
	err   error
}

const (
	textASCII = iota
	textUTF8
	text1252
)

// encoding names the encoding settled so far: UTF-8 until a byte says
// otherwise.
func (t *textReader) encoding() string {
	if t.state == text1252 {
		return EncodingWindows1252
	}
	return EncodingUTF8
}

func (t *textReader) Read(p []byte) (int, error) {
	for len(t.out) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		if t.state == textUTF8 && len(t.pend) == 0 {
			return t.r.Read(p)
		}
		if t.buf == nil {
			t.buf = make([]byte, 32<<10)
		}
		n := copy(t.buf, t.pend)
		t.pend = nil
		k, err := t.r.Read(t.buf[n:])
		t.err = err
		t.out = t.settle(t.buf[:n+k], err != nil)
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// settle returns the bytes of data to serve, settling the encoding at the
// first non-ASCII byte; at the end of data (unless eof) an incomplete
// UTF-8 sequence is held back for the next read.
func (t *textReader) settle(data []byte, eof bool) []byte {
	if t.state == textASCII {
		i := 0
		for i < len(data) && data[i] < utf8.RuneSelf {
			i++
		}
		if i == len(data) {
			return data
		}
		if !eof && !utf8.FullRune(data[i:]) {
			t.pend = data[i:]
			return data[:i]
		}
		if r, size := utf8.DecodeRune(data[i:]); r != utf8.RuneError || size > 1 {
			t.state = textUTF8
			return data
		}
		t.state = text1252
		t.dec = append(t.dec[:0], data[:i]...)
		return t.transcode(data[i:])
	}
	t.dec = t.dec[:0]
	return t.transcode(data)
}

// transcode appends data, read as Windows-1252, to t.dec as UTF-8.
func (t *textReader) transcode(data []byte) []byte {
	for _, b := range data {
		if b < utf8.RuneSelf {
			t.dec = append(t.dec, b)
			continue
		}
		t.dec = utf8.AppendRune(t.dec, charmap.Windows1252.DecodeByte(b))
	}
	return t.dec
}
