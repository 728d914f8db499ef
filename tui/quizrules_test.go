package tui

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// These tests drive the quiz rules of issue 11 through the whole interface: what a learner
// does, what the screen says, and what is recorded.

// manualClock is a clock that moves only when told: the quiz's input grace in tests.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func newManualClock() *manualClock {
	return &manualClock{t: time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)}
}

func (c *manualClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestDoubleEnterAtALessonsEndAnswersNothing is learner finding 2: the enter that opens the
// quiz and a second one in the same instant answer nothing, a question opens with nothing
// chosen, and enter alone says how to choose.
func TestDoubleEnterAtALessonsEndAnswersNothing(t *testing.T) {
	clock := newManualClock()
	opts := testOptions()
	opts.Now = clock.now
	d := newDriverWith(t, opts, testCourse(t), nil, 80, 24)
	d.keys("enter", "G", "enter", "enter")
	d.requireView("Question 1 of 4", "( ) 1  It stores data", "( ) 2  It turns inputs into outputs")
	d.rejectView("(•)", "Not quite", "Correct")
	if lp := d.lesson("welcome"); lp.Open != nil || len(lp.Attempts) != 0 {
		t.Fatalf("a double enter recorded an answer: %+v", lp)
	}
	clock.advance(time.Second)
	d.keys("enter")
	d.requireView("Choose first: ↑/↓ or a number (1-3), then enter.")
	d.rejectView("Not quite", "Correct")

	// The feedback is not skipped by a second enter in the instant it appears either.
	d.keys("2", "enter", "enter")
	d.requireView("✓ Correct!", "Question 1 of 4")
	clock.advance(time.Second)
	d.keys("enter")
	d.requireView("Question 2 of 4")
	// A key pressed first (a choice) lifts the grace: choosing and answering at once works.
	d.keys("f", "enter")
	d.requireView("✓ Correct!", "Question 2 of 4")
}

func TestTrueFalseKeys(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter")
	d.requireView("Question 2 of 4 · true or false", "Press t (true) or f (false), then enter", "t/f true/false")
	d.keys("t")
	d.requireLine("› (•) 1  True")
	d.keys("f")
	d.requireLine("› (•) 2  False")
	d.keys("enter")
	d.requireView("✓ Correct!")
}

// TestFeedbackBelowTheFoldIsReadFirst is learner finding 3: when the explanation runs below
// the screen, the screen says so and enter scrolls to it before moving on.
func TestFeedbackBelowTheFoldIsReadFirst(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 40, 12)
	d.keys("enter", "t", "1", "enter")
	d.requireView("more below", "read on")
	before := d.screenBody()
	for range 10 {
		if !strings.Contains(d.status(), "more below") {
			break
		}
		d.keys("enter")
		if strings.Contains(d.view(), "Question 2 of 4") {
			t.Fatal("enter skipped the rest of the feedback")
		}
	}
	if d.screenBody() == before || strings.Contains(d.status(), "more below") {
		t.Fatalf("enter did not scroll to the end of the feedback:\n%s", d.view())
	}
	d.requireView("next question")
	d.keys("enter")
	d.requireView("Question 2 of 4")
}

// TestKeysIgnoredWhileTooSmall is learner finding 14.
func TestKeysIgnoredWhileTooSmall(t *testing.T) {
	d := newDriverAtStart(t, testOptions(), testCourse(t), nil, 20, 6)
	d.keys("enter", "enter", "t", "1", "enter")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.requireView("Welcome to Testing Course")
	if d.m.c.prog.Progress().HasProgress("") {
		t.Fatalf("keys typed behind 'Terminal too small' acted: %+v", d.m.c.prog.Progress())
	}
	d.send(tea.WindowSizeMsg{Width: 20, Height: 6})
	// q does nothing here, so the screen says which key leaves.
	d.requireView("ctrl+c quits")
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c does not quit while the terminal is too small")
	}
}

// TestHelpScrollsWhenSmall is learner finding 13: the help overlay scrolls at 40x12.
func TestHelpScrollsWhenSmall(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 40, 12)
	d.keys("?")
	d.requireView("Keys", "↓ more")
	d.rejectView("Press ? or q to close")
	first := d.screenBody()
	d.keys("j")
	if d.screenBody() == first {
		t.Fatal("j does not scroll the help")
	}
	d.keys("G")
	d.requireView("Press ? or q to close")
	d.requireView("filter", "continue")
	d.keys("q")
	d.requireOutline()
}

