package history

import (
	"encoding/binary"
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
	raw   []byte // bytes read to settle or transcode
	pend  [utf8.UTFMax]byte
	npend int    // an incomplete sequence held from the end of the last read (textASCII)
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

// Read serves ASCII and UTF-8 straight from the reader below (only
// scanning ASCII for its first non-ASCII byte) and Windows-1252 through a
// buffer, transcoded.
func (t *textReader) Read(p []byte) (int, error) {
	for len(t.out) == 0 {
		if t.npend == 0 && t.err != nil {
			return 0, t.err
		}
		switch {
		case t.state == textUTF8 && t.npend == 0:
			return t.r.Read(p)
		case t.state == textASCII && t.npend == 0 && len(p) > 0:
			k, err := t.r.Read(p)
			i := asciiPrefix(p[:k])
			if i == k {
				return k, err
			}
			t.err = err
			t.raw = append(t.raw[:0], p[i:k]...)
			t.out = t.settle(t.raw, err != nil)
			if i > 0 {
				return i, nil
			}
		default:
			if cap(t.raw) < 32<<10 {
				t.raw = make([]byte, 32<<10)
			}
			t.raw = t.raw[:cap(t.raw)]
			n := copy(t.raw, t.pend[:t.npend])
			t.npend = 0
			k, err := t.r.Read(t.raw[n:])
			t.err = err
			t.out = t.settle(t.raw[:n+k], err != nil)
		}
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// asciiPrefix returns the length of the ASCII prefix of b, eight bytes at
// a time.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// settle returns the bytes of data to serve, settling the encoding at the
// first non-ASCII byte; at the end of data (unless eof) an incomplete
// UTF-8 sequence is held back for the next read.
func (t *textReader) settle(data []byte, eof bool) []byte {
	if t.state == textASCII {
		i := asciiPrefix(data)
		if i == len(data) {
			return data
		}
		if !eof && !utf8.FullRune(data[i:]) {
			t.npend = copy(t.pend[:], data[i:])
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
