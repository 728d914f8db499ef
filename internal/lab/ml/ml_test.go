package ml

import (
	"math"
	"testing"
)

// The reference values in these tests were computed with scikit-learn 1.2.1 and numpy 1.24.2
// (Debian bookworm's python3-sklearn and python3-numpy) by a script that printed the data
// below and the results for it; the data is copied here so the tests need no Python.

// refX and refY: 24 rows from numpy.random.default_rng(7), the label a noisy linear rule.
var refX = [][]float64{{0.001, 0.299}, {-0.274, -0.891}, {-0.455, -0.992}, {0.06, 1.34}, {-0.492, -0.62}, {0.49, 0.357}, {0.105, -0.93}, {-0.029, 0.695}, {-1.344, -0.458}, {-1.901, -1.29}, {-1.842, -0.235}, {-1.267, 0.271}, {0.157, -0.187}, {-2.517, -0.539}, {-0.049, 0.113}, {-1.53, -0.478}, {-0.979, -0.809}, {1.061, -0.808}, {-0.033, 0.884}, {-0.584, -0.112}, {0.11, 0.064}, {-1.225, 0.076}, {1.359, -1.547}, {0.859, 0.119}}
var refY = []bool{false, true, false, false, false, true, false, true, false, false, false, false, true, false, true, false, false, true, true, true, false, false, true, false}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestFitLogisticMatchesScikitLearn(t *testing.T) {
	// LogisticRegression(C=C, solver="newton-cholesky", tol=1e-14).fit(X, y): coef_,
	// intercept_ and predict_proba(X)[:4, 1]. (Its default lbfgs solver stops on a relative
	// change of the loss with the gradient still at 1e-5, so the exact Newton solution, whose
	// gradient is below 1e-14, is the reference.)
	cases := []struct {
		c          float64
		w0, w1, b  float64
		firstProbs []float64
	}{
		{1.0, 1.1704247115162072, 0.10376260496432284, -0.14668731385108938,
			[]float64{0.471408258252706, 0.36358536863151963, 0.31385388408370607, 0.5156399110379629}},
		{0.1, 0.39849303121391205, 0.03934474697887395, -0.3496909626881586,
			[]float64{0.41640998526013395, 0.37896720423006736, 0.3612286840089547, 0.4321561666436602}},
	}
	for _, c := range cases {
		m, err := FitLogistic(refX, refY, c.c)
		if err != nil {
			t.Fatal(err)
		}
		if !near(m.Weights[0], c.w0, 1e-6) || !near(m.Weights[1], c.w1, 1e-6) || !near(m.Bias, c.b, 1e-6) {
			t.Errorf("C=%g: w=%v b=%v, want [%v %v] %v", c.c, m.Weights, m.Bias, c.w0, c.w1, c.b)
		}
		for i, want := range c.firstProbs {
			if got := m.Prob(refX[i]); !near(got, want, 1e-7) {
				t.Errorf("C=%g: Prob(row %d) = %v, want %v", c.c, i, got, want)
			}
		}
	}
}

func TestFitLogisticRejectsMismatch(t *testing.T) {
	if _, err := FitLogistic(refX, refY[:3], 1); err == nil {
		t.Error("FitLogistic accepted 24 rows with 3 labels")
	}
}

// Scores and labels for the metric tests: ten made-up scores.
var (
	refScores = []float64{0.1, 0.4, 0.35, 0.8, 0.65, 0.2, 0.9, 0.55, 0.3, 0.7}
	refLabels = []bool{false, false, true, true, false, false, true, true, false, true}
)

func TestConfusionMatchesScikitLearn(t *testing.T) {
	c := ConfusionAt(refScores, refLabels, 0.5)
	if c != (Confusion{TP: 4, FP: 1, TN: 4, FN: 1}) {
		t.Fatalf("ConfusionAt(0.5) = %+v", c)
	}
	// precision_score, recall_score, f1_score on scores >= 0.5: 0.8, 0.8, 0.8.
	if !near(c.Precision(), 0.8, 1e-12) || !near(c.Recall(), 0.8, 1e-12) || !near(c.F1(), 0.8, 1e-12) {
		t.Errorf("precision %v recall %v f1 %v", c.Precision(), c.Recall(), c.F1())
	}
	if c.Accuracy() != 0.8 || c.FPR() != 0.2 {
		t.Errorf("accuracy %v fpr %v", c.Accuracy(), c.FPR())
	}
	none := ConfusionAt(refScores, refLabels, 2)
	if none.Precision() != 0 || none.Recall() != 0 || none.F1() != 0 {
		t.Errorf("nothing called positive: %+v gives p=%v r=%v", none, none.Precision(), none.Recall())
	}
}

