package lab

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/view"
)

// faultyExperiment measures one number and can fail in the background, as the leakage lab's
// fits could.
type faultyExperiment struct {
	ready chan struct{}
	err   error
}

func (f *faultyExperiment) Knobs() []kind.Knob {
	return []kind.Knob{{Name: "k", Label: "k", Min: 0, Max: 1, Step: 1}}
}
func (f *faultyExperiment) Set(string, float64)                {}
func (f *faultyExperiment) Values() map[string]float64         { return map[string]float64{"score": 0, "k": 0} }
func (f *faultyExperiment) View(int, int, *view.Styles) string { return "" }
func (f *faultyExperiment) Ready() <-chan struct{}             { return f.ready }
func (f *faultyExperiment) Err() error                         { return f.err }
func faultyDef(open func(kind.Params) (kind.Experiment, error)) *kind.Def {
	return &kind.Def{Name: "faulty", Summary: "a lab kind that fails, for tests",
		Knobs: []kind.Knob{{Name: "k", Label: "k", Min: 0, Max: 1, Step: 1}}, Metrics: []kind.Metric{{Name: "score", Min: 0, Max: 1}},
		DefaultGoal: "score >= 0", Open: open}
}

// withKind adds a lab kind to the registry for one test.
func withKind(t *testing.T, d *kind.Def) {
	old := registry
	registry = append(slices.Clone(registry), d)
	t.Cleanup(func() { registry = old })
}

// TestOpenRecoversAPanic: a kind that panics while opening gives Open an error to show, not a
// crash (Open runs on a goroutine of its own, where a panic would end the program).
func TestOpenRecoversAPanic(t *testing.T) {
	withKind(t, faultyDef(func(kind.Params) (kind.Experiment, error) { panic("injected fault") }))
	s, err := Open(Spec{ID: "bad", Title: "Bad", Kind: "faulty"})
	if s != nil || err == nil || !strings.Contains(err.Error(), "lab bad: opening failed (injected fault); please report it") {
		t.Fatalf("Open = %v, %v", s, err)
	}
}

// TestBackgroundFailureIsShownAndNeverPasses: once the work an experiment does in the
// background has failed (a panic there included), the session says so and its goal is not met,
// however the values it was left with look.
func TestBackgroundFailureIsShownAndNeverPasses(t *testing.T) {
	exp := &faultyExperiment{ready: make(chan struct{})}
	withKind(t, faultyDef(func(kind.Params) (kind.Experiment, error) { return exp, nil }))
	s, err := Open(Spec{ID: "bg", Title: "Background", Kind: "faulty"})
	if err != nil {
		t.Fatal(err)
	}
	if !s.GoalMet() || s.Err() != nil {
		t.Fatalf("before the failure: met %v, err %v", s.GoalMet(), s.Err())
	}
	exp.err = errors.New("training the pipelines failed (injected fault); please report it")
	close(exp.ready)
	s.Set("k", 1)
	if s.GoalMet() || s.Err() == nil || !strings.Contains(s.Err().Error(), "injected fault") {
		t.Errorf("after the failure: met %v, err %v", s.GoalMet(), s.Err())
	}
}
