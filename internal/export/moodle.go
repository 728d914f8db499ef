package export

// Moodle XML as Moodle 4.x writes and reads it: moodle/moodle question/format/xml/format.php
// (writequestion, write_answer, write_hint, write_combined_feedback) and its test fixtures
// (tests/fixtures/truefalse.xml, multichoice.xml, nested_categories_with_questions.xml). Grades
// follow question/engine/bank.php (the allowed fractions) and question/type/multichoice (the
// positive grades of a multiple-answer question must add up to 100%); category paths follow
// qformat_default::assemble_category_path.

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/aieng/aieng/lessons"
)

// moodleTypes maps each kind to Moodle's question type.
var moodleTypes = map[itemKind]string{
	kindSingle:    "multichoice",
	kindMultiple:  "multichoice",
	kindTrueFalse: "truefalse",
	kindShort:     "shortanswer",
	kindNumeric:   "numerical",
}

// moodleShares[n] is 1/n as Moodle writes the grade, for n = 1..10. Moodle imports only grades
// from its list (question_bank::fraction_options_full; the import's default "match grades"
// setting rejects others), and 1/n is on that list for n up to 10 only.
var moodleShares = [...]string{"", "100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10"}

// maxShares is the most right (or wrong) choices whose share Moodle can represent.
const maxShares = len(moodleShares) - 1

// WriteMoodle writes the course's quizzes as a Moodle XML question file: for each lesson with a
// quiz, a category ($course$/<course title>/<lesson title>) followed by its questions in
// written order. Hints become <hint> elements, which Moodle shows in the "interactive with
// multiple tries" behaviour.
func WriteMoodle(w io.Writer, c *lessons.Course) error {
	quiz := el("quiz")
	for _, l := range c.Lessons {
		if len(l.Quiz) == 0 {
			continue
		}
		items, err := lessonItems(l)
		if err != nil {
			return err
		}
		info, err := objectivesHTML(l.Objectives)
		if err != nil {
			return err
		}
		quiz.add(el("question",
			el("category", textEl("text", categoryPath(c.Title, l.Title))),
			el("info", textEl("text", info)).attr("format", "html"),
		).attr("type", "category"))
		for _, it := range items {
			q, err := moodleQuestion(it)
			if err != nil {
				return err
			}
			quiz.add(q)
		}
	}
	if len(quiz.Children) == 0 {
		return ErrNoQuestions
	}
	out, err := xmlDocument(quiz)
	if err != nil {
		return err
	}
	return writeAll(w, out)
}

