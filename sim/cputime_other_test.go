//go:build !unix

package sim

import "time"

// cpuTime is unavailable here: benchmarks report wall-clock figures only.
func cpuTime() time.Duration { return 0 }
