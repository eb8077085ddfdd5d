package webapp

import (
	"bytes"
	"context"
	"os"
	"sync"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/plan"
)

// session is one user's state: the history, the settings, the plan run.
// Its fields are guarded by mu; dir is fixed.
type session struct {
	id, csrf, dir string

	mu       sync.Mutex
	last     time.Time
	ended    bool
	upload   string // the uploaded file's name as given ("" : the built-in sample)
	detected *history.Report
	preview  [][]string // the header and the first rows
	readErr  string     // why the upload cannot be read with the settings
	settings Settings
	job      *job
	points   map[int]headcount.Point // headcounts simulated on request
	compare  *compareResult
}

func newSession(id, csrf, dir string) *session {
	return &session{id: id, csrf: csrf, dir: dir, last: time.Now(), settings: DefaultSettings(), points: map[int]headcount.Point{}}
}

func (s *session) touch() {
	s.mu.Lock()
	s.last = time.Now()
	s.mu.Unlock()
}

func (s *session) idle() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Since(s.last)
}

// busy reports whether the session's plan is queued or running.
func (s *session) busy() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.job != nil && s.job.running()
}

// end cancels the session's run and removes its files.
func (s *session) end() {
	s.mu.Lock()
	s.ended = true
	j := s.job
	s.job, s.compare, s.points, s.detected, s.preview = nil, nil, nil, nil, nil
	s.mu.Unlock()
	if j != nil {
		j.cancel()
		<-j.finished
	}
	os.RemoveAll(s.dir)
}

// dropJob cancels the session's plan (waiting for it to stop) and forgets
// it with its comparison and headcounts: the history changed.
func (s *session) dropJob() {
	s.mu.Lock()
	j := s.job
	s.job, s.compare, s.points = nil, nil, map[int]headcount.Point{}
	s.mu.Unlock()
	if j != nil {
		j.cancel()
		<-j.finished
	}
}

// job is one plan run.
type job struct {
	cancel   context.CancelFunc
	finished chan struct{}
	command  string // the equivalent command

	mu          sync.Mutex
	state       string // queued, running, done, failed, cancelled
	stage       string
	done, total int
	log         bytes.Buffer
	err         string
	res         *plan.Result
	opt         plan.Options
	files       []string
	elapsed     time.Duration
}

func (j *job) running() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.state == "queued" || j.state == "running"
}

// Write takes the plan's log lines (plan.Options.Log).
func (j *job) Write(p []byte) (int, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.log.Len() < 1<<20 {
		j.log.Write(p)
	}
	lines := bytes.Split(bytes.TrimSpace(p), []byte("\n"))
	j.stage = string(lines[len(lines)-1])
	return len(p), nil
}

// progress is plan.Options.Progress.
func (j *job) progress(stage string) (func(done, total int), func()) {
	j.mu.Lock()
	j.stage, j.done, j.total = stage+"…", 0, 0
	j.mu.Unlock()
	return func(done, total int) {
			j.mu.Lock()
			j.done, j.total = done, total
			j.mu.Unlock()
		}, func() {
			j.mu.Lock()
			j.done, j.total = 0, 0
			j.mu.Unlock()
		}
}

// Status is the JSON of GET /status.
type Status struct {
	State string `json:"state"`
	Stage string `json:"stage"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Error string `json:"error,omitempty"`
	Log   string `json:"log"`
}

func (j *job) status() Status {
	j.mu.Lock()
	defer j.mu.Unlock()
	return Status{State: j.state, Stage: j.stage, Done: j.done, Total: j.total, Error: j.err, Log: j.log.String()}
}
