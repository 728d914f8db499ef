package goal

import (
	"math"
	"strings"
	"testing"
)

func nums(kv ...any) Values {
	v := Values{Numbers: map[string]float64{}, Texts: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		switch x := kv[i+1].(type) {
		case float64:
			v.Numbers[kv[i].(string)] = x
		case int:
			v.Numbers[kv[i].(string)] = float64(x)
		case string:
			v.Texts[kv[i].(string)] = x
		}
	}
	return v
}

func mustParse(t *testing.T, src string) *Expr {
	t.Helper()
	e, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return e
}

func TestMet(t *testing.T) {
	cases := []struct {
		goal string
		v    Values
		want bool
	}{
		{"recall >= 0.95 and precision >= 0.80", nums("recall", 0.96, "precision", 0.81), true},
		{"recall >= 0.95 and precision >= 0.80", nums("recall", 0.94, "precision", 0.99), false},
		{"recall >= 0.95 and precision >= 0.80", nums("recall", 0.99, "precision", 0.79), false},
		// Edge values: the bound itself.
		{"recall >= 0.95", nums("recall", 0.95), true},
		{"recall > 0.95", nums("recall", 0.95), false},
		{"recall <= 0.95", nums("recall", 0.95), true},
		{"recall < 0.95", nums("recall", 0.95), false},
		{"recall == 0.95", nums("recall", 0.95), true},
		{"recall != 0.95", nums("recall", 0.95), false},
		// Floating-point noise from stepping a knob: 0.1+0.2 is 0.30000000000000004.
		{"threshold == 0.3", nums("threshold", 0.1+0.2), true},
		{"threshold <= 0.3", nums("threshold", 0.1+0.2), true},
		{"threshold > 0.3", nums("threshold", 0.1+0.2), false},
		// A value just past the tolerance is not equal.
		{"threshold == 0.3", nums("threshold", 0.3+1e-6), false},
		// Or, precedence and parentheses: and binds tighter than or.
		{"a >= 1 or b >= 1 and c >= 1", nums("a", 1, "b", 0, "c", 0), true},
		{"(a >= 1 or b >= 1) and c >= 1", nums("a", 1, "b", 0, "c", 0), false},
		{"a >= 1 or (b >= 1 and c >= 1)", nums("a", 0, "b", 1, "c", 1), true},
		{"a >= 1 || b >= 1 && c >= 1", nums("a", 0, "b", 1, "c", 0), false},
		{"A >= 1 AND b >= 1", nums("A", 1, "b", 1), true},
		// A number on the left is flipped; percentages and unicode operators.
		{"0.9 <= recall", nums("recall", 0.91), true},
		{"0.9 <= recall", nums("recall", 0.89), false},
		{"recall ≥ 95%", nums("recall", 0.95), true},
		{"recall ≥ 95%", nums("recall", 0.949), false},
		{"delay ≤ 1 and alarms ≠ 1", nums("delay", 1, "alarms", 0), true},
		{"x > -0.5", nums("x", -0.4), true},
		{"x < 1e-3", nums("x", 0.0005), true},
		// A missing or NaN value never meets the goal.
		{"recall >= 0", nums("precision", 1), false},
		{"recall >= 0", nums("recall", math.NaN()), false},
		{"recall != 0", nums("recall", math.NaN()), false},
		// Text comparisons.
		{`exit == 0 and output contains "3 passed"`, nums("exit", 0, "output", "ok: 3 passed"), true},
		{`exit == 0 and output contains "3 passed"`, nums("exit", 1, "output", "ok: 3 passed"), false},
		{`output matches "^ok: [0-9]+ passed$"`, nums("output", "ok: 12 passed"), true},
		{`output matches "^ok: [0-9]+ passed$"`, nums("output", "ok: x passed"), false},
		{`output == "done"`, nums("output", "done"), true},
		{`output != "done"`, nums("output", "done"), false},
		{`output == "say \"hi\" \\ bye"`, nums("output", `say "hi" \ bye`), true},
		{`output contains "x"`, nums("exit", 0), false},
	}
	for _, c := range cases {
		if got := mustParse(t, c.goal).Met(c.v); got != c.want {
			t.Errorf("%q with %v %v: Met = %v, want %v", c.goal, c.v.Numbers, c.v.Texts, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		goal    string
		col     int
		message string
	}{
		{"", 1, "the goal is empty"},
		{"   ", 1, "the goal is empty"},
		{"recall >= ", 11, "expected a number after recall >=, found the end of the goal"},
		{"recall 0.9", 8, `expected a comparison (>=, <=, >, <, ==, !=) after "recall", found "0.9"`},
		{"recall = 0.9", 8, `"=" is not a comparison: write ==`},
		{"recall >= 0.9 and", 18, "expected a measured value's name, found the end of the goal"},
		{"recall >= 0.9 precision >= 0.8", 15, `expected and, or or the end of the goal, found "precision"`},
		{"(recall >= 0.9", 15, `expected ")" to close the "(" at col 1, found the end of the goal`},
		{"recall >= 0.9)", 14, `")" without a matching "("`},
		{"recall >= 0.9.1", 11, `"0.9.1" is not a number`},
		{"recall >= 9%5", 11, `"9%5" is not a number`},
		{"recall >= precision", 11, `expected a number after recall >=, found "precision"`},
		{"0.5 >= 0.9", 8, `expected a measured value's name after 0.5 >=, found "0.9"`},
		{`output contains 3`, 17, "contains takes text in double quotes"},
		{`output >= "a"`, 8, ">= compares numbers; text takes"},
		{`output matches "("`, 16, "not a regular expression: missing closing )"},
		{`output == "abc`, 11, "text is not closed"},
		{`output == "a\nb"`, 13, `only \" and \\ may follow a backslash`},
		{"recall >= 0.9 ; x", 15, `unexpected ';'`},
		// Columns count characters, not bytes: ≥ is three bytes.
		{"récall ≥ 0.9 and ≥", 18, "expected a measured value's name, found \">=\""},
	}
	for _, c := range cases {
		_, err := Parse(c.goal)
		ge, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q) = %v, want a *goal.Error", c.goal, err)
			continue
		}
		if ge.Col != c.col || !strings.Contains(ge.Msg, c.message) {
			t.Errorf("Parse(%q): col %d %q, want col %d containing %q", c.goal, ge.Col, ge.Msg, c.col, c.message)
		}
	}
}