func TestPRCurveMatchesScikitLearn(t *testing.T) {
	// precision_recall_curve(labels, scores): thresholds ascending with their precision and
	// recall (the final (1, 0) point has no threshold).
	thr := []float64{0.1, 0.2, 0.3, 0.35, 0.4, 0.55, 0.65, 0.7, 0.8, 0.9}
	prec := []float64{0.5, 0.5555555555555556, 0.625, 0.7142857142857143, 0.6666666666666666, 0.8, 0.75, 1.0, 1.0, 1.0}
	rec := []float64{1.0, 1.0, 1.0, 1.0, 0.8, 0.8, 0.6, 0.6, 0.4, 0.2}
	curve := PRCurve(refScores, refLabels)
	if len(curve) != len(thr) {
		t.Fatalf("PRCurve has %d points, want %d: %+v", len(curve), len(thr), curve)
	}
	for i, p := range curve {
		j := len(thr) - 1 - i // the curve runs from the highest threshold down
		if p.Threshold != thr[j] || !near(p.Precision, prec[j], 1e-12) || !near(p.Recall, rec[j], 1e-12) {
			t.Errorf("point %d = %+v, want threshold %v precision %v recall %v", i, p, thr[j], prec[j], rec[j])
		}
	}
}

func TestAUCMatchesScikitLearn(t *testing.T) {
	// roc_auc_score(labels, scores) = 0.88.
	if got := AUC(refScores, refLabels); !near(got, 0.88, 1e-12) {
		t.Errorf("AUC = %v, want 0.88", got)
	}
	// Hand-computed: a perfect ranking is 1, a reversed one 0, all scores equal 0.5.
	labels := []bool{false, false, true, true}
	if a := AUC([]float64{1, 2, 3, 4}, labels); a != 1 {
		t.Errorf("perfect AUC = %v", a)
	}
	if a := AUC([]float64{4, 3, 2, 1}, labels); a != 0 {
		t.Errorf("reversed AUC = %v", a)
	}
	if a := AUC([]float64{1, 1, 1, 1}, labels); a != 0.5 {
		t.Errorf("tied AUC = %v", a)
	}
}

// treeX and treeY: 40 points from numpy.random.default_rng(11), an XOR pattern with 15% of
// the labels flipped.
var treeX = [][]float64{{-0.7429, -0.0014}, {0.203, -0.9426}, {-0.7041, 0.8564}, {-0.8592, -0.7405}, {0.8967, 0.2438}, {-0.262, 0.0228}, {0.3257, -0.4494}, {-0.7241, 0.5761}, {0.3407, 0.0248}, {0.6335, 0.0982}, {0.9618, -0.591}, {0.1075, -0.0328}, {-0.2935, 0.1832}, {-0.5294, 0.6044}, {0.7347, -0.7425}, {-0.0659, -0.4457}, {-0.8338, 0.7919}, {-0.1401, -0.7046}, {0.3467, -0.5956}, {0.8029, -0.5657}, {-0.9339, -0.5985}, {-0.3085, -0.0622}, {0.8123, 0.3947}, {-0.3214, -0.9662}, {-0.6804, 0.9929}, {-0.0806, 0.3821}, {-0.8907, -0.9319}, {0.6918, 0.1758}, {-0.3826, -0.3652}, {-0.8215, -0.6547}, {-0.9508, 0.6782}, {-0.0674, -0.7456}, {0.4785, -0.6087}, {-0.8762, 0.1968}, {0.7915, -0.9461}, {0.6103, -0.6197}, {-0.8142, -0.9641}, {-0.414, 0.4542}, {-0.0136, 0.7058}, {-0.5656, -0.3696}}
var treeY = []bool{true, false, false, true, true, false, false, true, false, true, false, false, false, false, false, true, false, true, true, false, false, true, true, true, false, true, true, true, true, false, false, true, true, false, false, false, true, true, false, true}

