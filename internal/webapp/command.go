package webapp

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/staffsim/staffsim/forecast/history"
)

// Settings are the page's plan settings, each the text of one staffsim
// plan flag (checked by the command's own flag parsing, never here).
type Settings struct {
	SL           string // --sl, e.g. 80/20s
	Shrinkage    string // --shrinkage, e.g. 20%
	Interval     string // --interval, e.g. 30m
	HourlyCost   string // --hourly-cost, e.g. 25
	AHT          string // --aht, e.g. 240s ("": the history's handle times)
	Horizon      string // --horizon, e.g. 28d
	Replications string // --replications
	TZ           string // --tz
	IDColumn     string // --id-column
	TimeFormat   string // --time-format
	// Columns maps a field to a header (--column FIELD=HEADER).
	Columns map[string]string
}

// DefaultSettings are staffsim plan's defaults.
func DefaultSettings() Settings {
	return Settings{SL: "80/20s", Shrinkage: "20%", Interval: "30m", HourlyCost: "25", Horizon: "28d", Replications: "20", TZ: "UTC", Columns: map[string]string{}}
}

// flag is one flag of the equivalent command.
type flag struct{ name, value string }

// flags returns the settings as staffsim plan's flags: every one the user
// gave, in a fixed order, columns by field.
func (s Settings) flags(sample bool) []flag {
	var fs []flag
	add := func(name, v string) {
		if v = strings.TrimSpace(v); v != "" {
			fs = append(fs, flag{name, v})
		}
	}
	if !sample {
		for _, f := range history.Fields() {
			if h := strings.TrimSpace(s.Columns[f]); h != "" {
				fs = append(fs, flag{"column", f + "=" + h})
			}
		}
		add("id-column", s.IDColumn)
		add("time-format", s.TimeFormat)
		add("tz", s.TZ)
	}
	add("sl", s.SL)
	add("shrinkage", s.Shrinkage)
	add("interval", s.Interval)
	add("hourly-cost", s.HourlyCost)
	add("aht", s.AHT)
	add("horizon", s.Horizon)
	add("replications", s.Replications)
	return fs
}

// Args returns the flags as arguments for the command's parser: each as
// --name=value, so that no value can be read as another flag.
func (s Settings) Args(sample bool) []string {
	var args []string
	for _, f := range s.flags(sample) {
		args = append(args, "--"+f.name+"="+f.value)
	}
	return args
}

// Command returns the equivalent staffsim plan command line for a shell,
// values quoted where needed; upload is the history's name ("": the
// built-in sample).
func (s Settings) Command(upload string) string {
	parts := []string{"staffsim", "plan"}
	if upload != "" {
		parts = append(parts, "--history", shellQuote(upload))
	}
	for _, f := range s.flags(upload == "") {
		parts = append(parts, "--"+f.name, shellQuote(f.value))
	}
	return strings.Join(append(parts, "--out", "staffsim-plan"), " ")
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./:=%+@,-]+$`)

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// settingsFrom reads the settings form.
func settingsFrom(form url.Values, fields []string) Settings {
	s := Settings{SL: form.Get("sl"), Shrinkage: form.Get("shrinkage"), Interval: form.Get("interval"), HourlyCost: form.Get("hourly_cost"),
		AHT: form.Get("aht"), Horizon: form.Get("horizon"), Replications: form.Get("replications"), TZ: form.Get("tz"),
		IDColumn: form.Get("id_column"), TimeFormat: form.Get("time_format"), Columns: map[string]string{}}
	for _, f := range fields {
		if v := strings.TrimSpace(form.Get("column_" + f)); v != "" && slices.Contains(history.Fields(), f) {
			s.Columns[f] = v
		}
	}
	return s
}
