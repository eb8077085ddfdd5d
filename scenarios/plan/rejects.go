package plan

import (
	"fmt"

	"github.com/staffsim/staffsim/forecast/history"
)

// DefaultMaxRejects is the largest share of a history's rows that may be
// rejected before a plan refuses to run on the rest.
const DefaultMaxRejects = 0.05

// RejectsError says that too much of a history was rejected to plan on
// what is left: a plan on 8 of 1,516 tickets would look like a plan and
// mean nothing.
type RejectsError struct {
	Report *history.Report
	Max    float64
}

func (e *RejectsError) Error() string {
	r := e.Report
	msg := fmt.Sprintf("%s: %d of %d rows (%.1f%%) were rejected, more than the %.0f%% a plan accepts",
		r.File, r.Rejected, r.Rows, 100*float64(r.Rejected)/float64(r.Rows), 100*e.Max)
	if len(r.Rejects) > 0 {
		msg += fmt.Sprintf(" (first: %s)", r.Rejects[0])
	}
	return msg + "; fix the file or its column mapping (staffsim inspect lists the rejects; --column maps a column), or give --max-rejects 100% to plan on the rest anyway"
}

// CheckRejects returns a *RejectsError when more than max (a share in
// [0, 1]) of the history's rows were rejected.
func CheckRejects(r *history.Report, max float64) error {
	if r == nil || r.Rows == 0 || float64(r.Rejected) <= max*float64(r.Rows) {
		return nil
	}
	return &RejectsError{Report: r, Max: max}
}
