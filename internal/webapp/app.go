package webapp

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/plan"
)

// Engine is what the command supplies: flag parsing and file writing shared
// with staffsim plan and staffsim compare.
type Engine struct {
	// HistoryOptions resolves the history flags among args (staffsim plan's
	// flags, e.g. --column=created_at=opened_at --tz=UTC) as plan does.
	HistoryOptions func(args []string) (history.Options, error)
	// Plan resolves args (staffsim plan's flags, without --history and
	// --out) as the command does and reads the history h (nil: the built-in
	// sample desk) into the plan's input.
	Plan func(ctx context.Context, args []string, h *History) (plan.Input, plan.Options, error)
	// WritePlan writes a plan's files (those of staffsim plan --out) into
	// dir, replaced whole, and returns their names.
	WritePlan func(ctx context.Context, dir string, res *plan.Result, opt plan.Options) ([]string, error)
	// WriteCompare runs scenarios on common random numbers and writes the
	// files of staffsim compare --out into dir (replaced whole), extra files
	// first; it returns the files' names and the cheapest scenario meeting
	// every SLA ("" when none).
	WriteCompare func(ctx context.Context, dir string, scs []*scenarios.Scenario, names []string, extra map[string]func(io.Writer) error) ([]string, string, error)
}

// History is an uploaded history: Name is the file's name as the user
// gave it (messages and the equivalent command), Open reads it.
type History struct {
	Name string
	Open func() (io.ReadCloser, error)
}

// Config configures the application; the zero value of each field but
// Engine is documented.
type Config struct {
	Engine  Engine
	Version string
	// TempDir holds the session directories (a fresh directory under the
	// system's temporary directory when ""); it is removed by Close.
	TempDir string
	// MaxUpload is the largest history accepted, bytes (0: 50 MB).
	MaxUpload int64
	// MaxSessions bounds the sessions alive at once (0: 64).
	MaxSessions int
	// MaxRuns bounds the plans, comparisons and headcount simulations
	// running at once (0: 2); others wait their turn.
	MaxRuns int
	// IdleTimeout ends a session unused for so long (0: 2 h).
	IdleTimeout time.Duration
	// Loopback serves only requests whose Host is a loopback name or
	// address (against DNS rebinding); set it when listening on loopback.
	Loopback bool
}

// App is the web application: an http.Handler.
type App struct {
	cfg  Config
	root string
	mux  *http.ServeMux
	tmpl *template.Template
	runs chan struct{} // run slots

	mu       sync.Mutex
	sessions map[string]*session
	closed   bool
	stop     chan struct{}
	wg       sync.WaitGroup
}

//go:embed assets
var assets embed.FS

// New returns the application, its session directories under a new
// temporary directory. Close it when done.
func New(cfg Config) (*App, error) {
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 50 << 20
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 64
	}
	if cfg.MaxRuns <= 0 {
		cfg.MaxRuns = 2
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 2 * time.Hour
	}
	root, err := os.MkdirTemp(cfg.TempDir, "staffsim-serve-")
	if err != nil {
		return nil, fmt.Errorf("serve: a directory for the sessions: %w", err)
	}
	tmpl, err := template.New("page.html.tmpl").Funcs(funcs).ParseFS(assets, "assets/page.html.tmpl")
	if err != nil {
		os.RemoveAll(root)
		return nil, err
	}
	a := &App{cfg: cfg, root: root, tmpl: tmpl, runs: make(chan struct{}, cfg.MaxRuns), sessions: map[string]*session{}, stop: make(chan struct{})}
	a.routes()
	a.wg.Add(1)
	go a.janitor()
	return a, nil
}

// Close cancels every run, ends every session and removes the sessions'
// directories.
func (a *App) Close() error {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	a.closed = true
	ss := make([]*session, 0, len(a.sessions))
	for id, s := range a.sessions {
		ss = append(ss, s)
		delete(a.sessions, id)
	}
	a.mu.Unlock()
	close(a.stop)
	for _, s := range ss {
		s.end()
	}
	a.wg.Wait()
	return os.RemoveAll(a.root)
}

