package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/webapp"
)

// serveApp starts the app of staffsim serve on a loopback test server.
func serveApp(t *testing.T, cfg webapp.Config) (*webapp.App, *httptest.Server) {
	t.Helper()
	cfg.Loopback = true
	app, err := newServeApp(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(app)
	t.Cleanup(func() { srv.Close(); app.Close() })
	return app, srv
}

// browserSession is one user: a cookie jar and the page's CSRF token.
type browserSession struct {
	t     testing.TB
	base  string
	c     *http.Client
	token string
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf" content="([0-9a-f]+)">`)

func newBrowserSession(t testing.TB, base string) *browserSession {
	jar, _ := cookiejar.New(nil)
	// Redirects are not followed: the page after /end would start a new session.
	b := &browserSession{t: t, base: base, c: &http.Client{Jar: jar, Timeout: 5 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	m := csrfMeta.FindStringSubmatch(b.get("/"))
	if m == nil {
		t.Fatal("no CSRF token in the page")
	}
	b.token = m[1]
	return b
}

func (b *browserSession) get(path string) string {
	resp, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

func (b *browserSession) post(path string, form url.Values) (int, string) {
	form.Set("csrf", b.token)
	resp, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// upload posts a history (content streamed from r) and returns the page.
func (b *browserSession) upload(name string, r io.Reader) string {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.WriteField("csrf", b.token)
		fw, _ := mw.CreateFormFile("history", name)
		_, err := io.Copy(fw, r)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	resp, err := b.c.Post(b.base+"/upload", mw.FormDataContentType(), pr)
	if err == nil {
		resp.Body.Close()
	}
	// A refused upload may reset the connection before the page is read.
	return b.get("/")
}

// Bad uploads get the CLI's own messages in the page, and the server
// keeps serving.
func TestServeBadUploads(t *testing.T) {
	t.Parallel()
	_, srv := serveApp(t, webapp.Config{MaxUpload: 8 << 20})
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "created_at\n2026-01-05 09:00\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	tests := []struct {
		name string
		body io.Reader
		want string
	}{
		{"binary.csv", bytes.NewReader([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00")), "binary.csv: is a binary file, not CSV text"},
		{"huge.csv", io.LimitReader(zeros{}, 200<<20), "larger than the limit of 8 MB"},
		{"wrong.csv", strings.NewReader("foo,bar\n1,2\n"), "wrong.csv: no creation-time column: none of the columns (foo, bar) is a known name"},
		{"utf16.csv", bytes.NewReader(utf16), "utf16.csv: is UTF-16 text: save it as UTF-8 CSV"},
	}
	for _, tt := range tests {
		b := newBrowserSession(t, srv.URL)
		page := b.upload(tt.name, tt.body)
		if !strings.Contains(page, `class="error"`) || !strings.Contains(page, htmlEscape(tt.want)) {
			t.Errorf("%s: page has no error %q", tt.name, tt.want)
		}
	}
	// Still serving.
	if page := newBrowserSession(t, srv.URL).get("/"); !strings.Contains(page, "staffsim plan") {
		t.Error("the server stopped serving after the bad uploads")
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// Requests without the session's CSRF token, from another origin, for a
// file the plan did not write, or with a foreign Host are refused.
func TestServeSecurity(t *testing.T) {
	t.Parallel()
	_, srv := serveApp(t, webapp.Config{})
	b := newBrowserSession(t, srv.URL)
	resp, err := b.c.PostForm(srv.URL+"/sample", url.Values{"csrf": {"wrong"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("wrong CSRF token: status %d, want 403", resp.StatusCode)
	}
	req, _ := http.NewRequest("POST", srv.URL+"/sample", strings.NewReader(url.Values{"csrf": {b.token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	if resp, err = b.c.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin POST: status %d, want 403", resp.StatusCode)
	}
	for _, p := range []string{"/files/plan/report.html", "/files/plan/..%2f..%2f..%2fetc%2fpasswd", "/files/x/history.csv", "/assets/page.html.tmpl"} {
		resp, err := b.c.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
	}
	req, _ = http.NewRequest("GET", srv.URL+"/", nil)
	req.Host = "attacker.example"
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: status %d, want 421", resp.StatusCode)
	}
	for _, tt := range []struct {
		addr   string
		remote bool
		ok     bool
	}{{"127.0.0.1:0", false, true}, {"localhost:8080", false, true}, {"[::1]:0", false, true}, {"0.0.0.0:8080", false, false}, {"0.0.0.0:8080", true, true}, {"8080", false, false}} {
		if _, err := checkServeAddr(tt.addr, tt.remote); (err == nil) != tt.ok {
			t.Errorf("checkServeAddr(%q, %v): %v", tt.addr, tt.remote, err)
		}
	}
}

// smallVolumes is three weeks of hourly volumes with handle times, a
// history that plans in seconds.
func smallVolumes() string {
	var b strings.Builder
	b.WriteString("interval_start,arrivals,aht_seconds\n")
	t0 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for h := 0; h < 21*24; h++ {
		n := 0
		if hr := h % 24; hr >= 8 && hr < 18 && (h/24)%7 < 5 {
			n = 20 + 3*((h*7)%5)
		}
		fmt.Fprintf(&b, "%s,%d,240\n", t0.Add(time.Duration(h)*time.Hour).Format(time.RFC3339), n)
	}
	return b.String()
}

// planSmall runs a small plan in a session and waits for its end.
func (b *browserSession) planSmall(deadline time.Time) string {
	b.upload("volumes.csv", strings.NewReader(smallVolumes()))
	if code, _ := b.post("/run", url.Values{"sl": {"80/20s"}, "shrinkage": {"20%"}, "interval": {"60m"}, "hourly_cost": {"25"},
		"horizon": {"7d"}, "replications": {"2"}, "tz": {"UTC"}}); code != http.StatusSeeOther {
		return fmt.Sprintf("run: status %d", code)
	}
	for time.Now().Before(deadline) {
		st := b.get("/status")
		if !strings.Contains(st, `"state":"running"`) && !strings.Contains(st, `"state":"queued"`) {
			if strings.Contains(st, `"state":"done"`) {
				return ""
			}
			return st
		}
		time.Sleep(300 * time.Millisecond)
	}
	return "timed out"
}

func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// Twenty sessions plan at once on loopback: all finish, and once they end
// the heap is back to its level before them. Bounded: 20 sessions, small
// plans, a 6-minute deadline.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: 20 plans")
	}
	app, srv := serveApp(t, webapp.Config{MaxSessions: 32, MaxRuns: 2})
	deadline := time.Now().Add(6 * time.Minute)
	// One plan first, so that lazily built caches (fonts) are in the baseline.
	warm := newBrowserSession(t, srv.URL)
	if msg := warm.planSmall(deadline); msg != "" {
		t.Fatalf("warm-up plan: %s", msg)
	}
	warm.post("/end", url.Values{})
	base := heapMB()
	t0 := time.Now()
	const n = 20
	var wg sync.WaitGroup
	errs := make([]string, n)
	sessions := make([]*browserSession, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sessions[i] = newBrowserSession(t, srv.URL)
			errs[i] = sessions[i].planSmall(deadline)
		}()
	}
	wg.Wait()
	for i, e := range errs {
		if e != "" {
			t.Errorf("session %d: %s", i, e)
		}
	}
	peak := heapMB()
	for _, b := range sessions {
		b.post("/end", url.Values{})
	}
	after := heapMB()
	t.Logf("%d concurrent plans in %.1f s; heap %.1f MB before, %.1f MB with the %d results, %.1f MB after the sessions ended", n, time.Since(t0).Seconds(), base, peak, n, after)
	if app.Sessions() != 0 {
		t.Errorf("%d sessions left after every one ended", app.Sessions())
	}
	if after > base+8 {
		t.Errorf("heap %.1f MB after the sessions ended, %.1f MB before: not back to baseline", after, base)
	}
}

// A long run (the built-in sample at its defaults) stops when cancelled
// from the page, and the session can run again.
func TestServeCancel(t *testing.T) {
	t.Parallel()
	_, srv := serveApp(t, webapp.Config{})
	b := newBrowserSession(t, srv.URL)
	if code, _ := b.post("/run", url.Values{"sl": {"80/20s"}, "horizon": {"28d"}, "replications": {"20"}, "interval": {"30m"}, "tz": {"UTC"}}); code != http.StatusSeeOther {
		t.Fatalf("run: status %d", code)
	}
	time.Sleep(300 * time.Millisecond)
	t0 := time.Now()
	if code, _ := b.post("/cancel", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("cancel: status %d", code)
	}
	st := b.get("/status")
	if !strings.Contains(st, `"state":"cancelled"`) {
		t.Errorf("after cancel: %s", st)
	}
	if d := time.Since(t0); d > 10*time.Second {
		t.Errorf("cancel took %v", d)
	}
	t.Logf("cancelled in %.2f s", time.Since(t0).Seconds())
}

// The built-in sample: a plan, its files downloadable by name only, and
// the recommended roster compared with the sample's own (today's) roster.
func TestServeSample(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a plan")
	}
	t.Parallel()
	_, srv := serveApp(t, webapp.Config{})
	b := newBrowserSession(t, srv.URL)
	if code, _ := b.post("/run", url.Values{"sl": {"80/20s"}, "horizon": {"7d"}, "replications": {"2"}, "interval": {"60m"}, "hourly_cost": {"30"}, "tz": {"UTC"}}); code != http.StatusSeeOther {
		t.Fatalf("run: status %d", code)
	}
	for end := time.Now().Add(3 * time.Minute); ; time.Sleep(300 * time.Millisecond) {
		st := b.get("/status")
		if strings.Contains(st, `"state":"done"`) {
			break
		}
		if !strings.Contains(st, `"state":"running"`) && !strings.Contains(st, `"state":"queued"`) || time.Now().After(end) {
			t.Fatalf("plan: %s", st)
		}
	}
	page := b.get("/")
	for _, want := range []string{"staffsim plan --sl 80/20s --interval 60m --hourly-cost 30 --horizon 7d --replications 2 --out staffsim-plan",
		`href="/files/plan/scenario.yaml?download=1"`, `href="/files/plan/report.html?download=1"`, `value="today"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	resp, err := b.c.Get(srv.URL + "/files/plan/headcount.csv?download=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if cd := resp.Header.Get("Content-Disposition"); resp.StatusCode != http.StatusOK || !strings.Contains(cd, "headcount.csv") || !bytes.HasPrefix(body, []byte("case,")) {
		t.Errorf("headcount.csv: status %d, %q, %.40q", resp.StatusCode, cd, body)
	}
	if code, _ := b.post("/compare", url.Values{"other": {"today"}}); code != http.StatusSeeOther {
		t.Fatalf("compare: status %d", code)
	}
	page = b.get("/")
	if !strings.Contains(page, "staffsim compare recommended.yaml other.yaml") || !strings.Contains(page, `/files/compare/report.html`) {
		t.Errorf("no comparison in the page")
	}
	if html := b.get("/files/compare/report.html"); !strings.Contains(html, "today&#39;s roster") && !strings.Contains(html, "today's roster") {
		t.Errorf("comparison report does not name today's roster")
	}
}
