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
	// calendarNames are the names under calendars: (also of calendars
	// whose body had problems), for the ticket SLAs' calendar: keys.
	calendarNames []string
}

// The key-path helpers of yamlwalk, by their short names.
var (
	sub   = yamlwalk.Sub
	index = yamlwalk.Index
	named = yamlwalk.Named
)
