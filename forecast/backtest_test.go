package forecast

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAutoBeatsSeasonalNaiveOnGenerated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		sp   synthSpec
	}{
		{"30m-flat", synthSpec{weeks: 20, base: 40, seed: 1}},
		{"15m-growth", synthSpec{weeks: 30, interval: 15 * time.Minute, base: 12, growth: 0.01, seed: 2}},
		{"60m-low-volume", synthSpec{weeks: 16, interval: time.Hour, base: 3, seed: 3}},
		{"30m-london-dst", synthSpec{weeks: 20, base: 25, growth: 0.005, seed: 12, loc: london(t)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := synth(tc.sp)
			in, err := Prepare(s, 7*s.SlotsPerDay(), nil)
			if err != nil {
				t.Fatal(err)
			}
			f, bt, err := Auto(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var naive Score
			for _, sc := range bt.Scores {
				t.Logf("%-18s WAPE %.4f MASE %.3f bias %+.4f coverage %.3f κ %.4f", sc.Method, sc.WAPE, sc.MASE, sc.Bias, sc.Coverage, sc.Dispersion)
				if sc.Method == "snaive" {
					naive = sc
				}
			}
			best, _ := bt.Best()
			if best.Method != f.Method {
				t.Errorf("auto forecast with %s, best backtest method is %s", f.Method, best.Method)
			}
			if !(best.WAPE < naive.WAPE) {
				t.Errorf("auto (%s) WAPE %.4f does not beat seasonal naive %.4f", best.Method, best.WAPE, naive.WAPE)
			}
			if len(bt.Scores) != len(Methods()) {
				t.Errorf("%d methods scored, want %d (notes %v)", len(bt.Scores), len(Methods()), bt.Notes)
			}
			// Coverage of a calibrated 80 % interval should be near 80 %.
			if best.Coverage < 0.7 || best.Coverage > 0.95 {
				t.Errorf("coverage %.3f of the 80%% interval is far from nominal", best.Coverage)
			}
			checkCountAware(t, tc.sp, f)
		})
	}
}

// checkCountAware checks non-negative forecasts, ordered bounds and that
// closed hours (outside open–close, Sundays) stay empty.
func checkCountAware(t *testing.T, sp synthSpec, f *Forecast) {
	t.Helper()
	sp = sp.withDefaults()
	for i, v := range f.Arrivals {
		if v < 0 || f.Lower[i] < 0 || f.Lower[i] > f.Upper[i] {
			t.Fatalf("interval %d: forecast %v in [%v, %v]", i, v, f.Lower[i], f.Upper[i])
		}
		if sp.rate(f.Time(i), 0) == 0 && (v != 0 || f.Upper[i] != 0) {
			t.Fatalf("closed interval %s forecast %v [%v, %v], want 0", f.Time(i).Format(time.RFC3339), v, f.Lower[i], f.Upper[i])
		}
	}
}

func TestBacktestTooShort(t *testing.T) {
	t.Parallel()
	// 10 days: nothing can be backtested.
	s := synth(synthSpec{weeks: 2, base: 10, seed: 4})
	s.Arrivals = s.Arrivals[:10*48]
	in, _ := Prepare(s, 48, nil)
	f, bt, err := Auto(in, Options{})
	if err != nil || bt != nil || f.Method != "weighted" || !strings.Contains(f.Notes[0], "too little history to backtest") {
		t.Errorf("Auto on 10 days: method %v, backtest %v, err %v; want weighted with a note", f, bt, err)
	}
	s.Arrivals = s.Arrivals[:5*48]
	in, _ = Prepare(s, 48, nil)
	if _, _, err := Auto(in, Options{}); !errors.Is(err, ErrShortHistory) || !strings.Contains(err.Error(), "at least 7 days") {
		t.Errorf("Auto on 5 days: err %v, want ErrShortHistory saying what is needed", err)
	}
	// 3 weeks: the weekly methods run, the 3-week ones are skipped with a note.
	s = synth(synthSpec{weeks: 3, base: 10, seed: 4})
	in, _ = Prepare(s, 48, nil)
	f, bt, err = Auto(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bt.Scores) != 2 || len(bt.Notes) < 4 {
		t.Errorf("3 weeks: scored %v, notes %q; want snaive and weighted scored, others skipped with notes", bt.Scores, bt.Notes)
	}
	if f == nil || len(f.Arrivals) != 48 {
		t.Fatalf("forecast %v", f)
	}
}

func TestScoreHoldout(t *testing.T) {
	t.Parallel()
	s := synth(synthSpec{weeks: 10, base: 20, seed: 11})
	cut := s.Len() - 7*48
	train := &Series{Start: s.Start, Interval: s.Interval, Arrivals: s.Arrivals[:cut]}
	in, _ := Prepare(train, 7*48, nil)
	f, _, err := Predict(in, SeasonalNaive{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ScoreHoldout(in, f, s.Arrivals[cut:])
	if err != nil {
		t.Fatal(err)
	}
	// A stationary series: seasonal naive's holdout MASE is about 1 by
	// construction of the scale; WAPE is positive and finite.
	if sc.MASE < 0.8 || sc.MASE > 1.25 || !(sc.WAPE > 0 && sc.WAPE < 1) {
		t.Errorf("holdout score %+v", sc)
	}
	if _, err := ScoreHoldout(in, f, make([]float64, 10)); err == nil {
		t.Error("holdout without contacts: want an error")
	}
}

// london returns Europe/London, or UTC when the tz database is missing.
func london(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Log("no tz database, using UTC:", err)
		return time.UTC
	}
	return loc
}

func TestBacktestShortHistoryScoresAllMethods(t *testing.T) {
	t.Parallel()
	// 30 days: one origin leaves the three weeks every method needs.
	s := synth(synthSpec{weeks: 5, base: 10, seed: 13})
	s.Arrivals = s.Arrivals[:30*48]
	in, _ := Prepare(s, 48, nil)
	bt, err := Backtest(in, Methods(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bt.Origins) != 1 || len(bt.Scores) != len(Methods()) {
		t.Errorf("30 days: %d origins, %d methods scored (notes %q); want 1 origin, all methods", len(bt.Origins), len(bt.Scores), bt.Notes)
	}
	// A history without a single contact is an error that says so.
	clear(s.Arrivals)
	in, _ = Prepare(s, 48, nil)
	if _, _, err := Auto(in, Options{}); err == nil || !strings.Contains(err.Error(), "no contacts") {
		t.Errorf("all-zero history: err %v, want 'no contacts'", err)
	}
}

func TestAutoContextCancelled(t *testing.T) {
	t.Parallel()
	s := synth(synthSpec{weeks: 8, base: 10, seed: 14})
	in, _ := Prepare(s, 48, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := AutoContext(ctx, in, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("AutoContext with a cancelled context: err %v, want context.Canceled", err)
	}
	if _, _, err := PredictContext(ctx, in, Taylor{}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("PredictContext with a cancelled context: err %v, want context.Canceled", err)
	}
}
