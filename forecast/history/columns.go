package history

import (
	"fmt"
	"strconv"
	"strings"
)

// aliases are the header names of real exports recognised for each field,
// normalised by normName and in order of preference (ServiceNow has both
// opened_at and sys_created_at; opened_at is the customer's creation).
var aliases = map[string][]string{
	FieldCreatedAt: {
		"createdat", "created", "openedat", "opened", "createdtime", // generic, ServiceNow, Jira, Zendesk "Created at", Freshdesk "Created time"
		"createdon", "createddate", "creationdate", "creationtime", "opendate", "opentime",
		"syscreatedon", "syscreatedat", "arrivaltime", "arrivedat", "starttime", "callstart",
		"timestamp", "completetimestamp", "timetimestamp", "datetime", // event logs (process-mining exports)
	},
	FieldResolvedAt: {
		"resolvedat", "resolved", "resolvedtime", "resolutiondate", "resolutiontime", "solvedat",
		"resolvedon", "closedat", "closed", "closedtime", "closedon", "closeddate",
	},
	FieldFirstResponseAt: {
		"firstresponseat", "firstrespondedat", "firstreplyat", "respondedat", "firstresponsedate",
		"answeredat", "answertime",
	},
	FieldHandleSeconds: {
		"handleseconds", "handletime", "handletimeseconds", "ahtseconds", "aht", "talktime",
		"talkseconds", "sertime", "servicetime", "worktime", "timespent", "durationseconds",
	},
	FieldPriority: {"priority", "severity", "urgency"},
	FieldChannel:  {"channel", "contacttype", "via", "source", "medium", "ticketsource"},
	FieldCategory: {"category", "issuetype", "type", "queue", "topic", "group"},
	FieldIntervalStart: {
		"intervalstart", "interval", "periodstart", "period", "intervalbegin", "start", "slot", "timestamp", "datetime",
	},
	FieldArrivals:   {"arrivals", "offered", "calls", "callsoffered", "contacts", "volume", "count", "tickets"},
	FieldAHTSeconds: {"ahtseconds", "aht", "handleseconds", "averagehandletime"},
}

// shapeFields are the fields read for each shape; the first is required.
var shapeFields = map[Shape][]string{
	ShapeTickets: {FieldCreatedAt, FieldFirstResponseAt, FieldResolvedAt, FieldHandleSeconds, FieldPriority, FieldChannel, FieldCategory},
	ShapeVolumes: {FieldIntervalStart, FieldArrivals, FieldAHTSeconds},
}

// normName lowercases a header name and drops everything but letters and
// digits, so "Created at", "created_at" and "CreatedAt" are one name.
func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// findHeader returns the index of name in header: an exact match first,
// then one ignoring case, spaces and punctuation, then a column given by
// its position, "#3" for the third (for a header that names two columns
// alike); -1 if absent.
func findHeader(header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	n := normName(name)
	for i, h := range header {
		if normName(h) == n {
			return i
		}
	}
	if i, ok := columnNumber(name); ok && i < len(header) {
		return i
	}
	return -1
}

// columnNumber parses a column given by position, "#3", into its index 2.
func columnNumber(s string) (int, bool) {
	if len(s) < 2 || s[0] != '#' {
		return 0, false
	}
	n, err := strconv.Atoi(s[1:])
	if err != nil || n < 1 {
		return 0, false
	}
	return n - 1, true
}

// duplicates returns a note for each column read whose name the header
// gives to another column too (normalised): which one is read, and how to
// pick another by position.
func duplicates(header []string, cols map[string]*column) []string {
	var notes []string
	for _, f := range Fields() {
		c := cols[f]
		if c == nil {
			continue
		}
		for _, idx := range []int{c.idx, c.idx2} {
			if idx < 0 {
				continue
			}
			var same []string
			for i, h := range header {
				if i != idx && normName(h) == normName(header[idx]) {
					same = append(same, "#"+strconv.Itoa(i+1))
				}
			}
			if len(same) > 0 {
				notes = append(notes, fmt.Sprintf("the header names more than one column %q (#%d, %s): %s reads #%d; to read another, give its position, e.g. --column %s=%s",
					header[idx], idx+1, strings.Join(same, ", "), f, idx+1, f, same[0]))
			}
		}
	}
	return notes
}

