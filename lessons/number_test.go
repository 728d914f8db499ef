package lessons

import (
	"strings"
	"testing"
)

func TestReadNumber(t *testing.T) {
	tests := []struct {
		in      string
		value   float64
		percent bool
		ok      bool
	}{
		{"0.95", 0.95, false, true},
		{".95", 0.95, false, true},
		{"0,95", 0.95, false, true},
		{"95%", 95, true, true},
		{"95 %", 95, true, true},
		{"95 percent", 95, true, true},
		{"1,000", 1000, false, true},
		{"1 000", 1000, false, true},
		{"12,345.5", 12345.5, false, true},
		{"1,5", 1.5, false, true},
		{"$0.006", 0.006, false, true},
		{"€60", 60, false, true},
		{"60 €", 60, false, true},
		{"60 euros", 60, false, true},
		{"120 ms", 120, false, true},
		{"-5", -5, false, true},
		{"−5", -5, false, true}, // U+2212 minus sign
		{"+5", 5, false, true},
		{"1e-3", 0.001, false, true},
		{" 42. ", 42, false, true},
		{"80 km/h", 80, false, true},
		{"", 0, false, false},
		{"about 60", 0, false, false},
		{"60 or 70", 0, false, false},
		{"2/5", 0, false, false},
		{"sixty", 0, false, false},
		{"1e999", 0, false, false},
	}
	for _, tt := range tests {
		n, ok := ReadNumber(tt.in)
		if ok != tt.ok || (ok && (n.Value != tt.value || n.Percent != tt.percent)) {
			t.Errorf("ReadNumber(%q) = %+v, %v; want %v (percent %v), %v", tt.in, n, ok, tt.value, tt.percent, tt.ok)
		}
	}
}

func TestParseNumberRange(t *testing.T) {
	tests := []struct {
		in       string
		min, max float64
		percent  bool
		err      string
	}{
		{"42", 42, 42, false, ""},
		{"0.95 ± 0.01", 0.94, 0.96, false, ""},
		{"0.95 +- 0.01", 0.94, 0.96, false, ""},
		{"0.95 +/- 0.01", 0.94, 0.96, false, ""},
		{"0.9..1.0", 0.9, 1.0, false, ""},
		{"0.9 .. 1.0", 0.9, 1.0, false, ""},
		{"95%", 95, 95, true, ""},
		{"95% ± 1%", 94, 96, true, ""},
		{"200 ± 5%", 190, 210, false, ""}, // a relative tolerance
		{"120 ms ± 5 ms", 115, 125, false, ""},
		{"1.0..0.9", 0, 0, false, "runs backwards"},
		{"0.95 ± -0.01", 0, 0, false, "negative"},
		{"about 1", 0, 0, false, "is not a number"},
		{"1 ± x", 0, 0, false, "is not a number"},
	}
	for _, tt := range tests {
		r, err := ParseNumberRange(tt.in)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseNumberRange(%q): error %v, want one saying %q", tt.in, err, tt.err)
			}
		case err != nil:
			t.Errorf("ParseNumberRange(%q): %v", tt.in, err)
		case !near(r.Min, tt.min) || !near(r.Max, tt.max) || r.Percent != tt.percent:
			t.Errorf("ParseNumberRange(%q) = %+v, want %v..%v (percent %v)", tt.in, r, tt.min, tt.max, tt.percent)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

// TestNumericAnswers: what a numeric question accepts, including the forms the issue names
// ("0.95", ".95" and "95%" read sensibly) and the edges of a tolerance.
func TestNumericAnswers(t *testing.T) {
	q := func(accepted ...string) *Question {
		q := &Question{Kind: Numeric, Accepted: accepted}
		for _, a := range accepted {
			r, err := ParseNumberRange(a)
			if err != nil {
				t.Fatal(err)
			}
			q.Numbers = append(q.Numbers, r)
		}
		return q
	}
	tests := []struct {
		q     *Question
		typed string
		want  bool
	}{
		{q("0.95 ± 0.01"), "0.95", true},
		{q("0.95 ± 0.01"), ".95", true},
		{q("0.95 ± 0.01"), "95%", true},
		{q("0.95 ± 0.01"), "0.96", true}, // the edge, despite floating point
		{q("0.95 ± 0.01"), "0.94", true},
		{q("0.95 ± 0.01"), "0.961", false},
		{q("0.95 ± 0.01"), "95", false}, // a fraction is not a percentage unless written with %
		{q("0.9..1.0"), "1", true},
		{q("0.9..1.0"), "0.89", false},
		{q("95%"), "95", true},
		{q("95%"), "95%", true},
		{q("95%"), "0.95", true},
		{q("95%"), "9.5%", false},
		{q("60"), "€60", true},
		{q("60"), "60.0 euros", true},
		{q("60"), "61", false},
		{q("1000"), "1,000", true},
		{q("0.006"), "$0.006", true},
		{q("0.006"), "0.6 cents", false}, // units are not converted
		{q("42"), "forty-two", false},
		{q("41", "43..44"), "43.5", true}, // any of several accepted answers
	}
	for _, tt := range tests {
		if got := tt.q.CheckText(tt.typed); got != tt.want {
			t.Errorf("%q against %q: %v, want %v", tt.typed, tt.q.Accepted, got, tt.want)
		}
	}
}