func TestComparisonsAndParts(t *testing.T) {
	e := mustParse(t, "0.8 <= precision and (recall >= 0.95 or f1 > 90%)")
	var got []string
	for _, c := range e.Comparisons() {
		got = append(got, c.String())
	}
	want := "precision >= 0.8|recall >= 0.95|f1 > 0.9"
	if strings.Join(got, "|") != want {
		t.Errorf("Comparisons = %q, want %q", strings.Join(got, "|"), want)
	}
	parts := e.Parts(nums("precision", 0.85, "recall", 0.5, "f1", 0.95), nil)
	if len(parts) != 3 || !parts[0].Met || parts[1].Met || !parts[2].Met {
		t.Errorf("Parts = %+v", parts)
	}
	cs := e.Comparisons()
	if cs[0].Col != 1 || cs[0].EndCol != 17 || cs[1].Col != 23 || cs[1].EndCol != 37 {
		t.Errorf("columns: %d-%d, %d-%d", cs[0].Col, cs[0].EndCol, cs[1].Col, cs[1].EndCol)
	}
	if parts[0].Text != "0.8 <= precision" || parts[2].Text != "f1 > 90%" {
		t.Errorf("parts are not shown as written: %q, %q", parts[0].Text, parts[2].Text)
	}
	text := mustParse(t, `output == "a \"b\"" or x>=1`).Comparisons()
	if text[0].Source != `output == "a \"b\""` || text[1].Source != "x>=1" {
		t.Errorf("sources: %q, %q", text[0].Source, text[1].Source)
	}
	if e.String() != "0.8 <= precision and (recall >= 0.95 or f1 > 90%)" {
		t.Errorf("String = %q", e.String())
	}
}

var domains = map[string]Domain{
	"recall":       {Min: 0, Max: 1},
	"precision":    {Min: 0, Max: 1},
	"false_alarms": {Min: 0, Max: 52, Integer: true},
	"p95_ms":       {Min: 0, Max: math.Inf(1)},
	"gap":          {Min: -1, Max: 1},
	"fixed":        {Min: 3, Max: 3},
	"output":       {Text: true},
}

