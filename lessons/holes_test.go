package lessons

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHoleFixtures loads each course of testdata/problems made for a hole the validator used
// to pass in silence (issue 15), and asserts every problem with its exact position and message.
func TestHoleFixtures(t *testing.T) {
	const dir = "testdata/problems"
	tests := []struct {
		fixture string
		want    []string
	}{
		{"near-miss-quiz-heading", []string{
			`01-colon.md:9:1: "## Quiz:" is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean "## Quiz"?`,
			`02-level-one.md:9:1: "# Quiz" is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean "## Quiz"?`,
			`03-level-three.md:9:1: "### Quiz" is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean "## Quiz"?`,
			`04-questions.md:9:1: "## Questions" is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean "## Quiz"?`,
			`05-quiz-time.md:9:1: "## Quiz time 🧠" is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean "## Quiz"?`,
			`06-lower-case.md:9:1: warning: quiz heading "## quiz": did you mean "## Quiz"? (it works, but write it the documented way)`,
		}},
		{"checked-task-list", []string{
			`01-a.md:9:3: a checked task-list item ([x]) in the lesson body shows learners a marked answer: questions go under "## Quiz"; write a checklist without [x]`,
		}},
		{"tab-indented-choices", []string{
			`01-a.md:13:1: these choices are indented by a tab or 4 spaces, so Markdown reads them as a code block, not as choices: start each choice at the beginning of its line (- [ ] ...)`,
		}},
		{"unindented-feedback", []string{
			`01-a.md:14:1: feedback must be indented under its choice (two spaces before ">"): unindented, it ends the list of choices`,
		}},
		{"mixed-bullets", []string{
			`01-a.md:15:1: this choice starts a second list because its bullet "-" differs from the first choice's "*": use the same bullet for every choice`,
		}},
		{"nested-choice", []string{
			`01-a.md:14:2: this choice is indented more than the choice above it, so Markdown nests it under that choice: start every choice at the same column`,
		}},
		{"question-as-h2", []string{
			`01-a.md:11:1: question written as a level-2 heading (##): in the quiz, each question is a level-3 heading (### ...)`,
			`01-a.md:19:1: question written as a level-4 heading (####): in the quiz, each question is a level-3 heading (### ...)`,
		}},
		{"yaml-unquoted-colon", []string{
			`01-a.md:2:8: invalid YAML: the value of "title" contains a colon, which YAML reads as another key: put the value in quotes: title: "Embeddings: turning text into vectors"`,
			`02-b.md:4:5: field "objectives": the item "Split: documents into chunks" contains a colon, which YAML reads as a key and a value: put the item in quotes: - "Split: documents into chunks"`,
		}},
		{"yaml-missing-anchor", []string{
			`01-a.md:5:13: invalid YAML: the alias *objs has no anchor &objs before it: define &objs first (an anchor must come before its aliases), or write the value out`,
			`course.yaml:3:1: merge keys (<<) are not supported here: write the fields out`,
		}},
		{"decimal-numbers", []string{
			`01-a.md:3:10: field "minutes": expected a whole number, not 1.5`,
			`02-b.md:3:10: field "minutes": expected a whole number: write 15, without "min"`,
			`course.yaml:3:12: field "pass_mark": expected a whole number, not 75.9`,
		}},
		{"pass-mark-forms", []string{
			`course.yaml:3:12: field "pass_mark": expected a whole number of percent, not 0.75: write 75`,
		}},
		{"pass-mark-percent", []string{
			`course.yaml:3:12: field "pass_mark": expected a whole number: write 75, without "%"`,
		}},
		{"empty-lesson", []string{
			`01-a.md:6:1: warning: lesson has no text: write the lesson after the front matter`,
			`02-b.md:6:1: warning: lesson has no text: write the lesson between the front matter and "## Quiz"`,
		}},
		{"title-repeated", []string{
			`01-a.md:7:1: warning: the first line repeats the title, which the reader already shows above the lesson: remove it`,
			`02-b.md:7:1: warning: the first line repeats the title, which the reader already shows above the lesson: remove it`,
		}},
		{"hint-label", []string{
			`01-a.md:13:3: warning: blockquote label "Tip:" is not a hint: only "Hint:" makes a hint the learner can ask for; as written, this text is added to the explanation`,
			`01-a.md:19:3: warning: blockquote label "Hints:" is not a hint: only "Hint:" makes a hint the learner can ask for; as written, this text is added to the explanation`,
		}},
		{"invisible-answer", []string{
			`01-a.md:13:11: accepted answer contains an invisible character, U+200B (ZERO WIDTH SPACE): learners cannot type it, so this answer is never accepted; delete it`,
			`01-a.md:14:7: accepted answer contains an invisible character, U+202E (RIGHT-TO-LEFT OVERRIDE): learners cannot type it, so this answer is never accepted; delete it`,
		}},
		{"missing-image", []string{
			`01-a.md:9:1: warning: image file "img/vectors.png" not found in the course folder: add it or fix the path (learners read the image's description; the image itself is not bundled)`,
		}},
		{"ignored-files", []string{
			`02-b.markdown:1:1: note: not read: only *.md files are lessons; if this is one, rename it to 02-b.md`,
		}},
		{"duplicate-copy", []string{
			`01-embeddings copy.md:2:1: duplicate lesson id "embeddings" (also in 01-embeddings.md)`,
		}},
		{"manifest-lesson-typo", []string{
			`course.yaml:4:5: manifest names lesson "vector_search", which does not exist (did you mean "vector-search"?)`,
			`course.yaml:5:5: manifest names lesson "02-chunking.md", which does not exist (did you mean "chunking"?)`,
		}},
		{"raw-html", []string{
			`01-a.md:7:1: warning: raw HTML (<details>) is not rendered: learners see it as plain text; write it in Markdown`,
			`01-a.md:12:7: warning: raw HTML (<br>) is not rendered: learners see it as plain text; write it in Markdown`,
		}},
		{"short-and-true-false", []string{
			`01-a.md:14:3: short-answer question lists an answer that is not marked [x]: every listed item is an accepted answer`,
			`01-a.md:21:3: true/false question has both True and False marked [x]: mark only the right one`,
		}},
		{"placeholders", []string{
			`01-welcome.md:7:1: warning: placeholder from aieng init left unchanged: "This is an example lesson."`,
			`course.yaml:3:14: warning: placeholder from aieng init left unchanged: "A short description learners see in the outline."`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			course := filepath.Join(dir, tt.fixture)
			_, probs, err := LoadDir(course)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.ToSlash(course)+"/"+w)
			}
			assertProblems(t, probs, want)
		})
	}
}

