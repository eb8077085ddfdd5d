package webapp

import (
	"net/url"
	"testing"
)

// The equivalent command quotes what a shell would split or expand, and
// the parser's arguments keep each value inside its own flag.
func TestCommand(t *testing.T) {
	t.Parallel()
	s := DefaultSettings()
	s.Columns = map[string]string{"created_at": "Opened at", "priority": "prio"}
	s.IDColumn, s.AHT, s.HourlyCost = "number", "15m", "-1"
	got := s.Command("it's tickets.csv")
	want := `staffsim plan --history 'it'\''s tickets.csv' --column 'created_at=Opened at' --column priority=prio --id-column number --tz UTC --sl 80/20s --shrinkage 20% --interval 30m --hourly-cost -1 --aht 15m --horizon 28d --replications 20 --out staffsim-plan`
	if got != want {
		t.Errorf("Command:\n got %s\nwant %s", got, want)
	}
	args := s.Args(false)
	for _, a := range args {
		if a == "-1" || a[:2] != "--" {
			t.Errorf("argument %q is not one --flag=value", a)
		}
	}
	if sample := DefaultSettings().Command(""); sample != "staffsim plan --sl 80/20s --shrinkage 20% --interval 30m --hourly-cost 25 --horizon 28d --replications 20 --out staffsim-plan" {
		t.Errorf("sample command %s", sample)
	}
	// Unknown fields in the form are ignored.
	form := url.Values{"column_created_at": {"opened_at"}, "column_../../x": {"y"}}
	if got := settingsFrom(form, []string{"created_at", "../../x"}).Columns; len(got) != 1 || got["created_at"] != "opened_at" {
		t.Errorf("settingsFrom columns %v", got)
	}
}

// Uploaded names are shown, never used as paths: a base name, no control
// characters.
func TestCleanName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"tickets.csv", "tickets.csv"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\me\export.csv`, "export.csv"},
		{"a\x00b\n.csv", "ab.csv"},
		{"", "history.csv"},
		{"..", "history.csv"},
	} {
		if got := cleanName(tt.in); got != tt.want {
			t.Errorf("cleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
