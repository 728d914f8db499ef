package threshold

import (
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
)

func TestReproducibleForASeed(t *testing.T) {
	// Seed 1 with the defaults: 4000 rows, half for validation, 10% positives.
	labtest.Expect(t, labtest.Open(t, Def, nil).Values(), map[string]float64{
		"threshold": 0.5, "tp": 159, "fp": 30, "tn": 1786, "fn": 25,
		"precision": 0.8412698412698413, "recall": 0.8641304347826086, "f1": 0.8525469168900804,
		"accuracy": 0.9725, "auc": 0.9893399253016664,
	})
	a := labtest.Open(t, Def, map[string]any{"seed": 1}).Values()
	b := labtest.Open(t, Def, map[string]any{"seed": 2}).Values()
	if !labtest.Differs(a, b, "tp", "fp", "auc") {
		t.Errorf("seeds 1 and 2 give the same numbers: %v", a)
	}
}

func TestThresholdTradesPrecisionForRecall(t *testing.T) {
	l := labtest.Open(t, Def, nil)
	prevRecall, prevFP := 2.0, -1.0
	for _, th := range []float64{0.05, 0.2, 0.5, 0.8, 0.95} {
		l.Set("threshold", th)
		v := l.Values()
		if v["recall"] > prevRecall || (prevFP >= 0 && v["fp"] > prevFP) {
			t.Errorf("raising the threshold to %v raised recall or false positives: %v", th, v)
		}
		if v["tp"]+v["fp"]+v["tn"]+v["fn"] != 2000 {
			t.Errorf("the confusion matrix does not add up to the 2000 validation rows: %v", v)
		}
		prevRecall, prevFP = v["recall"], v["fp"]
	}
}

func TestDefaultGoalIsReachable(t *testing.T) {
	// With the defaults the goal (recall >= 0.90, precision >= 0.50) is met by lowering the
	// threshold from 0.5 to somewhere between 0.14 and 0.40.
	l := labtest.Open(t, Def, nil)
	l.Set("threshold", 0.25)
	v := l.Values()
	if v["recall"] < 0.9 || v["precision"] < 0.5 {
		t.Errorf("at 0.25: %v", v)
	}
}

func TestOneClassIsRejected(t *testing.T) {
	// 200 rows with 1% positives: about one seed in three leaves a side without a positive.
	rejected := 0
	for seed := 1; seed <= 20; seed++ {
		_, err := Def.Open(Def.Defaults().With(map[string]any{"samples": 200, "positive_rate": 0.01, "seed": seed}))
		if err != nil {
			if !strings.Contains(err.Error(), "only one class") {
				t.Errorf("seed %d: %v", seed, err)
			}
			rejected++
		}
	}
	if rejected == 0 {
		t.Error("no seed drew a split without positives")
	}
}
