package ml

import (
	"math"

	"gonum.org/v1/gonum/integrate"
	"gonum.org/v1/gonum/stat"
)

// Confusion counts a classifier's outcomes at one threshold.
type Confusion struct{ TP, FP, TN, FN int }

// ConfusionAt counts the outcomes when a score >= threshold is called positive.
func ConfusionAt(scores []float64, labels []bool, threshold float64) Confusion {
	var c Confusion
	for i, s := range scores {
		pos := s >= threshold
		switch {
		case pos && labels[i]:
			c.TP++
		case pos:
			c.FP++
		case labels[i]:
			c.FN++
		default:
			c.TN++
		}
	}
	return c
}

// Precision is TP/(TP+FP), 0 when nothing is called positive (scikit-learn's zero_division=0).
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there are no positives.
func (c Confusion) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Confusion) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

// Accuracy is the share of rows called right.
func (c Confusion) Accuracy() float64 { return ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN) }

// FPR is the false-positive rate FP/(FP+TN).
func (c Confusion) FPR() float64 { return ratio(c.FP, c.FP+c.TN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// CurvePoint is one point of a precision-recall curve, at a score threshold.
type CurvePoint struct{ Threshold, Precision, Recall, FPR float64 }

// PRCurve is the precision-recall curve of scores, one point per distinct score, from gonum's
// stat.ROC (true- and false-positive rates per cutoff) and the class counts. Thresholds
// decrease along the curve; points with nothing called positive are left out.
func PRCurve(scores []float64, labels []bool) []CurvePoint {
	y, classes := sortedByScore(scores, labels)
	tpr, fpr, thresh := stat.ROC(nil, y, classes, nil)
	pos, neg := 0, 0
	for _, c := range classes {
		if c {
			pos++
		} else {
			neg++
		}
	}
	var out []CurvePoint
	for i := range tpr {
		tp, fp := tpr[i]*float64(pos), fpr[i]*float64(neg)
		if tp+fp == 0 || math.IsInf(thresh[i], 0) {
			continue
		}
		out = append(out, CurvePoint{Threshold: thresh[i], Precision: tp / (tp + fp), Recall: tpr[i], FPR: fpr[i]})
	}
	return out
}

// AUC is the area under the ROC curve (gonum's stat.ROC integrated with the trapezoidal rule),
// the chance that a random positive scores above a random negative.
func AUC(scores []float64, labels []bool) float64 {
	y, classes := sortedByScore(scores, labels)
	tpr, fpr, _ := stat.ROC(nil, y, classes, nil)
	return integrate.Trapezoidal(fpr, tpr)
}

// sortedByScore copies scores and labels sorted by score ascending, as stat.ROC requires.
func sortedByScore(scores []float64, labels []bool) ([]float64, []bool) {
	y := append([]float64(nil), scores...)
	classes := append([]bool(nil), labels...)
	stat.SortWeightedLabeled(y, classes, nil)
	return y, classes
}
