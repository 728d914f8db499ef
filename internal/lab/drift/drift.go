// Package drift is the lab where the learner sets a drift alarm: weeks of incoming rows, one
// feature's distribution moving away from the training data from some week on, a per-week
// drift statistic (PSI, or the KS distance) beside the model's accuracy; the alarm threshold
// must catch the drift early without a false alarm before it.
package drift

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/ml"
)

// Def is the drift kind.
var Def = &kind.Def{
	Name: "drift",
	Summary: "Set a drift alarm: a per-week drift statistic beside accuracy; catch the shift " +
		"without a false alarm before it.",
	Params: []kind.Param{
		kind.Seed(),
		{Name: "weeks", Type: kind.Int, Default: 16, Min: 4, Max: 104, Doc: "weeks of incoming data"},
		{Name: "rows_per_week", Type: kind.Int, Default: 500, Min: 50, Max: 20000, Doc: "rows arriving each week"},
		{Name: "reference_rows", Type: kind.Int, Default: 3000, Min: 200, Max: 50000, Doc: "training rows, also the reference the statistic compares each week with"},
		{Name: "shift_week", Type: kind.Int, Default: 9, Min: 2, Max: 104, Doc: "the first week whose data has moved"},
		{Name: "shift", Type: kind.Float, Default: 1.2, Min: 0.1, Max: 5, Doc: "how far the feature's mean moves, in standard deviations, once the drift is complete"},
		{Name: "ramp", Type: kind.Int, Default: 4, Min: 1, Max: 52, Doc: "weeks the drift takes to complete (1: all at once)"},
		{Name: "statistic", Type: kind.Choice, Default: "psi", Choices: []string{"psi", "ks"}, Doc: "population stability index over 10 bins, or the Kolmogorov-Smirnov distance"},
	},
	Knobs: []kind.Knob{
		{Name: "alert", Label: "alert above", Doc: "a week whose statistic is above it raises an alert",
			Min: 0.01, Max: 0.5, Step: 0.01, Start: 0.25, Decimals: 2},
	},
	Metrics: []kind.Metric{
		{Name: "false_alarms", Label: "false alarms", Doc: "alerts in weeks before the drift starts", Min: 0, Max: 104, Integer: true},
		{Name: "caught", Label: "drift caught", Doc: "1 when an alert is raised in a week from the drift on, else 0", Min: 0, Max: 1, Integer: true},
		{Name: "delay", Label: "weeks to catch the drift", Doc: "weeks from the drift's start to the first alert from then on (the weeks left when never)", Min: 0, Max: 104, Integer: true},
		{Name: "first_alert", Label: "week of the first alert", Doc: "the first week with an alert, 0 when none", Min: 0, Max: 104, Integer: true},
		{Name: "accuracy_before", Label: "accuracy before drift", Doc: "the model's accuracy in the weeks before the drift", Min: 0, Max: 1},
		{Name: "accuracy_after", Label: "accuracy after drift", Doc: "the model's accuracy from the drift on", Min: 0, Max: 1},
	},
	DefaultGoal: "false_alarms == 0 and delay == 0",
	Check:       check,
	Open:        open,
}

func check(p kind.Params) []kind.Issue {
	if p.Int("shift_week") > p.Int("weeks") {
		return []kind.Issue{{Param: "shift_week", Message: fmt.Sprintf("shift_week %d is after the last week (weeks is %d)", p.Int("shift_week"), p.Int("weeks"))}}
	}
	return nil
}

// lab is an open drift lab: every week's statistic and accuracy are computed when it opens.
type lab struct {
	stat      string
	shiftWeek int
	weekStat  []float64 // by week, from index 0 for week 1
	weekAcc   []float64
	alert     float64
	accBefore float64
	accAfter  float64
}

// label is the true rule: the log-odds are 2·x₂ + g(x₁), where g rises as 1.5·x₁ up to x₁ = 1
// and falls beyond it, so a linear model fitted where x₁ is mostly below 1 goes wrong once
// x₁ drifts upwards.
func label(rng *rand.Rand, x1, x2 float64) bool {
	g := 1.5 * x1
	if x1 > 1 {
		g = 1.5 - 2*(x1-1)
	}
	return rng.Float64() < 1/(1+math.Exp(-(2*x2+g)))
}

