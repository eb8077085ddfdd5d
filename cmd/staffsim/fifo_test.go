//go:build unix

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInspectFIFOInterrupted: inspect of a named pipe that no writer opens
// used to block for ever and ignore SIGINT/SIGTERM; now the interrupt (the
// cancelled context main derives from the signals) ends it with exit 130.
func TestInspectFIFOInterrupted(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "nowriter.fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	done := make(chan int, 1)
	var out, errb bytes.Buffer
	go func() {
		done <- run(ctx, []string{"inspect", p}, streams{in: strings.NewReader(""), out: &out, err: &errb})
	}()
	select {
	case code := <-done:
		if code != exitInterrupted || !strings.Contains(errb.String(), "interrupted") {
			t.Errorf("exit %d, stderr %q; want %d", code, errb.String(), exitInterrupted)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("inspect of a FIFO without a writer still blocked 10 s after the interrupt")
	}
}
