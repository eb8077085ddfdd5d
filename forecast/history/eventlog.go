package history

import (
	"sort"
	"strings"
	"time"
)

// event accumulates the rows of one ticket of an event log.
type event struct {
	line int // first row
	tk   Ticket
	last time.Time // latest creation-column time
	rows int
}

// eventRow merges one row of an event log into its ticket.
func (rd *Reader) eventRow(rec []string, line int) *Reject {
	id := strings.TrimSpace(rec[rd.idx])
	if id == "" {
		return &Reject{File: rd.rep.File, Line: line, Column: rd.header[rd.idx], Reason: "no ticket id"}
	}
	var tk Ticket
	if rej := rd.ticketRow(rec, line, &tk); rej != nil {
		return rej
	}
	e := rd.events[id]
	if e == nil {
		e = &event{line: line}
		rd.events[strings.Clone(id)] = e
	} else {
		rd.rep.Collapsed++
	}
	e.rows++
	m := &e.tk
	if !tk.Created.IsZero() {
		if m.Created.IsZero() || tk.Created.Before(m.Created) {
			m.Created = tk.Created
		}
		if tk.Created.After(e.last) {
			e.last = tk.Created
		}
	}
	if !tk.FirstResponse.IsZero() && (m.FirstResponse.IsZero() || tk.FirstResponse.Before(m.FirstResponse)) {
		m.FirstResponse = tk.FirstResponse
	}
	if tk.Resolved.After(m.Resolved) {
		m.Resolved = tk.Resolved
	}
	if tk.HasHandle {
		m.HandleSeconds, m.HasHandle = tk.HandleSeconds, true
	}
	if tk.Priority != "" && tk.Priority != m.Priority {
		m.Priority = strings.Clone(tk.Priority)
	}
	if tk.Channel != "" && tk.Channel != m.Channel {
		m.Channel = strings.Clone(tk.Channel)
	}
	if tk.Category != "" && tk.Category != m.Category {
		m.Category = strings.Clone(tk.Category)
	}
	mergeExtra(m, &tk)
	return nil
}

// flushEvents delivers the collapsed tickets of an event log in the order
// of their first row.
func (rd *Reader) flushEvents(sink Sink) error {
	evs := make([]*event, 0, len(rd.events))
	for _, e := range rd.events {
		evs = append(evs, e)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].line < evs[j].line })
	for _, e := range evs {
		tk := &e.tk
		if rd.resolved == nil && e.last.After(tk.Created) {
			tk.Resolved = e.last // an event log's last event closes the ticket
		}
		rej := (*Reject)(nil)
		if tk.Created.IsZero() {
			rej = rd.reject(e.line, rd.created, "no row of this ticket has a creation time")
		} else {
			rej = rd.check(tk, e.line)
		}
		if err := rd.settleDrops(rej == nil); err != nil {
			return err
		}
		if rej != nil {
			if rd.opt.Strict {
				return &RowError{*rej}
			}
			rd.rep.reject(*rej)
			continue
		}
		rd.rep.see(tk.Created)
		sink.Ticket(tk)
	}
	rd.events = nil
	return nil
}
