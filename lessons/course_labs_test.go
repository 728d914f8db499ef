package lessons

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/lab"
)

// TestBuiltinLabs: the built-in course has a lab where each teaches most, each opens with its
// goal not met (else it would pass on opening), and each goal can be met by moving the knobs: a
// search over the knobs' settings finds one.
func TestBuiltinLabs(t *testing.T) {
	c := loadShipped(t)
	want := map[string]string{ // kind: the lesson it belongs in
		"threshold": "designing-models", "capacity": "designing-models", "leakage": "data-management",
		"serving": "deployment-integration", "drift": "collaboration-maintenance", "retrieval": "building-with-llms",
	}
	for _, l := range c.Lessons {
		for _, lb := range l.Labs {
			if want[lb.Kind] != l.ID {
				t.Errorf("%s lab %s is in %s, want %s", lb.Kind, lb.ID, l.ID, want[lb.Kind])
			}
			delete(want, lb.Kind)
			t.Run(lb.ID, func(t *testing.T) {
				s, err := lab.Open(lb.Spec)
				if err != nil {
					t.Fatal(err)
				}
				<-s.Ready()
				if s.GoalMet() {
					t.Fatalf("the goal %q is met before any knob moves", s.Goal())
				}
				if setting, ok := meetGoal(s); !ok {
					t.Errorf("no setting of the knobs meets %q", s.Goal())
				} else {
					t.Logf("met at %s", setting)
				}
			})
		}
	}
	for kind, lesson := range want {
		t.Errorf("no %s lab in %s", kind, lesson)
	}
}

// meetGoal tries the knobs' settings (at most 40 values of each, the question knob of the
// retrieval lab left alone since it changes no measured value) until the goal is met.
func meetGoal(s *lab.Session) (string, bool) {
	var names []string
	var values [][]float64
	for _, k := range s.Knobs() {
		if k.Name == "question" {
			continue
		}
		var vs []float64
		if k.IsSwitch() {
			for i := range k.Positions {
				vs = append(vs, float64(i))
			}
		} else {
			n := int((k.Max-k.Min)/k.Step) + 1
			stride := max(n/40, 1)
			for i := 0; i < n; i += stride {
				vs = append(vs, k.Min+float64(i)*k.Step)
			}
		}
		names, values = append(names, k.Name), append(values, vs)
	}
	idx := make([]int, len(names))
	for {
		var desc []string
		for i, name := range names {
			s.Set(name, values[i][idx[i]])
			desc = append(desc, fmt.Sprintf("%s=%g", name, values[i][idx[i]]))
		}
		if s.GoalMet() {
			return strings.Join(desc, " "), true
		}
		i := 0
		for ; i < len(idx); i++ {
			idx[i]++
			if idx[i] < len(values[i]) {
				break
			}
			idx[i] = 0
		}
		if i == len(idx) {
			return "", false
		}
	}
}

// openBuiltinLab opens the built-in course's lab with this id, its data ready.
func openBuiltinLab(t *testing.T, c *Course, id string) *lab.Session {
	t.Helper()
	for _, l := range c.Lessons {
		for _, lb := range l.Labs {
			if lb.ID != id {
				continue
			}
			s, err := lab.Open(lb.Spec)
			if err != nil {
				t.Fatal(err)
			}
			<-s.Ready()
			return s
		}
	}
	t.Fatalf("the built-in course has no lab %q", id)
	return nil
}

// valuesAt moves the named knobs and returns the measured values and whether the goal is met.
func valuesAt(s *lab.Session, knobs map[string]float64) (map[string]float64, bool) {
	for name, v := range knobs {
		s.Set(name, v)
	}
	return s.Values(), s.GoalMet()
}

