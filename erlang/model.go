package erlang

import (
	"errors"
	"fmt"
	"strings"
)

// Model selects the queueing model.
type Model int

const (
	// ModelC is Erlang C (M/M/n): contacts wait as long as it takes. The
	// zero value.
	ModelC Model = iota
	// ModelB is Erlang B (M/M/n/n): a contact that finds every agent busy
	// is lost.
	ModelB
	// ModelA is Erlang A (M/M/n+M): waiting contacts abandon after an
	// exponential patience.
	ModelA
)

// String returns the model's name as the command line and JSON write it.
func (m Model) String() string {
	switch m {
	case ModelB:
		return "erlang-b"
	case ModelC:
		return "erlang-c"
	case ModelA:
		return "erlang-a"
	}
	return fmt.Sprintf("Model(%d)", int(m))
}

// ParseModel parses "erlang-b", "erlang-c" or "erlang-a" (also "b", "c",
// "a", case-insensitive).
func ParseModel(s string) (Model, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "erlang-b", "erlangb", "b":
		return ModelB, nil
	case "erlang-c", "erlangc", "c":
		return ModelC, nil
	case "erlang-a", "erlanga", "a":
		return ModelA, nil
	}
	return 0, fmt.Errorf("unknown model %q: use erlang-b, erlang-c or erlang-a", s)
}

// ErrUnstable is matched (errors.Is) by *UnstableError.
var ErrUnstable = errors.New("unstable queue")

// UnstableError reports an overloaded queue without abandonment: with
// traffic a ≥ n agents the Erlang C queue grows without bound, so it has no
// service level, ASA or queue length.
type UnstableError struct {
	Agents  int
	Traffic float64 // erlangs
}

func (e *UnstableError) Error() string {
	return fmt.Sprintf("unstable queue: %.4g erlangs of traffic on %d agents without abandonment grows without bound; "+
		"it needs at least %d agents (or give a patience for Erlang A)", e.Traffic, e.Agents, minStable(e.Traffic))
}

// Is makes errors.Is(err, ErrUnstable) true.
func (e *UnstableError) Is(target error) bool { return target == ErrUnstable }

// minStable is the smallest n with a < n.
func minStable(a float64) int { return int(a) + 1 }
