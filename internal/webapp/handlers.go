package webapp

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/plan"
)

func (a *App) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", a.page)
	m.HandleFunc("GET /assets/{name}", a.asset)
	m.HandleFunc("/upload", a.upload)
	m.HandleFunc("/sample", a.sample)
	m.HandleFunc("/settings", a.saveSettings)
	m.HandleFunc("/run", a.run)
	m.HandleFunc("/cancel", a.cancel)
	m.HandleFunc("GET /status", a.status)
	m.HandleFunc("/headcount", a.headcount)
	m.HandleFunc("/compare", a.compareRosters)
	m.HandleFunc("/roster", a.editRoster)
	m.HandleFunc("/end", a.end)
	m.HandleFunc("GET /files/{set}/{name}", a.file)
	a.mux = m
}

// The page's assets: a fixed list, never a path from the request.
var assetTypes = map[string]string{"app.js": "text/javascript; charset=utf-8", "style.css": "text/css; charset=utf-8"}

func (a *App) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	typ, ok := assetTypes[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", typ)
	w.Write(b)
}

// upload streams a history into the session directory (a fixed name) and
// reads its header.
func (a *App) upload(w http.ResponseWriter, r *http.Request) {
	s, err := a.session(w, r, false)
	if err != nil || s == nil {
		http.Error(w, "no session: load the page first", http.StatusForbidden)
		return
	}
	// The token is a header or the first part of the form, before the file.
	r.Body = http.MaxBytesReader(w, r.Body, a.cfg.MaxUpload+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		if !checkPost(w, r, s, "") {
			return
		}
		a.fail(w, r, s, fmt.Errorf("upload: %v", err))
		return
	}
	token, name, msg := "", "", ""
	path := filepath.Join(s.dir, "history.csv")
	got := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			msg = uploadError(err, a.cfg.MaxUpload)
			break
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 200))
			token = string(b)
		case "history":
			if !checkPost(w, r, s, token) {
				return
			}
			name = cleanName(part.FileName())
			if err := saveUpload(path, part, a.cfg.MaxUpload); err != nil {
				msg = uploadError(err, a.cfg.MaxUpload)
				os.Remove(path)
			} else {
				got = true
			}
		}
		part.Close()
		if msg != "" {
			break
		}
	}
	if !got && msg == "" {
		if !checkPost(w, r, s, token) {
			return
		}
		msg = "upload: choose a history file (CSV) first"
	}
	if got {
		s.dropJob()
		s.mu.Lock()
		s.upload, s.settings.Columns, s.settings.IDColumn, s.settings.TimeFormat = name, map[string]string{}, "", ""
		s.mu.Unlock()
	}
	if msg != "" {
		a.fail(w, r, s, errors.New(msg))
		return
	}
	a.detect(s)
	http.Redirect(w, r, "/#columns", http.StatusSeeOther)
}

// saveUpload copies at most limit bytes of r into path; more is an error.
func saveUpload(path string, r io.Reader, limit int64) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, io.LimitReader(r, limit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > limit {
		err = &http.MaxBytesError{Limit: limit}
	}
	return err
}

// uploadError says why an upload failed, in the user's words.
func uploadError(err error, limit int64) string {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return fmt.Sprintf("upload: the file is larger than the limit of %d MB: aggregate it to interval volumes (interval_start,arrivals,aht_seconds), or start staffsim serve with a larger --max-upload", limit>>20)
	}
	return fmt.Sprintf("upload: %v", err)
}

// cleanName is an uploaded file's base name, for messages and the
// equivalent command only (the file is stored as history.csv).
func cleanName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = filepath.Base(filepath.Clean("/" + name))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	if name == "/" || name == "." || name == "" || !utf8.ValidString(name) {
		return "history.csv"
	}
	if len(name) > 100 {
		name = name[:100]
	}
	return name
}

// detect reads the upload's header with the session's settings: the
// shape and columns the reader finds, and the first rows to show.
func (a *App) detect(s *session) {
	s.mu.Lock()
	set, name, dir := s.settings, s.upload, s.dir
	s.mu.Unlock()
	if name == "" {
		return
	}
	rep, preview, err := a.readHeader(filepath.Join(dir, "history.csv"), name, set)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.detected, s.preview, s.readErr = rep, preview, ""
	if err != nil {
		s.readErr = err.Error()
	}
}

