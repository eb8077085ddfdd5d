package scenarios

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"
)

// PatienceColumn is the column of a history whose value, in seconds, is a
// contact's own patience when the scenario replays it with own_patience:
// an abandoned call's observed time to abandon; empty for the others.
const PatienceColumn = "patience_seconds"

// Trace is a recorded history of contacts to replay: each contact's
// arrival with its own handle time and patience, 0 where the record has
// none (drawn from the queue's distributions). Handle and Patience are
// nil or as long as Arrivals.
type Trace struct {
	Arrivals []time.Time
	Handle   []time.Duration
	Patience []time.Duration
}

// WriteTrace writes t as a history that a scenario replays with
// own_handle_times and own_patience: created_at (RFC 3339 in loc),
// handle_seconds and patience_seconds, empty where the trace has no value.
func WriteTrace(w io.Writer, t *Trace, loc *time.Location) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("created_at,handle_seconds," + PatienceColumn + "\n")
	secs := func(xs []time.Duration, i int) string {
		if i >= len(xs) || xs[i] <= 0 {
			return ""
		}
		return strconv.FormatFloat(xs[i].Seconds(), 'f', -1, 64)
	}
	for i, a := range t.Arrivals {
		fmt.Fprintf(bw, "%s,%s,%s\n", a.In(loc).Format(time.RFC3339Nano), secs(t.Handle, i), secs(t.Patience, i))
	}
	return bw.Flush()
}

// replay returns the trace's contacts in [start, start+horizon) as the
// simulator's arrival offsets, with their own handle times and patience
// when the scenario keeps them.
func (t *Trace) replay(start time.Time, horizon time.Duration, ownHandle, ownPatience bool) (times, handles, patience []time.Duration) {
	for i, a := range t.Arrivals {
		d := a.Sub(start)
		if d < 0 || d >= horizon {
			continue
		}
		times = append(times, d)
		if ownHandle {
			handles = append(handles, at(t.Handle, i))
		}
		if ownPatience {
			patience = append(patience, at(t.Patience, i))
		}
	}
	return times, handles, patience
}

func at(xs []time.Duration, i int) time.Duration {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

// EmpiricalDistribution returns the empirical distribution of values
// (positive durations), its mean and CV computed as a scenario file's
// values: are.
func EmpiricalDistribution(values []time.Duration) Distribution {
	m, cv := meanCV(values)
	return Distribution{Kind: Empirical, Mean: m, CV: cv, Values: append([]time.Duration(nil), values...)}
}
