//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/atomicdir"
)

// The hostile corpus of output files (issue 12, "Files lost, half-written
// or overwritten"): kill -9 mid-run, a full disk, another file system,
// symbolic links, colliding and long queue names, and forecast's default.

// snapshot is a directory's files as name → content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// sameFiles fails when dir's files differ from want.
func sameFiles(t *testing.T, what, dir string, want map[string]string) {
	t.Helper()
	got := snapshot(t, dir)
	for name, c := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is gone", what, name)
		} else if g != c {
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

// staging lists the .staffsim-* entries in dir.
func staging(dir string) []string {
	left, _ := filepath.Glob(filepath.Join(dir, atomicdir.Prefix+"*"))
	return left
}

// queueScenario writes a scenario of a desk with one 24-hour shift serving
// queues of the given names, and returns its path.
func queueScenario(t *testing.T, queues ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("name: hostile names\nstart: 2026-12-07\ntimezone: UTC\ndays: 1\ninterval: 60m\nqueues:\n")
	for _, q := range queues {
		fmt.Fprintf(&b, "  - name: %q\n    arrivals: {rate: 4/h}\n    handle_time: {mean: 4m}\n    sla: {target: 20s, goal: 80%%}\n", q)
	}
	b.WriteString("roster:\n  shifts:\n    - {name: all, start: \"00:00\", length: 24h, agents: 3}\n")
	path := filepath.Join(t.TempDir(), "names.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// mountTmpfs mounts a tmpfs of the given size (e.g. "128k") on a new
// directory for the test; it skips where mounting is not allowed.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// Queues "a b" and "a-b" wrote one service-level-a-b.png (one chart lost,
// exit 0); a 300-character queue name failed with "file name too long"
// after the simulation, leaving 4 of 13 files.
func TestOutChartNames(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Very long queue name ", 15) // 315 characters
	sc := queueScenario(t, "a b", "a-b", long)
	for _, tc := range []struct {
		args  []string
		chart string // prefix of the per-queue charts
	}{
		{[]string{"simulate", sc}, "service-level-"},
		{[]string{"compare", sc, sc}, "compare-service-level-"},
	} {
		dir := filepath.Join(t.TempDir(), "out")
		code, _, errOut := runCLI(t, append(tc.args, "--replications", "2", "--out", dir)...)
		if code != exitOK {
			t.Fatalf("%s: exit %d, stderr %s", tc.args[0], code, errOut)
		}
		charts, _ := filepath.Glob(filepath.Join(dir, tc.chart+"*.png"))
		if len(charts) != 3 {
			t.Errorf("%s: %d service-level charts for 3 queues: %v", tc.args[0], len(charts), charts)
		}
		for _, want := range []string{"a-b.png", "a-b-2.png"} {
			if _, err := os.Stat(filepath.Join(dir, tc.chart+want)); err != nil {
				t.Errorf("%s: %v", tc.args[0], err)
			}
		}
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			if len(f.Name()) > 100 {
				t.Errorf("%s: file name of %d bytes: %s", tc.args[0], len(f.Name()), f.Name())
			}
		}
		if html, err := os.ReadFile(filepath.Join(dir, "report.html")); err != nil || !strings.Contains(string(html), `data-chart="`+tc.chart+`a-b-2"`) {
			t.Errorf("%s: report.html does not show the second queue's chart (%v)", tc.args[0], err)
		}
	}
}

// buildStaffsim builds the binary once for the tests that kill it.
func buildStaffsim(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "staffsim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startLong starts the binary on a simulation that runs for minutes,
// writing to out, and returns it with its staging directory (a new
// .staffsim-* directory in parent, not one of skip).
func startLong(t *testing.T, bin, out, parent string, skip []string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "simulate", example("phone-desk.yaml"), "--replications", "100000", "--out", out)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		for _, s := range staging(parent) {
			if fi, err := os.Stat(s); err == nil && fi.IsDir() && !slices.Contains(skip, s) {
				time.Sleep(300 * time.Millisecond) // into the simulation
				return cmd, s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no staging directory in %s after 60 s; stderr %s", parent, stderr.String())
		}
	}
}

// kill -9 mid-run leaves the output directory as it was; the next run
// removes the killed run's staging, and never a running one's.
func TestOutKilled(t *testing.T) {
	t.Parallel()
	bin := buildStaffsim(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "report")
	if code, _, errOut := runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "2", "--out", out); code != exitOK {
		t.Fatalf("first run: exit %d, %s", code, errOut)
	}
	// What a killed run of an older version left.
	os.WriteFile(filepath.Join(out, ".summary.json.tmp-4242"), []byte("{"), 0o644)
	old := snapshot(t, out)

	victim, killed := startLong(t, bin, out, parent, nil)
	victim.Process.Signal(syscall.SIGKILL)
	victim.Wait()
	sameFiles(t, "after kill -9", out, old)
	if _, err := os.Stat(killed); err != nil {
		t.Fatalf("the killed run left no staging (%v): the test did not kill it mid-run", err)
	}

	// The next run (here one that runs on) removes the killed run's
	// staging; the run after it leaves the live one's.
	live, liveStage := startLong(t, bin, filepath.Join(parent, "other"), parent, []string{killed})
	if _, err := os.Lstat(killed); err == nil {
		t.Errorf("the killed run's %s is still there", filepath.Base(killed))
	}
	if code, _, errOut := runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "3", "--out", out); code != exitOK {
		t.Fatalf("run after the kill: exit %d, %s", code, errOut)
	}
	for _, s := range []string{liveStage, liveStage + ".lock"} {
		if _, err := os.Lstat(s); err != nil {
			t.Errorf("the live run's %s was removed: %v", filepath.Base(s), err)
		}
	}
	live.Process.Signal(syscall.SIGKILL)
	live.Wait()
	now := snapshot(t, out)
	if _, ok := now[".summary.json.tmp-4242"]; ok {
		t.Error("the old version's .summary.json.tmp-4242 is still there")
	}
	if now["summary.json"] == old["summary.json"] {
		t.Error("summary.json was not replaced")
	}
}

