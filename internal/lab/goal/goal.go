// Package goal parses and checks a lab's goal: a condition on the lab's measured values such as
// `recall >= 0.95 and precision >= 0.80`.
//
// Grammar (keywords in any case; columns in errors count characters from 1):
//
//	goal       = or
//	or         = and { ("or" | "||") and }
//	and        = primary { ("and" | "&&") primary }
//	primary    = "(" or ")" | comparison
//	comparison = name op number | number op name | name textop text
//	op         = ">=" | "<=" | ">" | "<" | "==" | "!=" | "≥" | "≤" | "≠"
//	textop     = "==" | "!=" | "contains" | "matches"
//	number     = decimal, optional sign and exponent, optional trailing "%" (95% is 0.95)
//	text       = a double-quoted string; \" and \\ are its escapes; matches takes a Go regexp
//
// "and" binds tighter than "or". A comparison with a number that is not a number (NaN) is false.
package goal

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Error is a problem in a goal's text, at a 1-based character column.
type Error struct {
	Col int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("col %d: %s", e.Col, e.Msg) }

// Expr is a parsed goal. Its zero value is not usable: get one from Parse.
type Expr struct {
	src  string
	root node
}

// node is a comparison or a logical combination of nodes.
type node interface{ isNode() }

// logic is "and" (all must hold) or "or" (one must hold) over two or more nodes.
type logic struct {
	and   bool
	items []node
}

// Comparison is one "name op value" test of a goal.
type Comparison struct {
	Metric string  // the measured value's name
	Op     string  // canonical operator: >=, <=, >, <, ==, !=, contains, matches
	Number float64 // the bound, for a numeric comparison
	Bound  string  // the bound as written (95% stays 95%), for a numeric comparison
	Text   string  // the text, for a text comparison (IsText)
	IsText bool
	Col    int    // column of the comparison's first token
	EndCol int    // column just after its last token
	Source string // the comparison as written
	re     *regexp.Regexp
}

func (*logic) isNode()      {}
func (*Comparison) isNode() {}

// Parse reads a goal. The error, when not nil, is an *Error with the column of the problem.
func Parse(src string) (*Expr, error) {
	lx := &lexer{src: src}
	toks, err := lx.tokens()
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if p.peek().kind == tokEOF {
		return nil, &Error{Col: 1, Msg: "the goal is empty: write a condition such as recall >= 0.9"}
	}
	root, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == tokRParen {
			return nil, &Error{Col: t.col, Msg: `")" without a matching "("`}
		}
		return nil, &Error{Col: t.col, Msg: fmt.Sprintf("expected and, or or the end of the goal, found %s", describe(t))}
	}
	e := &Expr{src: src, root: root}
	runes := []rune(src)
	for _, c := range e.Comparisons() {
		c.Source = string(runes[c.Col-1 : c.EndCol-1])
	}
	return e, nil
}

// String returns the goal as it was written.
func (e *Expr) String() string { return e.src }

// Comparisons returns every comparison in the goal, in the order written.
func (e *Expr) Comparisons() []*Comparison {
	var out []*Comparison
	var walk func(n node)
	walk = func(n node) {
		switch n := n.(type) {
		case *Comparison:
			out = append(out, n)
		case *logic:
			for _, it := range n.items {
				walk(it)
			}
		}
	}
	walk(e.root)
	return out
}

// Values is what a goal is checked against: measured numbers and texts by name.
type Values struct {
	Numbers map[string]float64
	Texts   map[string]string
}

// Met reports whether the goal holds for v. A metric v does not have makes its comparison false.
func (e *Expr) Met(v Values) bool { return eval(e.root, v) }

func eval(n node, v Values) bool {
	switch n := n.(type) {
	case *Comparison:
		return n.Holds(v)
	case *logic:
		for _, it := range n.items {
			if eval(it, v) != n.and {
				return !n.and
			}
		}
		return n.and
	}
	return false
}

// Holds reports whether this one comparison holds for v.
func (c *Comparison) Holds(v Values) bool {
	if c.IsText {
		got, ok := v.Texts[c.Metric]
		if !ok {
			return false
		}
		switch c.Op {
		case "==":
			return got == c.Text
		case "!=":
			return got != c.Text
		case "contains":
			return strings.Contains(got, c.Text)
		default:
			return c.re.MatchString(got)
		}
	}
	got, ok := v.Numbers[c.Metric]
	if !ok || math.IsNaN(got) {
		return false
	}
	return compare(got, c.Op, c.Number)
}

// equalTolerance absorbs floating-point noise in ==, so a knob moved to 0.3 in steps of 0.1
// equals 0.3.
const equalTolerance = 1e-9

func compare(got float64, op string, bound float64) bool {
	eq := math.Abs(got-bound) <= equalTolerance*math.Max(1, math.Abs(bound))
	switch op {
	case ">=":
		return got >= bound || eq
	case "<=":
		return got <= bound || eq
	case ">":
		return got > bound && !eq
	case "<":
		return got < bound && !eq
	case "==":
		return eq
	default: // "!="
		return !eq
	}
}

// String writes the comparison the way a goal would.
func (c *Comparison) String() string {
	if c.IsText {
		return fmt.Sprintf("%s %s %s", c.Metric, c.Op, strconv.Quote(c.Text))
	}
	return fmt.Sprintf("%s %s %s", c.Metric, c.Op, strconv.FormatFloat(c.Number, 'g', -1, 64))
}

// Labels names a measured value for a learner ("overfitting gap" for gap); "" keeps the name.
// Goals are written with names, which are short and exact; a learner reads them with labels.
type Labels func(name string) string

// Words writes the comparison for a learner: the value's label, the operator as a symbol
// (≥, ≤, =, ≠) and the bound as written.
func (c *Comparison) Words(label Labels) string {
	name := c.Metric
	if label != nil {
		if l := label(c.Metric); l != "" {
			name = l
		}
	}
	bound := c.Bound
	if c.IsText {
		bound = strconv.Quote(c.Text)
	} else if bound == "" { // built in code, not parsed
		bound = strconv.FormatFloat(c.Number, 'g', -1, 64)
	}
	return name + " " + opWords[c.Op] + " " + bound
}

var opWords = map[string]string{">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "!=": "≠", "contains": "contains", "matches": "matches"}

// Words writes the whole goal for a learner: each comparison's Words, joined by and and or,
// an or within an and in parentheses.
func (e *Expr) Words(label Labels) string { return words(e.root, label, false) }

func words(n node, label Labels, inAnd bool) string {
	switch n := n.(type) {
	case *Comparison:
		return n.Words(label)
	case *logic:
		items := make([]string, len(n.items))
		for i, it := range n.items {
			items[i] = words(it, label, n.and)
		}
		if n.and {
			return strings.Join(items, " and ")
		}
		s := strings.Join(items, " or ")
		if inAnd {
			s = "(" + s + ")"
		}
		return s
	}
	return ""
}

// Part is one comparison of a goal and whether it holds now, for showing progress.
type Part struct {
	Text  string // as written
	Words string // for a learner (Comparison.Words)
	Met   bool
}

// Parts lists each comparison with whether it holds for v, in the order written.
func (e *Expr) Parts(v Values, label Labels) []Part {
	cs := e.Comparisons()
	out := make([]Part, len(cs))
	for i, c := range cs {
		out[i] = Part{Text: c.Source, Words: c.Words(label), Met: c.Holds(v)}
	}
	return out
}
