package lab

import (
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/lab/goal"
)

// problemsOf parses a lab block and returns its problems as "line:col: message" strings.
func problemsOf(t *testing.T, src string) []string {
	t.Helper()
	_, probs := ParseBlock([]byte(src))
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.String()
	}
	return out
}

func TestParseBlockValid(t *testing.T) {
	src := `id: pick-threshold
title: Pick a decision threshold
kind: threshold
params:
  seed: 7
  samples: 3000
  threshold: 0.3
goal: recall >= 0.9 and precision >= 0.5
`
	s, probs := ParseBlock([]byte(src))
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if s.ID != "pick-threshold" || s.Kind != "threshold" || s.Params["seed"] != 7 || s.Params["threshold"] != 0.3 || s.Goal != "recall >= 0.9 and precision >= 0.5" {
		t.Errorf("spec = %+v", s)
	}
}

func TestParseBlockProblems(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"unknown top key", "id: a\ntitle: A\nkind: threshold\ngaol: recall >= 0.5\n",
			[]string{`4:1: unknown key "gaol" (did you mean "goal"?)`}},
		{"unknown kind", "id: a\ntitle: A\nkind: treshold\n",
			[]string{`3:7: unknown kind "treshold" (did you mean "threshold"?)`}},
		{"missing keys", "params:\n  seed: 1\n",
			[]string{"missing id: give the lab an id such as pick-threshold", "missing title: say in a few words what the learner does", "missing kind: one of threshold, capacity, leakage, drift, serving, retrieval, command"}},
		{"bad id", "id: Pick_Threshold\ntitle: A\nkind: threshold\n",
			[]string{`1:5: id "Pick_Threshold": use lower-case letters, digits and dashes`}},
		{"unknown param", "id: a\ntitle: A\nkind: threshold\nparams:\n  sampels: 100\n",
			[]string{`5:3: unknown parameter "sampels" (did you mean "samples"?) for kind threshold`}},
		{"param type", "id: a\ntitle: A\nkind: threshold\nparams:\n  samples: lots\n",
			[]string{`5:12: samples: expected a whole number, not "lots"`}},
		{"param fraction", "id: a\ntitle: A\nkind: threshold\nparams:\n  samples: 100.5\n",
			[]string{`5:12: samples: expected a whole number, not 100.5`}},
		{"param range", "id: a\ntitle: A\nkind: threshold\nparams:\n  positive_rate: 0.9\n",
			[]string{`5:18: positive_rate: 0.9 is out of range: between 0.01 and 0.5`}},
		{"knob start range", "id: a\ntitle: A\nkind: threshold\nparams:\n  threshold: 1.5\n",
			[]string{`5:14: threshold: 1.5 is out of range: between 0.01 and 0.99`}},
		{"param list", "id: a\ntitle: A\nkind: threshold\nparams:\n  seed: [1, 2]\n",
			[]string{`5:9: seed: expected a whole number, not a list`}},
		{"choice", "id: a\ntitle: A\nkind: leakage\nparams:\n  split: randm\n",
			[]string{`5:10: split: unknown value "randm" (did you mean "random"?)`}},
		{"cross check", "id: a\ntitle: A\nkind: drift\nparams:\n  weeks: 8\n  shift_week: 9\n",
			[]string{`6:15: shift_week 9 is after the last week (weeks is 8)`}},
		{"duplicate", "id: a\nid: b\ntitle: A\nkind: threshold\n",
			[]string{`2:1: "id" is given twice`}},
		{"not a mapping", "- id: a\n", []string{"1:1: a lab block holds key: value pairs (id, title, kind, params, goal)"}},
		{"invalid yaml", "id: a\ntitle: [\n", []string{"2:1: invalid YAML: did not find expected node content"}},
		{"empty", "", []string{"1:1: the lab block is empty: give at least id, title and kind"}},
		{"params not a mapping", "id: a\ntitle: A\nkind: threshold\nparams: 3\n", []string{"4:9: params: expected name: value pairs"}},
		// Text YAML reads otherwise than the file: a UTF-16 byte-order mark, and a line break
		// only YAML sees, after which every line it gives would be off.
		{"not UTF-8", "\xfe\xff ( (00", []string{"1:1: invalid UTF-8: save the file as UTF-8"}},
		{"line separator", "id: a\r\ntitle: A\u2028B\nkind: [\n", []string{"2:9: a Unicode line break (U+2028) in YAML: YAML starts a new line there and the file does not; use a plain new line or a space"}},
	}
	for _, c := range cases {
		got := problemsOf(t, c.src)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

func TestGoalProblemsArePositioned(t *testing.T) {
	head := "id: a\ntitle: A\nkind: threshold\n"
	cases := []struct{ goal, want string }{
		// The column points into the goal text: "goal: " is 6 columns, a quote one more.
		{"goal: recall >= 1.2", "4:7: goal: recall >= 1.2 can never hold: recall is between 0 and 1"},
		{`goal: "precision >= 0.5 and recal >= 0.9"`, `4:29: goal: unknown measured value "recal" (did you mean "recall"?)`},
		{"goal: recall >= 0.9 and recall <= 0.5", "4:25: goal: recall >= 0.9 and recall <= 0.5 cannot both hold"},
		{"goal: recall >=", "4:16: goal: expected a number after recall >=, found the end of the goal"},
		{"goal: tp >= 0.5 and tp < 1", "4:21: goal: tp >= 0.5 and tp < 1 cannot both hold"},
		// A folded block scalar: the problem is placed at the value.
		{"goal: >\n  recall >= 2\n", "4:7: goal: recall >= 2 can never hold: recall is between 0 and 1"},
	}
	for _, c := range cases {
		got := problemsOf(t, head+c.goal+"\n")
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.goal, got, c.want)
		}
	}
	// A knob's value may be named in a goal.
	if got := problemsOf(t, head+"goal: threshold <= 0.3 and recall >= 0.9\n"); len(got) != 0 {
		t.Errorf("goal naming a knob: %q", got)
	}
}

