package ticketplan

import (
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/tickets"
)

// A priority the defaults do not know (P1–P4 by number) and the options
// give no target for is refused up front, with the flag that fixes it —
// before, the plan ran its whole search and then failed to load the
// scenario it wrote ("no SLA targets").
func TestModelPriorityWithoutTarget(t *testing.T) {
	t.Parallel()
	h := func(names ...string) *tickets.Result {
		r := &tickets.Result{}
		for _, n := range names {
			r.Priorities = append(r.Priorities, tickets.Priority{Priority: n, Tickets: 10, Share: 1 / float64(len(names))})
		}
		return r
	}
	for _, tc := range []struct {
		name  string
		hist  *tickets.Result
		opt   Options
		wants []string // empty: no error
	}{
		{"words", h("High", "P1", "Low"), Options{}, []string{`"High"`, `"Low"`, "--sla-per-priority", "High=90/8h"}},
		{"no priority column", h(""), Options{}, []string{"no priority", "--column priority=", "--sla-per-priority '(none)=90/8h'"}},
		{"given", h("High", "P1"), Options{Resolution: []tickets.Target{{Priority: "high", Target: quantity.Target{Goal: 0.9, Within: 1e9}}}}, nil},
		{"response only", h("Sev A"), Options{Response: []tickets.Target{{Priority: "Sev A", Target: quantity.Target{Goal: 0.9, Within: 1e9}}}}, nil},
	} {
		_, _, _, err := Model(tc.hist, tc.opt)
		if len(tc.wants) == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: no error, want one naming %q", tc.name, tc.wants)
			continue
		}
		for _, w := range tc.wants {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v; want it to say %q", tc.name, err, w)
			}
		}
	}
}

// A target for a priority the history does not have (a typo: "P9", "Sev2")
// is said, not silently dropped.
func TestModelUnusedTarget(t *testing.T) {
	t.Parallel()
	h := &tickets.Result{Priorities: []tickets.Priority{{Priority: "1 - Critical", Tickets: 3, Share: 0.5}, {Priority: "P2", Tickets: 3, Share: 0.5}}}
	tg := func(p string) []tickets.Target {
		return []tickets.Target{{Priority: p, Target: quantity.Target{Goal: 0.9, Within: 1e9}}}
	}
	_, _, notes, err := Model(h, Options{Resolution: tg("P9"), Response: tg("P1")})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, `--sla-per-priority P9: the history has no such priority (it has "1 - Critical", "P2"): the target is not used`) ||
		strings.Contains(all, "--response-sla-per-priority") {
		t.Errorf("notes %q: want P9's resolution target said unused, P1's response target (1 - Critical) not", notes)
	}
}

// The cases that miss say in how many runs each priority met its goals —
// "(met in 1 of 20 runs)" — the bare "(1 of 20 runs)" after "missed for"
// read as the runs that missed.
func TestLinesMissedCases(t *testing.T) {
	t.Parallel()
	r := &Result{Days: 28, Warmup: 7, Met: true}
	s := &Summary{
		Priorities: []SummaryPriority{{Priority: "P1"}, {Priority: "4 - Low"}},
		Cases: []SummaryCase{
			{Case: "90% of the recommendation", Volume: 1, Analysts: 77, PMeet: []float64{0.95, 0.05}},
			{Case: "recommendation", Volume: 1, Analysts: 85, PMeet: []float64{1, 0.95}, Met: true},
			{Case: "+10% volume", Volume: 1.1, Analysts: 85, PMeet: []float64{0.9, 0.05}},
		},
	}
	got := strings.Join(r.lines(s, "£", Options{Replications: 20, Confidence: 0.9}), "\n")
	for _, want := range []string{
		"With 90% of the recommendation (77 analysts) the goals are missed for 4 - Low (met in 1 of 20 runs).",
		"At +10% volume the recommended 85 analysts miss the goals of 4 - Low (met in 1 of 20 runs).",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lines:\n%s\nwant %q", got, want)
		}
	}
}

// TestMeetsCountsRuns: P(meet) is judged in runs, so a mean accumulated
// over the replications that falls a hair under the confidence is not a
// run short.
func TestMeetsCountsRuns(t *testing.T) {
	for _, tt := range []struct {
		p, conf float64
		n       int
		want    bool
	}{
		{0.8999999999999999, 0.9, 20, true}, // 18 of 20
		{0.85, 0.9, 20, false},              // 17 of 20
		{1, 1, 4, true},
		{0.75, 0.8, 4, false}, // 3 of 4: ⌈0.8·4⌉ = 4
	} {
		if got := meets(tt.p, tt.conf, tt.n); got != tt.want {
			t.Errorf("meets(%v, %v, %d) = %v, want %v", tt.p, tt.conf, tt.n, got, tt.want)
		}
	}
}
