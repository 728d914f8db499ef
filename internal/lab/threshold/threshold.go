// Package threshold is the lab where the learner picks a classifier's decision threshold: a
// logistic regression is trained on generated data when the lab opens, and moving the
// threshold redraws its confusion matrix, precision, recall and F1 on the validation rows.
package threshold

import (
	"fmt"
	"math"

	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/ml"
)

// Def is the threshold kind.
var Def = &kind.Def{
	Name: "threshold",
	Summary: "Pick a decision threshold: a logistic regression scores held-out rows, and the " +
		"threshold trades precision against recall.",
	Params: []kind.Param{
		kind.Seed(),
		{Name: "samples", Type: kind.Int, Default: 4000, Min: 200, Max: 50000, Doc: "rows generated, split into training and validation"},
		{Name: "validation_share", Type: kind.Float, Default: 0.5, Min: 0.1, Max: 0.9, Doc: "share of the rows held out for validation"},
		{Name: "positive_rate", Type: kind.Float, Default: 0.1, Min: 0.01, Max: 0.5, Doc: "share of rows that are positive (rare positives make the threshold matter)"},
		{Name: "separation", Type: kind.Float, Default: 3.0, Min: 0.2, Max: 6, Doc: "distance between the classes' means, in standard deviations: lower is harder"},
		{Name: "features", Type: kind.Int, Default: 4, Min: 1, Max: 20, Doc: "number of features"},
	},
	Knobs: []kind.Knob{
		{Name: "threshold", Label: "threshold", Doc: "scores at or above it are called positive",
			Min: 0.01, Max: 0.99, Step: 0.01, Start: 0.5, Decimals: 2},
	},
	Metrics: []kind.Metric{
		{Name: "precision", Label: "precision", Doc: "share of rows called positive that are positive", Min: 0, Max: 1},
		{Name: "recall", Label: "recall", Doc: "share of positive rows called positive", Min: 0, Max: 1},
		{Name: "f1", Label: "F1 score", Doc: "harmonic mean of precision and recall", Min: 0, Max: 1},
		{Name: "accuracy", Label: "accuracy", Doc: "share of rows called right", Min: 0, Max: 1},
		{Name: "fpr", Label: "false-positive rate", Doc: "false-positive rate: share of negative rows called positive", Min: 0, Max: 1},
		{Name: "auc", Label: "ROC AUC", Doc: "area under the ROC curve (does not depend on the threshold)", Min: 0, Max: 1},
		{Name: "tp", Label: "true positives", Doc: "true positives", Min: 0, Max: 50000, Integer: true},
		{Name: "fp", Label: "false positives", Doc: "false positives", Min: 0, Max: 50000, Integer: true},
		{Name: "tn", Label: "true negatives", Doc: "true negatives", Min: 0, Max: 50000, Integer: true},
		{Name: "fn", Label: "false negatives", Doc: "false negatives", Min: 0, Max: 50000, Integer: true},
	},
	DefaultGoal: "recall >= 0.90 and precision >= 0.50",
	Open:        open,
}

// lab is an open threshold lab.
type lab struct {
	scores    []float64
	labels    []bool
	curve     []ml.CurvePoint
	auc       float64
	threshold float64
	conf      ml.Confusion
}

func open(p kind.Params) (kind.Experiment, error) {
	rng := ml.NewRand(uint64(p.Int("seed")))
	x, y := ml.Blobs(rng, p.Int("samples"), p.Int("features"), p.Float("positive_rate"), p.Float("separation"))
	nTrain := int(math.Round(float64(len(x)) * (1 - p.Float("validation_share"))))
	if !hasBoth(y[:nTrain]) || !hasBoth(y[nTrain:]) {
		return nil, fmt.Errorf("the training or validation rows hold only one class: raise samples or positive_rate")
	}
	model, err := ml.FitLogistic(x[:nTrain], y[:nTrain], 1)
	if err != nil {
		return nil, err
	}
	l := &lab{scores: model.Probs(x[nTrain:]), labels: y[nTrain:]}
	l.curve = ml.PRCurve(l.scores, l.labels)
	l.auc = ml.AUC(l.scores, l.labels)
	l.Set("threshold", p.Float("threshold"))
	return l, nil
}

func hasBoth(y []bool) bool {
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	return pos > 0 && pos < len(y)
}

func (l *lab) Knobs() []kind.Knob { return Def.Knobs }

func (l *lab) Set(knob string, v float64) {
	if knob == "threshold" {
		l.threshold = v
		l.conf = ml.ConfusionAt(l.scores, l.labels, v)
	}
}

func (l *lab) Values() map[string]float64 {
	c := l.conf
	return map[string]float64{
		"threshold": l.threshold,
		"precision": c.Precision(), "recall": c.Recall(), "f1": c.F1(), "accuracy": c.Accuracy(),
		"fpr": c.FPR(), "auc": l.auc,
		"tp": float64(c.TP), "fp": float64(c.FP), "tn": float64(c.TN), "fn": float64(c.FN),
	}
}
