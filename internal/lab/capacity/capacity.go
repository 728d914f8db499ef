// Package capacity is the lab where the learner sets a decision tree's depth: deep trees
// memorise the training rows (training error falls to zero) while the validation error turns
// back up; the goal is the depth that generalises.
package capacity

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/ml"
)

// Def is the capacity kind.
var Def = &kind.Def{
	Name: "capacity",
	Summary: "Choose a model's complexity: a decision tree's depth against its training and " +
		"validation error.",
	Params: []kind.Param{
		kind.Seed(),
		{Name: "samples", Type: kind.Int, Default: 300, Min: 40, Max: 5000, Doc: "training rows (few rows make deep trees memorise)"},
		{Name: "validation", Type: kind.Int, Default: 2000, Min: 100, Max: 20000, Doc: "validation rows"},
		{Name: "noise", Type: kind.Float, Default: 0.15, Min: 0, Max: 0.45, Doc: "share of labels flipped at random"},
		{Name: "max_depth", Type: kind.Int, Default: 14, Min: 2, Max: 30, Doc: "the deepest tree the knob reaches"},
	},
	Knobs: []kind.Knob{
		{Name: "depth", Label: "tree depth", Doc: "levels of splits in the tree", Min: 1, Max: 30, Step: 1, Start: 12},
	},
	Metrics: []kind.Metric{
		{Name: "train_error", Label: "training error", Doc: "share of training rows misclassified", Min: 0, Max: 1},
		{Name: "val_error", Label: "validation error", Doc: "share of validation rows misclassified", Min: 0, Max: 1},
		{Name: "gap", Label: "overfitting gap", Doc: "validation error minus training error", Min: -1, Max: 1},
		{Name: "val_excess", Label: "excess validation error", Doc: "validation error above the lowest any depth reaches", Min: 0, Max: 1},
	},
	DefaultGoal: "val_excess <= 0.01",
	Check:       check,
	Open:        open,
}

func check(p kind.Params) []kind.Issue {
	if p.Int("depth") > p.Int("max_depth") {
		return []kind.Issue{{Param: "depth", Message: fmt.Sprintf("depth %d is deeper than max_depth %d", p.Int("depth"), p.Int("max_depth"))}}
	}
	return nil
}

// lab is an open capacity lab: errors are computed for every depth when it opens.
type lab struct {
	maxDepth  int
	trainErr  []float64 // by depth, index 0 unused
	valErr    []float64
	bestVal   float64
	depth     int
	trainRows int
}

// boundary is the true class boundary: a row is positive above a wave, x₂ > ½·sin(3x₁).
func boundary(x []float64) bool { return x[1] > 0.5*math.Sin(3*x[0]) }

// generate draws rows uniformly in [-1, 1]² labelled by boundary, each label flipped with
// probability noise.
func generate(rng *rand.Rand, n int, noise float64) ([][]float64, []bool) {
	u := distuv.Uniform{Min: -1, Max: 1, Src: rng}
	flip := distuv.Bernoulli{P: noise, Src: rng}
	x := make([][]float64, n)
	y := make([]bool, n)
	for i := range x {
		x[i] = []float64{u.Rand(), u.Rand()}
		y[i] = boundary(x[i]) != (flip.Rand() == 1)
	}
	return x, y
}

func open(p kind.Params) (kind.Experiment, error) {
	rng := ml.NewRand(uint64(p.Int("seed")))
	noise := p.Float("noise")
	xt, yt := generate(rng, p.Int("samples"), noise)
	xv, yv := generate(rng, p.Int("validation"), noise)
	maxDepth := p.Int("max_depth")
	tree := ml.GrowTree(xt, yt, maxDepth)
	l := &lab{maxDepth: maxDepth, trainErr: make([]float64, maxDepth+1), valErr: make([]float64, maxDepth+1), bestVal: 1, trainRows: len(xt)}
	for d := 1; d <= maxDepth; d++ {
		l.trainErr[d] = tree.ErrorRate(xt, yt, d)
		l.valErr[d] = tree.ErrorRate(xv, yv, d)
		l.bestVal = math.Min(l.bestVal, l.valErr[d])
	}
	l.depth = min(p.Int("depth"), maxDepth)
	return l, nil
}

func (l *lab) Knobs() []kind.Knob {
	k := Def.Knobs[0]
	k.Max = float64(l.maxDepth)
	k.Start = math.Min(k.Start, k.Max)
	return []kind.Knob{k}
}

func (l *lab) Set(knob string, v float64) {
	if knob == "depth" {
		l.depth = int(v)
	}
}

func (l *lab) Values() map[string]float64 {
	d := l.depth
	return map[string]float64{
		"depth":       float64(d),
		"train_error": l.trainErr[d],
		"val_error":   l.valErr[d],
		"gap":         l.valErr[d] - l.trainErr[d],
		"val_excess":  l.valErr[d] - l.bestVal,
	}
}
