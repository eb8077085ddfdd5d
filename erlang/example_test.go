package erlang_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/staffsim/staffsim/erlang"
)

// The classic worked example: 100 calls per 30 minutes, AHT 180 s, 80 %
// answered within 20 s.
func ExampleQueue_Agents() {
	q := erlang.Queue{Model: erlang.ModelC, Rate: 100, Per: 30 * time.Minute, AHT: 180}
	r, err := q.Agents(erlang.Targets{ServiceLevel: 0.8, Within: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d agents, SL %.3f, ASA %.1f s, occupancy %.3f, %d scheduled at 30%% shrinkage\n",
		r.Agents, r.ServiceLevel, r.ASA, r.Occupancy, erlang.Scheduled(r.Agents, 0.3))
	// Output: 14 agents, SL 0.888, ASA 7.8 s, occupancy 0.714, 20 scheduled at 30% shrinkage
}

// Erlang A: the same desk when callers hang up after 5 minutes on average.
func ExampleQueue_Evaluate() {
	q := erlang.Queue{Model: erlang.ModelA, Rate: 100.0 / 1800, AHT: 180, Patience: 300}
	r, err := q.Evaluate(14, 20)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("SL %.4f, P(wait) %.4f, abandon %.4f, occupancy %.4f\n", r.ServiceLevel, r.ProbWait, r.Abandon, r.Occupancy)
	// Output: SL 0.9168, P(wait) 0.1453, abandon 0.0140, occupancy 0.7043
}

func ExampleQueue_Evaluate_unstable() {
	q := erlang.Queue{Model: erlang.ModelC, Rate: 12.0 / 60, AHT: 60}
	_, err := q.Evaluate(12, 20)
	fmt.Println(errors.Is(err, erlang.ErrUnstable))
	// Output: true
}

// How much traffic 15 trunks carry at 1 % blocking.
func ExampleQueue_MaxTraffic() {
	a, _ := erlang.Queue{Model: erlang.ModelB, AHT: 1}.MaxTraffic(15, erlang.Targets{ServiceLevel: 0.99})
	fmt.Printf("%.3f erlangs\n", a)
	// Output: 8.108 erlangs
}

func ExampleRequirements() {
	demand := []erlang.Demand{{Arrivals: 0}, {Arrivals: 100, AHT: 180}, {Arrivals: 250, AHT: 200}}
	reqs, err := erlang.Requirements(demand,
		erlang.Targets{ServiceLevel: 0.8, Within: 20},
		erlang.Options{Interval: 30 * time.Minute, Shrinkage: 0.3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range reqs {
		fmt.Println(r.Agents, r.Scheduled)
	}
	s := erlang.Summarize(reqs, 30*time.Minute, 37.5)
	fmt.Printf("peak %d, %.1f agent-hours\n", s.PeakAgents, s.AgentHours)
	// Output:
	// 0 0
	// 14 20
	// 33 48
	// peak 33, 23.5 agent-hours
}