// TestOverrideOfAShortAnswer: after a wrong short answer, o counts it as right, and it is
// recorded as an override.
func TestOverrideOfAShortAnswer(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "2", "enter", "enter", "1", "2", "enter", "enter")
	d.keys("the examples it learns from", "enter")
	d.requireView("✗ Not quite.", "press o to count it as right")
	d.keys("o")
	d.requireView("✓ Counted as right on your word", "Counted as right. Reports show it was your call")
	d.rejectView("o: I was right")
	d.keys("o") // once only
	d.keys("enter")
	d.requireView("✓ Passed", "4 of 4 correct", "You counted 1 answer as right yourself.")
	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	a := openStore(t, store.Path()).Course("tui-test-course").Lessons["welcome"].Attempts[0]
	if last := a.Answers[3]; !last.Overridden || !last.Correct || last.Given[0] != "the examples it learns from" {
		t.Fatalf("the override saved as %+v", last)
	}
}

// TestFirstStartWelcomesOnce is learner finding 24.
func TestFirstStartWelcomesOnce(t *testing.T) {
	store := openStore(t, "")
	d := newDriverAtStart(t, testOptions(), testCourse(t), store, 80, 24)
	d.requireView("Welcome to Testing Course", "A small course for the interface's tests.",
		"you pass with 70% of the answers", "(3 of 4)", "Retake a quiz as often as you like",
		"Your progress is saved as you go", "Press enter to see the lessons")
	d.keys("enter")
	d.requireOutline()
	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	again := newDriverAtStart(t, testOptions(), testCourse(t), openStore(t, store.Path()), 80, 24)
	again.requireOutline()

	// A learner whose progress predates the welcome goes straight to the outline too.
	older := openStore(t, "")
	if err := older.MarkRead("tui-test-course", "welcome", time.Now()); err != nil {
		t.Fatal(err)
	}
	newDriverAtStart(t, testOptions(), testCourse(t), older, 80, 24).requireOutline()

	seq := testCourse(t)
	seq.Sequential = true
	newDriverAtStart(t, testOptions(), seq, nil, 80, 24).requireView("The lessons open in order")
}

// TestContinueAndThePassedLessonsEnd are learner findings 15 and 28.
func TestContinueAndThePassedLessonsEnd(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(true)
	d.keys("q")
	d.requireView("Lesson 1 of 3")
	d.keys("G")
	d.requireView("You passed this quiz (best 100%). Press t to take it again.", "Press ] (or enter) for the next lesson",
		"End of the lesson: quiz passed (t takes it again)")
	d.rejectView("to take the quiz:")
	d.keys("q")
	d.requireView("▶ Next: Choosing a model")
	d.keys("c")
	d.requireView("Lesson 2 of 3")
	d.keys("[", "G", "enter") // enter at the end of a passed lesson: the next lesson
	d.requireView("Lesson 2 of 3")
}

// TestOutlineCueAndSingleLessonSections is learner finding 12.
func TestOutlineCueAndSingleLessonSections(t *testing.T) {
	c := testCourse(t)
	c.Lessons[2].Section = c.Lessons[2].Title
	d := newDriver(t, c, nil, 80, 24)
	if n := strings.Count(d.view(), "Shipping and monitoring"); n != 1 {
		t.Fatalf("the single-lesson section repeats its lesson's title (%d times):\n%s", n, d.view())
	}
	small := newDriver(t, testCourse(t), nil, 60, 11)
	small.requireView("↓ 2 more lessons below")
	small.keys("G")
	small.requireView("more lesson", "above", "3. Shipping and monitoring")
	requireFits(t, small.view(), 60, 11)
}

// TestOutlineFilterFindsLessonText is learner finding 17: the filter searches lesson text as
// well as titles, names the lesson, and opens it at the match.
func TestOutlineFilterFindsLessonText(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("/", "baseline")
	d.requireView("2. Choosing a model", "“Start with a baseline: the simplest model")
	d.keys("enter")
	d.requireView("Lesson 2 of 3", "“baseline”: match 1 of")
}

// TestQuizHelpSaysWhatKeysDo is instructor finding B6 and learner finding 27: in a
// multiple-select question space ticks (it does not page), and only the digits of the choices
// there are are offered.
func TestQuizHelpSaysWhatKeysDo(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "2", "enter", "enter")
	d.requireView("space/1-3 tick")
	d.rejectView("1-9")
	d.keys("?")
	d.requireView("space/1-3 tick", "pgdn", "page down")
	d.rejectView("pgdn/space", "1-9")
}

