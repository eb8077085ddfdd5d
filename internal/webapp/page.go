package webapp

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
)

var funcs = template.FuncMap{
	"pct": func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) },
	"money": func(cur string, x float64) string {
		return report.Money(cur, x)
	},
	"fte": report.FTEWords,
}

// fieldView is one field of the column mapping.
type fieldView struct {
	Name, Detected, Chosen string
}

// caseView is one row of the plan's summary table.
type caseView struct {
	Name, FTE, SL, Cost string
	Agents              int
	PMeet               float64
	Met                 bool
}

// shiftView is one shift of the recommended roster, editable.
type shiftView struct {
	Index                     int
	Name, Days, Start, Length string
	Agents                    int
}

// view is everything the page shows.
type view struct {
	CSRF, Version, Upload, ReadErr, Command string
	Sample                                  bool
	Detected                                *history.Report
	Header                                  []string
	Rows                                    [][]string
	Fields                                  []fieldView
	Settings                                Settings
	Status                                  Status
	Lines                                   []string
	Cases                                   []caseView
	Files                                   []string
	Points                                  template.JS
	Min, Max, Recommended                   int
	Currency                                string
	HasToday                                bool
	Compare                                 *compareResult
	Elapsed                                 string
	Shifts                                  []shiftView
	MaxUploadMB                             int64
}

func (a *App) page(w http.ResponseWriter, r *http.Request) {
	s, err := a.session(w, r, true)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	v := view{CSRF: s.csrf, Version: a.cfg.Version, MaxUploadMB: a.cfg.MaxUpload >> 20}
	s.mu.Lock()
	v.Upload, v.ReadErr, v.Settings, v.Detected, v.Compare = s.upload, s.readErr, s.settings, s.detected, s.compare
	v.Sample = s.upload == ""
	if len(s.preview) > 0 {
		v.Header, v.Rows = s.preview[0], s.preview[1:]
	}
	j := s.job
	s.mu.Unlock()
	v.Command = v.Settings.Command(v.Upload)
	if v.Detected != nil {
		for _, f := range history.Fields() {
			v.Fields = append(v.Fields, fieldView{Name: f, Detected: v.Detected.Columns[f], Chosen: v.Settings.Columns[f]})
		}
	}
	if j != nil {
		v.Status = j.status()
		v.Command = j.command
		if v.Status.State == "done" {
			res, opt := j.result()
			j.mu.Lock()
			v.Files = slices.Clone(j.files)
			v.Elapsed = fmt.Sprintf("%.1f s", j.elapsed.Seconds())
			j.mu.Unlock()
			p := res.Plan
			v.Lines, v.Currency, v.HasToday = p.Lines, p.Currency, opt.Today != nil
			for _, c := range p.Cases {
				pt, ok := c.Recommended()
				v.Cases = append(v.Cases, caseView{Name: c.Name, FTE: report.FTEWords(pt.FTE), Agents: pt.Agents, SL: report.PercentPM(pt.ServiceLevel), PMeet: pt.PMeet, Cost: report.Money(p.Currency, pt.CostPerYear), Met: ok})
			}
			var pts []PointJSON
			for _, pt := range res.Curves[0].Points {
				pts = append(pts, pointJSON(pt))
			}
			b, _ := json.Marshal(pts)
			v.Points = template.JS(b)
			v.Min, v.Max = max(1, pts[0].Agents-5), pts[len(pts)-1].Agents+5
			for i, sh := range res.Scenario.Roster.Shifts {
				days := "every day"
				if sh.Days != nil {
					var ds []string
					for _, d := range sh.Days {
						ds = append(ds, d.String()[:3])
					}
					days = strings.Join(ds, " ")
				}
				v.Shifts = append(v.Shifts, shiftView{Index: i, Name: sh.Name, Days: days, Start: fmt.Sprintf("%02d:%02d", int(sh.Start.Hours()), int(sh.Start.Minutes())%60),
					Length: quantity.FormatDuration(sh.Length), Agents: sh.Agents})
			}
			rec, _ := res.Curves[0].Recommended()
			v.Recommended = rec.Agents
		}
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'self'")
	var b strings.Builder
	if err := a.tmpl.Execute(&b, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write([]byte(b.String()))
}
