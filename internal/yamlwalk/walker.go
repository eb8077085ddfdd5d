package yamlwalk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxNodes bounds the YAML nodes one file may visit, aliases and merged
// mappings counted each time they are used, so that a "billion laughs"
// file fails fast instead of exhausting memory.
const MaxNodes = 200_000

// MaxSize bounds a file in bytes; the files this package reads are a few
// kilobytes.
const MaxSize = 4 << 20

// MaxErrors bounds the problems listed for one file; the rest are counted.
// (A mapping merged many times repeats its problems at every use.)
const MaxErrors = 100

// Walker walks the nodes of one YAML file, converting values and
// collecting every problem with its line and key path. Its methods take
// the key path of the node (for messages) and return ok false after
// recording a problem, so that a caller carries on with the next key.
type Walker struct {
	doc, file string
	errs      Errors
	dropped   int // problems found past MaxErrors
	budget    int // nodes left to visit (MaxNodes at the start)
}

// New returns a walker for the file named file (as given, for messages)
// holding a doc ("scenario", "shift templates").
func New(doc, file string) *Walker {
	return &Walker{doc: doc, file: file, budget: MaxNodes}
}

// File returns the file name given to New.
func (w *Walker) File() string { return w.file }

// FileError returns an error about the file as a whole (no line).
func (w *Walker) FileError(hint, format string, args ...any) *Error {
	return &Error{Doc: w.doc, File: w.file, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Errorf records a problem at node n (n may be nil: no line) for the key
// path.
func (w *Walker) Errorf(n *yaml.Node, path, hint, format string, args ...any) {
	if len(w.errs) >= MaxErrors {
		w.dropped++
		return
	}
	e := w.FileError(hint, format, args...)
	e.Key = path
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	w.errs = append(w.errs, e)
}

// Len returns how many problems have been recorded so far: a caller
// compares it before and after a part of the file to know whether that
// part was sound.
func (w *Walker) Len() int { return len(w.errs) + w.dropped }

// Err returns the problems recorded, in file order, as Errors; nil when
// there are none. Past MaxErrors, a last error says how many more there
// were.
func (w *Walker) Err() error {
	if len(w.errs) == 0 {
		return nil
	}
	es := w.errs.sorted()
	if w.dropped > 0 {
		es = append(es, w.FileError("fix the problems above first", "%d more problems not listed", w.dropped))
	}
	return es
}

// Parse decodes data as one YAML document and calls walk with its root
// node, then returns Err. Problems with the document itself end the walk
// before it starts: a file over MaxSize, a file with nothing in it (the
// error then says emptyHint), a YAML syntax error. A second document after
// a "---" line is a problem too (it would be silently ignored), reported
// at the line of its "---"; a trailing "---" with nothing after it is
// allowed. A panic in the YAML library or in walk becomes an error: a
// file must never crash the program.
func (w *Walker) Parse(data []byte, emptyHint string, walk func(root *yaml.Node)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Errors{w.FileError("", "not valid YAML (%v)", r)}
		}
	}()
	if len(data) > MaxSize {
		return Errors{w.FileError("", "file is %d bytes; at most %d are read", len(data), MaxSize)}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return Errors{w.syntaxError(err)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || isEmpty(doc.Content[0]) {
		return Errors{w.FileError(emptyHint, "the file is empty")}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		w.errs = append(w.errs, w.syntaxError(err))
	case len(next.Content) > 0 && !isEmpty(next.Content[0]):
		w.Errorf(&next, "", "a file holds one document: remove this line and what follows, or move it to a file of its own",
			"a second YAML document starts here (after ---), and it would be ignored")
	}
	walk(w.Resolve(doc.Content[0]))
	return w.Err()
}

// isEmpty reports whether n is a null with nothing written (a document
// of comments only).
func isEmpty(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == ""
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a YAML syntax error into an *Error with its line.
func (w *Walker) syntaxError(err error) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	e := w.FileError("check indentation (spaces, not tabs) and that every key ends with a colon", "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = "not valid YAML: " + m[2]
	}
	return e
}

// Resolve follows aliases and charges the node budget. It returns nil once
// the budget is spent (the first time with an error), so that callers stop
// expanding: every method here skips a nil node.
func (w *Walker) Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if w.budget <= 0 {
		return nil
	}
	w.budget--
	if w.budget == 0 {
		w.Errorf(n, "", "remove the anchors and aliases that repeat large parts of the file", "the file expands to more than %d values", MaxNodes)
		return nil
	}
	return n
}

// Sub joins a key to a path: `a.b`, or `x[1] "name": b` after a named
// element.
func Sub(path, key string) string {
	switch {
	case path == "":
		return key
	case strings.HasSuffix(path, `"`):
		return path + ": " + key
	}
	return path + "." + key
}

// Index returns the path of element i of a list: `path[i]`.
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Named returns the path of a list element with a name: `path[i] "name"`.
func Named(path string, i int, name string) string {
	return Index(path, i) + " " + strconv.Quote(name)
}

// KindName describes a node for "want X, got Y" messages.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}
