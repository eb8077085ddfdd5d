//go:build unix

package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mkfifo makes a named pipe in a test directory.
func mkfifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "hist.fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	return p
}

// within fails the test when f has not returned after d: the reads below
// must end, not hang (d is a test's patience, never part of a result).
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still blocked after %v", d)
	}
}

// TestFIFONeverBlocksForever: a named pipe without a writer used to block
// the open for ever, deaf to SIGINT and SIGTERM. Without a context it is
// refused; with one, the open and the read end when the context does.
func TestFIFONeverBlocksForever(t *testing.T) {
	t.Parallel()
	p := mkfifo(t)
	within(t, 10*time.Second, func() {
		_, err := ReadFile(p, Options{Now: fixedNow}, &collect{})
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "is not a regular file (a named pipe)") {
			t.Errorf("without a context: err %v; want a FileError saying it is a named pipe", err)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	within(t, 10*time.Second, func() {
		_, err := ReadFile(p, Options{Now: fixedNow, Context: ctx}, &collect{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("no writer, cancelled: err %v; want context.Canceled", err)
		}
	})
	// A writer that opens, writes a header and then neither writes nor
	// closes: the read waits on the pipe until the context ends it.
	ctx, cancel = context.WithCancel(context.Background())
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		w.WriteString("created_at\n")
		<-ctx.Done()
		time.Sleep(100 * time.Millisecond) // hold the pipe open past the cancel
		w.Close()
	}()
	time.AfterFunc(100*time.Millisecond, cancel)
	within(t, 10*time.Second, func() {
		f, err := OpenFileContext(ctx, p)
		if err != nil {
			t.Errorf("open with a writer: %v", err)
			return
		}
		defer f.Close()
		_, err = Read(p, f, Options{Now: fixedNow, Context: ctx}, &collect{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("silent writer, cancelled: err %v; want context.Canceled", err)
		}
	})
	// A FIFO with a writer that writes a history and closes reads whole.
	go func() {
		if w, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			w.WriteString("created_at\n2026-01-05T09:00:00Z\n2026-01-05T09:10:00Z\n")
			w.Close()
		}
	}()
	within(t, 10*time.Second, func() {
		rep, err := ReadFile(p, Options{Now: fixedNow, Context: context.Background()}, &collect{})
		if err != nil || rep.Records != 2 {
			t.Errorf("FIFO with a writer: err %v report %+v", err, rep)
		}
	})
}
