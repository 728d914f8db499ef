package goal

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Domain is what a measured value can be: a number within [Min, Max] (whole numbers only when
// Integer), or text.
type Domain struct {
	Min, Max float64
	Integer  bool
	Text     bool
}

// maxTerms bounds the expansion of a goal into alternatives when looking for contradictions;
// a goal bigger than that is only checked comparison by comparison.
const maxTerms = 256

// Check finds what makes a goal wrong for a lab whose measured values are domains: unknown
// names (with the closest known name), text compared as a number or the reverse, comparisons
// no value in the domain satisfies, and comparisons joined by "and" that cannot all hold.
func (e *Expr) Check(domains map[string]Domain) []*Error {
	var errs []*Error
	ok := true
	for _, c := range e.Comparisons() {
		if err := checkOne(c, domains); err != nil {
			errs = append(errs, err)
			ok = false
		}
	}
	if !ok {
		return errs // contradictions would only repeat these
	}
	terms, small := expand(e.root)
	if !small {
		return nil
	}
	seen := map[*Comparison]bool{}
	for _, term := range terms {
		if bad := contradiction(term, domains); bad != nil && !seen[bad.last] {
			seen[bad.last] = true
			errs = append(errs, &Error{Col: bad.last.Col, Msg: bad.message()})
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Col < errs[j].Col })
	return errs
}

func checkOne(c *Comparison, domains map[string]Domain) *Error {
	d, ok := domains[c.Metric]
	if !ok {
		return &Error{Col: c.Col, Msg: unknownMessage(c.Metric, domains)}
	}
	switch {
	case d.Text && !c.IsText:
		return &Error{Col: c.Col, Msg: fmt.Sprintf("%s is text: compare it with ==, !=, contains or matches and a quoted text", c.Metric)}
	case !d.Text && c.IsText:
		return &Error{Col: c.Col, Msg: fmt.Sprintf("%s is a number: compare it with a number, not text", c.Metric)}
	case d.Text:
		return nil
	}
	if iv := fromComparison(c, d); iv.empty() {
		return &Error{Col: c.Col, Msg: fmt.Sprintf("%s can never hold: %s", c, describeDomain(c.Metric, d))}
	}
	return nil
}

func unknownMessage(name string, domains map[string]Domain) string {
	names := make([]string, 0, len(domains))
	for n := range domains {
		names = append(names, n)
	}
	sort.Strings(names)
	if s := Suggest(name, names); s != "" {
		return fmt.Sprintf("unknown measured value %q (did you mean %q?)", name, s)
	}
	return fmt.Sprintf("unknown measured value %q (this lab measures %s)", name, strings.Join(names, ", "))
}

func describeDomain(name string, d Domain) string {
	kind := ""
	if d.Integer {
		kind = "a whole number "
	}
	switch {
	case math.IsInf(d.Max, 1) && math.IsInf(d.Min, -1):
		return fmt.Sprintf("%s is %sof any size", name, kind)
	case math.IsInf(d.Max, 1):
		return fmt.Sprintf("%s is %sat least %s", name, kind, num(d.Min))
	case math.IsInf(d.Min, -1):
		return fmt.Sprintf("%s is %sat most %s", name, kind, num(d.Max))
	}
	return fmt.Sprintf("%s is %sbetween %s and %s", name, kind, num(d.Min), num(d.Max))
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// interval is a set of numbers between lo and hi, each end open or closed.
type interval struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func (iv interval) empty() bool {
	return iv.lo > iv.hi || (iv.lo == iv.hi && (iv.loOpen || iv.hiOpen))
}

func (iv interval) intersect(o interval) interval {
	if o.lo > iv.lo || (o.lo == iv.lo && o.loOpen) {
		iv.lo, iv.loOpen = o.lo, o.loOpen
	}
	if o.hi < iv.hi || (o.hi == iv.hi && o.hiOpen) {
		iv.hi, iv.hiOpen = o.hi, o.hiOpen
	}
	return iv
}

// fromComparison is the part of the domain where the comparison holds. "!=" excludes a single
// point, which leaves the domain as it is unless the domain is that very point.
func fromComparison(c *Comparison, d Domain) interval {
	dom := interval{lo: d.Min, hi: d.Max}
	var iv interval
	b := c.Number
	switch c.Op {
	case ">=":
		iv = interval{lo: b, hi: math.Inf(1)}
	case ">":
		iv = interval{lo: b, hi: math.Inf(1), loOpen: true}
	case "<=":
		iv = interval{lo: math.Inf(-1), hi: b}
	case "<":
		iv = interval{lo: math.Inf(-1), hi: b, hiOpen: true}
	case "==":
		iv = interval{lo: b, hi: b}
	default:
		if d.Min == d.Max && d.Min == b {
			return interval{lo: 1, hi: 0}
		}
		return dom
	}
	out := dom.intersect(iv)
	if d.Integer {
		out = wholeNumbers(out)
	}
	return out
}

// wholeNumbers narrows an interval to its whole numbers: x > 2 is x >= 3, x == 2.5 is empty.
func wholeNumbers(iv interval) interval {
	lo, hi := math.Ceil(iv.lo), math.Floor(iv.hi)
	if iv.loOpen && lo == iv.lo {
		lo++
	}
	if iv.hiOpen && hi == iv.hi {
		hi--
	}
	return interval{lo: lo, hi: hi}
}

// expand rewrites the goal as alternatives of conjunctions (disjunctive normal form), or
// reports that it would have more than maxTerms alternatives.
func expand(n node) ([][]*Comparison, bool) {
	switch n := n.(type) {
	case *Comparison:
		return [][]*Comparison{{n}}, true
	case *logic:
		if !n.and {
			var out [][]*Comparison
			for _, it := range n.items {
				sub, ok := expand(it)
				if !ok || len(out)+len(sub) > maxTerms {
					return nil, false
				}
				out = append(out, sub...)
			}
			return out, true
		}
		out := [][]*Comparison{{}}
		for _, it := range n.items {
			sub, ok := expand(it)
			if !ok || len(out)*len(sub) > maxTerms {
				return nil, false
			}
			out = product(out, sub)
		}
		return out, true
	}
	return nil, false
}

func product(a, b [][]*Comparison) [][]*Comparison {
	out := make([][]*Comparison, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			term := append(append([]*Comparison{}, x...), y...)
			out = append(out, term)
		}
	}
	return out
}

// clash names the comparisons of one conjunction that cannot all hold.
type clash struct {
	first, last *Comparison
}

func (c *clash) message() string {
	return fmt.Sprintf("%s and %s cannot both hold", c.first, c.last)
}

// contradiction returns the first pair of comparisons on the same metric, within one
// conjunction, that leave no value possible.
func contradiction(term []*Comparison, domains map[string]Domain) *clash {
	type state struct {
		iv       interval
		first    *Comparison
		excluded []float64 // points ruled out by !=
	}
	byMetric := map[string]*state{}
	for _, c := range term {
		d := domains[c.Metric]
		if d.Text {
			continue
		}
		st, ok := byMetric[c.Metric]
		if !ok {
			st = &state{iv: interval{lo: d.Min, hi: d.Max}, first: c}
			byMetric[c.Metric] = st
		}
		st.iv = st.iv.intersect(fromComparison(c, d))
		if c.Op == "!=" {
			st.excluded = append(st.excluded, c.Number)
		}
		if ok && (st.iv.empty() || st.iv.onlyOneOf(st.excluded)) {
			return &clash{first: st.first, last: c}
		}
	}
	return nil
}

// onlyOneOf reports whether the interval is a single point that is one of points.
func (iv interval) onlyOneOf(points []float64) bool {
	if iv.lo != iv.hi {
		return false
	}
	for _, p := range points {
		if p == iv.lo {
			return true
		}
	}
	return false
}
