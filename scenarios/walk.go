package scenarios

import (
	"github.com/staffsim/staffsim/internal/yamlwalk"
	"go.yaml.in/yaml/v3"
)

// walker walks a scenario's YAML nodes: the generic walk (located errors,
// aliases, merge keys, scalars) is yamlwalk's; it adds what scenario
// checks need across sections.
type walker struct {
	*yamlwalk.Walker
	dir string // relative paths are resolved against it
	// queueNodes are the name nodes of the queues, for later checks;
	// queuesOK says the queues section parsed as a list, so that skills
	// can be checked against it without a cascade of errors.
	queueNodes map[string]*yaml.Node
	// agentNodes are the agents nodes of the shifts, in roster order (nil
	// where a shift had none), for the cross-check.
	agentNodes []*yaml.Node
	queuesOK   bool
	// tiersOK says tickets.tiers parsed without a problem (tier names in
	// keys can then be checked); tierNodes are its name nodes, in order.
	tiersOK   bool
	tierNodes []*yaml.Node
	// skillsOK says the queues and tiers that skills name parsed, so that
	// an unknown skill is a problem of its own, not a consequence.
	skillsOK bool
	// calendarNames are the names under calendars: (also of calendars
	// whose body had problems), for the ticket SLAs' calendar: keys.
	calendarNames []string
	// calendarsBad says calendars: was not a mapping of names: a calendar
	// a ticket names is then not reported unknown.
	calendarsBad bool
}

// The key-path helpers of yamlwalk, by their short names.
var (
	sub   = yamlwalk.Sub
	index = yamlwalk.Index
	named = yamlwalk.Named
)
