package yamlwalk

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem of a file, located by line and key path.
type Error struct {
	Doc    string // what the file is, e.g. "scenario" or "shift templates"
	File   string // the file as given
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
	Key    string // key path, e.g. `roster.shifts[1] "late": breaks[0].after`
	Msg    string // what is wrong
	Hint   string // how to fix it; may be empty
}

// Error writes `DOC "FILE": line L: KEY: MSG; HINT`, leaving out what is
// unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Doc != "" {
		b.WriteString(e.Doc)
		b.WriteString(" ")
	}
	fmt.Fprintf(&b, "%q: ", e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Errors is every problem found in one file, in file order. Its message
// lists them one per line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap exposes the individual errors to errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// sorted orders the errors by line (stable for equal lines: the order
// they were found in).
func (es Errors) sorted() Errors {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	return es
}
