package capacity

import (
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
)

func TestReproducibleForASeed(t *testing.T) {
	// Seed 1, defaults: 300 training rows, 2000 validation rows, 15% of labels flipped, depth 12.
	labtest.Expect(t, labtest.Open(t, Def, nil).Values(), map[string]float64{
		"depth": 12, "train_error": 0.006666666666666667, "val_error": 0.2675, "val_excess": 0.0585,
	})
	a := labtest.Open(t, Def, map[string]any{"seed": 1}).Values()
	b := labtest.Open(t, Def, map[string]any{"seed": 2}).Values()
	if !labtest.Differs(a, b, "train_error", "val_error") {
		t.Errorf("seeds 1 and 2 give the same numbers: %v", a)
	}
}

func TestDeeperTreesMemorise(t *testing.T) {
	l := labtest.Open(t, Def, nil)
	prev := 1.0
	best, bestDepth := 1.0, 0
	for d := 1; d <= 14; d++ {
		l.Set("depth", float64(d))
		v := l.Values()
		// Growing is greedy, so a deeper cut of the same tree never fits training rows worse.
		if v["train_error"] > prev+1e-12 {
			t.Errorf("depth %d: training error rose to %v", d, v["train_error"])
		}
		prev = v["train_error"]
		if v["val_error"] < best {
			best, bestDepth = v["val_error"], d
		}
	}
	if prev > 0.01 {
		t.Errorf("depth 14 should all but memorise 300 rows: training error %v", prev)
	}
	// With 15% label noise nothing beats 0.15 on fresh rows; the best depth is shallow.
	if best < 0.15 || bestDepth > 6 {
		t.Errorf("best validation error %v at depth %d", best, bestDepth)
	}
	l.Set("depth", float64(bestDepth))
	if v := l.Values(); v["val_excess"] != 0 {
		t.Errorf("val_excess at the best depth = %v", v["val_excess"])
	}
}

func TestMaxDepthBoundsTheKnob(t *testing.T) {
	l := labtest.Open(t, Def, map[string]any{"max_depth": 5, "depth": 5})
	if k := l.Knobs()[0]; k.Max != 5 {
		t.Errorf("knob max %v, want 5", k.Max)
	}
	if issues := check(Def.Defaults().With(map[string]any{"max_depth": 5, "depth": 8})); len(issues) != 1 {
		t.Errorf("depth beyond max_depth: %v", issues)
	}
}
