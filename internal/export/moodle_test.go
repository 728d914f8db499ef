package export

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aieng/aieng/lessons"
)

// moodleGrades is Moodle's list of allowed grades (question_bank::fraction_options_full in
// question/engine/bank.php), as fractions; a grade off the list fails the import.
var moodleGrades = []float64{1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
	0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0}

// onMoodleList reports whether a percentage is an allowed grade, with Moodle's own tolerance
// (match_grade_options: within 0.00001 of a listed fraction).
func onMoodleList(percent float64) bool {
	for _, g := range moodleGrades {
		if math.Abs(math.Abs(percent/100)-g) < 0.00001 {
			return true
		}
	}
	return false
}

func writeMoodle(t *testing.T, c *lessons.Course) xnode {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMoodle(&buf, c); err != nil {
		t.Fatal(err)
	}
	return parseXML(t, buf.Bytes())
}

// TestMoodleMatchesCourse reads the Moodle XML back: a category before each lesson's questions,
// then every question, answer, grade, feedback and hint compared with the course.
func TestMoodleMatchesCourse(t *testing.T) {
	c := fixture(t)
	quiz := writeMoodle(t, c)
	questions := quiz.all("question")
	if len(questions) != len(quiz.Nodes) {
		t.Fatalf("<quiz> holds elements other than <question>")
	}
	i := 0
	for _, l := range quizLessons(c) {
		cat := questions[i]
		i++
		if cat.attr("type") != "category" {
			t.Fatalf("lesson %s: element %d is a %q question, want its category", l.ID, i, cat.attr("type"))
		}
		wantPath := "$course$/" + strings.ReplaceAll(c.Title, "/", "//") + "/" + strings.ReplaceAll(l.Title, "/", "//")
		if got := cat.one(t, "category", "text").text(); got != wantPath {
			t.Errorf("category %q, want %q", got, wantPath)
		}
		for _, q := range l.Quiz {
			checkMoodleQuestion(t, questions[i], q)
			i++
		}
	}
	if i != len(questions) {
		t.Errorf("%d elements, want %d", len(questions), i)
	}
}

var wantMoodleType = map[lessons.Kind]string{
	lessons.SingleChoice:   "multichoice",
	lessons.MultipleSelect: "multichoice",
	lessons.TrueFalse:      "truefalse",
	lessons.ShortAnswer:    "shortanswer",
}

func checkMoodleQuestion(t *testing.T, n xnode, q *lessons.Question) {
	t.Helper()
	if n.attr("type") != wantMoodleType[q.Kind] {
		t.Errorf("%s: type %q", q.ID, n.attr("type"))
	}
	if got := n.one(t, "idnumber").text(); got != q.ID {
		t.Errorf("idnumber %q, want %q", got, q.ID)
	}
	if got, want := n.one(t, "name", "text").text(), mdPlain(q.Prompt); got != want {
		t.Errorf("name %q, want %q", got, want)
	}
	assertPlain(t, q.ID+" questiontext", n.one(t, "questiontext", "text").text(), q.Prompt+"\n\n"+q.Detail)
	assertPlain(t, q.ID+" generalfeedback", n.one(t, "generalfeedback", "text").text(), q.Explanation)
	hints := n.all("hint")
	if (len(hints) == 1) != (q.Hint != "") || len(hints) > 1 {
		t.Errorf("%s: %d hints, want the question's hint %q", q.ID, len(hints), q.Hint)
	} else if len(hints) == 1 {
		assertPlain(t, q.ID+" hint", hints[0].one(t, "text").text(), q.Hint)
	}
	answers := n.all("answer")
	switch q.Kind {
	case lessons.ShortAnswer:
		checkMoodleShortAnswer(t, n, answers, q)
	case lessons.TrueFalse:
		checkMoodleTrueFalse(t, answers, q)
	default:
		checkMoodleChoices(t, n, answers, q)
	}
}

func checkMoodleChoices(t *testing.T, n xnode, answers []xnode, q *lessons.Question) {
	t.Helper()
	single := q.Kind == lessons.SingleChoice
	if n.one(t, "single").text() != strconv.FormatBool(single) ||
		n.one(t, "shuffleanswers").text() != strconv.FormatBool(q.Shuffle) {
		t.Errorf("%s: single %q shuffleanswers %q", q.ID, n.one(t, "single").text(), n.one(t, "shuffleanswers").text())
	}
	if len(answers) != len(q.Choices) {
		t.Fatalf("%s: %d answers, want %d", q.ID, len(answers), len(q.Choices))
	}
	positive := 0.0
	for i, c := range q.Choices {
		a := answers[i]
		assertPlain(t, q.ID+" answer", a.one(t, "text").text(), c.Text)
		assertPlain(t, q.ID+" answer feedback", a.one(t, "feedback", "text").text(), c.Feedback)
		f, err := strconv.ParseFloat(a.attr("fraction"), 64)
		if err != nil || !onMoodleList(f) {
			t.Errorf("%s choice %d: fraction %q is not on Moodle's list", q.ID, i+1, a.attr("fraction"))
		}
		switch {
		case c.Correct && f <= 0, !c.Correct && single && f != 0, !c.Correct && !single && f >= 0:
			t.Errorf("%s choice %d (right %v): fraction %v", q.ID, i+1, c.Correct, f)
		}
		positive += max(f, 0)
	}
	// Moodle's multichoice rounds the sum of positive grades to 2 places and wants 100%.
	if math.Round(positive)/100 != 1 || math.Abs(positive-100) > 0.005 {
		t.Errorf("%s: positive grades add up to %v%%, want 100%%", q.ID, positive)
	}
}

