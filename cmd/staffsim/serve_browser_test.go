package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/browsertest"
	"github.com/staffsim/staffsim/internal/realdata"
	"github.com/staffsim/staffsim/internal/webapp"
)

// webDriver speaks the W3C WebDriver protocol (plain HTTP and JSON) to
// chromedriver.
type webDriver struct {
	t       *testing.T
	base    string
	session string
}

const elementKey = "element-6066-11e4-a52e-4f735466cecf"

func (d *webDriver) call(method, path string, body any) json.RawMessage {
	d.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, d.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var out struct{ Value json.RawMessage }
	raw, _ := io.ReadAll(resp.Body)
	json.Unmarshal(raw, &out)
	if resp.StatusCode != http.StatusOK {
		d.t.Fatalf("webdriver %s %s: %s: %s", method, path, resp.Status, raw)
	}
	return out.Value
}

func (d *webDriver) s(path string) string { return "/session/" + d.session + path }

func (d *webDriver) find(css string) string {
	d.t.Helper()
	var el map[string]string
	raw := d.call("POST", d.s("/element"), map[string]string{"using": "css selector", "value": css})
	json.Unmarshal(raw, &el)
	if el[elementKey] == "" {
		d.t.Fatalf("find %s: %s; page: %s", css, raw, d.exec("return document.documentElement.outerHTML"))
	}
	return el[elementKey]
}

func (d *webDriver) click(css string) {
	d.call("POST", d.s("/element/"+d.find(css)+"/click"), map[string]any{})
}

func (d *webDriver) exec(script string, args ...any) json.RawMessage {
	if args == nil {
		args = []any{}
	}
	return d.call("POST", d.s("/execute/sync"), map[string]any{"script": script, "args": args})
}

// waitFor polls a script until it returns true.
func (d *webDriver) waitFor(what, script string, limit time.Duration) {
	d.t.Helper()
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(500 * time.Millisecond) {
		if string(d.exec(script)) == "true" {
			return
		}
	}
	d.t.Fatalf("timed out waiting for %s; page: %s", what, d.exec("return document.body.innerText"))
}

func (d *webDriver) screenshot(path string) {
	var b64 string
	json.Unmarshal(d.call("GET", d.s("/screenshot"), nil), &b64)
	png, _ := base64.StdEncoding.DecodeString(b64)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		d.t.Fatal(err)
	}
}