// categoryPath is a category path under the course's question bank. A "/" inside a name is
// written "//", and a name that starts or ends with one is padded with a space, as Moodle's
// own export does (qformat_default::assemble_category_path).
func categoryPath(names ...string) string {
	parts := []string{"$course$"}
	for _, n := range names {
		n = strings.ReplaceAll(n, "/", "//")
		if strings.HasPrefix(n, "/") {
			n = " " + n
		}
		if strings.HasSuffix(n, "/") {
			n += " "
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, "/")
}

// moodleQuestion is one question with the fields every Moodle question has, then its kind's.
func moodleQuestion(it item) (*node, error) {
	q := it.q
	text, err := questionHTML(q.Prompt, q.Detail)
	if err != nil {
		return nil, err
	}
	general, err := markdownHTML(q.Explanation)
	if err != nil {
		return nil, err
	}
	n := el("question",
		el("name", textEl("text", questionName(q.Prompt))),
		htmlText("questiontext", text),
		htmlText("generalfeedback", general),
		textEl("defaultgrade", "1.0000000"),
		textEl("penalty", "0.3333333"),
		textEl("hidden", "0"),
		textEl("idnumber", moodleIDNumber(q.ID)),
	).attr("type", moodleTypes[it.kind])
	body, err := moodleBody(it)
	if err != nil {
		return nil, err
	}
	n.add(body...)
	if strings.TrimSpace(q.Hint) != "" {
		hint, err := markdownHTML(q.Hint)
		if err != nil {
			return nil, err
		}
		n.add(htmlText("hint", hint))
	}
	return n, nil
}

// moodleBody is the part of a question that depends on its kind.
func moodleBody(it item) ([]*node, error) {
	q := it.q
	switch it.kind {
	case kindTrueFalse:
		return trueFalseAnswers(q)
	case kindShort:
		body := []*node{textEl("usecase", "0")} // ignore case, as aieng does
		for _, a := range q.Accepted {
			body = append(body, moodleAnswer("100", "moodle_auto_format", shortAnswerPattern(plainText(a)), ""))
		}
		return body, nil
	case kindNumeric:
		num := it.numeric
		tolerance := max(num.Value-num.Min, num.Max-num.Value)
		return []*node{
			moodleAnswer("100", "moodle_auto_format", formatNumber(num.Value), "",
				textEl("tolerance", formatNumber(tolerance))),
			textEl("unitgradingtype", "0"),
			textEl("unitpenalty", "0.1000000"),
			textEl("showunits", "3"), // no unit asked for
			textEl("unitsleft", "0"),
		}, nil
	}
	return multichoiceBody(it)
}

// multichoiceBody is a single-choice or multiple-answer question. A single choice scores 100 for
// the right choice and 0 otherwise. A multiple-answer question gives each right choice an equal
// share of 100 and each wrong one an equal share of -100, so ticking everything scores 0.
func multichoiceBody(it item) ([]*node, error) {
	q := it.q
	single := it.kind == kindSingle
	right, wrong := "100", "0"
	if !single {
		var err error
		if right, wrong, err = multipleFractions(q); err != nil {
			return nil, err
		}
	}
	body := []*node{
		textEl("single", fmt.Sprint(single)),
		textEl("shuffleanswers", fmt.Sprint(q.Shuffle)),
		textEl("answernumbering", "abc"),
		textEl("showstandardinstruction", "0"),
		htmlText("correctfeedback", ""),
		htmlText("partiallycorrectfeedback", ""),
		htmlText("incorrectfeedback", ""),
	}
	if !single {
		body = append(body, el("shownumcorrect"))
	}
	for _, c := range q.Choices {
		text, err := inlineHTML(c.Text)
		if err != nil {
			return nil, err
		}
		feedback, err := markdownHTML(c.Feedback)
		if err != nil {
			return nil, err
		}
		fraction := wrong
		if c.Correct {
			fraction = right
		}
		body = append(body, moodleAnswer(fraction, "html", text, feedback))
	}
	return body, nil
}

// multipleFractions returns the grades of a right and of a wrong choice of a multiple-answer
// question. With more than ten wrong choices, -10% each still takes a learner who ticks all of
// them to 0, which Moodle does not go below.
func multipleFractions(q *lessons.Question) (right, wrong string, err error) {
	nRight := len(q.CorrectChoices())
	nWrong := len(q.Choices) - nRight
	if nRight < 1 || nRight > maxShares {
		return "", "", fmt.Errorf("question %s has %d right choices: Moodle can only share a grade among 1 to %d",
			q.ID, nRight, maxShares)
	}
	wrong = "0"
	if nWrong > 0 {
		wrong = "-" + moodleShares[min(nWrong, maxShares)]
	}
	return moodleShares[nRight], wrong, nil
}

// trueFalseAnswers are Moodle's "true" and "false" answers, which it recognises by those words.
func trueFalseAnswers(q *lessons.Question) ([]*node, error) {
	var body []*node
	for _, c := range q.Choices {
		feedback, err := markdownHTML(c.Feedback)
		if err != nil {
			return nil, err
		}
		fraction := "0"
		if c.Correct {
			fraction = "100"
		}
		body = append(body, moodleAnswer(fraction, "moodle_auto_format", strings.ToLower(plainText(c.Text)), feedback))
	}
	return body, nil
}

func moodleAnswer(fraction, format, text, feedbackHTML string, extra ...*node) *node {
	return el("answer", textEl("text", text), htmlText("feedback", feedbackHTML)).
		add(extra...).attr("fraction", fraction, "format", format)
}

// htmlText is an element with format="html" holding HTML in a <text>.
func htmlText(name, html string) *node {
	return el(name, textEl("text", html)).attr("format", "html")
}

// shortAnswerPattern escapes the asterisk, which Moodle's short-answer matching reads as a
// wildcard, so "x*y" accepts only "x*y".
func shortAnswerPattern(s string) string {
	return strings.ReplaceAll(s, "*", `\*`)
}

// questionName is the name Moodle lists the question by: its prompt as plain text, shortened.
func questionName(prompt string) string {
	const limit = 80
	name := plainText(prompt)
	if utf8.RuneCountInString(name) <= limit {
		return name
	}
	r := []rune(name)
	return strings.TrimSpace(string(r[:limit-1])) + "…"
}

// moodleIDNumber is the question's "ID number" in Moodle: the aieng question id, so results and
// re-imports can be matched to the lesson file. Moodle allows at most 100 characters; a longer
// id is left out rather than cut, since a cut id could match another question.
func moodleIDNumber(id string) string {
	if utf8.RuneCountInString(id) > 100 {
		return ""
	}
	return id
}
