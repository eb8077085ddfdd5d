package forecast_test

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast"
)

// Forecast four weeks of half-hours with the method that backtests best,
// and write forecast.csv.
func ExampleAuto() {
	// Eight weeks of a desk open 08:00–18:00 (a stand-in for LoadSeries).
	s := &forecast.Series{Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute}
	for i := range 8 * 7 * 48 {
		h := s.Time(i).Hour()
		v := 0.0
		if h >= 8 && h < 18 && s.Time(i).Weekday() != time.Sunday {
			v = math.Round(20 + 10*math.Sin(float64(i%48)/48*2*math.Pi) + float64(i%7))
		}
		s.Arrivals = append(s.Arrivals, v)
	}
	in, err := forecast.Prepare(s, forecast.HorizonIntervals(28*24*time.Hour, s.Interval), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	f, bt, err := forecast.Auto(in, forecast.Options{Level: 0.8})
	if err != nil {
		fmt.Println(err)
		return
	}
	best, _ := bt.Best()
	fmt.Println(len(bt.Scores), "methods backtested; chosen:", f.Method == best.Method)
	fmt.Println(f.Len(), "intervals from", f.Start.Format(time.RFC3339))
	var csv strings.Builder // or a file, written atomically
	if err := f.WriteCSV(&csv); err != nil {
		fmt.Println(err)
	}
	lines := strings.SplitN(csv.String(), "\n", 3)
	fmt.Println(lines[0])
	fmt.Println(lines[1])
	// Output:
	// 8 methods backtested; chosen: true
	// 1344 intervals from 2026-03-02T00:00:00Z
	// interval_start,arrivals,lower,upper,aht_seconds
	// 2026-03-02T00:00:00Z,0,0,0,
}