// Sessions returns the number of live sessions.
func (a *App) Sessions() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.sessions)
}

// janitor ends sessions idle for longer than the idle timeout.
func (a *App) janitor() {
	defer a.wg.Done()
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-a.stop:
			return
		case <-t.C:
		}
		var old []*session
		a.mu.Lock()
		for id, s := range a.sessions {
			if s.idle() > a.cfg.IdleTimeout {
				old = append(old, s)
				delete(a.sessions, id)
			}
		}
		a.mu.Unlock()
		for _, s := range old {
			s.end()
		}
	}
}

const cookieName = "staffsim_session"

// errFull is returned when every session slot holds a running job.
var errFull = errors.New("the server has as many sessions running plans as it allows; try again in a few minutes")

// session returns the request's session, creating one (and setting its
// cookie) when create is true and the request has none.
func (a *App) session(w http.ResponseWriter, r *http.Request, create bool) (*session, error) {
	if c, err := r.Cookie(cookieName); err == nil {
		a.mu.Lock()
		s := a.sessions[c.Value]
		a.mu.Unlock()
		if s != nil {
			s.touch()
			return s, nil
		}
	}
	if !create {
		return nil, nil
	}
	id, err := randomHex(32)
	if err != nil {
		return nil, err
	}
	token, err := randomHex(32)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil, errors.New("the server is shutting down")
	}
	var evicted *session
	if len(a.sessions) >= a.cfg.MaxSessions {
		evicted = a.oldestIdleLocked()
		if evicted == nil {
			a.mu.Unlock()
			return nil, errFull
		}
		delete(a.sessions, evicted.id)
	}
	dir, err := os.MkdirTemp(a.root, "session-")
	if err != nil {
		a.mu.Unlock()
		return nil, fmt.Errorf("serve: a session directory: %w", err)
	}
	s := newSession(id, token, dir)
	a.sessions[id] = s
	a.mu.Unlock()
	if evicted != nil {
		evicted.end()
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return s, nil
}

// oldestIdleLocked returns the least recently used session without a
// running job, or nil.
func (a *App) oldestIdleLocked() *session {
	var list []*session
	for _, s := range a.sessions {
		if !s.busy() {
			list = append(list, s)
		}
	}
	if len(list) == 0 {
		return nil
	}
	sort.Slice(list, func(i, j int) bool { return list[i].idle() > list[j].idle() })
	return list[0]
}

// endSession ends the request's session (its data and files are gone).
func (a *App) endSession(s *session) {
	a.mu.Lock()
	delete(a.sessions, s.id)
	a.mu.Unlock()
	s.end()
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// ServeHTTP serves the application, with security headers on every
// response and the Host check of a loopback server.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin") // no-referrer would make form posts send "Origin: null"
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Cache-Control", "no-store")
	if a.cfg.Loopback && !loopbackHost(r.Host) {
		http.Error(w, "staffsim serve answers only to localhost, 127.0.0.1 or [::1] (a loopback server)", http.StatusMisdirectedRequest)
		return
	}
	a.mux.ServeHTTP(w, r)
}

// loopbackHost reports whether a Host header names the local machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkPost checks a state-changing request: POST, the session's CSRF
// token, and the browser's Origin (when sent) equal to the page's.
func checkPost(w http.ResponseWriter, r *http.Request, s *session, formToken string) bool {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "use POST", http.StatusMethodNotAllowed)
		return false
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
		return false
	}
	tok := r.Header.Get("X-CSRF-Token")
	if tok == "" {
		tok = formToken
	}
	if s == nil || subtle.ConstantTimeCompare([]byte(tok), []byte(s.csrf)) != 1 {
		http.Error(w, "missing or wrong CSRF token: reload the page and try again", http.StatusForbidden)
		return false
	}
	return true
}

// acquire takes a run slot, waiting until one is free or ctx is done.
func (a *App) acquire(ctx context.Context) error {
	select {
	case a.runs <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (a *App) release() { <-a.runs }
