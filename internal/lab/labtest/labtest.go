// Package labtest helps the experiments' tests: open a kind with its defaults and compare
// measured values.
package labtest

import (
	"math"
	"testing"

	"github.com/aieng/aieng/internal/lab/kind"
)

// Open opens def's experiment with its defaults overridden by params, and moves each knob
// to where it starts.
func Open(t testing.TB, def *kind.Def, params map[string]any) kind.Experiment {
	t.Helper()
	p := def.Defaults().With(params)
	exp, err := def.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range exp.Knobs() {
		v := k.Start
		switch s := p[k.Name].(type) {
		case int:
			v = float64(s)
		case float64:
			v = s
		case string:
			for i, pos := range k.Positions {
				if pos == s {
					v = float64(i)
				}
			}
		}
		exp.Set(k.Name, k.Snap(v))
	}
	return exp
}

// Tolerance absorbs the last-bit differences of floating point between machines (fused
// multiply-add on some, assembly math functions on others).
const Tolerance = 1e-6

// Expect checks measured values against wanted ones, within Tolerance.
func Expect(t testing.TB, got map[string]float64, want map[string]float64) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("no value %q", name)
			continue
		}
		if math.Abs(g-w) > Tolerance*math.Max(1, math.Abs(w)) {
			t.Errorf("%s = %v, want %v", name, g, w)
		}
	}
}

// Differs reports whether any named value differs between a and b beyond Tolerance.
func Differs(a, b map[string]float64, names ...string) bool {
	for _, n := range names {
		if math.Abs(a[n]-b[n]) > Tolerance*math.Max(1, math.Abs(a[n])) {
			return true
		}
	}
	return false
}
