package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/aieng/aieng/lessons"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// keyDoc is an answer key parsed back as Markdown: its headings and, under each question
// heading, the choices (task-list items) with their check marks and feedback, and the quotes.
type keyDoc struct {
	headings []keyHeading
}

type keyHeading struct {
	level   int
	text    string
	choices []keyChoice
	items   []string // plain list items (accepted answers)
	quotes  []string // blockquotes: hint, explanation
}

type keyChoice struct {
	checked        bool
	text, feedback string
}

func parseKey(t *testing.T, md string) keyDoc {
	t.Helper()
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.TaskList)).Parser().Parse(text.NewReader(src))
	var k keyDoc
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			k.headings = append(k.headings, keyHeading{level: n.Level, text: nodePlain(n, src)})
		case *ast.List:
			if len(k.headings) > 0 {
				h := &k.headings[len(k.headings)-1]
				readKeyList(n, src, h)
			}
		case *ast.Blockquote:
			if len(k.headings) > 0 {
				h := &k.headings[len(k.headings)-1]
				h.quotes = append(h.quotes, nodePlain(n, src))
			}
		}
	}
	return k
}

func readKeyList(list *ast.List, src []byte, h *keyHeading) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		para := item.FirstChild()
		box, ok := para.FirstChild().(*east.TaskCheckBox)
		if !ok {
			h.items = append(h.items, nodePlain(para, src))
			continue
		}
		c := keyChoice{checked: box.IsChecked, text: nodePlain(para, src)}
		if bq, ok := para.NextSibling().(*ast.Blockquote); ok {
			c.feedback = nodePlain(bq, src)
		}
		h.choices = append(h.choices, c)
	}
}

func courseKey(t *testing.T, c *lessons.Course, f KeyFormat) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteKey(&buf, c, f); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestMarkdownKeyMatchesCourse parses the course key as Markdown and finds every lesson, every
// question in written order with every choice, its check mark and feedback, the accepted short
// answers, the hint and the explanation.
func TestMarkdownKeyMatchesCourse(t *testing.T) {
	c := fixture(t)
	k := parseKey(t, courseKey(t, c, KeyMarkdown))
	want := []keyHeading{{level: 1, text: "Answer key: " + c.Title}}
	for i, l := range c.Lessons {
		want = append(want, keyHeading{level: 2, text: "Lesson " + strconv.Itoa(i+1) + ": " + l.Title})
		for j, q := range l.Quiz {
			want = append(want, wantQuestionHeading(3, j+1, q))
		}
	}
	compareKey(t, k, want)
}

// TestLessonKey is what `aieng show ID --quiz` prints: one lesson, its questions one heading
// level up, still in written order although the quiz shuffles them for learners.
func TestLessonKey(t *testing.T) {
	c := fixture(t)
	l := c.Lessons[0]
	var buf bytes.Buffer
	if err := WriteLessonKey(&buf, l); err != nil {
		t.Fatal(err)
	}
	want := []keyHeading{{level: 1, text: "Quiz key: " + l.Title}}
	for j, q := range l.Quiz {
		want = append(want, wantQuestionHeading(2, j+1, q))
	}
	compareKey(t, parseKey(t, buf.String()), want)
	if !strings.Contains(buf.String(), "choices not shuffled") {
		t.Error("the {shuffle=false} question is not marked")
	}
}

func wantQuestionHeading(level, n int, q *lessons.Question) keyHeading {
	h := keyHeading{level: level, text: strconv.Itoa(n) + ". " + mdPlain(q.Prompt)}
	for _, c := range q.Choices {
		h.choices = append(h.choices, keyChoice{checked: c.Correct, text: mdPlain(c.Text), feedback: mdPlain(c.Feedback)})
	}
	for _, a := range q.Accepted {
		h.items = append(h.items, mdPlain(a))
	}
	if q.Hint != "" {
		h.quotes = append(h.quotes, mdPlain("Hint\n\n"+q.Hint))
	}
	h.quotes = append(h.quotes, mdPlain("Explanation\n\n"+q.Explanation))
	return h
}

