package lessons

import (
	"testing"
	"testing/fstest"
)

const quizHead = "---\ntitle: A\nobjectives: [o]\n---\nBody.\n## Quiz\n\n"

// TestQuizRulesParse reads what the quiz rules add to questions: numeric answers, {exact},
// draw: and choices that start with markup.
func TestQuizRulesParse(t *testing.T) {
	src := "---\ntitle: A\nobjectives: [o]\ndraw: 2\n---\n\nBody.\n\n## Quiz\n\n" +
		"### What is 6 × 7? {kind=numeric}\n\n- [x] 42 ± 0.5\n- [x] 40..41\n\n> Six sevens.\n\n" +
		"### Name it. {kind=short exact=true}\n\n- [x] precision\n\n> Precision.\n\n" +
		"### Which arrow? {shuffle=false}\n\n- [ ] `a => b`\n- [x] **bold** text\n- [ ] `c`\n  continued\n\n> E.\n"
	l, probs := parseFile("x.md", []byte(src))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	num, short, choice := l.Quiz[0], l.Quiz[1], l.Quiz[2]
	if num.Kind != Numeric || len(num.Numbers) != 2 || num.Numbers[0].Min != 41.5 || num.Numbers[1].Max != 41 || num.Choices != nil {
		t.Errorf("numeric question: %+v", num)
	}
	if !num.CheckText("42.4") || !num.CheckText("40.5") || num.CheckText("41.2") {
		t.Error("numeric answers judged wrongly")
	}
	if !short.Exact || short.CheckText("precison") {
		t.Errorf("exact short answer: %+v", short)
	}
	want := []string{"`a => b`", "**bold** text", "`c` continued"}
	for i, c := range choice.Choices {
		if c.Text != want[i] {
			t.Errorf("choice %d = %q, want %q (the opening mark was lost)", i+1, c.Text, want[i])
		}
	}
	if l.Draw != 2 {
		t.Errorf("draw = %d", l.Draw)
	}
	plain, _ := parseFile("x.md", []byte(src[:len("---\ntitle: A\nobjectives: [o]\n")]+src[len("---\ntitle: A\nobjectives: [o]\ndraw: 2\n"):]))
	exactOff := *plain.Quiz[1]
	exactOff.Exact = false
	if exactOff.Hash == "" || plain.Quiz[1].Hash == questionHash(&exactOff) {
		t.Error("{exact=true} does not change the question's hash")
	}
}

func TestQuizRulesProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"numeric answer not a number", quizHead + "### Q? {kind=numeric}\n\n- [x] about 4\n- [x] 3..2\n- [x] 5 ± -1\n\n> E.\n", []string{
			`x.md:10:3: numeric answer "about 4" is not a number: write it as 0.95, 0.95 ± 0.01 or 0.9..1.0`,
			"x.md:11:3: the range 3..2 runs backwards: write the smaller number first",
			"x.md:12:3: the tolerance in 5 ± -1 is negative: write it as a positive number",
		}},
		{"numeric unchecked", quizHead + "### Q? {kind=numeric}\n\n- [x] 4\n- [ ] 5\n\n> E.\n",
			[]string{"x.md:11:3: numeric question lists an answer that is not marked [x]: every listed item is an accepted answer"}},
		{"numeric no answers", quizHead + "### Q? {kind=numeric}\n\n> E.\n",
			[]string{"x.md:8:1: numeric question has no accepted answers: list them as - [x] answer"}},
		{"exact on a choice question", quizHead + "### Q? {exact=true}\n\n- [x] a\n- [ ] b\n\n> E.\n",
			[]string{"x.md:8:1: exact=true applies to short-answer questions only"}},
		{"exact not a boolean", quizHead + "### Q? {kind=short exact=yes}\n\n- [x] a\n\n> E.\n",
			[]string{"x.md:8:1: exact must be true or false"}},
		{"unknown attribute", quizHead + "### Q? {type=short}\n\n- [x] a\n- [ ] b\n\n> E.\n",
			[]string{`x.md:8:1: unknown question attribute "type": use #id, kind=, shuffle= or exact=`}},
		{"draw larger than the pool", "---\ntitle: A\nobjectives: [o]\ndraw: 3\n---\nBody.\n## Quiz\n\n### Q?\n\n- [x] a\n- [ ] b\n\n> E.\n\n### R?\n\n- [x] a\n- [ ] b\n\n> E.\n",
			[]string{"x.md:4:1: draw: 3 is more than the 2 questions of the quiz: lower it or add questions"}},
		{"draw without a quiz", "---\ntitle: A\nobjectives: [o]\ndraw: 1\n---\n\nBody.\n",
			[]string{"x.md:4:1: draw: 1, but the lesson has no quiz to draw questions from"}},
		{"negative draw", "---\ntitle: A\nobjectives: [o]\ndraw: -1\n---\nBody.\n## Quiz\n\n### Q?\n\n- [x] a\n- [ ] b\n\n> E.\n",
			[]string{"x.md:4:1: draw must not be negative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := parseFile("x.md", []byte(tt.src))
			assertProblems(t, probs, tt.want)
		})
	}
}

// TestPartialCreditFromManifest: partial_credit in course.yaml reaches the multiple-select
// questions, and only them.
func TestPartialCreditFromManifest(t *testing.T) {
	lesson := quizHead + "### M? {kind=multiple}\n\n- [x] a\n- [x] b\n- [ ] c\n\n> E.\n\n### S?\n\n- [x] a\n- [ ] b\n\n> E.\n"
	for _, on := range []bool{false, true} {
		manifest := "id: c\ntitle: C\n"
		if on {
			manifest += "partial_credit: true\n"
		}
		c, probs, err := Load(fstest.MapFS{"course.yaml": {Data: []byte(manifest)}, "01-a.md": {Data: []byte(lesson)}}, "c")
		if err != nil || probs.HasErrors() {
			t.Fatal(err, probs)
		}
		multi, single := c.Lessons[0].Quiz[0], c.Lessons[0].Quiz[1]
		if c.PartialCredit != on || multi.PartialCredit != on || single.PartialCredit {
			t.Errorf("partial_credit %v: course %v, multiple %v, single %v", on, c.PartialCredit, multi.PartialCredit, single.PartialCredit)
		}
		if a := multi.AnswerChoices([]int{0}); (a.Credit == 0.5) != on {
			t.Errorf("partial_credit %v: one of two right ticks earns %v", on, a.Credit)
		}
	}
}
