// Package kind declares what a lab kind is made of: the parameters an instructor sets, the
// knobs a learner moves, the values the lab measures, and the experiment that runs it. Each
// built-in experiment package exports a *Def; package lab keeps the registry.
package kind

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/aieng/aieng/internal/lab/goal"
	"github.com/aieng/aieng/internal/lab/view"
)

// Type is a parameter's type.
type Type int

// Parameter types. A Choice is text from a fixed list; a Duration is text like "10s".
const (
	Int Type = iota
	Float
	Text
	Bool
	Choice
	Duration
)

func (t Type) String() string {
	return [...]string{"whole number", "number", "text", "true or false", "choice", "duration"}[t]
}

// Param is one setting an instructor may give in a lab's params.
type Param struct {
	Name     string
	Type     Type
	Default  any     // int, float64, string or bool as Type says (Choice and Duration: string); nil: required
	Min, Max float64 // allowed range for Int and Float (and seconds for Duration)
	Choices  []string
	Doc      string
}

// Knob is one control the learner moves. Its value is a number between Min and Max in steps of
// Step; a switch (Positions given) takes the values 0..len(Positions)-1. The knob's name is
// also the name of its value in goals and of the parameter that sets where it starts.
type Knob struct {
	Name      string
	Label     string // a short label for the screen
	Doc       string
	Min, Max  float64
	Step      float64
	Start     float64 // where it starts when the lab gives no starting value
	Positions []string
	Decimals  int // digits after the point when shown
}

// IsSwitch reports whether the knob is a switch between named positions.
func (k Knob) IsSwitch() bool { return len(k.Positions) > 0 }

// Display shows a knob value: the position's name for a switch, else the number.
func (k Knob) Display(v float64) string {
	if k.IsSwitch() {
		i := int(math.Round(v))
		if i >= 0 && i < len(k.Positions) {
			return k.Positions[i]
		}
	}
	return strconv.FormatFloat(v, 'f', k.Decimals, 64)
}

// Snap clamps v into the knob's range and rounds it to a whole number of steps from Min, so
// that repeated steps never accumulate rounding error.
func (k Knob) Snap(v float64) float64 {
	if k.IsSwitch() {
		return math.Max(0, math.Min(float64(len(k.Positions)-1), math.Round(v)))
	}
	v = math.Max(k.Min, math.Min(k.Max, v))
	if k.Step > 0 {
		n := math.Round((v - k.Min) / k.Step)
		v = math.Min(k.Max, k.Min+n*k.Step)
		v = math.Round(v*1e9) / 1e9
	}
	return v
}

// Metric is one value a lab measures, which goals may name.
type Metric struct {
	Name string // what goals call it: short and exact, for authors
	// Label is what a learner reads in its place in a goal ("overfitting gap" for gap).
	Label    string
	Doc      string
	Min, Max float64 // the values it can take, for spotting goals that can never be met
	Integer  bool
	Text     bool
}

// Def is a lab kind.
type Def struct {
	Name        string
	Summary     string
	Params      []Param
	Knobs       []Knob
	Metrics     []Metric
	DefaultGoal string
	// Check finds problems between parameters that each look right alone (nil: none to find).
	Check func(Params) []Issue
	// Open builds the experiment, training and evaluating its models; nil for kinds that do not
	// run inside the course (command).
	Open func(Params) (Experiment, error)
}

// Issue is a problem with one parameter found by a kind's Check.
type Issue struct {
	Param   string
	Message string
}

// Experiment is a running lab: its models trained, ready for knob moves.
type Experiment interface {
	// Knobs returns the knobs with the ranges these parameters give (for example the most
	// replicas an instructor allows).
	Knobs() []Knob
	// Set moves a knob to v, already snapped to its range, and recomputes what depends on it.
	Set(knob string, v float64)
	// Values returns the measured values now, knob values included.
	Values() map[string]float64
	// View draws the experiment's chart and numbers in exactly width×height cells.
	View(width, height int, st *view.Styles) string
}

// Backgrounder is an Experiment that keeps computing after it opens (measurements a later
// knob move will need); Ready is closed once it is done, and Err then reports whether it
// failed (a panic there included: see Recover). Experiments without it are ready when they
// open.
type Backgrounder interface {
	Ready() <-chan struct{}
	Err() error
}

