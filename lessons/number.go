package lessons

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// This file reads numbers: a numeric question's accepted answers as an author writes them
// (42, 0.95 ± 0.01, 0.9..1.0, 95%) and the number a learner types (0.95, .95, 95%, 1,000,
// $0.006, 120 ms). docs/authoring.md, "Numeric questions", documents the same rules.

// NumberRange is one accepted answer of a numeric question: every number from Min to Max,
// both included. Value is the number written (for a range, its midpoint). Percent says the
// author wrote a percentage, which the learner may also give as a fraction (95% and 0.95).
type NumberRange struct {
	Value, Min, Max float64
	Percent         bool
}

// Accepts reports whether a typed number falls in the range. A typed percentage is also read
// as a fraction (95% is 0.95), and a fraction as a percentage when the author wrote one.
func (r NumberRange) Accepts(typed Number) bool {
	if r.contains(typed.Value) {
		return true
	}
	switch {
	case typed.Percent && !r.Percent:
		return r.contains(typed.Value / 100)
	case !typed.Percent && r.Percent:
		return r.contains(typed.Value * 100)
	}
	return false
}

// contains compares with a margin of a few units in the last place, so that 0.95 ± 0.01
// takes 0.96 although 0.95 + 0.01 is 0.9600000000000001 in floating point, and 0.94 although
// 0.95 - 0.01 is 0.9399999999999999.
func (r NumberRange) contains(v float64) bool {
	eps := 1e-9 * max(1, math.Abs(r.Min), math.Abs(r.Max))
	return v >= r.Min-eps && v <= r.Max+eps
}

// Number is a number read from text.
type Number struct {
	Value   float64
	Percent bool // written with % (or "percent")
}

// numberPattern reads one number in text: an optional currency sign and sign, digits with
// thousands grouped by commas or spaces (1,000 or 1 000), a decimal point or comma (0.95,
// 0,95, .95), an exponent, then an optional % and unit words (120 ms, 60 euros, km/h). A comma
// followed by exactly three digits groups thousands; any other comma is a decimal point.
var numberPattern = regexp.MustCompile(`^[$€£¥]?\s*([+\-−]?)\s*[$€£¥]?\s*` +
	`((?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:[.,]\d+)?|[.,]\d+)([eE][+\-]?\d+)?` +
	`\s*(%|percent\b|per cent\b)?\s*[\pL/$€£¥ ]*\.?$`)

// thousandsPattern finds digits grouped in thousands at the start of a number.
var thousandsPattern = regexp.MustCompile(`^\d{1,3}(?:[, ]\d{3})+`)

// ReadNumber reads the number in a typed answer; ok is false when the text is not one number.
func ReadNumber(s string) (n Number, ok bool) {
	m := numberPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Number{}, false
	}
	digits := m[2]
	if grouped := thousandsPattern.FindString(digits); grouped != "" {
		digits = strings.NewReplacer(",", "", " ", "").Replace(grouped) + digits[len(grouped):]
	}
	digits = strings.Replace(digits, ",", ".", 1)
	v, err := strconv.ParseFloat(digits+m[3], 64)
	if err != nil || math.IsInf(v, 0) {
		return Number{}, false
	}
	if m[1] != "" && m[1] != "+" {
		v = -v
	}
	return Number{Value: v, Percent: m[4] != ""}, true
}

// ParseNumberRange reads an accepted answer as an author writes it: a number (42, 95%), a
// number and a tolerance (0.95 ± 0.01, also +- and +/-; 200 ± 5% is 5% of 200), or a range
// (0.9..1.0).
func ParseNumberRange(s string) (NumberRange, error) {
	s = strings.TrimSpace(s)
	if lo, hi, ok := strings.Cut(s, ".."); ok {
		a, okA := ReadNumber(lo)
		b, okB := ReadNumber(hi)
		switch {
		case !okA || !okB:
			return NumberRange{}, errNotNumber(s)
		case a.Value > b.Value:
			return NumberRange{}, fmt.Errorf("the range %s runs backwards: write the smaller number first", s)
		}
		return NumberRange{Value: (a.Value + b.Value) / 2, Min: a.Value, Max: b.Value, Percent: a.Percent || b.Percent}, nil
	}
	value, tolerance, hasTolerance := cutTolerance(s)
	v, ok := ReadNumber(value)
	if !ok {
		return NumberRange{}, errNotNumber(s)
	}
	r := NumberRange{Value: v.Value, Min: v.Value, Max: v.Value, Percent: v.Percent}
	if !hasTolerance {
		return r, nil
	}
	t, ok := ReadNumber(tolerance)
	switch {
	case !ok:
		return NumberRange{}, errNotNumber(s)
	case t.Value < 0:
		return NumberRange{}, fmt.Errorf("the tolerance in %s is negative: write it as a positive number", s)
	case t.Percent && !v.Percent:
		t.Value = math.Abs(v.Value) * t.Value / 100 // a relative tolerance
	}
	r.Min, r.Max = v.Value-t.Value, v.Value+t.Value
	return r, nil
}

// cutTolerance splits "0.95 ± 0.01" (or +-, +/-) into the value and the tolerance.
func cutTolerance(s string) (value, tolerance string, ok bool) {
	for _, sep := range []string{"±", "+/-", "+-"} {
		if v, t, found := strings.Cut(s, sep); found {
			return v, t, true
		}
	}
	return s, "", false
}

func errNotNumber(s string) error {
	return fmt.Errorf("numeric answer %q is not a number: write it as 0.95, 0.95 ± 0.01 or 0.9..1.0", s)
}

// acceptsNumber reports whether a typed answer is a number one of the accepted ranges takes.
func (q *Question) acceptsNumber(typed string) bool {
	n, ok := ReadNumber(typed)
	if !ok {
		return false
	}
	for _, r := range q.Numbers {
		if r.Accepts(n) {
			return true
		}
	}
	return false
}
