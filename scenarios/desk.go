package scenarios

import (
	"time"

	"github.com/staffsim/staffsim/forecast"
)

// Desk is the one-queue desk that staffsim's pipeline models from an
// interval forecast — requirements, the roster's simulation loop, the
// headcount sweep, and the scenario plan and roster write — so that every
// stage simulates the same desk:
//
//   - arrivals: the forecast's expected contacts per interval, a
//     non-homogeneous Poisson process;
//   - handle times: log-normal with mean AHT and coefficient of variation
//     HandleCV (1 by default: the variance of the exponential times Erlang
//     C assumes, with the right skew of real handle times); with
//     AHTSeconds, each interval's mean is its own (the forecast's
//     aht_seconds, as the Erlang requirements take it: erlang.DemandOf),
//     AHT where it has none; without, AHT everywhere (interval_aht: false);
//   - patience: exponential with mean Patience, or nobody abandons;
//   - the SLA, and shrinkage as whole-shift absence (sim.Config).
type Desk struct {
	Queue        string           // the queue's name; "" means "contacts"
	Forecast     *forecast.Series // arrivals per interval
	ForecastFile string           // the file the forecast is written to, relative to the scenario
	AHT          time.Duration    // mean handle time, > 0
	// AHTSeconds are the mean handle times per interval of Forecast (0:
	// none, AHT stands in); nil for AHT in every interval (a flat --aht).
	AHTSeconds   []float64
	HandleCV     float64       // 0 means 1
	Patience     time.Duration // mean patience; 0: nobody abandons
	SLA          SLA
	Shrinkage    float64
	Hourly       float64 // cost of a paid hour; see Cost
	Currency     string  // written before money; see Cost
	Seed         uint64
	Replications int
}

// DefaultQueue is the name of a Desk's queue when none is given.
const DefaultQueue = "contacts"

// Scenario returns the desk as a scenario of days whole days from start (a
// local midnight) staffed by shifts: the one conversion from the pipeline's
// desk to what `staffsim simulate` runs and what scenario.yaml holds.
func (d *Desk) Scenario(name string, start time.Time, days int, shifts []Shift) *Scenario {
	q := Queue{
		Name:       d.Queue,
		Priority:   1,
		Arrivals:   Arrivals{Forecast: d.ForecastFile, Series: d.series(), Scale: 1, FlatAHT: d.AHTSeconds == nil},
		HandleTime: d.HandleTime(),
		SLA:        d.SLA,
	}
	if q.Name == "" {
		q.Name = DefaultQueue
	}
	if d.Patience > 0 {
		q.Patience = &Distribution{Kind: Exponential, Mean: d.Patience, CV: 1}
	}
	return &Scenario{
		Name:         name,
		Start:        start,
		Location:     start.Location(),
		Days:         days,
		Interval:     d.Forecast.Interval,
		Replications: d.Replications,
		Seed:         d.Seed,
		Queues:       []Queue{q},
		Roster:       Roster{Shrinkage: RoundShrinkage(d.Shrinkage), Shifts: shifts},
		Cost:         Cost{Hourly: d.Hourly, Currency: d.Currency},
	}
}

// series is the forecast with its handle times per interval (AHTSeconds),
// as simulate reads them back from the forecast file.
func (d *Desk) series() *forecast.Series {
	if d.AHTSeconds == nil || d.Forecast == nil {
		return d.Forecast
	}
	s := *d.Forecast
	s.HandleSeconds = make([]float64, s.Len())
	s.Handled = make([]float64, s.Len())
	for i := range s.HandleSeconds {
		if i < len(d.AHTSeconds) && d.AHTSeconds[i] > 0 {
			s.HandleSeconds[i], s.Handled[i] = d.AHTSeconds[i], 1
		}
	}
	return &s
}

// HandleTime returns the desk's handle-time distribution.
func (d *Desk) HandleTime() Distribution {
	cv := d.HandleCV
	if cv == 0 {
		cv = 1
	}
	return Distribution{Kind: LogNormal, Mean: d.AHT, CV: cv}
}