// sample draws n rows with x₁ ~ N(mean, 1), x₂ ~ N(0, 1) and a third, irrelevant feature.
func sample(rng *rand.Rand, n int, mean float64) ([][]float64, []bool) {
	norm := distuv.Normal{Mu: 0, Sigma: 1, Src: rng}
	x := make([][]float64, n)
	y := make([]bool, n)
	for i := range x {
		x[i] = []float64{mean + norm.Rand(), norm.Rand(), norm.Rand()}
		y[i] = label(rng, x[i][0], x[i][1])
	}
	return x, y
}

// shiftAt is how far x₁'s mean has moved in a week: nothing before shift_week, then a ramp
// of ramp weeks up to the full shift.
func shiftAt(week int, p kind.Params) float64 {
	done := week - p.Int("shift_week") + 1
	if done <= 0 {
		return 0
	}
	return p.Float("shift") * math.Min(1, float64(done)/float64(p.Int("ramp")))
}

func open(p kind.Params) (kind.Experiment, error) {
	rng := ml.NewRand(uint64(p.Int("seed")))
	refX, refY := sample(rng, p.Int("reference_rows"), 0)
	model, err := ml.FitLogistic(refX, refY, 1)
	if err != nil {
		return nil, err
	}
	ref := column(refX, 0)
	edges := ml.PSIBins(ref, 10)
	l := &lab{stat: p.String("statistic"), shiftWeek: p.Int("shift_week")}
	var before, after []float64
	for week := 1; week <= p.Int("weeks"); week++ {
		x, y := sample(rng, p.Int("rows_per_week"), shiftAt(week, p))
		l.weekStat = append(l.weekStat, statistic(l.stat, ref, column(x, 0), edges))
		acc := ml.ConfusionAt(model.Probs(x), y, 0.5).Accuracy()
		l.weekAcc = append(l.weekAcc, acc)
		if week < l.shiftWeek {
			before = append(before, acc)
		} else {
			after = append(after, acc)
		}
	}
	l.accBefore, l.accAfter = mean(before), mean(after)
	l.alert = p.Float("alert")
	return l, nil
}

// statistic compares one week's feature values with the reference: PSI over the reference's
// deciles, or the KS distance (gonum's stat.KolmogorovSmirnov, which wants sorted samples).
func statistic(name string, ref, week, edges []float64) float64 {
	if name == "psi" {
		return ml.PSI(ref, week, edges)
	}
	a, b := sorted(ref), sorted(week)
	return stat.KolmogorovSmirnov(a, nil, b, nil)
}

func (l *lab) Knobs() []kind.Knob { return Def.Knobs }

func (l *lab) Set(knob string, v float64) {
	if knob == "alert" {
		l.alert = v
	}
}

// Values counts, for the current threshold, the alerts before the drift and the delay to the
// first alert from the drift on.
func (l *lab) Values() map[string]float64 {
	falseAlarms, first, delay, caught := 0, 0, len(l.weekStat)-l.shiftWeek+1, 0
	for i, s := range l.weekStat {
		week := i + 1
		if s <= l.alert {
			continue
		}
		if first == 0 {
			first = week
		}
		if week < l.shiftWeek {
			falseAlarms++
		} else if caught == 0 {
			caught, delay = 1, week-l.shiftWeek
		}
	}
	return map[string]float64{
		"alert": l.alert, "false_alarms": float64(falseAlarms), "caught": float64(caught),
		"delay": float64(delay), "first_alert": float64(first),
		"accuracy_before": l.accBefore, "accuracy_after": l.accAfter,
	}
}

func column(x [][]float64, j int) []float64 {
	out := make([]float64, len(x))
	for i, row := range x {
		out[i] = row[j]
	}
	return out
}

func sorted(v []float64) []float64 {
	out := append([]float64(nil), v...)
	slicesSort(out)
	return out
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	return stat.Mean(v, nil)
}

func slicesSort(v []float64) { sort.Float64s(v) }
