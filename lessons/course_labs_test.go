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
	c, probs, err := Builtin()
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
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
