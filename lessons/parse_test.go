package lessons

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

const sampleLesson = `---
title: Sample
section: Basics
order: 3
minutes: 7
objectives:
  - First objective
  - "  "
---

Intro paragraph with *three* more words.

- an item wrapped
  over two lines

` + "```python\nprint('code is not counted')\n```" + `

## Quiz

### Which split keeps the class balance? {#split}

Look at this first.

- [ ] A random split
  > Random splits can miss rare classes.
- [x] A *stratified* split

> Hint: think of classes.

> **Explanation:** a stratified split keeps the mix.

### Which are cloud ML platforms? {kind=multiple}

- [x] SageMaker
- [x] Vertex AI
- [ ] PostgreSQL

> Both train and serve models.

### Models drift over time. {shuffle=false}

- [x] True
- [ ] False

> Data changes.

### What are a model's inputs called? {kind=short}

- [x] features
- [x] feature

> Inputs are features.
`

func TestParseLesson(t *testing.T) {
	l, probs := parseFile("course/02-sample-lesson.md", []byte(sampleLesson))
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %v", probs)
	}
	if l.ID != "sample-lesson" || l.Title != "Sample" || l.Section != "Basics" || l.Order != 3 || l.Minutes != 7 {
		t.Errorf("front matter: got %+v", l)
	}
	if !reflect.DeepEqual(l.Objectives, []string{"First objective"}) {
		t.Errorf("objectives = %q, want blank ones dropped", l.Objectives)
	}
	if strings.Contains(l.Body, "Quiz") || strings.Contains(l.Body, "stratified") {
		t.Errorf("body must not contain the quiz:\n%s", l.Body)
	}
	if !strings.Contains(l.Body, "- an item wrapped over two lines") {
		t.Errorf("list item lines should be joined:\n%s", l.Body)
	}
	if l.BodyLine != 10 {
		t.Errorf("BodyLine = %d, want 10", l.BodyLine)
	}
	// "Intro paragraph with three more words." (6) + "an item wrapped over two lines" (6)
	if l.Words != 12 {
		t.Errorf("Words = %d, want 12 (code excluded)", l.Words)
	}
	if len(l.Quiz) != 4 {
		t.Fatalf("got %d questions, want 4", len(l.Quiz))
	}
	q := l.Quiz[0]
	want := &Question{
		ID: "split", Kind: SingleChoice, Prompt: "Which split keeps the class balance?", Detail: "Look at this first.",
		Choices: []Choice{
			{Text: "A random split", Feedback: "Random splits can miss rare classes."},
			{Text: "A *stratified* split", Correct: true},
		},
		Explanation: "a stratified split keeps the mix.", Hint: "think of classes.", Shuffle: true, Line: 22,
	}
	want.Hash = q.Hash
	if !reflect.DeepEqual(q, want) {
		t.Errorf("question 1:\n got %+v\nwant %+v", q, want)
	}
	kinds := []Kind{l.Quiz[0].Kind, l.Quiz[1].Kind, l.Quiz[2].Kind, l.Quiz[3].Kind}
	if !reflect.DeepEqual(kinds, []Kind{SingleChoice, MultipleSelect, TrueFalse, ShortAnswer}) {
		t.Errorf("kinds = %v", kinds)
	}
	if l.Quiz[1].ID != "sample-lesson/q2" {
		t.Errorf("derived id = %q, want sample-lesson/q2", l.Quiz[1].ID)
	}
	if l.Quiz[2].Shuffle {
		t.Error("shuffle=false was ignored")
	}
	if got := l.Quiz[3].Accepted; !reflect.DeepEqual(got, []string{"features", "feature"}) || l.Quiz[3].Choices != nil {
		t.Errorf("short answer: accepted %q, choices %v", got, l.Quiz[3].Choices)
	}
}

func TestQuestionHash(t *testing.T) {
	base, _ := parseFile("a.md", []byte(sampleLesson))
	tests := []struct {
		name    string
		edit    func(string) string
		changes bool
	}{
		{"same text", func(s string) string { return s }, false},
		{"explanation reworded", func(s string) string {
			return strings.Replace(s, "keeps the mix", "keeps the class mix", 1)
		}, false},
		{"answer moved", func(s string) string {
			s = strings.Replace(s, "- [ ] A random", "- [x] A random", 1)
			return strings.Replace(s, "- [x] A *strat", "- [ ] A *strat", 1)
		}, true},
		{"prompt changed", func(s string) string {
			return strings.Replace(s, "keeps the class balance", "keeps class balance", 1)
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := parseFile("a.md", []byte(tt.edit(sampleLesson)))
			if changed := l.Quiz[0].Hash != base.Quiz[0].Hash; changed != tt.changes {
				t.Errorf("hash changed = %v, want %v", changed, tt.changes)
			}
		})
	}
}