// TestFootersKeepEssentialKeys is learner finding 13: a narrow footer keeps the keys a screen
// cannot be used without.
func TestFootersKeepEssentialKeys(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 40, 12)
	d.keys("enter", "t", "2", "enter", "G", "enter", "f", "enter", "G", "enter") // G: to the end of the feedback
	d.requireView("Question 3 of 4")
	footer := d.lines()[11]
	for _, want := range []string{"tick", "enter submit"} {
		if !strings.Contains(footer, want) {
			t.Errorf("the multiple-select footer at 40 columns lacks %q: %q", want, footer)
		}
	}
	r := newDriver(t, testCourse(t), nil, 60, 15)
	r.keys("enter")
	footer = r.lines()[14]
	for _, want := range []string{"scroll", "t quiz"} {
		if !strings.Contains(footer, want) {
			t.Errorf("the reader's footer at 60 columns lacks %q: %q", want, footer)
		}
	}
}

// rulesCourse is a course of one lesson that draws 2 of 3 questions, one numeric and one
// multiple select with partial credit.
func rulesCourse(t *testing.T) *lessons.Course {
	t.Helper()
	lesson := "---\ntitle: Rules\nobjectives: [o]\ndraw: 2\n---\n\nBody.\n\n## Quiz\n\n" +
		"### What share is 19 of 20? {kind=numeric}\n\n- [x] 0.95 ± 0.01\n\n> 19/20 = 0.95.\n\n" +
		"### Which is a colour? {shuffle=false}\n\n- [x] Red\n- [ ] Loud\n\n> Red.\n\n" +
		"### Which are fruit? {kind=multiple shuffle=false}\n\n- [x] Apple\n- [x] Pear\n- [ ] Stone\n\n> Apples and pears.\n"
	c, probs, err := lessons.Load(fstest.MapFS{
		"course.yaml": {Data: []byte("id: rules\ntitle: Rules course\npartial_credit: true\n")}, "01-rules.md": {Data: []byte(lesson)},
	}, "rules")
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	return c
}

// TestNumericPartialCreditAndPool: a numeric answer is read sensibly and a word is refused
// without costing the question; partial credit shows in the score; a pool asks 2 of 3
// questions and records which.
func TestNumericPartialCreditAndPool(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, rulesCourse(t), store, 80, 24)
	d.keys("enter", "t")
	d.requireView("Question 1 of 2")
	asked := map[string]bool{}
	for range 2 {
		v := d.view()
		switch {
		case strings.Contains(v, "What share"):
			asked["numeric"] = true
			d.keys("most", "enter")
			d.requireView("Type one number (such as 0.95, 95% or 1,000), then press enter.")
			d.keys("backspace", "backspace", "backspace", "backspace", "95%", "enter")
			d.requireView("✓ Correct!")
		case strings.Contains(v, "Which are fruit"):
			asked["multiple"] = true
			d.keys("1", "enter") // one of two right ticks: half a point
			d.requireView("✗ Not quite.")
		default:
			asked["single"] = true
			d.keys("1", "enter")
		}
		d.keys("enter")
	}
	a := d.lesson("rules").Attempts[0]
	if len(a.Questions) != 2 || a.Total != 2 || len(a.Answers) != 2 || !asked["numeric"] || !asked["multiple"] {
		t.Fatalf("the attempt of a pool (seed 1 draws the numeric and the multiple-select question): %+v %v", a, asked)
	}
	d.requireView("1 of 2 correct, 1.5 points · 75%", "Your answer: Apple (0.5 of a point)")
	// The pass rule is said in points, as the score is: "2 of 2 right" contradicted the pass.
	d.requireView("✓ Passed", "The pass mark is 70%: 1.4 of 2 points.")
	d.rejectView("2 of 2 right")
	if c := a.Answers[1].Credit; a.Percent != 75 || c == nil || *c != 0.5 || a.Answers[0].Credit != nil {
		t.Fatalf("partial credit saved as %+v", a)
	}
}

// TestPassRuleInPointsBeforeTheQuiz: with partial credit, the welcome and the lesson's end say
// the pass rule in points; without it, in right answers.
func TestPassRuleInPointsBeforeTheQuiz(t *testing.T) {
	w := newDriverAtStart(t, testOptions(), rulesCourse(t), nil, 80, 24)
	requireWords(t, w.view(), "you pass with 70% of the points (1.4 of 2).")
	requireWords(t, w.view(), "earns part of it for each right tick")
	w.rejectView("of the answers right")
	d := newDriver(t, rulesCourse(t), nil, 80, 24)
	d.keys("enter", "G")
	requireWords(t, d.view(), "2 questions drawn from 3; you pass with 1.4 of 2 points (70%).")

	plain := rulesCourse(t)
	for _, q := range plain.Lessons[0].Quiz {
		q.PartialCredit = false
	}
	p := newDriver(t, plain, nil, 80, 24)
	p.keys("enter", "G")
	requireWords(t, p.view(), "2 questions drawn from 3; you pass with 2 right (70%).")
}