func TestTreeMatchesScikitLearn(t *testing.T) {
	// DecisionTreeClassifier(max_depth=d, random_state=0).fit(X, y): 1 - score(X, y), and
	// predict() on a 7×7 grid over [-0.95, 0.95]² (x outer, y inner), as 0/1 digits. The same
	// for random_state 0..4 up to depth 5; at depth 6 equal splits on two features make
	// scikit-learn's answer depend on its random feature order, so depth 6 is not compared.
	want := []struct {
		trainErr float64
		probe    string
	}{
		{0.35, "1111100111110011111001111100111110011111001111100"},
		{0.35, "1111100111110011111001111100111110011111001111100"},
		{0.25, "1111100111110011111001111100111110011111000000100"},
		{0.2, "1111100111110011111001111100111110011111000000100"},
		{0.175, "1111100111110011111001111100000010000001000000100"},
	}
	tree := GrowTree(treeX, treeY, 8)
	for d, w := range want {
		depth := d + 1
		if got := tree.ErrorRate(treeX, treeY, depth); !near(got, w.trainErr, 1e-12) {
			t.Errorf("depth %d: training error %v, want %v", depth, got, w.trainErr)
		}
		probe := make([]byte, 0, 49)
		for i := range 7 {
			for j := range 7 {
				p := []float64{-0.95 + float64(i)*1.9/6, -0.95 + float64(j)*1.9/6}
				probe = append(probe, map[bool]byte{false: '0', true: '1'}[tree.Predict(p, depth)])
			}
		}
		if string(probe) != w.probe {
			t.Errorf("depth %d: predictions %s, want %s", depth, probe, w.probe)
		}
	}
	full := GrowTree(treeX, treeY, 40)
	if e := full.ErrorRate(treeX, treeY, 40); e != 0 {
		t.Errorf("a tree grown until pure should fit its distinct training points: error %v", e)
	}
}

func TestTreeByHand(t *testing.T) {
	// Four points on a line, labels 0 0 1 1: the split is at the midpoint 2.5, and the depth-0
	// tree (one leaf) says negative on a tie of two against two.
	x := [][]float64{{1}, {2}, {3}, {4}}
	y := []bool{false, false, true, true}
	tree := GrowTree(x, y, 3)
	if tree.root.threshold != 2.5 || tree.root.feature != 0 {
		t.Errorf("split at feature %d <= %v, want 0 <= 2.5", tree.root.feature, tree.root.threshold)
	}
	if tree.Predict([]float64{2.5}, 1) || !tree.Predict([]float64{2.51}, 1) || tree.Predict([]float64{9}, 0) {
		t.Error("predictions do not follow the split")
	}
	// weightedGini by hand: 4 rows with 1 positive: 4·2·¼·¾ = 1.5.
	if g := weightedGini(4, 1); g != 1.5 {
		t.Errorf("weightedGini(4, 1) = %v", g)
	}
}

func TestPSIByHand(t *testing.T) {
	// Reference 1..10 in two bins split at the median 5: shares ½, ½. A sample 6..10 with one
	// 1 has shares 1/6, 5/6: PSI = (1/6−½)·ln(⅓) + (5/6−½)·ln(5/3) = 0.3662 + 0.1703 = 0.5365.
	ref := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	edges := PSIBins(ref, 2)
	if len(edges) != 1 || edges[0] != 5 {
		t.Fatalf("edges = %v, want [5]", edges)
	}
	got := PSI(ref, []float64{1, 6, 7, 8, 9, 10}, edges)
	want := (1.0/6-0.5)*math.Log(1.0/3) + (5.0/6-0.5)*math.Log(5.0/3)
	if !near(got, want, 1e-12) || !near(got, 0.536479304, 1e-9) {
		t.Errorf("PSI = %v, want %v", got, want)
	}
	if p := PSI(ref, ref, edges); p != 0 {
		t.Errorf("PSI of a sample with itself = %v", p)
	}
	// An empty bin counts as a share of psiFloor, so the index stays finite.
	if p := PSI(ref, []float64{9, 10}, edges); math.IsInf(p, 0) || p < 3 {
		t.Errorf("PSI with an empty bin = %v", p)
	}
}

func TestScaler(t *testing.T) {
	s := FitScaler([][]float64{{1, 5}, {3, 5}})
	// Column 0: mean 2, sample standard deviation √2; column 1 is constant, left unscaled.
	got := s.Transform([][]float64{{3, 7}})[0]
	if !near(got[0], 1/math.Sqrt2, 1e-12) || got[1] != 2 {
		t.Errorf("Transform = %v", got)
	}
}

func TestNewRandIsFixedBySeed(t *testing.T) {
	a, b, c := NewRand(1), NewRand(1), NewRand(2)
	x, y, z := a.Uint64(), b.Uint64(), c.Uint64()
	if x != y || x == z {
		t.Errorf("seed 1 gives %d and %d, seed 2 gives %d", x, y, z)
	}
}