// A full disk: the run fails naming the file, and the output directory
// and the disk are as they were.
func TestOutFullDisk(t *testing.T) {
	t.Parallel()
	mnt := mountTmpfs(t, "160k")
	out := filepath.Join(mnt, "report")
	os.Mkdir(out, 0o755)
	os.WriteFile(filepath.Join(out, "summary.json"), []byte(`{"old": true}`), 0o644)
	os.WriteFile(filepath.Join(out, "report.html"), []byte("<p>old</p>"), 0o644)
	old := snapshot(t, out)
	for _, args := range [][]string{
		{"simulate", example("phone-desk.yaml"), "--replications", "2", "--out", out},
		{"compare", example("phone-desk.yaml"), example("phone-desk.yaml"), "--replications", "2", "--out", out},
	} {
		code, _, errOut := runCLI(t, args...)
		if code != exitFailure || !strings.Contains(errOut, "no space left on device") || !strings.Contains(errOut, out) {
			t.Errorf("%s on a full disk: exit %d, stderr %q; want 1 and the file", args[0], code, errOut)
		}
		sameFiles(t, args[0]+" on a full disk", out, old)
		if left := staging(mnt); len(left) > 0 {
			t.Errorf("%s: staging left behind: %v", args[0], left)
		}
	}
}

// plan --out on another file system failed at the end with "invalid
// cross-device link": here the output directory is a mount point, whose
// parent is another file system.
func TestOutOtherFileSystem(t *testing.T) {
	t.Parallel()
	mnt := mountTmpfs(t, "64m")
	os.WriteFile(filepath.Join(mnt, "notes.txt"), []byte("mine"), 0o644)
	code, _, errOut := runCLI(t, append([]string{"plan", "--out", mnt}, planFast...)...)
	if code != exitOK {
		t.Fatalf("plan --out a mount point: exit %d, stderr %s", code, errOut)
	}
	checkPlanDir(t, mnt)
	code, _, errOut = runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "2", "--out", filepath.Join(mnt, "sim"))
	if code != exitOK {
		t.Fatalf("simulate --out on a tmpfs: exit %d, stderr %s", code, errOut)
	}
	if b, err := os.ReadFile(filepath.Join(mnt, "notes.txt")); err != nil || string(b) != "mine" {
		t.Errorf("notes.txt: %q, %v", b, err)
	}
	if left := staging(mnt); len(left) > 0 {
		t.Errorf("staging left behind: %v", left)
	}
}

// --out through a symbolic link writes the link's target and keeps the
// link (it replaced the link with a regular file, the target kept its old
// content).
func TestOutSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "tickets.csv")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old\n"), 0o600)
	link := filepath.Join(dir, "link.csv")
	os.Symlink("real/tickets.csv", link)
	dangling := filepath.Join(dir, "dangling.csv")
	os.Symlink("real/new.csv", dangling)
	for _, tc := range []struct{ link, target string }{{link, target}, {dangling, filepath.Join(dir, "real", "new.csv")}} {
		code, _, errOut := runCLI(t, "generate", "--days", "1", "--out", tc.link)
		if code != exitOK {
			t.Fatalf("generate --out %s: exit %d, %s", tc.link, code, errOut)
		}
		if fi, err := os.Lstat(tc.link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link (%v)", tc.link, err)
		}
		if b, err := os.ReadFile(tc.target); err != nil || strings.HasPrefix(string(b), "old") || len(b) < 100 {
			t.Errorf("the target %s holds %q… (%v): want the new tickets", tc.target, b[:min(len(b), 40)], err)
		}
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode %v, want its own 0600 kept", fi.Mode().Perm())
	}
	// A directory link: simulate --out writes into the linked directory.
	os.Mkdir(filepath.Join(dir, "reports"), 0o755)
	os.Symlink("reports", filepath.Join(dir, "latest"))
	if code, _, errOut := runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "2", "--out", filepath.Join(dir, "latest")); code != exitOK {
		t.Fatalf("simulate --out a directory link: exit %d, %s", code, errOut)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "latest")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("latest is no longer a link (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "reports", "report.html")); err != nil {
		t.Errorf("the linked directory has no report: %v", err)
	}
}

// forecast without --out wrote ./forecast.csv silently: the forecast goes
// to stdout, the accuracy table to stderr, and no file appears.
func TestForecastStdoutByDefault(t *testing.T) {
	t.Parallel()
	hist := writeVolumes(t, 3, 2)
	_, existed := os.Stat("forecast.csv")
	code, stdout, stderr := runCLI(t, "forecast", "--history", hist, "--horizon", "1d", "--method", "snaive")
	if code != exitOK || !strings.HasPrefix(stdout, "interval_start,arrivals,lower,upper,aht_seconds\n") || !strings.Contains(stderr, "backtest:") {
		t.Errorf("exit %d, stdout %q…, stderr %q; want the forecast on stdout, the table on stderr", code, stdout[:min(len(stdout), 80)], stderr)
	}
	if _, err := os.Stat("forecast.csv"); err == nil && existed != nil {
		os.Remove("forecast.csv")
		t.Error("forecast without --out wrote ./forecast.csv")
	}
}
