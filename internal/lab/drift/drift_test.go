package drift

import (
	"math"
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
	"github.com/aieng/aieng/internal/lab/ml"
)

func TestReproducibleForASeed(t *testing.T) {
	// Seed 1, defaults: 16 weeks, the shift from week 9, alert above PSI 0.25.
	labtest.Expect(t, labtest.Open(t, Def, nil).Values(), map[string]float64{
		"alert": 0.25, "false_alarms": 0, "caught": 1, "delay": 1, "first_alert": 10,
		"accuracy_before": 0.79125, "accuracy_after": 0.70925,
	})
	a := labtest.Open(t, Def, map[string]any{"seed": 1}).(*lab)
	b := labtest.Open(t, Def, map[string]any{"seed": 2}).(*lab)
	if a.weekStat[0] == b.weekStat[0] || a.accBefore == b.accBefore {
		t.Errorf("seeds 1 and 2 give the same numbers")
	}
}

func TestThresholdTradeOff(t *testing.T) {
	l := labtest.Open(t, Def, nil)
	cases := []struct {
		alert              float64
		falseAlarms, delay float64
		caught             float64
	}{
		{0.01, 7, 0, 1}, // below the noise: 7 of the 8 quiet weeks alert
		{0.07, 0, 0, 1}, // the goal: quiet before week 9, alert in week 9
		{0.25, 0, 1, 1}, // the rule of thumb: a week late
		{0.50, 0, 2, 1}, // too high: two weeks late
	}
	for _, c := range cases {
		l.Set("alert", c.alert)
		v := l.Values()
		if v["false_alarms"] != c.falseAlarms || v["delay"] != c.delay || v["caught"] != c.caught {
			t.Errorf("alert %v: %v", c.alert, v)
		}
	}
}

func TestDriftLowersAccuracy(t *testing.T) {
	l := labtest.Open(t, Def, nil).(*lab)
	if l.accAfter > l.accBefore-0.05 {
		t.Errorf("accuracy before %v, after %v: the shift should cost accuracy", l.accBefore, l.accAfter)
	}
	for w, s := range l.weekStat[:8] {
		if s > 0.06 {
			t.Errorf("week %d before the shift has PSI %v", w+1, s)
		}
	}
}

func TestKSStatistic(t *testing.T) {
	l := labtest.Open(t, Def, map[string]any{"statistic": "ks"}).(*lab)
	for w, s := range l.weekStat {
		if s < 0 || s > 1 {
			t.Errorf("week %d KS %v outside [0, 1]", w+1, s)
		}
	}
	if l.weekStat[15] < 3*l.weekStat[0] {
		t.Errorf("KS does not see the shift: week 1 %v, week 16 %v", l.weekStat[0], l.weekStat[15])
	}
	// KS by hand: samples {1,2,3} and {2,3,4}: the CDFs differ by at most 1/3.
	if got := statistic("ks", []float64{1, 2, 3}, []float64{2, 3, 4}, nil); math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("KS = %v, want 1/3", got)
	}
	if got := statistic("psi", []float64{1, 2, 3, 4}, []float64{1, 2, 3, 4}, ml.PSIBins([]float64{1, 2, 3, 4}, 2)); got != 0 {
		t.Errorf("PSI of a sample against itself = %v", got)
	}
}

func TestShiftRamp(t *testing.T) {
	p := Def.Defaults()
	for week, want := range map[int]float64{8: 0, 9: 0.3, 10: 0.6, 12: 1.2, 16: 1.2} {
		if got := shiftAt(week, p); math.Abs(got-want) > 1e-12 {
			t.Errorf("shiftAt(%d) = %v, want %v", week, got, want)
		}
	}
}