// The end-to-end test drives staffsim serve in headless Chromium: upload
// the ServiceNow export, fix the column mapping (the ticket-id column of
// its event log), run the plan, move the headcount slider, download
// report.html. Screenshots go to $STAFFSIM_SCREENSHOTS (default: the
// test's temporary directory).
func TestServeBrowser(t *testing.T) {
	chromium := browsertest.Chromium(t)
	driver, err := exec.LookPath("chromedriver")
	if err != nil {
		t.Skip("chromedriver not found: apt-get install -y chromium-driver")
	}
	data := realdata.Path(t, "servicenow-incidents-2016/incident_event_log_partial.csv")
	shots := os.Getenv("STAFFSIM_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	_, srv := serveApp(t, webapp.Config{})
	srv.URL = strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cd := exec.CommandContext(ctx, driver, fmt.Sprintf("--port=%d", port))
	if err := cd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	defer func() { cancel(); cd.Wait() }()
	d := &webDriver{t: t, base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	for i := 0; ; i++ {
		if resp, err := http.Get(d.base + "/status"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 50 {
			t.Fatal("chromedriver did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	var sess struct {
		SessionID string `json:"sessionId"`
	}
	json.Unmarshal(d.call("POST", "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"goog:chromeOptions": map[string]any{"binary": chromium, "args": []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1500"}}}}}), &sess)
	d.session = sess.SessionID
	defer d.call("DELETE", d.s(""), nil)

	d.call("POST", d.s("/url"), map[string]string{"url": srv.URL + "/"})
	d.call("POST", d.s("/element/"+d.find("#file")+"/value"), map[string]string{"text": data})
	d.click("#upload")
	d.waitFor("the column mapping", "return document.getElementById('column_created_at') !== null", 30*time.Second)
	if got := string(d.exec("return document.querySelector('#columns small').textContent")); !strings.Contains(got, "opened_at") {
		t.Errorf("created_at: detection shows %s, want opened_at", got)
	}
	// The fix: the export is an event log, one row per update of a ticket.
	d.exec("document.getElementById('id_column').value = 'number'")
	d.click("#check")
	d.waitFor("the checked columns", "var e = document.getElementById('id_column'); return e !== null && e.value === 'number'", 30*time.Second)
	d.screenshot(filepath.Join(shots, "serve-columns.png"))
	d.exec(`var set = function (id, v) { document.getElementById(id).value = v; };
		set('aht', '15m'); set('horizon', '7d'); set('replications', '3')`)
	d.click("#run")
	d.waitFor("the progress bar", "return document.getElementById('progress') !== null || document.getElementById('done') !== null", 30*time.Second)
	d.waitFor("the plan", "return document.getElementById('done') !== null || document.getElementById('run-error') !== null", 4*time.Minute)
	if e := string(d.exec("var e = document.getElementById('run-error'); return e ? e.textContent : ''")); e != `""` {
		t.Fatalf("plan failed: %s", e)
	}
	if cmd := string(d.exec("return document.getElementById('cmd').textContent")); !strings.Contains(cmd, "--id-column number") || !strings.Contains(cmd, "--history incident_event_log_partial.csv") {
		t.Errorf("equivalent command %s", cmd)
	}
	// The slider: one agent more than recommended, simulated unless a
	// point of the sweep.
	d.exec(`var s = document.getElementById('slider'); s.value = String(parseInt(s.value, 10) + 1); s.dispatchEvent(new Event('change'))`)
	d.waitFor("the slider's figures", "var b = document.getElementById('slider-box'); return b.dataset.shown === document.getElementById('slider').value", time.Minute)
	if sl := string(d.exec("return document.getElementById('sl-out').textContent")); !strings.Contains(sl, "%") {
		t.Errorf("slider service level %s", sl)
	}
	// Edit a shift: one agent more on the first, then simulate that roster.
	d.exec(`document.getElementById('edit').open = true;
		var a = document.querySelector('input[name=agents_0]'); a.value = String(parseInt(a.value, 10) + 1)`)
	d.click("#roster-run")
	d.waitFor("the edited roster's figures", "return document.getElementById('slider-box').dataset.shown === 'edited'", time.Minute)
	if sl := string(d.exec("return document.getElementById('sl-out').textContent")); !strings.Contains(sl, "%") {
		t.Errorf("edited roster service level %s", sl)
	}
	d.exec("document.getElementById('results').scrollIntoView()")
	d.screenshot(filepath.Join(shots, "serve-results.png"))
	report := d.call("POST", d.s("/execute/async"), map[string]any{"script": `var done = arguments[arguments.length - 1];
		fetch('/files/plan/report.html?download=1').then(function (r) { return r.text(); }).then(done)`, "args": []any{}})
	var html string
	json.Unmarshal(report, &html)
	if !strings.Contains(html, "Staffing plan: incident_event_log_partial.csv") {
		t.Errorf("downloaded report.html (%d bytes) is not the plan's report", len(html))
	}
	// Two rosters side by side: the recommended one and five agents fewer.
	d.exec(`var a = document.getElementById('compare-agents'); a.value = String(parseInt(a.value, 10) - 5)`)
	d.click("#compare-run")
	d.waitFor("the comparison", "return document.querySelector('#compare iframe') !== null || document.querySelector('#compare .error') !== null", 2*time.Minute)
	if got := string(d.exec("return document.getElementById('compare').innerText")); !strings.Contains(got, "staffsim compare recommended.yaml other.yaml") || strings.Contains(got, "error") {
		t.Errorf("comparison section: %s", got)
	}
	d.exec("document.getElementById('compare').scrollIntoView()")
	d.screenshot(filepath.Join(shots, "serve-compare.png"))
}
