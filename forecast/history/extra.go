package history

import (
	"io"
	"strings"
)

// findExtra finds the columns of Options.Extra in the header.
func (rd *Reader) findExtra() {
	if len(rd.opt.Extra) == 0 {
		return
	}
	rd.extra = make([]int, len(rd.opt.Extra))
	for i, name := range rd.opt.Extra {
		rd.extra[i] = findHeader(rd.header, name)
	}
}

// extraValues sets tk.Extra to the row's values of the extra columns.
func (rd *Reader) extraValues(rec []string, tk *Ticket) {
	if rd.extra == nil {
		tk.Extra = nil
		return
	}
	tk.Extra = tk.Extra[:0]
	for _, idx := range rd.extra {
		v := ""
		if idx >= 0 && idx < len(rec) {
			if v = strings.TrimSpace(rec[idx]); missing(v) {
				v = ""
			}
		}
		tk.Extra = append(tk.Extra, v)
	}
}

// mergeExtra merges one event-log row's extra values into its ticket: the
// last non-empty value of each column wins.
func mergeExtra(m, row *Ticket) {
	if row.Extra == nil {
		return
	}
	if m.Extra == nil {
		m.Extra = make([]string, len(row.Extra))
	}
	for i, v := range row.Extra {
		if v != "" && v != m.Extra[i] {
			m.Extra[i] = strings.Clone(v)
		}
	}
}

// SummarizeTo is Summarize that also hands every ticket and volume, after
// the summary has counted it, to also (another Sink measuring the same
// history in the same pass).
func SummarizeTo(name string, r io.Reader, opt Options, sopt SummaryOptions, also Sink) (*Summary, error) {
	s := newSummarizer(opt.location(), sopt)
	rep, err := Read(name, r, opt, Tee(s, also))
	if err != nil {
		return nil, err
	}
	return s.finish(rep), nil
}

// Tee returns a Sink that hands every ticket and volume to a, then to b:
// two measurements of one history in one pass.
func Tee(a, b Sink) Sink { return tee{a, b} }

type tee [2]Sink

func (t tee) Ticket(tk *Ticket) {
	t[0].Ticket(tk)
	t[1].Ticket(tk)
}

func (t tee) Volume(v *Volume) {
	t[0].Volume(v)
	t[1].Volume(v)
}
