package kind

import (
	"testing"
	"time"
)

func TestSnap(t *testing.T) {
	k := Knob{Min: 0.01, Max: 0.99, Step: 0.01}
	cases := map[float64]float64{0.5: 0.5, 0.504: 0.5, 0.506: 0.51, -3: 0.01, 7: 0.99, 0.1 + 0.2: 0.3}
	for in, want := range cases {
		if got := k.Snap(in); got != want {
			t.Errorf("Snap(%v) = %v, want %v", in, got, want)
		}
	}
	// Fifty steps up from the bottom land exactly on 0.51, not 0.51000000000000001.
	v := k.Min
	for range 50 {
		v = k.Snap(v + k.Step)
	}
	if v != 0.51 {
		t.Errorf("after 50 steps: %v", v)
	}
	sw := Knob{Positions: []string{"off", "on"}}
	if sw.Snap(5) != 1 || sw.Snap(-1) != 0 || sw.Display(1) != "on" || !sw.IsSwitch() {
		t.Error("switch positions")
	}
	if (Knob{Decimals: 2}).Display(0.5) != "0.50" || (Knob{}).Display(12) != "12" {
		t.Error("Display")
	}
}

func TestDefAllParamsAndDomains(t *testing.T) {
	d := &Def{
		Params: []Param{Seed(), {Name: "timeout", Type: Duration, Default: "10s"}, {Name: "check", Type: Text}},
		Knobs: []Knob{
			{Name: "depth", Min: 1, Max: 10, Step: 1, Start: 3},
			{Name: "threshold", Min: 0.01, Max: 0.99, Step: 0.01, Start: 0.5},
			{Name: "split", Positions: []string{"time", "random"}, Start: 1},
		},
		Metrics: []Metric{{Name: "recall", Min: 0, Max: 1}, {Name: "output", Text: true}},
	}
	all := d.AllParams()
	if len(all) != 6 || all[3].Type != Int || all[3].Default != 3 || all[4].Type != Float || all[5].Type != Choice || all[5].Default != "random" {
		t.Errorf("AllParams = %+v", all)
	}
	def := d.Defaults()
	if def["seed"] != 1 || def["timeout"] != 10*time.Second || def["split"] != "random" {
		t.Errorf("Defaults = %v", def)
	}
	if _, ok := def["check"]; ok {
		t.Error("a required parameter got a default")
	}
	dom := d.Domains()
	if !dom["depth"].Integer || dom["threshold"].Integer || dom["split"].Max != 1 || !dom["output"].Text || dom["recall"].Max != 1 {
		t.Errorf("Domains = %+v", dom)
	}
	p := Params{"n": 3, "x": 0.5, "s": "a", "b": true, "d": time.Second}.With(map[string]any{"n": 4})
	if p.Int("n") != 4 || p.Float("n") != 4 || p.Float("x") != 0.5 || p.String("s") != "a" || !p.Bool("b") || p.Duration("d") != time.Second {
		t.Errorf("getters on %v", p)
	}
}