// column is where a field's value comes from: one column, or for a time
// field a date part and a time part, each a column or a literal.
type column struct {
	field  string
	header string // as the user or the file names it, for messages
	idx    int    // column index, -1 for a literal
	lit    string // the literal when idx < 0
	idx2   int    // second part of a DATE+TIME field, -1 if none
	lit2   string
	split  bool
	layout string // a time field's layout, once detected
	// alts are other columns named by an alias of the same time field, in
	// the aliases' order; detection may choose one of them instead.
	alts []*column
}

// value returns the field's text in rec (parts joined by a space).
func (c *column) value(rec []string) string {
	a := c.lit
	if c.idx >= 0 {
		a = rec[c.idx]
	}
	if !c.split {
		return a
	}
	b := c.lit2
	if c.idx2 >= 0 {
		b = rec[c.idx2]
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return "" // a missing part is a missing value
	}
	return a + " " + b
}

// resolveColumns finds the columns for shape's fields: explicit mappings
// from opt.Columns first, then the aliases. It returns nil for a field
// that the file does not have.
func resolveColumns(file string, header []string, shape Shape, opt *Options) (map[string]*column, error) {
	cols := map[string]*column{}
	used := map[int]bool{}
	for _, f := range sortedKeys(opt.Columns) {
		if !containsField(shapeFields[shape], f) {
			continue // a mapping for the other shape
		}
		c, err := mappedColumn(file, header, f, opt.Columns[f])
		if err != nil {
			return nil, err
		}
		cols[f] = c
		if c.idx >= 0 {
			used[c.idx] = true
		}
		if c.idx2 >= 0 {
			used[c.idx2] = true
		}
	}
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normName(h)
	}
	for _, f := range shapeFields[shape] {
		if cols[f] != nil {
			continue
		}
		// Every column named by an alias, in the aliases' order: the first
		// is the field's column; for a time field the others are kept as
		// alternates, and detection takes the first whose values are times
		// (Zendesk's "Solved at" when its "Resolution time" is minutes).
		var c *column
		for _, a := range aliases[f] {
			for i, n := range norm {
				if n != a || used[i] {
					continue
				}
				alt := &column{field: f, header: header[i], idx: i, idx2: -1}
				switch {
				case c == nil:
					c = alt
					used[i] = true
				case timeFields[f]:
					c.alts = append(c.alts, alt)
				}
			}
		}
		if c != nil {
			cols[f] = c
		}
	}
	return cols, nil
}

func containsField(fields []string, f string) bool {
	for _, x := range fields {
		if x == f {
			return true
		}
	}
	return false
}

// mappedColumn resolves an explicit FIELD=HEADER mapping.
func mappedColumn(file string, header []string, field, spec string) (*column, error) {
	if i := findHeader(header, spec); i >= 0 {
		return &column{field: field, header: header[i], idx: i, idx2: -1}, nil
	}
	a, b, split := strings.Cut(spec, "+")
	if !split || !timeFields[field] {
		return nil, &OptionError{fmt.Sprintf("%s: --column %s=%s: no column %q in the header (columns: %s)",
			file, field, spec, spec, strings.Join(header, ", "))}
	}
	c := &column{field: field, header: spec, split: true}
	c.idx, c.lit = findHeader(header, strings.TrimSpace(a)), strings.TrimSpace(a)
	c.idx2, c.lit2 = findHeader(header, strings.TrimSpace(b)), strings.TrimSpace(b)
	if c.idx < 0 && c.idx2 < 0 {
		return nil, &OptionError{fmt.Sprintf("%s: --column %s=%s: neither %q nor %q is a column in the header (columns: %s)",
			file, field, spec, a, b, strings.Join(header, ", "))}
	}
	for _, part := range []struct {
		idx int
		lit string
	}{{c.idx, c.lit}, {c.idx2, c.lit2}} {
		if part.idx < 0 && !looksLiteral(part.lit) {
			return nil, &OptionError{fmt.Sprintf("%s: --column %s=%s: no column %q in the header (columns: %s); a literal date or time must start with a digit",
				file, field, spec, part.lit, strings.Join(header, ", "))}
		}
	}
	return c, nil
}

// looksLiteral reports whether s can be a literal date or time part.
func looksLiteral(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
