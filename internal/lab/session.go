package lab

import (
	"errors"
	"fmt"
	"maps"

	"github.com/aieng/aieng/internal/lab/goal"
	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/view"
)

// Session is an open lab: the experiment's models trained, the knobs where the learner left
// them, the goal checked after every move. It is not safe for concurrent use; a Bubble Tea
// model calls it from its Update and View, which run on one goroutine.
type Session struct {
	spec   Spec
	def    *kind.Def
	exp    kind.Experiment
	goal   *goal.Expr
	knobs  []kind.Knob
	pos    []float64 // each knob's value
	start  []float64
	focus  int
	values map[string]float64
	met    bool
	// version counts changes that alter the view, so the cached view knows when it is stale.
	version int
	cache   viewCache
}

// viewCache keeps the last drawn view: Bubble Tea redraws after every message, and most
// messages change nothing in the lab.
type viewCache struct {
	width, height int
	styles        *view.Styles
	version       int
	text          string
	valid         bool
}

// ErrNotBuiltIn is returned by Open for kinds that run outside the course, such as command.
var ErrNotBuiltIn = errors.New("this lab kind does not open as a session")

// Open validates the spec, then generates the lab's data and trains its models. The error
// is Problems when the spec has errors. It runs off the interface's event loop, so a panic in
// a kind's code is returned as an error: it would otherwise end the program.
func Open(s Spec) (ss *Session, err error) {
	defer func() {
		if err != nil {
			ss = nil
		}
	}()
	defer kind.Recover(&err, "lab "+s.ID+": opening")
	probs := Validate(s)
	if probs.HasErrors() {
		return nil, probs
	}
	def, _ := Lookup(s.Kind)
	if def.Open == nil {
		return nil, fmt.Errorf("lab %s: kind %s: %w", s.ID, s.Kind, ErrNotBuiltIn)
	}
	params, _ := resolveParams(&s, def)
	goalText := s.Goal
	if goalText == "" {
		goalText = def.DefaultGoal
	}
	g, err := goal.Parse(goalText)
	if err != nil {
		return nil, fmt.Errorf("lab %s: goal: %w", s.ID, err)
	}
	exp, err := def.Open(params)
	if err != nil {
		return nil, fmt.Errorf("lab %s: %w", s.ID, err)
	}
	ss = &Session{spec: s, def: def, exp: exp, goal: g, knobs: exp.Knobs()}
	for _, k := range ss.knobs {
		v := k.Snap(startValue(k, params[k.Name]))
		ss.start = append(ss.start, v)
		ss.pos = append(ss.pos, v)
		exp.Set(k.Name, v)
	}
	ss.refresh()
	return ss, nil
}

// startValue is where a knob starts: the parameter with its name (a switch's position name or
// a number), which the defaults always fill.
func startValue(k kind.Knob, param any) float64 {
	switch v := param.(type) {
	case string:
		for i, p := range k.Positions {
			if p == v {
				return float64(i)
			}
		}
	case int:
		return float64(v)
	case float64:
		return v
	}
	return k.Start
}

// refresh re-reads the measured values and the goal after a change. (GoalMet also asks Err:
// work in the background can fail after this.)
func (s *Session) refresh() {
	s.values = s.exp.Values()
	s.met = s.goal.Met(goal.Values{Numbers: s.values})
	s.version++
}

// Err is the failure of the work the experiment does in the background after opening (the
// leakage lab's other fits), a panic there included; nil while it runs or when it succeeded.
// The measured values are then not to be trusted, and the goal is never met.
func (s *Session) Err() error {
	if b, ok := s.exp.(kind.Backgrounder); ok {
		return b.Err()
	}
	return nil
}

// closed is a channel that is already closed: ready at once.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// Ready is closed once the experiment has finished any work it does in the background after
// opening (the leakage lab fits its other pipelines then). Knob moves before that may wait
// for it; a screen never needs to, but tests and benchmarks can.
func (s *Session) Ready() <-chan struct{} {
	if b, ok := s.exp.(kind.Backgrounder); ok {
		return b.Ready()
	}
	return closed
}

// Goal is the goal's text (the kind's default goal when the spec gives none).
func (s *Session) Goal() string { return s.goal.String() }

// GoalMet reports whether the measured values meet the goal now: never once the work in the
// background has failed (Err).
func (s *Session) GoalMet() bool { return s.met && s.Err() == nil }

// GoalParts lists each comparison of the goal with whether it holds now, with the words a
// learner reads for it.
func (s *Session) GoalParts() []goal.Part {
	return s.goal.Parts(goal.Values{Numbers: s.values}, s.def.Label)
}

// Values returns a copy of the measured values, knob values included, by name.
func (s *Session) Values() map[string]float64 { return maps.Clone(s.values) }

// KnobState is a knob with its value now.
type KnobState struct {
	kind.Knob
	Value   float64
	Display string // the value as shown: a number or a switch position's name
	Focused bool   // the knob the arrow keys move
}

// Knobs returns the knobs in order with their values.
func (s *Session) Knobs() []KnobState {
	out := make([]KnobState, len(s.knobs))
	for i, k := range s.knobs {
		out[i] = KnobState{Knob: k, Value: s.pos[i], Display: k.Display(s.pos[i]), Focused: i == s.focus}
	}
	return out
}

func (s *Session) index(name string) int {
	for i, k := range s.knobs {
		if k.Name == name {
			return i
		}
	}
	return -1
}

// Set moves a knob to v (snapped to its range and step). It reports whether anything changed;
// an unknown knob changes nothing.
func (s *Session) Set(name string, v float64) bool {
	i := s.index(name)
	if i < 0 {
		return false
	}
	v = s.knobs[i].Snap(v)
	if v == s.pos[i] {
		return false
	}
	s.pos[i] = v
	s.exp.Set(name, v)
	s.refresh()
	return true
}

// Adjust moves a knob by steps of its step (positions, for a switch), stopping at its ends.
func (s *Session) Adjust(name string, steps int) bool {
	i := s.index(name)
	if i < 0 {
		return false
	}
	step := s.knobs[i].Step
	if s.knobs[i].IsSwitch() || step == 0 {
		step = 1
	}
	return s.Set(name, s.pos[i]+float64(steps)*step)
}

// Toggle moves a switch to its next position, wrapping around; for other knobs it does nothing.
func (s *Session) Toggle(name string) bool {
	i := s.index(name)
	if i < 0 || !s.knobs[i].IsSwitch() {
		return false
	}
	next := int(s.pos[i]+1) % len(s.knobs[i].Positions)
	return s.Set(name, float64(next))
}

// Reset puts every knob back where it started.
func (s *Session) Reset() bool {
	changed := false
	for i, k := range s.knobs {
		if s.pos[i] != s.start[i] {
			s.pos[i] = s.start[i]
			s.exp.Set(k.Name, s.start[i])
			changed = true
		}
	}
	if changed {
		s.refresh()
	}
	return changed
}

// Focused returns the name of the knob the arrow keys move.
func (s *Session) Focused() string { return s.knobs[s.focus].Name }

// Focus makes the named knob the one the arrow keys move.
func (s *Session) Focus(name string) bool {
	i := s.index(name)
	if i < 0 || i == s.focus {
		return false
	}
	s.focus = i
	s.version++
	return true
}

// FocusNext moves the focus by delta knobs, wrapping around.
func (s *Session) FocusNext(delta int) bool {
	n := len(s.knobs)
	if n < 2 {
		return false
	}
	return s.Focus(s.knobs[((s.focus+delta)%n+n)%n].Name)
}
