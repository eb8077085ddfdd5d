package forecast_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
)

// LoadSeries reads a history from any io.Reader (here interval volumes,
// as forecast.csv is read; LoadSeriesFile takes a path) into a Series in
// the desk's time zone.
func ExampleLoadSeries() {
	volumes := strings.NewReader(`interval_start,arrivals,aht_seconds
2026-01-05T09:00:00Z,10,200
2026-01-05T09:30:00Z,12,
2026-01-05T10:00:00Z,8,300
`)
	s, rep, err := forecast.LoadSeries("volumes.csv", volumes, history.Options{}, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Shape, rep.Rows, "rows,", rep.Rejected, "rejected; interval", s.Interval)
	for i := range s.Len() {
		aht, ok := s.AHT(i)
		fmt.Println(s.Time(i).Format(time.RFC3339), s.Arrivals[i], aht, ok)
	}
	// Output:
	// volumes 3 rows, 0 rejected; interval 30m0s
	// 2026-01-05T09:00:00Z 10 200 true
	// 2026-01-05T09:30:00Z 12 0 false
	// 2026-01-05T10:00:00Z 8 300 true
}