func checkMoodleTrueFalse(t *testing.T, answers []xnode, q *lessons.Question) {
	t.Helper()
	if len(answers) != 2 {
		t.Fatalf("%s: %d answers", q.ID, len(answers))
	}
	for i, c := range q.Choices {
		a := answers[i]
		want := "0"
		if c.Correct {
			want = "100"
		}
		if a.one(t, "text").text() != strings.ToLower(c.Text) || a.attr("fraction") != want {
			t.Errorf("%s: answer %q fraction %s, want %q %s", q.ID, a.one(t, "text").text(), a.attr("fraction"),
				strings.ToLower(c.Text), want)
		}
		assertPlain(t, q.ID+" feedback", a.one(t, "feedback", "text").text(), c.Feedback)
	}
}

func checkMoodleShortAnswer(t *testing.T, n xnode, answers []xnode, q *lessons.Question) {
	t.Helper()
	if n.one(t, "usecase").text() != "0" {
		t.Errorf("%s: usecase %q, want 0 (ignore case, as aieng does)", q.ID, n.one(t, "usecase").text())
	}
	var got, want []string
	for _, a := range answers {
		if a.attr("fraction") != "100" {
			t.Errorf("%s: accepted answer with fraction %q", q.ID, a.attr("fraction"))
		}
		got = append(got, a.one(t, "text").text())
	}
	for _, a := range q.Accepted {
		// An asterisk is Moodle's wildcard; \* matches an asterisk.
		want = append(want, strings.ReplaceAll(mdPlain(a), "*", `\*`))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: accepted %q, want %q", q.ID, got, want)
	}
}

// TestMultipleFractions: for every number of right and wrong choices Moodle can grade, the right
// grades add up to 100% and every grade is on Moodle's list; beyond that, a clear error.
func TestMultipleFractions(t *testing.T) {
	for nRight := 1; nRight <= 10; nRight++ {
		for nWrong := 0; nWrong <= 14; nWrong++ {
			q := &lessons.Question{ID: "q"}
			for i := 0; i < nRight+nWrong; i++ {
				q.Choices = append(q.Choices, lessons.Choice{Text: "c", Correct: i < nRight})
			}
			right, wrong, err := multipleFractions(q)
			if err != nil {
				t.Fatal(err)
			}
			r, _ := strconv.ParseFloat(right, 64)
			w, _ := strconv.ParseFloat(wrong, 64)
			if !onMoodleList(r) || !onMoodleList(w) || math.Round(r*float64(nRight)) != 100 {
				t.Errorf("%d right, %d wrong: %s and %s", nRight, nWrong, right, wrong)
			}
			if nWrong > 0 && nWrong <= 10 && math.Round(w*float64(nWrong)) != -100 {
				t.Errorf("%d wrong choices at %s do not add up to -100%%", nWrong, wrong)
			}
		}
	}
	q := &lessons.Question{ID: "many"}
	for i := 0; i < 11; i++ {
		q.Choices = append(q.Choices, lessons.Choice{Text: "c", Correct: true})
	}
	if _, _, err := multipleFractions(q); err == nil || !strings.Contains(err.Error(), "question many has 11 right choices") {
		t.Errorf("11 right choices: %v", err)
	}
}

func TestCategoryPath(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"Course", "Lesson"}, "$course$/Course/Lesson"},
		{[]string{"A/B", "C // D"}, "$course$/A//B/C //// D"},
		{[]string{"/lead", "trail/"}, "$course$/ //lead/trail// "},
	} {
		if got := categoryPath(tc.names...); got != tc.want {
			t.Errorf("categoryPath(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
}

func TestMoodleDeterministicAndClean(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteMoodle(&a, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if err := WriteMoodle(&b, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of the same course differ")
	}
	var dirty bytes.Buffer
	if err := WriteMoodle(&dirty, withControls(fixture(t))); err != nil {
		t.Fatal(err)
	}
	if hasControl(dirty.String()) || strings.Contains(strings.ToLower(dirty.String()), "&#x1b;") {
		t.Error("a control character reached the Moodle XML")
	}
	parseXML(t, dirty.Bytes())
}