// requireWords fails unless the view holds the sentence, wherever its lines wrap.
func requireWords(t *testing.T, view, sentence string) {
	t.Helper()
	if !strings.Contains(strings.Join(strings.Fields(view), " "), sentence) {
		t.Fatalf("view lacks %q:\n%s", sentence, view)
	}
}

// TestResumeOrStartOver: a quiz left half-way is offered again; starting over drops its
// answers; a quiz that changed since starts over with a word to say so.
func TestResumeOrStartOver(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "f", "enter")
	d.keys("ctrl+c") // quit in the middle: the two answers are kept
	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	again := newDriver(t, testCourse(t), openStore(t, store.Path()), 80, 24)
	again.requireView("Continue: Welcome to the course")
	again.keys("c", "t")
	again.requireView("You answered 2 of its 4 questions", "enter: continue at question 3", "r: start over")
	again.keys("r")
	again.requireView("Question 1 of 4")
	if lp := again.lesson("welcome"); lp.Open != nil {
		t.Fatalf("starting over kept the old answers: %+v", lp.Open)
	}
	again.keys("1", "enter", "q", "q")

	changed := testCourse(t)
	changed.Lessons[0].Quiz[0].Hash = "edited"
	if err := again.m.Close(); err != nil {
		t.Fatal(err)
	}
	third := newDriver(t, changed, openStore(t, store.Path()), 80, 24)
	third.keys("c", "t")
	third.requireView("The quiz has changed since you left it half-way: it starts over.", "Question 1 of 4")
	third.rejectView("You left this quiz")
}

// TestResultSaysMoreBelow: the result lists the missed questions under the score; when they run
// below the screen, the status line says so, as the feedback of an answer does, or a learner
// takes the next lesson without seeing what was missed (found by QA at 80x24 and 40x12).
func TestResultSaysMoreBelow(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(false)
	d.requireView("Not passed yet", "Missed questions")
	if !strings.Contains(d.status(), "more below") {
		t.Fatalf("the result runs below the screen without a cue:\n%s", d.view())
	}
	d.keys("G")
	if strings.Contains(d.status(), "more below") {
		t.Fatalf("the cue stays at the bottom of the result:\n%s", d.view())
	}
}

// TestQuestionBelowTheFoldSaysSo: on a small screen (40x9 here; 40x12 with the course's long
// choices) a question's later choices are below the screen;
// the status says so, as the feedback and the welcome do, until they are in view.
func TestQuestionBelowTheFoldSaysSo(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 40, 9)
	d.keys("enter", "t")
	d.requireView("Question 1 of 4")
	if strings.Contains(d.view(), "( ) 3") {
		t.Fatalf("the test needs a question that does not fit at 40x9:\n%s", d.view())
	}
	if !strings.Contains(d.status(), "more below") {
		t.Fatalf("choices are hidden below the screen and nothing says so:\n%s", d.view())
	}
	d.keys("pgdown", "pgdown", "pgdown")
	if strings.Contains(d.status(), "more below") {
		t.Fatalf("'more below' stays at the bottom of the question:\n%s", d.view())
	}
}

// TestLabLessonFooterKeepsHelp: at 40 columns a lesson with a lab gives up "l lab" first, so
// its footer keeps what a lesson without one keeps (scroll, and the way out: q outline); the
// lab's card in the text says to press l.
func TestLabLessonFooterKeepsHelp(t *testing.T) {
	d := newDriverWith(t, labOptions(t), labCourse(t), nil, 40, 12)
	d.keys("j", "enter")
	d.requireScreen("Thresholds")
	if footer := d.lines()[11]; !strings.Contains(footer, "q outline") || !strings.Contains(footer, "scroll") || strings.Contains(footer, "l lab") {
		t.Errorf("the footer of a lesson with a lab at 40 columns lacks q outline or scroll, or keeps l lab: %q", footer)
	}
	w := newDriverWith(t, labOptions(t), labCourse(t), nil, 80, 12)
	w.keys("j", "enter")
	if footer := w.lines()[11]; !strings.Contains(footer, "l lab") {
		t.Errorf("the footer at 80 columns lacks l lab: %q", footer)
	}
}