// readHeader runs the history reader's first pass (history.NewReader) and
// reads the first rows for the page.
func (a *App) readHeader(path, name string, set Settings) (*history.Report, [][]string, error) {
	opt, err := a.cfg.Engine.HistoryOptions(set.Args(false))
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	opt.Context = context.Background()
	rd, err := history.NewReader(name, f, opt)
	if err != nil {
		return nil, nil, err
	}
	rep := rd.Report()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return rep, nil, err
	}
	cr := csv.NewReader(io.LimitReader(f, 1<<20))
	if d, _ := utf8.DecodeRuneInString(rep.Delimiter); rep.Delimiter != "" {
		cr.Comma = d
	}
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	var rows [][]string
	for len(rows) < 6 {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		for i := range rec {
			rec[i] = strings.ToValidUTF8(rec[i], "?")
			if len(rec[i]) > 60 {
				rec[i] = rec[i][:60] + "…"
			}
		}
		rows = append(rows, rec)
	}
	return rep, rows, nil
}

// sample picks the built-in sample desk.
func (a *App) sample(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if !checkPost(w, r, s, r.PostFormValue("csrf")) {
		return
	}
	s.dropJob()
	os.Remove(filepath.Join(s.dir, "history.csv"))
	s.mu.Lock()
	s.upload, s.detected, s.preview, s.readErr = "", nil, nil, ""
	s.settings.Columns = map[string]string{}
	s.mu.Unlock()
	http.Redirect(w, r, "/#settings", http.StatusSeeOther)
}

// saveSettings stores the settings form and reads the header again.
func (a *App) saveSettings(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if !a.takeSettings(w, r, s) {
		return
	}
	http.Redirect(w, r, "/#columns", http.StatusSeeOther)
}

func (a *App) takeSettings(w http.ResponseWriter, r *http.Request, s *session) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if !checkPost(w, r, s, r.PostFormValue("csrf")) {
		return false
	}
	set := settingsFrom(r.PostForm, history.Fields())
	s.mu.Lock()
	s.settings = set
	s.mu.Unlock()
	a.detect(s)
	return true
}