// TestBuiltinLabsMatchTheirIntroductions: each lab's introducing paragraph tells the learner what
// they will see; these are those claims, checked against the labs' own numbers, so a change to a
// lab that makes its lesson wrong fails here and names the lesson to rewrite.
func TestBuiltinLabsMatchTheirIntroductions(t *testing.T) {
	c := loadShipped(t)

	t.Run("tree-depth (designing-models)", func(t *testing.T) {
		s := openBuiltinLab(t, c, "tree-depth")
		deep, _ := valuesAt(s, map[string]float64{"depth": 12})
		if deep["train_error"] != 0 {
			t.Errorf("the lesson says the training error reaches zero at depth 12, where the lab opens: it is %.3f", deep["train_error"])
		}
		best, bestDepth := 2.0, 0.0
		prevTrain := 1.0
		for d := 1.0; d <= 12; d++ {
			v, _ := valuesAt(s, map[string]float64{"depth": d})
			if v["train_error"] > prevTrain {
				t.Errorf("the lesson says the training error falls as the tree deepens: it rises at depth %g", d)
			}
			prevTrain = v["train_error"]
			if v["val_error"] < best {
				best, bestDepth = v["val_error"], d
			}
		}
		first, _ := valuesAt(s, map[string]float64{"depth": 1})
		if bestDepth <= 1 || bestDepth >= 12 || best >= first["val_error"] || best >= deep["val_error"] {
			t.Errorf("the lesson says the validation error falls, then climbs: lowest %.3f at depth %g, %.3f at depth 1, %.3f at depth 12", best, bestDepth, first["val_error"], deep["val_error"])
		}
	})

	t.Run("screening-threshold (designing-models)", func(t *testing.T) {
		s := openBuiltinLab(t, c, "screening-threshold")
		var met []float64
		for i := 1; i <= 99; i++ {
			if _, ok := valuesAt(s, map[string]float64{"threshold": float64(i) / 100}); ok {
				met = append(met, float64(i)/100)
			}
		}
		if len(met) == 0 || met[len(met)-1]-met[0] > 0.10 {
			t.Errorf("the lesson says 95%% recall is reached only in a narrow band of thresholds: the goal holds at %v", met)
		}
		below, _ := valuesAt(s, map[string]float64{"threshold": met[0] - 0.01})
		if below["recall"] < 0.95 || below["precision"] >= 0.5 {
			t.Errorf("the lesson says the band ends where false alarms outnumber real ones: just below it, recall %.3f, precision %.3f", below["recall"], below["precision"])
		}
	})

	t.Run("honest-pipeline (data-management)", func(t *testing.T) {
		s := openBuiltinLab(t, c, "honest-pipeline")
		// Position 0 of each switch is the honest one: training rows, left out, by time.
		for _, sw := range []map[string]float64{
			{"fit_on": 0, "label_feature": 0, "split": 0},
			{"fit_on": 1, "label_feature": 0, "split": 0},
			{"fit_on": 0, "label_feature": 1, "split": 0},
			{"fit_on": 0, "label_feature": 0, "split": 1},
		} {
			v, ok := valuesAt(s, sw)
			allOff := sw["fit_on"]+sw["label_feature"]+sw["split"] == 0
			if ok != allOff {
				t.Errorf("the lesson says every leak must be switched off: at %v the goal is met=%v (gap %.3f)", sw, ok, v["gap"])
			}
		}
	})

	t.Run("size-the-service (deployment-integration)", func(t *testing.T) {
		s := openBuiltinLab(t, c, "size-the-service")
		one, _ := valuesAt(s, map[string]float64{"replicas": 1, "batch": 1})
		if one["throughput"] > 41 || one["throughput"] < 35 {
			t.Errorf("the lesson says one replica serving one request at a time manages about 40 a second: %.1f", one["throughput"])
		}
		two, ok := valuesAt(s, map[string]float64{"replicas": 2, "batch": 1})
		if ok || two["p95_ms"] <= 200 {
			t.Errorf("the lesson says two replicas need batching: without it, p95 %.0f ms, goal met %v", two["p95_ms"], ok)
		}
	})

	t.Run("drift-alarm (collaboration-maintenance)", func(t *testing.T) {
		s := openBuiltinLab(t, c, "drift-alarm")
		textbook, _ := valuesAt(s, map[string]float64{"alert": 0.25})
		if textbook["delay"] != 1 || textbook["false_alarms"] != 0 {
			t.Errorf("the lesson says the textbook 0.25 raises the alarm a week late, with no false alarm: delay %g, false alarms %g", textbook["delay"], textbook["false_alarms"])
		}
		low, _ := valuesAt(s, map[string]float64{"alert": 0.01})
		if low["false_alarms"] == 0 {
			t.Error("the lesson says an alarm set too low fires before the drift: none at 0.01")
		}
		if textbook["accuracy_after"] >= textbook["accuracy_before"] {
			t.Errorf("the lesson says accuracy follows the drift down: %.3f before, %.3f after", textbook["accuracy_before"], textbook["accuracy_after"])
		}
	})

	t.Run("retrieval-budget (building-with-llms)", func(t *testing.T) {
		s := openBuiltinLab(t, c, "retrieval-budget")
		for _, k := range s.Knobs() {
			if k.Name == "question" && k.Max != 42 {
				t.Errorf("the lesson says the lab asks 42 labelled questions: it has %g", k.Max)
			}
		}
		small, _ := valuesAt(s, map[string]float64{"chunk_words": 40, "top_k": 1})
		big, _ := valuesAt(s, map[string]float64{"chunk_words": 150, "top_k": 3})
		if big["recall"] <= small["recall"] || big["context_words"] <= small["context_words"] {
			t.Errorf("the lesson says bigger chunks and more of them find more answers at a cost in words: recall %.2f -> %.2f, words %.0f -> %.0f", small["recall"], big["recall"], small["context_words"], big["context_words"])
		}
	})
}
