package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aieng/aieng/lessons"
)

// KeyFormat is a format of the answer key.
type KeyFormat string

// The answer-key formats.
const (
	KeyMarkdown KeyFormat = "md"
	KeyCSV      KeyFormat = "csv"
)

// KeyFormats lists the formats, for help texts and messages.
var KeyFormats = []KeyFormat{KeyMarkdown, KeyCSV}

// ParseKeyFormat reads a --format value.
func ParseKeyFormat(s string) (KeyFormat, error) {
	for _, f := range KeyFormats {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown answer-key format %q: use md or csv", s)
}

// keyLegend explains the marks, once per key.
const keyLegend = "Questions and choices are in written order (learners see choices shuffled unless " +
	"noted). `[x]` marks a right choice; feedback shown for a choice is quoted under it."

// WriteKey writes the whole course's answer key: every lesson, every question with every choice,
// the right answers marked, feedback, hints and explanations, in written order.
func WriteKey(w io.Writer, c *lessons.Course, format KeyFormat) error {
	format, err := ParseKeyFormat(string(format))
	if err != nil {
		return err
	}
	var out []byte
	if format == KeyCSV {
		out, err = courseKeyCSV(c)
	} else {
		out, err = courseKeyMarkdown(c)
	}
	if err != nil {
		return err
	}
	return writeAll(w, out)
}

// WriteLessonKey writes one lesson's quiz with its answers as Markdown (aieng show ID --quiz).
func WriteLessonKey(w io.Writer, l *lessons.Lesson) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Quiz key: %s\n\n", mdEscape(l.Title))
	fmt.Fprintf(&b, "Lesson `%s` · %s\n\n%s\n", l.ID, countQuestions(len(l.Quiz)), keyLegend)
	if err := writeLessonQuestions(&b, l, "##"); err != nil {
		return err
	}
	return writeAll(w, []byte(clean(b.String())))
}

func courseKeyMarkdown(c *lessons.Course) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Answer key: %s\n\n", mdEscape(c.Title))
	fmt.Fprintf(&b, "Course `%s`", c.ID)
	if c.Version != "" {
		fmt.Fprintf(&b, " version %s", mdEscape(c.Version))
	}
	fmt.Fprintf(&b, " · %d lessons · %s · pass mark %d%%\n\n%s\n",
		len(c.Lessons), countQuestions(c.QuestionCount()), c.PassMark, keyLegend)
	for i, l := range c.Lessons {
		fmt.Fprintf(&b, "\n## Lesson %d: %s\n\n", i+1, mdEscape(l.Title))
		fmt.Fprintf(&b, "Lesson `%s` · %s\n", l.ID, countQuestions(len(l.Quiz)))
		if err := writeLessonQuestions(&b, l, "###"); err != nil {
			return nil, err
		}
	}
	return []byte(clean(b.String())), nil
}

func countQuestions(n int) string {
	if n == 1 {
		return "1 question"
	}
	return strconv.Itoa(n) + " questions"
}

// writeLessonQuestions writes a lesson's questions under headings of the given level.
func writeLessonQuestions(b *bytes.Buffer, l *lessons.Lesson, heading string) error {
	items, err := lessonItems(l)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		b.WriteString("\n_This lesson has no quiz._\n")
	}
	for i, it := range items {
		writeQuestionMarkdown(b, i+1, it, heading)
	}
	return nil
}

// writeQuestionMarkdown writes one question. The Markdown the author wrote (prompt, detail,
// choices, feedback, hint, explanation) is copied as written; only plain text (titles) is
// escaped.
func writeQuestionMarkdown(b *bytes.Buffer, n int, it item, heading string) {
	q := it.q
	fmt.Fprintf(b, "\n%s %d. %s\n\n", heading, n, q.Prompt)
	fmt.Fprintf(b, "`%s` · %s%s\n", q.ID, it.kind, orderNote(it))
	if strings.TrimSpace(q.Detail) != "" {
		b.WriteString("\n" + q.Detail + "\n")
	}
	b.WriteString("\n")
	switch it.kind {
	case kindShort:
		b.WriteString("Accepted answers:\n\n")
		for _, a := range q.Accepted {
			b.WriteString("- " + a + "\n")
		}
	case kindNumeric:
		b.WriteString("Accepted answer: " + numericText(it.numeric) + "\n")
	default:
		for _, c := range q.Choices {
			box := "[ ]"
			if c.Correct {
				box = "[x]"
			}
			b.WriteString("- " + box + " " + c.Text + "\n")
			if strings.TrimSpace(c.Feedback) != "" {
				b.WriteString(quote(c.Feedback, "  ") + "\n")
			}
		}
	}
	if strings.TrimSpace(q.Hint) != "" {
		b.WriteString("\n" + quote("**Hint**\n\n"+q.Hint, "") + "\n")
	}
	b.WriteString("\n" + quote("**Explanation**\n\n"+q.Explanation, "") + "\n")
}

// orderNote says when a question's choices keep their written order for learners too.
func orderNote(it item) string {
	if (it.kind == kindSingle || it.kind == kindMultiple) && !it.q.Shuffle {
		return " · choices not shuffled"
	}
	return ""
}

// quote turns Markdown into a blockquote, indented by indent (to nest it under a list item).
func quote(md, indent string) string {
	lines := strings.Split(strings.TrimRight(md, "\n"), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = indent + ">"
		} else {
			lines[i] = indent + "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// mdEscape escapes plain text (a title) for Markdown, so "<tools>" or "a_b_c" show as written.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#~|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// numericText is a numeric answer with the range that is accepted.
func numericText(n *numericAnswer) string {
	if n.Min == n.Value && n.Max == n.Value {
		return formatNumber(n.Value)
	}
	return fmt.Sprintf("%s (accepted from %s to %s)", formatNumber(n.Value), formatNumber(n.Min), formatNumber(n.Max))
}

// keyCSVHeader names the CSV columns. There is one row per choice (or accepted answer), with the
// question's columns repeated, so a spreadsheet filter on correct=yes gives the key.
var keyCSVHeader = []string{
	"lesson_id", "lesson_title", "question_number", "question_id", "kind", "prompt", "detail",
	"choice_number", "choice", "correct", "feedback", "hint", "explanation",
}

func courseKeyCSV(c *lessons.Course) ([]byte, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	rows := [][]string{keyCSVHeader}
	for _, l := range c.Lessons {
		items, err := lessonItems(l)
		if err != nil {
			return nil, err
		}
		for i, it := range items {
			rows = append(rows, questionRows(l, i+1, it)...)
		}
	}
	for _, r := range rows {
		for i := range r {
			r[i] = clean(r[i])
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// questionRows are a question's CSV rows, one per choice or accepted answer.
func questionRows(l *lessons.Lesson, n int, it item) [][]string {
	q := it.q
	row := func(choice int, text string, correct bool, feedback string) []string {
		yes := "no"
		if correct {
			yes = "yes"
		}
		return []string{l.ID, l.Title, strconv.Itoa(n), q.ID, it.kind.String(), q.Prompt, q.Detail,
			strconv.Itoa(choice), text, yes, feedback, q.Hint, q.Explanation}
	}
	var rows [][]string
	switch it.kind {
	case kindShort:
		for i, a := range q.Accepted {
			rows = append(rows, row(i+1, a, true, ""))
		}
	case kindNumeric:
		rows = append(rows, row(1, numericText(it.numeric), true, ""))
	default:
		for i, c := range q.Choices {
			rows = append(rows, row(i+1, c.Text, c.Correct, c.Feedback))
		}
	}
	return rows
}