// run stores the settings and starts the plan.
func (a *App) run(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if !a.takeSettings(w, r, s) {
		return
	}
	s.mu.Lock()
	if s.ended || (s.job != nil && s.job.running()) {
		s.mu.Unlock()
		http.Redirect(w, r, "/#run", http.StatusSeeOther)
		return
	}
	set, upload := s.settings, s.upload
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{cancel: cancel, finished: make(chan struct{}), state: "queued", stage: "waiting for a free run slot…", command: set.Command(upload)}
	s.job, s.compare, s.points = j, nil, map[int]headcount.Point{}
	s.mu.Unlock()
	var h *History
	if upload != "" {
		path := filepath.Join(s.dir, "history.csv")
		h = &History{Name: upload, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
	}
	go a.runPlan(ctx, j, set.Args(upload == ""), h, filepath.Join(s.dir, "plan"))
	http.Redirect(w, r, "/#run", http.StatusSeeOther)
}

// runPlan runs one plan job to its end.
func (a *App) runPlan(ctx context.Context, j *job, args []string, h *History, dir string) {
	defer close(j.finished)
	defer j.cancel()
	t0 := time.Now()
	finish := func(err error) {
		j.mu.Lock()
		defer j.mu.Unlock()
		j.elapsed = time.Since(t0)
		switch {
		case err == nil:
			j.state, j.stage = "done", "done"
		case ctx.Err() != nil:
			j.state, j.err, j.res = "cancelled", "the run was cancelled", nil
		default:
			j.state, j.err, j.res = "failed", err.Error(), nil
		}
	}
	if err := a.acquire(ctx); err != nil {
		finish(err)
		return
	}
	defer a.release()
	j.mu.Lock()
	j.state, j.stage = "running", "reading the history…"
	j.mu.Unlock()
	in, opt, err := a.cfg.Engine.Plan(ctx, args, h)
	if err != nil {
		finish(err)
		return
	}
	opt.Log, opt.Progress = j, j.progress
	res, err := plan.Run(ctx, in, opt)
	if err != nil {
		finish(err)
		return
	}
	j.mu.Lock()
	j.stage = "writing the files…"
	j.mu.Unlock()
	files, err := a.cfg.Engine.WritePlan(ctx, dir, res, opt)
	if err == nil {
		j.mu.Lock()
		j.res, j.opt, j.files = res, opt, files
		j.mu.Unlock()
	}
	finish(err)
}

func (a *App) cancel(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if !checkPost(w, r, s, r.PostFormValue("csrf")) {
		return
	}
	s.mu.Lock()
	j := s.job
	s.mu.Unlock()
	if j != nil {
		j.cancel()
		<-j.finished
	}
	http.Redirect(w, r, "/#run", http.StatusSeeOther)
}

func (a *App) end(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if !checkPost(w, r, s, r.PostFormValue("csrf")) {
		return
	}
	a.endSession(s)
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (a *App) status(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	st := Status{State: "idle"}
	if s != nil {
		s.mu.Lock()
		j := s.job
		s.mu.Unlock()
		if j != nil {
			st = j.status()
		}
	}
	writeJSON(w, st)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// PointJSON is one headcount for the slider.
type PointJSON struct {
	Agents       int      `json:"agents"`
	FTE          float64  `json:"fte"`
	ServiceLevel *float64 `json:"service_level"`
	PMeet        float64  `json:"p_meet"`
	ASASeconds   *float64 `json:"asa_seconds"`
	CostPerYear  float64  `json:"cost_per_year"`
	PaidHours    float64  `json:"paid_hours_per_week"`
	Simulated    bool     `json:"simulated,omitempty"` // simulated on request, not a point of the plan's sweep
	Edited       bool     `json:"edited,omitempty"`    // the recommended roster with the page's edits
}

func pointJSON(p headcount.Point) PointJSON {
	out := PointJSON{Agents: p.Agents, FTE: p.FTE, PMeet: p.PMeet, CostPerYear: p.CostPerYear, PaidHours: p.PaidHoursPerWeek}
	if sl := p.Total.ServiceLevel; sl.Defined() {
		out.ServiceLevel = &sl.Mean
	}
	if asa := p.Total.ASA; asa.Defined() {
		out.ASASeconds = &asa.Mean
	}
	return out
}

// maxHeadcount bounds a headcount asked for on the slider.
const maxHeadcount = 100000

// headcount returns the plan's figures at a headcount: the sweep's point,
// or a new simulation for a headcount between or beyond its points.
func (a *App) headcount(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if !checkPost(w, r, s, r.PostFormValue("csrf")) {
		return
	}
	n, err := strconv.Atoi(r.PostFormValue("agents"))
	s.mu.Lock()
	j := s.job
	cached, ok := s.points[n]
	s.mu.Unlock()
	if err != nil || n < 1 || n > maxHeadcount {
		http.Error(w, "agents: give a whole number of agents from 1", http.StatusBadRequest)
		return
	}
	if j == nil || j.status().State != "done" {
		http.Error(w, "run the plan first", http.StatusConflict)
		return
	}
	if ok {
		writeJSON(w, simulated(cached))
		return
	}
	res, opt := j.result()
	for _, p := range res.Curves[0].Points {
		if p.Agents == n {
			writeJSON(w, pointJSON(p))
			return
		}
	}
	if err := a.acquire(r.Context()); err != nil {
		return
	}
	p, err := res.Headcount(r.Context(), n, opt)
	a.release()
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	s.mu.Lock()
	if s.points != nil && len(s.points) < 200 {
		s.points[n] = p
	}
	s.mu.Unlock()
	writeJSON(w, simulated(p))
}

func simulated(p headcount.Point) PointJSON {
	j := pointJSON(p)
	j.Simulated = true
	return j
}

func (j *job) result() (*plan.Result, plan.Options) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.res, j.opt
}

// compareResult is the last comparison of a session.
type compareResult struct {
	Files    []string
	Cheapest string
	Command  string
	Error    string
}

// finishedPlan checks a POST (session, CSRF token) that needs the
// session's finished plan and returns them; it has answered the request
// when ok is false.
func (a *App) finishedPlan(w http.ResponseWriter, r *http.Request) (s *session, j *job, ok bool) {
	s, _ = a.session(w, r, false)
	if !checkPost(w, r, s, r.PostFormValue("csrf")) {
		return nil, nil, false
	}
	s.mu.Lock()
	j = s.job
	s.mu.Unlock()
	if j == nil || j.status().State != "done" {
		http.Error(w, "run the plan first", http.StatusConflict)
		return nil, nil, false
	}
	return s, j, true
}

// compareRosters compares the recommended roster with today's or with the
// optimised roster at another headcount, over the plan's horizon, on
// common random numbers.
func (a *App) compareRosters(w http.ResponseWriter, r *http.Request) {
	s, j, ok := a.finishedPlan(w, r)
	if !ok {
		return
	}
	res, opt := j.result()
	rec := res.Scenario
	recAgents := 0
	for _, sh := range rec.Roster.Shifts {
		recAgents += sh.Agents
	}
	a1 := *rec
	a1.Name = fmt.Sprintf("recommended (%d)", recAgents)
	scs := []*scenarios.Scenario{&a1}
	cr := &compareResult{}
	var b *scenarios.Scenario
	switch other := r.PostFormValue("other"); other {
	case "today":
		if opt.Today == nil {
			cr.Error = "this plan has no current roster to compare with: pick a headcount"
			break
		}
		shifts := slices.Clone(opt.Today.Roster.Shifts)
		for i := range shifts {
			shifts[i].Skills = nil // the plan's desk has one queue
		}
		b = res.Desk.Scenario("today's roster", res.Start, res.Days, shifts)
	default:
		n, err := strconv.Atoi(r.PostFormValue("agents"))
		if err != nil || n < 1 || n > maxHeadcount {
			cr.Error = "headcount: give a whole number of agents from 1"
			break
		}
		shifts, err := res.Scaled(n)
		if err != nil {
			cr.Error = err.Error()
			break
		}
		b = res.Desk.Scenario(fmt.Sprintf("%d agents", n), res.Start, res.Days, shifts)
	}
	if b != nil {
		scs = append(scs, b)
		extra := map[string]func(io.Writer) error{
			"forecast.csv":     res.Forecast.WriteCSV,
			"recommended.yaml": scs[0].WriteYAML,
			"other.yaml":       b.WriteYAML,
		}
		cr.Command = "staffsim compare recommended.yaml other.yaml --out compare"
		if err := a.acquire(r.Context()); err != nil {
			return
		}
		files, cheapest, err := a.cfg.Engine.WriteCompare(r.Context(), filepath.Join(s.dir, "compare"), scs, []string{scs[0].Name, b.Name}, extra)
		a.release()
		if err != nil {
			cr.Error = err.Error()
		}
		cr.Files, cr.Cheapest = files, cheapest
	}
	s.mu.Lock()
	if !s.ended {
		s.compare = cr
	}
	s.mu.Unlock()
	http.Redirect(w, r, "/#compare", http.StatusSeeOther)
}

// file serves a file the session's plan or comparison wrote: only a name
// on that list, never a path built from the request.
func (a *App) file(w http.ResponseWriter, r *http.Request) {
	s, _ := a.session(w, r, false)
	if s == nil {
		http.NotFound(w, r)
		return
	}
	set, name := r.PathValue("set"), r.PathValue("name")
	var files []string
	s.mu.Lock()
	switch {
	case set == "plan" && s.job != nil:
		st := s.job.status().State
		if st == "done" {
			s.job.mu.Lock()
			files = s.job.files
			s.job.mu.Unlock()
		}
	case set == "compare" && s.compare != nil:
		files = s.compare.Files
	}
	dir := s.dir
	s.mu.Unlock()
	i := slices.Index(files, name)
	if i < 0 {
		http.NotFound(w, r)
		return
	}
	// The directory and the name both come from the server's own lists.
	f, err := os.Open(filepath.Join(dir, set, filepath.Base(files[i])))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	typ := mime.TypeByExtension(filepath.Ext(name))
	if typ == "" || filepath.Ext(name) == ".csv" || filepath.Ext(name) == ".yaml" {
		typ = "text/plain; charset=utf-8"
	}
	h := w.Header()
	h.Set("Content-Type", typ)
	// Reports have no script: forbid any, and any network access.
	h.Set("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox allow-same-origin allow-downloads")
	if r.URL.Query().Get("download") != "" || filepath.Ext(name) != ".html" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	io.Copy(w, f)
}

// fail shows an error on the page (after a form post).
func (a *App) fail(w http.ResponseWriter, r *http.Request, s *session, err error) {
	s.mu.Lock()
	s.readErr = err.Error()
	s.mu.Unlock()
	http.Redirect(w, r, "/#history", http.StatusSeeOther)
}

// editRoster simulates the recommended roster with the page's edits (each
// shift's start and agents) over the headcount week.
func (a *App) editRoster(w http.ResponseWriter, r *http.Request) {
	_, j, ok := a.finishedPlan(w, r)
	if !ok {
		return
	}
	res, opt := j.result()
	shifts := slices.Clone(res.Scenario.Roster.Shifts)
	for i := range shifts {
		if v := r.PostFormValue(fmt.Sprintf("agents_%d", i)); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > maxHeadcount {
				http.Error(w, fmt.Sprintf("shift %q: agents %q: give a whole number from 0", shifts[i].Name, v), http.StatusBadRequest)
				return
			}
			shifts[i].Agents = n
		}
		if v := strings.TrimSpace(r.PostFormValue(fmt.Sprintf("start_%d", i))); v != "" {
			t, err := time.Parse("15:04", v)
			if err != nil {
				http.Error(w, fmt.Sprintf("shift %q: start %q: give a time of day such as 07:30", shifts[i].Name, v), http.StatusBadRequest)
				return
			}
			shifts[i].Start = time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute
		}
	}
	if err := a.acquire(r.Context()); err != nil {
		return
	}
	p, err := res.Evaluate(r.Context(), shifts, opt)
	a.release()
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	out := simulated(p)
	out.Edited = true
	writeJSON(w, out)
}