// AllParams is the kind's parameters followed by one per knob, which sets where it starts.
func (d *Def) AllParams() []Param {
	out := append([]Param(nil), d.Params...)
	for _, k := range d.Knobs {
		p := Param{Name: k.Name, Type: Float, Default: k.Start, Min: k.Min, Max: k.Max, Doc: "where the " + k.Label + " knob starts"}
		switch {
		case k.IsSwitch():
			p.Type, p.Choices, p.Default = Choice, k.Positions, k.Positions[int(k.Start)]
		case k.Step == math.Trunc(k.Step) && k.Min == math.Trunc(k.Min):
			p.Type, p.Default = Int, int(k.Start)
		}
		out = append(out, p)
	}
	return out
}

// Defaults returns every parameter's default value (required parameters, which have none,
// are left out): what a lab gets for the parameters its spec does not give.
func (d *Def) Defaults() Params {
	out := Params{}
	for _, p := range d.AllParams() {
		switch v := p.Default.(type) {
		case nil:
		case string:
			if p.Type == Duration {
				dur, _ := time.ParseDuration(v)
				out[p.Name] = dur
				continue
			}
			out[p.Name] = v
		default:
			out[p.Name] = v
		}
	}
	return out
}

// With returns a copy of p with the given values set, for tests and callers that build
// parameters in code.
func (p Params) With(kv map[string]any) Params {
	out := Params{}
	for k, v := range p {
		out[k] = v
	}
	for k, v := range kv {
		out[k] = v
	}
	return out
}

// Label is what a learner reads for a measured value or knob a goal names: its Label, or the
// name itself when it has none or is not the kind's.
func (d *Def) Label(name string) string {
	for _, m := range d.Metrics {
		if m.Name == name && m.Label != "" {
			return m.Label
		}
	}
	for _, k := range d.Knobs {
		if k.Name == name && k.Label != "" {
			return k.Label
		}
	}
	return name
}

// Domains is what each measured value and knob can be, for checking goals.
func (d *Def) Domains() map[string]goal.Domain {
	out := map[string]goal.Domain{}
	for _, m := range d.Metrics {
		out[m.Name] = goal.Domain{Min: m.Min, Max: m.Max, Integer: m.Integer, Text: m.Text}
	}
	for _, k := range d.Knobs {
		if k.IsSwitch() {
			out[k.Name] = goal.Domain{Min: 0, Max: float64(len(k.Positions) - 1), Integer: true}
			continue
		}
		out[k.Name] = goal.Domain{Min: k.Min, Max: k.Max, Integer: k.Step == math.Trunc(k.Step) && k.Min == math.Trunc(k.Min)}
	}
	return out
}

// Params are a lab's parameter values, defaults filled in, by name: int, float64, string or
// bool as each Param's Type says.
type Params map[string]any

// Int returns a whole-number parameter.
func (p Params) Int(name string) int {
	switch v := p[name].(type) {
	case int:
		return v
	case float64:
		return int(v)
	}
	panic(fmt.Sprintf("lab parameter %q is not a whole number: %#v", name, p[name]))
}

// Float returns a number parameter.
func (p Params) Float(name string) float64 {
	switch v := p[name].(type) {
	case int:
		return float64(v)
	case float64:
		return v
	}
	panic(fmt.Sprintf("lab parameter %q is not a number: %#v", name, p[name]))
}

// String returns a text or choice parameter.
func (p Params) String(name string) string {
	s, _ := p[name].(string)
	return s
}

// Duration returns a duration parameter.
func (p Params) Duration(name string) time.Duration {
	d, _ := p[name].(time.Duration)
	return d
}

// Bool returns a true-or-false parameter.
func (p Params) Bool(name string) bool {
	b, _ := p[name].(bool)
	return b
}

// Seed is the parameter every built-in kind has: it fixes the generated data.
func Seed() Param {
	return Param{Name: "seed", Type: Int, Default: 1, Min: 0, Max: math.MaxInt32,
		Doc: "fixes the generated data: the same seed shows the same numbers"}
}