// TestQuizLikeHeading keeps the near-miss rule honest both ways: the headings meant as the quiz
// heading are caught, and headings that only mention quizzes are not.
func TestQuizLikeHeading(t *testing.T) {
	tests := []struct {
		text         string
		strong, weak bool
	}{
		{"Quiz:", true, true},
		{"Quiz 🧠", true, true},
		{"QUIZ!", true, true},
		{"**Quiz**", true, true},
		{"Questions", false, true},
		{"Quiz time", false, true},
		{"Check your understanding", false, true},
		{"Self-check", false, true},
		{"Quizzes in other tools", false, false},
		{"Quizlet and flash cards", false, false},
		{"Embeddings", false, false},
	}
	for _, tt := range tests {
		strong, weak := quizLikeHeading(tt.text)
		if strong != tt.strong || weak != tt.weak {
			t.Errorf("quizLikeHeading(%q) = %v, %v; want %v, %v", tt.text, strong, weak, tt.strong, tt.weak)
		}
	}
}

// TestInvisible: format characters count, except the joiners between letters of scripts that
// need them.
func TestInvisible(t *testing.T) {
	tests := []struct {
		prev, r, next rune
		want          bool
	}{
		{'a', 0x200B, 'b', true},
		{'a', 0x202E, 'b', true},
		{-1, 0xFEFF, 'a', true},
		{'a', 0x00AD, 'b', true},
		{'a', 0x200C, 'b', true},
		{'ن', 0x200C, 'ه', false},
		{0x1F469, 0x200D, 0x1F4BB, false},
		{'a', 'b', 'c', false},
		{'a', ' ', 'c', false},
	}
	for _, tt := range tests {
		if got := invisible(tt.r, tt.prev, tt.next); got != tt.want {
			t.Errorf("invisible(%U between %U and %U) = %v, want %v", tt.r, tt.prev, tt.next, got, tt.want)
		}
	}
}

