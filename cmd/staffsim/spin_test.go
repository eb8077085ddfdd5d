package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the spinner's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// TestSpin: a long stage shows what it does and for how long, and clears
// the line when it ends (issue 12: roster was silent for 17 s on a
// terminal); off a terminal, nothing.
func TestSpin(t *testing.T) {
	var buf lockedBuffer
	stop := spin(&buf, "roster: checking in simulation", time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	stop()
	out := buf.b.String()
	if !strings.Contains(out, "\rroster: checking in simulation… 0 s") || !strings.HasSuffix(out, "\r") {
		t.Errorf("spinner wrote %q", out)
	}
	var quiet bytes.Buffer
	stageSpinner(&quiet, "roster")()
	if quiet.Len() > 0 {
		t.Errorf("spinner off a terminal wrote %q", quiet.String())
	}
}
