// Package browsertest opens HTML reports in headless Chromium for end-to-end
// tests and reports what rendered. Tests skip, with a message, where no
// Chromium is installed, with -short, or with STAFFSIM_NO_BROWSER=1; with
// STAFFSIM_INSTALL_CHROMIUM=1 and root it installs Debian's chromium
// package first.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Chromium returns the path of a Chromium binary, installing Debian's
// package when allowed, or skips the test.
//
// The end-to-end tests it serves take seconds each; -short or
// STAFFSIM_NO_BROWSER=1 skips them even where Chromium is installed.
func Chromium(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("headless Chromium test skipped in -short mode")
	}
	if os.Getenv("STAFFSIM_NO_BROWSER") == "1" {
		t.Skip("headless Chromium test skipped: STAFFSIM_NO_BROWSER=1")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("STAFFSIM_INSTALL_CHROMIUM") == "1" && os.Geteuid() == 0 {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "sh", "-c", "apt-get update && apt-get install -y chromium")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Skipf("chromium not installed and apt-get failed: %v\n%s", err, tail(out))
		}
		if p, err := exec.LookPath("chromium"); err == nil {
			return p
		}
	}
	t.Skip("headless Chromium not found: install Debian's chromium package (apt-get install -y chromium), or set STAFFSIM_INSTALL_CHROMIUM=1 as root to let the test install it")
	return ""
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// probe is appended to a copy of the page: once every image has loaded it
// records each image's natural size and each inline svg's rendered size in
// data attributes that --dump-dom shows.
const probe = `<script>
window.addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('img').forEach(function (im) {
    out.push('img:' + (im.getAttribute('data-chart') || im.alt) + ':' + im.naturalWidth + 'x' + im.naturalHeight);
  });
  document.querySelectorAll('svg').forEach(function (s, i) {
    var r = s.getBoundingClientRect();
    out.push('svg:' + i + ':' + Math.round(r.width) + 'x' + Math.round(r.height));
  });
  document.body.setAttribute('data-rendered', out.join(';'));
});
</script>`

// Rendered is one image or svg as Chromium laid it out.
type Rendered struct {
	Kind          string // "img" or "svg"
	Name          string // data-chart, alt text, or svg index
	Width, Height int
}

var renderedAttr = regexp.MustCompile(`data-rendered="([^"]*)"`)

// Render loads the HTML file in headless Chromium and returns every image
// and inline svg with its rendered size.
func Render(t testing.TB, htmlPath string) []Rendered {
	t.Helper()
	bin := Chromium(t)
	page, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	probed := filepath.Join(dir, "probed.html")
	html := string(page)
	if i := strings.LastIndex(html, "</body>"); i >= 0 {
		html = html[:i] + probe + html[i:]
	} else {
		html += probe
	}
	if err := os.WriteFile(probed, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	// Headless Chromium now and then crashes (a segmentation fault) when
	// the machine is busy with parallel tests: a crash is the browser's,
	// not the page's, so it is tried again, up to three times, each with a
	// fresh profile.
	var out []byte
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		cmd := exec.CommandContext(ctx, bin, Flags(filepath.Join(dir, fmt.Sprintf("profile%d", attempt)))...)
		cmd.Args = append(cmd.Args, "--dump-dom", "--virtual-time-budget=10000", "file://"+probed)
		out, err = cmd.Output()
		timedOut := ctx.Err() != nil
		cancel()
		var exit *exec.ExitError
		if err == nil || attempt == 3 || !errors.As(err, &exit) || timedOut {
			break
		}
		t.Logf("chromium --dump-dom: %v; trying again", err)
	}
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	m := renderedAttr.FindSubmatch(out)
	if m == nil {
		t.Fatalf("the page's load event did not run in chromium; DOM:\n%s", tail(out))
	}
	var res []Rendered
	for _, item := range strings.Split(string(m[1]), ";") {
		if item == "" {
			continue
		}
		parts := strings.Split(item, ":")
		if len(parts) < 3 {
			continue
		}
		size := parts[len(parts)-1]
		w, h, _ := strings.Cut(size, "x")
		r := Rendered{Kind: parts[0], Name: strings.Join(parts[1:len(parts)-1], ":")}
		r.Width, _ = strconv.Atoi(w)
		r.Height, _ = strconv.Atoi(h)
		res = append(res, r)
	}
	return res
}

// Screenshot writes a PNG screenshot of the page at the given window size.
func Screenshot(t testing.TB, htmlPath, pngPath string, width, height int) {
	t.Helper()
	bin := Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	abs, _ := filepath.Abs(htmlPath)
	cmd := exec.CommandContext(ctx, bin, Flags(t.TempDir())...)
	cmd.Args = append(cmd.Args, "--screenshot="+pngPath, fmt.Sprintf("--window-size=%d,%d", width, height), "--hide-scrollbars", "file://"+abs)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, tail(out))
	}
}

// Flags are the headless flags: no sandbox (root in CI), no GPU, no
// network chatter, a throw-away profile.
func Flags(profile string) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir=" + profile}
}