func compareKey(t *testing.T, got keyDoc, want []keyHeading) {
	t.Helper()
	if len(got.headings) != len(want) {
		t.Fatalf("%d headings, want %d: %+v", len(got.headings), len(want), got.headings)
	}
	for i, w := range want {
		g := got.headings[i]
		if g.level != w.level || g.text != w.text {
			t.Errorf("heading %d: %d %q, want %d %q", i, g.level, g.text, w.level, w.text)
		}
		if !equalChoices(g.choices, w.choices) || strings.Join(g.items, "|") != strings.Join(w.items, "|") ||
			strings.Join(g.quotes, "|") != strings.Join(w.quotes, "|") {
			t.Errorf("under %q:\n got %+v %q %q\nwant %+v %q %q", w.text, g.choices, g.items, g.quotes, w.choices, w.items, w.quotes)
		}
	}
}

func equalChoices(a, b []keyChoice) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCSVKeyMatchesCourse parses the CSV key back with encoding/csv: one row per choice or
// accepted answer, every field as the author wrote it.
func TestCSVKeyMatchesCourse(t *testing.T) {
	c := fixture(t)
	rows, err := csv.NewReader(strings.NewReader(courseKey(t, c, KeyCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(keyCSVHeader, ",") {
		t.Fatalf("header %q", rows[0])
	}
	var want [][]string
	for _, l := range c.Lessons {
		for n, q := range l.Quiz {
			kind := map[lessons.Kind]string{lessons.SingleChoice: "single choice", lessons.MultipleSelect: "multiple select",
				lessons.TrueFalse: "true/false", lessons.ShortAnswer: "short answer"}[q.Kind]
			add := func(i int, text string, correct bool, feedback string) {
				yes := map[bool]string{true: "yes", false: "no"}[correct]
				want = append(want, []string{l.ID, l.Title, strconv.Itoa(n + 1), q.ID, kind, q.Prompt, q.Detail,
					strconv.Itoa(i + 1), text, yes, feedback, q.Hint, q.Explanation})
			}
			for i, ch := range q.Choices {
				add(i, ch.Text, ch.Correct, ch.Feedback)
			}
			for i, a := range q.Accepted {
				add(i, a, true, "")
			}
		}
	}
	if len(rows)-1 != len(want) {
		t.Fatalf("%d rows, want %d", len(rows)-1, len(want))
	}
	for i, w := range want {
		if strings.Join(rows[i+1], "\x00") != strings.Join(w, "\x00") {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, rows[i+1], w)
		}
	}
}

func TestKeyDropsControlCharacters(t *testing.T) {
	c := withControls(fixture(t))
	for _, f := range KeyFormats {
		if out := courseKey(t, c, f); hasControl(out) {
			t.Errorf("%s key holds a control character", f)
		}
	}
	var buf bytes.Buffer
	if err := WriteLessonKey(&buf, c.Lessons[0]); err != nil || hasControl(buf.String()) {
		t.Errorf("lesson key: %v, control character: %v", err, hasControl(buf.String()))
	}
}

func TestParseKeyFormat(t *testing.T) {
	for in, want := range map[string]KeyFormat{"md": KeyMarkdown, "CSV": KeyCSV} {
		if got, err := ParseKeyFormat(in); err != nil || got != want {
			t.Errorf("ParseKeyFormat(%q) = %q, %v", in, got, err)
		}
	}
	_, err := ParseKeyFormat("pdf")
	if err == nil || err.Error() != `unknown answer-key format "pdf": use md or csv` {
		t.Errorf("got %v", err)
	}
	if err := WriteKey(&bytes.Buffer{}, fixture(t), "pdf"); err == nil {
		t.Error("WriteKey accepted an unknown format")
	}
	var upper bytes.Buffer
	if err := WriteKey(&upper, fixture(t), "CSV"); err != nil || !strings.HasPrefix(upper.String(), "lesson_id,") {
		t.Errorf("WriteKey with \"CSV\": %v %q", err, upper.String())
	}
}

func TestMarkdownEscapesTitles(t *testing.T) {
	for _, s := range []string{"R&D <tools> / \"quotes\"", "a_b_c *x* `y` [z] # ~q~ | \\"} {
		if got := mdPlain(mdEscape(s)); got != squash(s) {
			t.Errorf("mdEscape(%q) reads as %q", s, got)
		}
	}
}