func TestCheck(t *testing.T) {
	cases := []struct {
		goal string
		want []string // "col: message part"; none means the goal is fine
	}{
		{"recall >= 0.95 and precision >= 0.80", nil},
		{"recall >= 1 and precision <= 0", nil},
		{"gap <= 0.02 and gap >= -0.02", nil},
		{"p95_ms <= 200", nil},
		{"false_alarms == 0", nil},
		{"false_alarms < 1", nil},
		{"recall >= 0.9 or recall <= 0.5", nil},
		{`output contains "ok"`, nil},
		{"recal >= 0.9", []string{`1: unknown measured value "recal" (did you mean "recall"?)`}},
		{"zzz >= 0.9", []string{`1: unknown measured value "zzz" (this lab measures false_alarms, fixed, gap, output, p95_ms, precision, recall)`}},
		{"recall >= 1.2", []string{"1: recall >= 1.2 can never hold: recall is between 0 and 1"}},
		{"recall > 1", []string{"1: recall > 1 can never hold"}},
		{"precision >= 0.5 and recall < 0", []string{"22: recall < 0 can never hold"}},
		{"p95_ms < 0", []string{"1: p95_ms < 0 can never hold: p95_ms is at least 0"}},
		{"false_alarms == 0.5", []string{"1: false_alarms == 0.5 can never hold: false_alarms is a whole number between 0 and 52"}},
		{"false_alarms > 0 and false_alarms < 1", []string{"22: false_alarms > 0 and false_alarms < 1 cannot both hold"}},
		{"recall >= 0.9 and recall <= 0.5", []string{"19: recall >= 0.9 and recall <= 0.5 cannot both hold"}},
		{"recall > 0.5 and recall < 0.5", []string{"18: recall > 0.5 and recall < 0.5 cannot both hold"}},
		{"recall >= 0.5 and recall <= 0.5", nil},
		{"recall == 0.5 and recall != 0.5", []string{"19: recall == 0.5 and recall != 0.5 cannot both hold"}},
		{"recall != 0.5 and recall == 0.5", []string{"19: recall != 0.5 and recall == 0.5 cannot both hold"}},
		{"fixed != 3", []string{"1: fixed != 3 can never hold"}},
		// Each alternative of an "or" is checked: a dead branch is a mistake too.
		{"recall >= 0.99 or (precision >= 0.9 and precision <= 0.1)", []string{"41: precision >= 0.9 and precision <= 0.1 cannot both hold"}},
		// The contradiction survives distribution over an "or".
		{"recall >= 0.9 and (precision >= 0.5 or recall <= 0.2)", []string{"40: recall >= 0.9 and recall <= 0.2 cannot both hold"}},
		{"output >= 1", []string{"1: output is text"}},
		{`recall contains "x"`, []string{"1: recall is a number"}},
	}
	for _, c := range cases {
		errs := mustParse(t, c.goal).Check(domains)
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		if len(got) != len(c.want) {
			t.Errorf("Check(%q) = %q, want %q", c.goal, got, c.want)
			continue
		}
		for i := range got {
			col, msg, _ := strings.Cut(c.want[i], ": ")
			if !strings.HasPrefix(got[i], "col "+col+": ") || !strings.Contains(got[i], msg) {
				t.Errorf("Check(%q)[%d] = %q, want col %s with %q", c.goal, i, got[i], col, msg)
			}
		}
	}
}

func TestCheckLargeGoalSkipsContradictions(t *testing.T) {
	// 2^9 alternatives: beyond maxTerms, so only each comparison is checked, quickly.
	var parts []string
	for range 9 {
		parts = append(parts, "(recall >= 0.1 or precision >= 0.1)")
	}
	if errs := mustParse(t, strings.Join(parts, " and ")).Check(domains); len(errs) != 0 {
		t.Errorf("Check = %v", errs)
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"recall", "precision", "f1"}
	for got, want := range map[string]string{"recal": "recall", "Precison": "precision", "f2": "f1", "accuracy": ""} {
		if s := Suggest(got, known); s != want {
			t.Errorf("Suggest(%q) = %q, want %q", got, s, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"recall >= 0.95 and precision >= 0.80", `(a<1 or b>2) and c contains "x"`, "0.5 <= x", `o matches "a+"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			if ge, ok := err.(*Error); !ok || ge.Col < 1 || ge.Col > len([]rune(src))+1 {
				t.Fatalf("Parse(%q) error %v has a column outside the goal", src, err)
			}
			return
		}
		e.Met(nums("a", 1))
		e.Check(domains)
	})
}

// TestWords: a learner reads a goal with the values' labels and operator symbols, the bounds as
// written; a value without a label keeps its name, and an or within an and keeps its brackets.
func TestWords(t *testing.T) {
	label := func(name string) string {
		return map[string]string{"precision": "precision", "f1": "F1 score", "val_excess": "excess validation error", "output": "output"}[name]
	}
	tests := []struct{ goal, want string }{
		{"val_excess <= 0.01", "excess validation error ≤ 0.01"},
		{"0.8 <= precision and (recall >= 0.95 or f1 > 90%)", "precision ≥ 0.8 and (recall ≥ 0.95 or F1 score > 90%)"},
		{"f1 > 0.5 or precision == 1 and recall != 0", "F1 score > 0.5 or precision = 1 and recall ≠ 0"},
		{`output contains "ok" and output matches "^a"`, `output contains "ok" and output matches "^a"`},
	}
	for _, tt := range tests {
		e := mustParse(t, tt.goal)
		if got := e.Words(label); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.goal, got, tt.want)
		}
	}
	parts := mustParse(t, "val_excess <= 0.01 and f1 >= 90%").Parts(nums("val_excess", 0, "f1", 0.5), label)
	if parts[0].Words != "excess validation error ≤ 0.01" || parts[1].Words != "F1 score ≥ 90%" || !parts[0].Met || parts[1].Met {
		t.Errorf("Parts = %+v", parts)
	}
	if parts[0].Text != "val_excess <= 0.01" {
		t.Errorf("Part.Text is not the goal as written: %q", parts[0].Text)
	}
}