// TestHoleKnockOns: one mistake, one message. A misspelt field is not also reported missing,
// a value with a type problem is not also reported empty, and a one-letter key is not taken
// for a misspelt "id".
func TestHoleKnockOns(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"misspelt objectives", "---\ntitle: A\nobjetives: [o]\n---\nBody.\n",
			[]string{`x.md:3:1: unknown field "objetives" (did you mean "objectives"?)`}},
		{"title of the wrong type", "---\ntitle: [a, b]\nobjectives: [o]\n---\nBody.\n",
			[]string{`x.md:2:8: field "title": expected text`}},
		{"one-letter key", "---\ntitle: A\nobjectives: [o]\na: 1\n---\nBody.\n",
			[]string{`x.md:4:1: unknown field "a" (known fields: id, title, section, order, minutes, objectives, draw)`}},
		{"setext quiz heading", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n\nQuiz\n----\n\n### Q?\n\n- [x] a\n- [ ] b\n\n> E.\n", nil},
		{"tab before feedback", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n\n## Quiz\n\n### Q?\n\n- [x] a\n\t> Right.\n- [ ] b\n\n> E.\n", nil},
		{"choices after detail text, indented", "---\ntitle: A\nobjectives: [o]\n---\nBody.\n\n## Quiz\n\n### Q?\n\nPick one.\n\t- [x] a\n\t- [ ] b\n\n> E.\n", []string{
			"x.md:12:1: these choices are indented by a tab or 4 spaces, so Markdown reads them as text, not as choices: start each choice at the beginning of its line (- [ ] ...)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := parseFile("x.md", []byte(tt.src))
			assertProblems(t, probs, tt.want)
		})
	}
}

// TestHoleMessagesDocumented keeps docs/authoring.md's tables of messages in step with the
// holes' messages.
func TestHoleMessagesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, stem := range []string{
		`is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean "## Quiz"?`,
		"a checked task-list item ([x]) in the lesson body shows learners a marked answer",
		"a heading with question attributes ({kind=...} or {shuffle=...}) in the lesson body",
		"these choices are indented by a tab or 4 spaces, so Markdown reads them as",
		"feedback must be indented under its choice (two spaces before \">\")",
		"this choice starts a second list because its bullet",
		"this choice is indented more than the choice above it",
		"question written as a level-2 heading (##)",
		"contains a colon, which YAML reads as another key: put the value in quotes",
		"contains a colon, which YAML reads as a key and a value: put the item in quotes",
		"has no anchor &objs before it",
		"merge keys (<<) are not supported here",
		"expected a whole number, not 1.5",
		"accepted answer contains an invisible character",
		"true/false question has both True and False marked [x]",
		`quiz heading "## quiz": did you mean "## Quiz"?`,
		"placeholder from aieng new left unchanged",
		"lesson has no text: write the lesson",
		"the first line repeats the title",
		`blockquote label "Tip:" is not a hint`,
		"not found in the course folder",
		"raw HTML (<details>) is not rendered",
		"not read: only *.md files are lessons",
		"(did you mean",
	} {
		if !strings.Contains(string(doc), stem) {
			t.Errorf("docs/authoring.md does not document %q", stem)
		}
	}
}

// TestChecklistAfterQuiz: a section with an unticked checklist after the quiz is a section in
// the wrong place, not a question at the wrong level.
func TestChecklistAfterQuiz(t *testing.T) {
	src := "---\ntitle: A\nobjectives: [o]\n---\nBody.\n\n## Quiz\n\n### Q?\n\n- [x] a\n- [ ] b\n\n> E.\n\n## Next steps\n\n- [ ] Read the docs\n"
	_, probs := parseFile("x.md", []byte(src))
	assertProblems(t, probs, []string{`x.md:16:1: the quiz runs to the end of the file: move this section above "## Quiz"`})
}