func TestIDFromFileName(t *testing.T) {
	tests := map[string]string{
		"01-the-role.md":   "the-role",
		"2_data.md":        "data",
		"intro.md":         "intro",
		"dir/10 - x.md":    "x",
		"007.md":           "007",
		"03-Mixed-Case.md": "Mixed-Case",
	}
	for in, want := range tests {
		if got := idFromFileName(in); got != want {
			t.Errorf("idFromFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"no front matter", "Just text.\n", []string{"x.md:1:1: missing front matter: a lesson starts with a --- block holding at least its title"}},
		{"unclosed front matter", "---\ntitle: A\n", []string{"x.md:1:1: front matter is not closed: add a line with --- after it"}},
		{"bad yaml", "---\ntitle: [a\n---\n", []string{"x.md:2:1: invalid YAML: did not find expected ',' or ']'"}},
		{"wrong type", "---\ntitle: A\nminutes: soon\nobjectives: [o]\n---\nBody.\n", []string{`x.md:3:10: field "minutes": expected a whole number`}},
		{"invalid id", "---\nid: My Lesson\ntitle: A\nobjectives: [o]\n---\nBody.\n", []string{`x.md:2:1: invalid id "My Lesson": use lower-case letters, digits and dashes`}},
		{"unknown kind", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n## Quiz\n\n### Q? {kind=essay}\n\n- [x] a\n- [ ] b\n\n> E.\n",
			[]string{`x.md:8:1: unknown question kind "essay": use single, multiple, truefalse, short or numeric`}},
		{"plain list", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n## Quiz\n\n### Q?\n\n- a\n- b\n\n> E.\n", []string{
			"x.md:10:3: choices must be a task list: start each choice with [ ] or [x]",
			"x.md:11:3: choices must be a task list: start each choice with [ ] or [x]",
			"x.md:8:1: question has no choices: add a task list (- [ ] ...)",
		}},
		{"short answer unchecked", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n## Quiz\n\n### Q? {kind=short}\n\n- [x] a\n- [ ] b\n\n> E.\n",
			[]string{"x.md:11:3: short-answer question lists an answer that is not marked [x]: every listed item is an accepted answer"}},
		{"section inside quiz", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n## Quiz\n\n### Q?\n\n- [x] a\n- [ ] b\n\n> E.\n\n## More\n",
			[]string{`x.md:15:1: the quiz runs to the end of the file: move this section above "## Quiz"`}},
		{"true false wrong choices", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n## Quiz\n\n### Q? {kind=truefalse}\n\n- [x] Yes\n- [ ] No\n\n> E.\n",
			[]string{"x.md:8:1: true/false question needs exactly the choices True and False"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := parseFile("x.md", []byte(tt.src))
			assertProblems(t, probs, tt.want)
		})
	}
}

func TestNormalizeAnswer(t *testing.T) {
	tests := map[string]string{
		"  Data Drift. ":                        "data drift",
		`"data   drift"`:                        "data drift",
		"`features`":                            "features",
		"data-drift":                            "data drift",
		"data_drift":                            "data drift",
		"Data — drift":                          "data drift",
		"GRÜSSE":                                "grüsse",
		"(RAG).":                                "rag",
		"Retrieval-Augmented Generation (RAG).": "retrieval augmented generation (rag)",
		"¿Qué?":                                 "qué",
		"...":                                   "",
	}
	for in, want := range tests {
		if got := normalizeAnswer(in); got != want {
			t.Errorf("normalizeAnswer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckAnswers(t *testing.T) {
	l, _ := parseFile("a.md", []byte(sampleLesson))
	single, multi, short := l.Quiz[0], l.Quiz[1], l.Quiz[3]
	checks := []struct {
		name string
		got  bool
		want bool
	}{
		{"single right", single.CheckChoices([]int{1}), true},
		{"single wrong", single.CheckChoices([]int{0}), false},
		{"single both", single.CheckChoices([]int{0, 1}), false},
		{"single none", single.CheckChoices(nil), false},
		{"single out of range", single.CheckChoices([]int{1, 7}), false},
		{"multi all right", multi.CheckChoices([]int{1, 0}), true},
		{"multi partial", multi.CheckChoices([]int{0}), false},
		{"multi extra", multi.CheckChoices([]int{0, 1, 2}), false},
		{"short exact", short.CheckText("features"), true},
		{"short case and punctuation", short.CheckText("  Feature. "), true},
		{"short wrong", short.CheckText("labels"), false},
		{"short empty", short.CheckText("  "), false},
		{"choices on short", short.CheckChoices([]int{0}), false},
		{"text on single", single.CheckText("A stratified split"), false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if got := multi.CorrectChoices(); !reflect.DeepEqual(got, []int{0, 1}) {
		t.Errorf("CorrectChoices = %v", got)
	}
}

func TestChoiceOrder(t *testing.T) {
	l, _ := parseFile("a.md", []byte(sampleLesson))
	multi, tf := l.Quiz[1], l.Quiz[2]
	a := multi.ChoiceOrder(rand.New(rand.NewPCG(1, 2)))
	b := multi.ChoiceOrder(rand.New(rand.NewPCG(1, 2)))
	if !reflect.DeepEqual(a, b) {
		t.Errorf("same seed gave %v and %v", a, b)
	}
	seen := map[string]bool{}
	for seed := uint64(0); seed < 50; seed++ {
		seen[fmtInts(multi.ChoiceOrder(rand.New(rand.NewPCG(seed, 0))))] = true
	}
	if len(seen) < 2 {
		t.Errorf("shuffling never changed the order over 50 seeds")
	}
	if got := tf.ChoiceOrder(rand.New(rand.NewPCG(3, 4))); !reflect.DeepEqual(got, []int{0, 1}) {
		t.Errorf("true/false order = %v, want written order", got)
	}
}

func fmtInts(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteByte(byte('0' + x))
	}
	return b.String()
}

// parseFile parses one lesson file as the loader does.
func parseFile(path string, src []byte) (*Lesson, Problems) {
	f := parseLesson(path, src)
	return f.lesson, f.problems
}
