package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/aieng/aieng/lessons"
)

// numericItem is a numeric question built by hand, to check each writer on its own;
// TestNumericFromLesson checks that a {kind=numeric} question of a lesson becomes one.
func numericItem() item {
	return item{
		q: &lessons.Question{
			ID:          "calc/answer",
			Prompt:      "What is 6 × 7?",
			Explanation: "6 × 7 = 42; anything from 41.5 to 42.5 rounds to it.",
			Hint:        "Six sevens.",
		},
		kind:    kindNumeric,
		numeric: &numericAnswer{Value: 42, Min: 41.5, Max: 42.5},
	}
}

// encodeNode writes a node as XML and parses it back.
func encodeNode(t *testing.T, n *node) xnode {
	t.Helper()
	data, err := xml.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	return parseXML(t, data)
}

func TestNumericQTI(t *testing.T) {
	it := numericItem()
	n, err := qtiItem("course", it)
	if err != nil {
		t.Fatal(err)
	}
	item := encodeNode(t, n)
	for _, f := range item.one(t, "itemmetadata", "qtimetadata").all("qtimetadatafield") {
		if f.one(t, "fieldlabel").text() == "question_type" && f.one(t, "fieldentry").text() != "numerical_question" {
			t.Errorf("question_type %q", f.one(t, "fieldentry").text())
		}
	}
	if fib := item.one(t, "presentation", "response_str", "render_fib"); fib.attr("fibtype") != "Decimal" {
		t.Errorf("render_fib %+v, want fibtype Decimal", fib.Attrs)
	}
	// Canvas's exact-with-margin form: the value, or anything in [min, max].
	or := scoringCondition(t, item).one(t, "or")
	and := or.one(t, "and")
	got := []string{or.one(t, "varequal").text(), and.one(t, "vargte").text(), and.one(t, "varlte").text()}
	if strings.Join(got, " ") != "42 41.5 42.5" {
		t.Errorf("scoring %q, want 42, >= 41.5, <= 42.5", got)
	}
	checkFeedbackLinks(t, item, map[string]string{"general_fb": ""})
}

func TestNumericMoodle(t *testing.T) {
	n, err := moodleQuestion(numericItem())
	if err != nil {
		t.Fatal(err)
	}
	q := encodeNode(t, n)
	a := q.one(t, "answer")
	if q.attr("type") != "numerical" || a.attr("fraction") != "100" || a.one(t, "text").text() != "42" ||
		a.one(t, "tolerance").text() != "0.5" {
		t.Errorf("numerical question: type %q, answer %q ± %q (fraction %s)", q.attr("type"),
			a.one(t, "text").text(), a.one(t, "tolerance").text(), a.attr("fraction"))
	}
	if q.one(t, "hint", "text").text() != "<p>Six sevens.</p>" {
		t.Errorf("hint %q", q.one(t, "hint", "text").text())
	}
}

func TestNumericKey(t *testing.T) {
	var b bytes.Buffer
	writeQuestionMarkdown(&b, 1, numericItem(), "##")
	if !strings.Contains(b.String(), "`calc/answer` · numeric") ||
		!strings.Contains(b.String(), "Accepted answer: 42 (accepted from 41.5 to 42.5)") {
		t.Errorf("numeric key:\n%s", b.String())
	}
	rows := questionRows(&lessons.Lesson{ID: "calc", Title: "Calc"}, 1, numericItem())
	if len(rows) != 1 || rows[0][8] != "42 (accepted from 41.5 to 42.5)" || rows[0][9] != "yes" {
		t.Errorf("numeric CSV rows %q", rows)
	}
	exact := &numericAnswer{Value: 3, Min: 3, Max: 3}
	if numericText(exact) != "3" {
		t.Errorf("exact answer %q", numericText(exact))
	}
}

// TestNumericFromLesson: a {kind=numeric} question read from a lesson exports as the value and
// the range it accepts; one with several accepted answers is refused with the reason.
func TestNumericFromLesson(t *testing.T) {
	lesson := "---\ntitle: Calc\nobjectives: [o]\n---\n\nBody.\n\n## Quiz\n\n" +
		"### What is 6 × 7? {#calc-answer kind=numeric}\n\n- [x] 42 ± 0.5\n\n> Six sevens.\n\n" +
		"### A range? {#calc-range kind=numeric}\n\n- [x] 0.9..1.0\n\n> E.\n\n" +
		"### Two answers? {#calc-two kind=numeric}\n\n- [x] 1\n- [x] 2\n\n> E.\n"
	c, probs, err := lessons.Load(fstest.MapFS{
		"course.yaml": {Data: []byte("id: calc\ntitle: Calc\n")}, "01-calc.md": {Data: []byte(lesson)},
	}, "calc")
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	quiz := c.Lessons[0].Quiz
	it, err := newItem(quiz[0])
	if err != nil || it.kind != kindNumeric || *it.numeric != (numericAnswer{Value: 42, Min: 41.5, Max: 42.5}) {
		t.Fatalf("tolerance: %+v %v", it, err)
	}
	it, err = newItem(quiz[1])
	if err != nil || it.numeric.Min != 0.9 || it.numeric.Max != 1.0 || !near(it.numeric.Value, 0.95) {
		t.Fatalf("range: %+v %v", it.numeric, err)
	}
	if _, err := newItem(quiz[2]); err == nil || !strings.Contains(err.Error(), "calc-two") || !strings.Contains(err.Error(), "2 accepted answers") {
		t.Fatalf("two answers: %v", err)
	}
}

func near(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }
