package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// MaxReplay is how many bytes of a history that cannot seek (standard
// input, a pipe) Read keeps in memory from its first pass, to serve them
// again to the second: 64 MiB. The first pass of most files ends after a
// row; one that has not ended by then settles on the rows it saw.
const MaxReplay = 64 << 20

// replayLimit is MaxReplay, lowered by tests.
var replayLimit = MaxReplay

// source serves the bytes of a history twice: by seeking back when it can
// seek, or else by replaying what the first pass read, then going on.
type source struct {
	r     io.Reader // r under the context: see ctxReader
	seek  io.Seeker // nil when r cannot seek
	start int64     // the offset at which the first pass began
	tee   *replay   // the first pass's bytes when r cannot seek
	stop  func() bool
}

// newSource reads r under ctx: once ctx is done, reads fail with its error
// (and a read blocked on a pipe, FIFO or terminal is woken). Call close
// when the reading is over.
func newSource(ctx context.Context, r io.Reader) *source {
	s := &source{r: ctxReader{ctx, r}, stop: func() bool { return false }}
	if sk, ok := r.(io.Seeker); ok {
		// A pipe is an *os.File too, but its Seek fails.
		if off, err := sk.Seek(0, io.SeekCurrent); err == nil {
			s.seek, s.start = sk, off
		}
	}
	if d, ok := r.(interface{ SetReadDeadline(time.Time) error }); ok && ctx.Done() != nil {
		// A deadline in the past wakes a read blocked on a descriptor the
		// runtime polls (pipes, FIFOs, terminals); a regular file refuses
		// deadlines, and its reads do not block.
		s.stop = context.AfterFunc(ctx, func() { d.SetReadDeadline(time.Unix(1, 0)) })
	}
	return s
}

// close ends the watch on the context.
func (s *source) close() { s.stop() }

// ctxReader is a reader that stops once its context is done: every Read
// checks it first, and a read woken by the deadline newSource sets
// returns the context's error.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) && c.ctx.Err() != nil {
		err = c.ctx.Err()
	}
	return n, err
}

// first returns the reader of the first pass.
func (s *source) first() io.Reader {
	if s.seek != nil {
		return s.r
	}
	s.tee = &replay{r: s.r, limit: replayLimit}
	return s.tee
}

// over reports whether the first pass has read as much as it may keep.
func (s *source) over() bool { return s.tee != nil && len(s.tee.buf) >= s.tee.limit }

// second returns the reader of the second pass, from the same start.
func (s *source) second() (io.Reader, error) {
	if s.seek != nil {
		if _, err := s.seek.Seek(s.start, io.SeekStart); err != nil {
			return nil, err
		}
		return s.r, nil
	}
	buf := s.tee.buf
	s.tee = nil
	return io.MultiReader(bytes.NewReader(buf), s.r), nil
}

// replay is the first pass over a reader that cannot seek: it keeps every
// byte read. The first pass stops reading rows once limit bytes are kept
// (source.over); a single row read past twice the limit (a quote never
// closed) is an error rather than unbounded memory.
type replay struct {
	r     io.Reader
	buf   []byte
	limit int
}

func (t *replay) Read(p []byte) (int, error) {
	if len(t.buf) >= 2*t.limit {
		return 0, fmt.Errorf("it cannot seek, so its first %d MiB are held in memory to read them twice, and one row runs past %d MiB (a quote never closed?): save it to a file and read that",
			t.limit>>20, 2*t.limit>>20)
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}