func TestCommandSpec(t *testing.T) {
	head := "id: fix-it\ntitle: Fix it\nkind: command\n"
	if got := problemsOf(t, head+"params:\n  starter: labs/fix\n  check: make test\n  timeout: 30s\ngoal: exit == 0 and output contains \"ok\"\n"); len(got) != 0 {
		t.Errorf("valid command lab: %q", got)
	}
	cases := []struct{ params, want string }{
		{"  check: make test\n", "4:1: missing parameter starter: folder of starter files, relative to the lesson's folder"},
		{"  starter: ../outside\n  check: make test\n", `5:12: starter "../outside": the folder must be inside the course`},
		{"  starter: /etc\n  check: make test\n", `5:12: starter "/etc": use a path relative to the lesson's folder`},
		{"  starter: s\n  check: make test\n  timeout: soon\n", `7:12: timeout: "soon" is not a duration: write it like 10s or 2m`},
		{"  starter: s\n  check: make test\n  timeout: 20m\n", `7:12: timeout: 20m0s is out of range: between 1s and 600s`},
		{"  starter: s\n  check: \"  \"\n", `6:10: check is empty: give the command that checks the learner's work`},
	}
	for _, c := range cases {
		got := problemsOf(t, head+"params:\n"+c.params)
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.params, got, c.want)
		}
	}
	if got := problemsOf(t, head+"params:\n  starter: s\n  check: x\ngoal: output >= 1\n"); len(got) != 1 || !strings.Contains(got[0], "output is text") {
		t.Errorf("text compared as a number: %q", got)
	}
}

func TestValidateSpecBuiltInCode(t *testing.T) {
	// Specs built in Go (no YAML) are validated too; problems then carry no position.
	probs := Validate(Spec{ID: "a", Title: "A", Kind: "serving", Params: map[string]any{"replicas": 20}})
	if len(probs) != 1 || probs[0].String() != "replicas 20 is more than max_replicas 12" {
		t.Errorf("problems: %v", probs)
	}
}

func TestEveryKindIsConsistent(t *testing.T) {
	for _, def := range Kinds() {
		e, err := goal.Parse(def.DefaultGoal)
		if err != nil {
			t.Errorf("%s: default goal %q: %v", def.Name, def.DefaultGoal, err)
			continue
		}
		if errs := e.Check(def.Domains()); len(errs) > 0 {
			t.Errorf("%s: default goal %q: %v", def.Name, def.DefaultGoal, errs)
		}
		seen := map[string]bool{}
		for _, p := range def.AllParams() {
			if seen[p.Name] {
				t.Errorf("%s: parameter %s declared twice", def.Name, p.Name)
			}
			seen[p.Name] = true
			if p.Doc == "" {
				t.Errorf("%s: parameter %s has no description", def.Name, p.Name)
			}
		}
		for _, m := range def.Metrics {
			if seen[m.Name] || m.Doc == "" {
				t.Errorf("%s: metric %s clashes with a parameter or has no description", def.Name, m.Name)
			}
		}
	}
}

// TestEveryValueHasALabel: every value a goal can name (measured values and knobs) has a label
// a learner reads in its place, and no two of a kind's share one, so the words of a goal
// never leave a learner guessing which value is meant (or reading an author's name).
func TestEveryValueHasALabel(t *testing.T) {
	for _, def := range Kinds() {
		byLabel := map[string]string{}
		for name := range def.Domains() {
			label := def.Label(name)
			if label == "" || (label == name && strings.Contains(name, "_")) {
				t.Errorf("%s: %s has no label for learners", def.Name, name)
			}
			if other, dup := byLabel[label]; dup {
				t.Errorf("%s: %s and %s are both shown as %q", def.Name, name, other, label)
			}
			byLabel[label] = name
		}
		for _, m := range def.Metrics {
			if m.Label == "" {
				t.Errorf("%s: measured value %s has no Label", def.Name, m.Name)
			}
		}
	}
}

// TestGoalWords: the lesson card's goal is in a learner's words, the default goal included; a
// goal that does not parse stays as written.
func TestGoalWords(t *testing.T) {
	tests := []struct {
		spec Spec
		want string
	}{
		{Spec{Kind: "capacity", Goal: "val_excess <= 0.01"}, "excess validation error ≤ 0.01"},
		{Spec{Kind: "capacity", Goal: "gap < 5% and depth >= 3"}, "overfitting gap < 5% and tree depth ≥ 3"},
		{Spec{Kind: "serving"}, "p95 latency (ms) ≤ 200 and replicas ≤ 2"},
		{Spec{Kind: "command", Goal: `exit == 0 and output contains "OK"`}, `exit status = 0 and output contains "OK"`},
		{Spec{Kind: "capacity", Goal: "val_excess <="}, "val_excess <="},
		{Spec{Kind: "nosuch", Goal: "x >= 1"}, "x >= 1"},
	}
	for _, tt := range tests {
		if got := tt.spec.GoalWords(); got != tt.want {
			t.Errorf("%s goal %q: %q, want %q", tt.spec.Kind, tt.spec.Goal, got, tt.want)
		}
	}
}
