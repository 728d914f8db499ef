// Package lab runs the course's hands-on labs: it keeps the registry of lab kinds, reads and
// validates a lab's spec (the YAML inside a lesson's ```lab block), and opens a Session whose
// knobs the learner moves while the experiment recomputes and the goal is checked.
//
// A Bubble Tea screen wraps a Session: it passes key presses to HandleKey, draws View at its
// size, and records the lab as passed when GoalMet turns true. Nothing here draws to a
// terminal, reads files or starts processes; command labs live in package command.
package lab

import (
	"fmt"
	"strings"

	"github.com/aieng/aieng/internal/lab/goal"
)

// Spec is one lab as an instructor writes it. Params holds the values given (int, float64,
// string, bool or time.Duration); defaults fill the rest when the lab opens. Goal is the
// condition to meet; empty means the kind's default goal.
type Spec struct {
	ID     string
	Title  string
	Kind   string
	Params map[string]any
	Goal   string

	// where keys and values were in the YAML, by field path ("kind", "params.seed"), so that
	// problems point at them; empty for specs built in code.
	keyPos, valPos map[string]Pos
	goalPos        goalPosition
}

// Pos is a 1-based line and column within a lab block's YAML (line 1 is the line after the
// opening fence).
type Pos struct{ Line, Col int }

// Problem is one mistake in a spec, at the position of the key or value at fault (zero when
// the spec was not read from YAML).
type Problem struct {
	Pos
	Field   string // "id", "params.samples", "goal", or "" for the block as a whole
	Message string
	Warning bool // the lab still opens
}

// String formats the problem as "line:col: message", or the message alone without a position.
func (p Problem) String() string {
	msg := p.Message
	if p.Warning {
		msg = "warning: " + msg
	}
	if p.Line == 0 {
		return msg
	}
	return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, msg)
}

// Problems is a spec's problems in the order found.
type Problems []Problem

// HasErrors reports whether any problem is an error rather than a warning.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Error lists the problems one per line, so Problems can be returned as an error.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// goalPosition maps a column of the goal text to a position in the YAML.
type goalPosition struct {
	Pos
	offset int  // columns between the value's first column and the goal text's first
	exact  bool // a one-line scalar: columns map one to one
}

func (g goalPosition) at(col int) Pos {
	if !g.exact || g.Line == 0 {
		return g.Pos
	}
	return Pos{Line: g.Line, Col: g.Col + g.offset + col - 1}
}

// position returns where a field was, preferring its value, then its key, then its parent.
func (s *Spec) position(field string, value bool) Pos {
	if value {
		if p, ok := s.valPos[field]; ok {
			return p
		}
	}
	if p, ok := s.keyPos[field]; ok {
		return p
	}
	if i := strings.LastIndexByte(field, '.'); i > 0 {
		return s.position(field[:i], false)
	}
	return Pos{}
}

// ValuePos is where the value of a field ("params.starter", "goal") was written in the block,
// else its key's or its parent's position; zero for specs built in code. Callers that check
// more than Validate can (a course loader that looks for a command lab's folders) use it to
// point at the value at fault.
func (s Spec) ValuePos(field string) Pos { return s.position(field, true) }

// GoalWords is the goal (GoalText) as a learner reads it: the measured values' labels in place
// of their names (goal.Expr.Words). A goal that does not parse, or of no known kind, is as written.
func (s Spec) GoalWords() string {
	text := s.GoalText()
	def, ok := Lookup(s.Kind)
	g, err := goal.Parse(text)
	if !ok || err != nil {
		return text
	}
	return g.Words(def.Label)
}

// GoalText is the goal as written, or the kind's default goal when the spec gives none (or
// names no known kind).
func (s Spec) GoalText() string {
	if s.Goal != "" {
		return s.Goal
	}
	if def, ok := Lookup(s.Kind); ok {
		return def.DefaultGoal
	}
	return ""
}
