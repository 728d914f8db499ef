package goal

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// parser is a recursive-descent parser over the lexer's tokens.
type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) take() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) or() (node, error) { return p.chain(false) }

// chain parses items joined by "and" (and=true, whose items are primaries) or "or" (whose
// items are and-chains).
func (p *parser) chain(and bool) (node, error) {
	item := p.primary
	kind := tokAnd
	if !and {
		item = func() (node, error) { return p.chain(true) }
		kind = tokOr
	}
	first, err := item()
	if err != nil {
		return nil, err
	}
	items := []node{first}
	for p.peek().kind == kind {
		p.take()
		next, err := item()
		if err != nil {
			return nil, err
		}
		items = append(items, next)
	}
	if len(items) == 1 {
		return first, nil
	}
	return &logic{and: and, items: items}, nil
}

func (p *parser) primary() (node, error) {
	t := p.peek()
	if t.kind == tokLParen {
		p.take()
		inner, err := p.or()
		if err != nil {
			return nil, err
		}
		if closing := p.peek(); closing.kind != tokRParen {
			return nil, &Error{Col: closing.col, Msg: fmt.Sprintf(`expected ")" to close the "(" at col %d, found %s`, t.col, describe(closing))}
		}
		p.take()
		return inner, nil
	}
	return p.comparison()
}

func (p *parser) comparison() (node, error) {
	left := p.take()
	if left.kind != tokIdent && left.kind != tokNumber {
		return nil, &Error{Col: left.col, Msg: fmt.Sprintf("expected a measured value's name, found %s", describe(left))}
	}
	op := p.take()
	if op.kind != tokOp {
		return nil, &Error{Col: op.col, Msg: fmt.Sprintf("expected a comparison (>=, <=, >, <, ==, !=) after %q, found %s", left.text, describe(op))}
	}
	right := p.take()
	c := &Comparison{Col: left.col, EndCol: right.end}
	switch {
	case left.kind == tokIdent && right.kind == tokString:
		return p.textComparison(c, left, op, right)
	case left.kind == tokIdent && right.kind == tokNumber:
		c.Metric, c.Op = left.text, op.text
		return c, p.setNumber(c, right)
	case left.kind == tokNumber && right.kind == tokIdent:
		c.Metric, c.Op = right.text, flip(op.text)
		return c, p.setNumber(c, left)
	case left.kind == tokNumber:
		return nil, &Error{Col: right.col, Msg: fmt.Sprintf("expected a measured value's name after %s %s, found %s", left.text, op.text, describe(right))}
	}
	return nil, &Error{Col: right.col, Msg: fmt.Sprintf("expected a number after %s %s, found %s", left.text, op.text, describe(right))}
}

func (p *parser) textComparison(c *Comparison, name, op, text token) (node, error) {
	c.Metric, c.Op, c.Text, c.IsText = name.text, op.text, text.text, true
	switch op.text {
	case "==", "!=", "contains":
	case "matches":
		re, err := regexp.Compile(text.text)
		if err != nil {
			return nil, &Error{Col: text.col, Msg: fmt.Sprintf("not a regular expression: %s", strings.TrimPrefix(err.Error(), "error parsing regexp: "))}
		}
		c.re = re
	default:
		return nil, &Error{Col: op.col, Msg: fmt.Sprintf("%s compares numbers; text takes ==, !=, contains or matches", op.text)}
	}
	return c, nil
}

func (p *parser) setNumber(c *Comparison, t token) error {
	if c.Op == "contains" || c.Op == "matches" {
		return &Error{Col: t.col, Msg: fmt.Sprintf("%s takes text in double quotes, not a number", c.Op)}
	}
	text, scale := t.text, 1.0
	if strings.HasSuffix(text, "%") {
		text, scale = strings.TrimSuffix(text, "%"), 0.01
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || strings.Contains(text, "%") {
		return &Error{Col: t.col, Msg: fmt.Sprintf("%q is not a number", t.text)}
	}
	c.Number, c.Bound = v*scale, t.text
	return nil
}

// flip turns "0.9 <= recall" into "recall >= 0.9".
func flip(op string) string {
	switch op {
	case ">=":
		return "<="
	case "<=":
		return ">="
	case ">":
		return "<"
	case "<":
		return ">"
	}
	return op
}

func describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "the end of the goal"
	case tokString:
		return strconv.Quote(t.text)
	}
	return strconv.Quote(t.text)
}
