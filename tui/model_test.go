package tui

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/progress"
)

// These tests drive the whole model with keys and check what the learner sees (the view) and
// what is recorded (the learner's progress, the store): never a screen's private fields.

func TestOutlineFirstRun(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.requireView("Testing Course", "Progress", "0 of 3 passed", "Start the course: Welcome to the course",
		"Basics", "Shipping", "1. Welcome to the course", "2. Choosing a model", "3. Shipping and monitoring",
		"5 min", "q quit", "? help", "enter open")
	d.requireOutline()
	d.requireLine("› ", "Start the course: Welcome to the course") // the cursor starts on continue
	d.keys("j")
	d.requireLine("› ", "1. Welcome to the course")
	if st := d.status(); !strings.Contains(st, "1. Welcome to the course") || !strings.Contains(st, "4 questions") {
		t.Fatalf("the status line does not name the selection: %q", st)
	}
	d.keys("G")
	d.requireLine("› ", "3. Shipping and monitoring")
	d.keys("g")
	d.requireLine("› ", "Start the course")
}

// screenBody is the body as one string, to compare whole views.
func (d *driver) screenBody() string { return strings.Join(d.body(), "\n") }

// readingMark is where the welcome lesson is read and what the body shows there.
type readingMark struct {
	pos  float64
	body string
}

func (d *driver) markReading() readingMark {
	return readingMark{d.lesson("welcome").Position, d.screenBody()}
}

// requireBackAt80 resizes to 80x24, where m was taken, and fails unless the body and the saved
// position are m's again.
func (d *driver) requireBackAt80(m readingMark) {
	d.t.Helper()
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if d.screenBody() != m.body {
		d.t.Fatalf("back at 80 columns the view shows\n%s\nwas\n%s", d.screenBody(), m.body)
	}
	if got := d.lesson("welcome").Position; got != m.pos {
		d.t.Fatalf("resizing moved the position from %v to %v", m.pos, got)
	}
}

// requireScrolledBy fails unless the body shows the lines of before moved up by n.
func (d *driver) requireScrolledBy(before []string, n int) {
	d.t.Helper()
	now := d.body()
	if n < 0 || n >= len(before) || len(now) != len(before) {
		d.t.Fatalf("cannot compare a scroll of %d lines over %d lines", n, len(before))
	}
	for i := 0; i+n < len(before); i++ {
		if now[i] != before[i+n] {
			d.t.Fatalf("not scrolled by %d lines: line %d is %q, want %q\n%s", n, i, now[i], before[i+n], d.view())
		}
	}
}

func TestReaderScrollAndRead(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter")
	d.requireScreen("Welcome to the course")
	d.rejectView("Rendering the lesson")
	d.requireView("Lesson 1 of 3", "1/3 Welcome to the course", "0%", "t quiz")
	first := d.body()
	h := len(first)
	d.keys("j", "j", "down")
	d.requireScrolledBy(first, 3)
	d.keys("k")
	d.requireScrolledBy(first, 2)
	before := d.body()
	d.keys("space") // a page, keeping two lines of the last one
	d.requireScrolledBy(before, h-2)
	if d.lesson("welcome").Read {
		t.Fatal("read before the end")
	}
	d.keys("G")
	d.requireView("End of the lesson: press t to take the quiz", "100%", "Press t (or enter) to take the quiz: 4 questions")
	if !d.lesson("welcome").Read {
		t.Fatal("not read at the end")
	}
	d.keys("g")
	d.requireScrolledBy(first, 0)
	d.keys("d")
	d.requireScrolledBy(first, h/2)
	d.keys("q")
	d.requireOutline()
	d.requireView("Continue: Welcome to the course", "● 1. Welcome to the course", "read")

	// Everything is on disk once the interface closes.
	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	again := openStore(t, store.Path()).Course("tui-test-course")
	lp := again.Lessons["welcome"]
	if again.LastLesson != "welcome" || !lp.Read || lp.Position <= 0 {
		t.Fatalf("saved progress: %+v %+v", again.LastLesson, lp)
	}
}

func TestReaderNextPreviousLesson(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "]")
	d.requireView("Choosing a model", "Lesson 2 of 3")
	d.keys("[")
	d.requireView("Lesson 1 of 3")
	d.keys("[")
	d.requireView("This is the first lesson.")
	d.keys("]", "]", "]")
	d.requireView("This is the last lesson: q goes back to the outline.")
}

func TestReaderSearch(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "/")
	d.requireView("search this lesson") // the input, in the status line
	d.keys("MODEL")                     // ignoring case
	m := regexp.MustCompile(`(\d+) matches`).FindStringSubmatch(d.status())
	if m == nil {
		t.Fatalf("no count of matches: %q", d.status())
	}
	n, _ := strconv.Atoi(m[1])
	if n < 3 {
		t.Fatalf("%d matches for model", n)
	}
	d.requireView("/MODEL")
	d.keys("?") // typed, not help
	d.requireView("/MODEL?")
	d.rejectView("Press ? or q to close")
	d.keys("backspace", "enter")
	d.requireView(fmt.Sprintf("“MODEL”: match 1 of %d", n), "n/N next/prev match")
	top := d.screenBody()
	d.keys("n")
	d.requireView(fmt.Sprintf("match 2 of %d", n))
	d.keys("N", "N")
	d.requireView(fmt.Sprintf("match %d of %d", n, n)) // N wraps to the last match
	d.keys("n")
	d.requireView(fmt.Sprintf("match 1 of %d", n))
	if d.screenBody() != top {
		t.Errorf("back at the first match, the view is not where it was:\n%s\nwas\n%s", d.screenBody(), top)
	}
	if !strings.Contains(strings.ToLower(strings.Join(d.body(), "\n")), "model") {
		t.Fatalf("the current match is not in view:\n%s", d.view())
	}
	d.keys("esc")
	d.rejectView("“MODEL”")
	d.requireView("Lesson 1 of 3")
	d.keys("/", "zebra", "enter")
	d.requireView("“zebra” is not in this lesson.")
}

// TestSearchHighlightWithoutColour: with NO_COLOR, matches are underlined and the current one
// is in reverse video, so they still show.
func TestSearchHighlightWithoutColour(t *testing.T) {
	d := newDriverWith(t, noColorOptions(), testCourse(t), nil, 80, 24)
	d.keys("enter", "/", "model", "enter")
	body := strings.Join(d.body(), "\n")
	if !strings.Contains(body, "\x1b[7mmodel\x1b[0m") && !strings.Contains(body, "\x1b[7mModel\x1b[0m") {
		t.Fatalf("the current match is not in reverse video:\n%q", body)
	}
	if !strings.Contains(body, "\x1b[4;4mm\x1b[0m\x1b[4;4mo") {
		t.Fatalf("the other matches are not underlined:\n%q", body)
	}
}

// TestSearchHighlight checks the search component on its own: matches are found in styled
// text and highlighted without losing any of it.
func TestSearchHighlight(t *testing.T) {
	s := newSearch(New(testCourse(t), nil, testOptions()).c)
	s.contentChanged([]string{"\x1b[1mThe model\x1b[0m and another model"}, nil)
	s.find("model")
	if len(s.matches) != 2 {
		t.Fatalf("matches = %+v", s.matches)
	}
	got := s.highlight(s.lines[0], s.byLine[0])
	// With the ASCII profile the styles vanish: the text must come back intact.
	if plain := ansi.Strip(got); plain != "The model and another model" {
		t.Fatalf("highlighted text = %q", plain)
	}
}

func TestQuizPassAndSave(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "t")
	d.requireScreen("Quiz")
	d.requireView("Question 1 of 4 · choose one", "What does a model do?", "( ) 1  It stores data",
		"( ) 2  It turns inputs into outputs", "( ) 3  It draws charts", "enter submit", "Quiz")
	d.rejectView("(•)", "› (") // nothing chosen, no choice under the cursor
	d.keys("2")
	d.requireView("› (•) 2  It turns inputs into outputs")
	d.keys("enter")
	d.requireView("✓ Correct!", "A model maps inputs to outputs", "Press enter for the next question.", "✓ Correct · enter: next question")
	d.rejectView("The answer is") // the ✓ beside the right choice says it
	d.keys("enter")
	d.requireView("Question 2 of 4 · true or false", "t/f true/false")
	d.keys("f", "enter", "enter")
	d.requireView("Question 3 of 4 · select all that apply", "[ ] 1  Serving it behind an API")
	d.keys("enter") // nothing ticked
	d.requireView("Tick at least one choice (space or its number), then enter.")
	d.keys("space") // no choice under the cursor yet
	d.requireView("Move to a choice with ↓ first, or tick one by its number.")
	d.keys("down", "space", "2")
	d.requireView("[x] 1  Serving it behind an API", "[x] 2  Watching")
	d.keys("enter")
	d.requireView("✓ Correct!")
	d.keys("enter")
	d.requireView("Question 4 of 4 · type your answer", "Your answer:", "tab hint", "esc leave quiz")
	d.keys("enter")
	d.requireView("Type your answer, then press enter.")
	d.keys("tab")
	d.requireView("Hint: it comes before validation and test.")
	d.keys(" Training Set. ", "enter")
	d.requireView("Your answer: Training Set. ✓", "✓ Correct!", "Press enter to see your score.")
	// Every answer is kept as it is given; the attempt is recorded when the learner moves on.
	if lp := d.lesson("welcome"); lp.Open == nil || len(lp.Open.Answers) != 4 || len(lp.Attempts) != 0 {
		t.Fatalf("progress after the last answer: %+v", lp)
	}
	d.keys("enter")
	d.requireView("✓ Passed: Welcome to the course", "4 of 4 correct · 100%", "The pass mark is 70%: 3 of 4 right.",
		"enter: next lesson", "r: retake the quiz", "Result")
	d.rejectView("Missed")
	if lp := d.lesson("welcome"); !lp.Passed || lp.Best != 100 || lp.Open != nil {
		t.Fatalf("progress after the result: %+v", lp)
	}
	d.keys("enter") // after a pass: the next lesson
	d.requireView("Lesson 2 of 3")
	d.keys("q")
	d.requireView("1 of 3 passed", "✓ 1. Welcome to the course", "passed 100%")

	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	saved := openStore(t, store.Path()).Course("tui-test-course").Lessons["welcome"]
	if len(saved.Attempts) != 1 || !saved.Passed || saved.Attempts[0].Correct != 4 || saved.Attempts[0].Percent != 100 || saved.Open != nil {
		t.Fatalf("saved: %+v", saved)
	}
	a := saved.Attempts[0]
	if a.Kind != progress.FullAttempt || len(a.Questions) != 4 || a.Questions[0] != "welcome/q1" {
		t.Fatalf("attempt saved as %+v", a)
	}
	if a.Answers[0].QuestionID != "welcome/q1" || a.Answers[0].Given[0] != "It turns inputs into outputs" || a.Answers[0].Hash == "" ||
		a.Answers[0].At.IsZero() || a.Answers[0].Hinted {
		t.Fatalf("answer 1 saved as %+v", a.Answers[0])
	}
	if a.Answers[3].Given[0] != "Training Set." || !a.Answers[3].Hinted {
		t.Fatalf("short answer saved as %+v", a.Answers[3])
	}
}

// TestQuizFailFeedbackAndPractice is learner findings 4 and 22: the result lists each missed
// question with the learner's answer beside the right one, and retrying the missed questions
// right after is practice, which never raises the score.
func TestQuizFailFeedbackAndPractice(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 40)
	d.keys("enter", "t")
	d.keys("1", "enter")
	d.requireView("✗ Not quite.", "│ Storing data is the job of a database.", "✗ (•) 1  It stores data", "✓ ( ) 2  It turns inputs")
	d.keys("enter")
	d.keys("f", "enter", "enter") // right: False
	d.keys("1", "3", "enter")     // wrong: a wrong choice ticked
	d.requireView("│ You need the training data", "│ also right: you left this one out")
	d.keys("enter")
	d.keys("data", "enter")
	d.requireView("Your answer: data ✗", "Accepted answers: training data, training set, training",
		"press o to count it as right", "o: I was right")
	d.keys("enter")
	d.requireView("✗ Not passed yet", "1 of 4 correct · 25%", "Missed questions", "1. What does a model do?",
		"✗ Your answer: It stores data", "✓ Right answer: It turns inputs into outputs",
		"3. Which steps are part of shipping a model?", "✗ Your answer: Serving it behind an API; Deleting the training data",
		"✓ Right answers: Serving it behind an API; Watching its inputs and", "       outputs",
		"✗ Your answer: data", "✓ Accepted: training data, training set, training",
		"m: practise the 3 missed", "enter: back to the lesson")
	d.requireView("25%: the pass mark is 70%", "m practise missed", "enter back to lesson")
	d.rejectView("q back to lesson") // enter does the same

	d.keys("m")
	d.requireScreen("Practice")
	d.requireView("Practice 1 of 3", "What does a model do?")
	d.keys("2", "enter", "enter")
	d.requireView("Practice 2 of 3", "Which steps")
	d.keys("1", "2", "enter", "enter")
	d.keys("training", "enter", "enter")
	d.requireView("Practice: Welcome to the course", "3 of 3 correct · 100%",
		"Practice does not change your score: your best is 25%.", "Practice: 3 of 3 right (your score is unchanged)")
	d.rejectView("✓ Passed")
	if lp := d.lesson("welcome"); lp.Passed || lp.Best != 25 || len(lp.Attempts) != 2 {
		t.Fatalf("practice changed the score: %+v", lp)
	}

	d.keys("r")
	d.requireView("Question 1 of 4")
	d.keys("q") // no answer yet: leaves at once
	d.requireView("Lesson 1 of 3")

	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	saved := openStore(t, store.Path()).Course("tui-test-course").Lessons["welcome"]
	if len(saved.Attempts) != 2 || saved.Attempts[0].Passed || saved.Attempts[1].Kind != progress.PracticeAttempt || saved.Best != 25 || saved.Passed {
		t.Fatalf("saved attempts: %+v", saved.Attempts)
	}
	if p := saved.Attempts[1]; len(p.Answers) != 3 || p.Total != 3 || p.Percent != 100 || p.Passed {
		t.Fatalf("the practice round saved as %+v", p)
	}
}

// TestQuizLeaveKeepsAnswers is learner findings 11 and 29: leaving asks first, esc on the
// question cancels, and the answers given so far are kept, to continue later.
func TestQuizLeaveKeepsAnswers(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter")
	d.keys("q")
	d.requireScreen("Quiz") // answers were given: it asks first
	d.requireView("Leave the quiz? q leaves, esc stays (your 1 answer is kept for later).")
	d.keys("esc")
	d.requireScreen("Quiz")
	d.requireView("Still in the quiz.", "Question 2 of 4")
	d.keys("q", "q", "G")
	d.requireView("Lesson 1 of 3", "Press t (or enter) to continue the quiz: 1 of 4 answered.",
		"End of the lesson: press t to continue the quiz")
	if lp := d.lesson("welcome"); len(lp.Attempts) != 0 || lp.Open == nil || len(lp.Open.Answers) != 1 {
		t.Fatalf("leaving lost or recorded the answers: %+v", lp)
	}
	d.keys("t")
	d.requireView("You left this quiz half-way", "You answered 1 of its 4 questions", "enter: continue at question 2",
		"r: start over (these answers are dropped)")
	d.keys("enter")
	d.requireView("Question 2 of 4 · true or false")
	d.keys("f", "enter", "enter", "1", "2", "enter", "enter", "training data", "enter", "enter")
	d.requireView("✓ Passed", "4 of 4 correct")
	if lp := d.lesson("welcome"); len(lp.Attempts) != 1 || lp.Open != nil || len(lp.Attempts[0].Answers) != 4 {
		t.Fatalf("the continued attempt: %+v", lp)
	}
}

func TestQuizKeysForChoices(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t")
	d.requireView("Choose with ↑/↓ or a number, then press enter", "1-3 pick") // the digits there are
	d.keys("9")
	d.requireView("There are only 3 choices.")
	d.keys("down", "down", "down", "down") // from no choice to the first, and stops at the last
	d.requireLine("› (•) 3  It draws charts")
	d.keys("up")
	d.requireLine("› (•) 2  It turns inputs into outputs")
	d.keys("h")
	d.requireView("This question has no hint.")
}

func TestShuffleIsSeeded(t *testing.T) {
	c := testCourse(t)
	for _, q := range c.Lessons[0].Quiz {
		q.Shuffle = true
	}
	choice := regexp.MustCompile(`[(\[][ •x][)\]] \d  (.+)`)
	orders := func(seed uint64) string {
		opts := testOptions()
		opts.Seed = seed
		m := New(c, nil, opts)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m.Update(startQuizMsg{index: 0})
		var shown []string
		for _, l := range strings.Split(m.View(), "\n") {
			if c := choice.FindStringSubmatch(l); c != nil {
				shown = append(shown, strings.TrimSpace(c[1]))
			}
		}
		if len(shown) != 3 {
			t.Fatalf("choices on screen: %q\n%s", shown, m.View())
		}
		return strings.Join(shown, " | ")
	}
	if a, b := orders(7), orders(7); a != b {
		t.Fatalf("same seed, different orders: %s %s", a, b)
	}
	differ := false
	for seed := uint64(1); seed < 20 && !differ; seed++ {
		differ = orders(seed) != orders(seed+100)
	}
	if !differ {
		t.Fatal("the seed changes nothing")
	}
}

func TestResizeKeepsReadingPosition(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "space")
	at80 := d.markReading()
	if at80.pos <= 0 {
		t.Fatal("no position after a page down")
	}
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	requireFits(t, d.view(), 40, 12)
	for _, l := range d.body() {
		if strings.Contains(l, "…") {
			t.Fatalf("not re-wrapped at 40 columns, only cut:\n%s", d.view())
		}
	}
	d.requireBackAt80(at80)
}

func TestContinueResumesAtSavedPosition(t *testing.T) {
	store := openStore(t, "")
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC) // before the test clock: the session's changes are newer
	if err := store.OpenLesson("tui-test-course", "welcome", now); err != nil {
		t.Fatal(err)
	}
	if err := store.SetPosition("tui-test-course", "welcome", 0.5, now); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.requireView("Continue: Welcome to the course  50% read", "◐ 1. Welcome to the course", "in progress")
	d.keys("c")
	d.requireView("Lesson 1 of 3")
	d.rejectView("Rendering the lesson")
	resumed := d.screenBody()
	d.keys("g")
	if d.screenBody() == resumed {
		t.Fatal("c opened the lesson at its top, not at the saved position")
	}

	// Where the learner leaves is where continue opens next time.
	d.keys("space", "j")
	left := d.screenBody()
	d.keys("q")
	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	again := newDriver(t, testCourse(t), openStore(t, store.Path()), 80, 24)
	again.keys("c")
	if again.screenBody() != left {
		t.Fatalf("continue shows\n%s\nthe learner left at\n%s", again.screenBody(), left)
	}
}

func TestSequentialCourseLocks(t *testing.T) {
	c := testCourse(t)
	c.Sequential = true
	d := newDriver(t, c, nil, 80, 24)
	d.requireView("⊘ 2. Choosing a model", "locked")
	d.keys("j", "j")
	d.requireView("Locked: pass the quiz of “Welcome to the course” first")
	d.keys("enter")
	d.requireOutline() // a locked lesson does not open
	d.requireView("Locked: to open it, pass the quiz of “Welcome to the course”.")
	d.keys("k", "enter", "]")
	d.requireView("Lesson 1 of 3", "The next lesson opens once you pass this lesson's quiz (t).")
	d.keys("t")
	d.passWelcomeQuiz(true)
	d.requireView("✓ Passed")
	d.keys("enter")
	d.requireView("Lesson 2 of 3") // passing opens the next lesson
}

// TestSequentialQuizlessLessonUnlocksTheNext is the bug of issue 9: in a sequential course,
// reading a lesson without a quiz to its end completes it, so the next lesson opens.
func TestSequentialQuizlessLessonUnlocksTheNext(t *testing.T) {
	c := testCourse(t)
	c.Sequential = true
	c.Lessons[0].Quiz = nil
	d := newDriver(t, c, openStore(t, ""), 80, 24)
	d.requireView("⊘ 2. Choosing a model", "0 of 3 complete")
	d.keys("j", "j", "enter")
	d.requireView("Locked: to open it, read “Welcome to the course” to its end.")
	d.keys("k", "enter", "]")
	d.requireView("The next lesson opens once you have read this lesson to its end.")
	d.keys("t")
	d.requireView("This lesson has no quiz.")
	d.keys("G", "]")
	d.requireView("Lesson 2 of 3", "Choosing a model")
	d.keys("q")
	d.requireView("✓ 1. Welcome to the course", "complete", "1 of 3 complete", "⊘ 3. Shipping")
	d.rejectView("⊘ 2.")
}

func TestCourseComplete(t *testing.T) {
	store := openStore(t, "")
	for _, id := range []string{"welcome", "models"} {
		if err := store.RecordAttempt("tui-test-course", id, progress.Attempt{Correct: 3, Total: 4, Percent: 75, Passed: true}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.requireView("2 of 3 passed", "passed 75%")
	d.keys("G", "enter", "t", "1", "enter")
	d.requireView("✓ Correct!")
	d.keys("enter")
	d.requireView("★ You have passed every lesson of the course!", "enter: your course summary", "enter course summary")
	d.keys("enter")
	d.requireScreen("Course complete")
	d.requireView("★ Course complete: Testing Course", "You passed all 3 lessons", "75%", "100%",
		"Average of your best scores: 83%", "Well done!", "3/3 passed", "enter/q outline")
	d.keys("q")
	d.requireView("★ Course complete: see your scores", "3 of 3 passed")
	d.keys("g", "enter")
	d.requireScreen("Course complete") // from the outline's complete row
}

func TestOutlineFilter(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("/")
	d.requireView("Filter: a word of a lesson's title or text", "Type a word of a lesson's title or text, then enter to open")
	d.keys("shp")
	d.requireView("Filter: shp", "Shipping and monitoring", "1 of 3")
	d.rejectView("Choosing a model", "Welcome to the course")
	d.keys("backspace", "backspace", "backspace", "zzz")
	d.requireView("No lesson matches “zzz”.")
	d.keys("enter") // nothing to open: the filter stays, with a hint at the key that clears it
	d.requireOutline()
	d.requireView("Filter: zzz  (esc clears)")
	d.keys("esc")
	d.requireView("Welcome to the course", "Choosing a model")
	d.keys("/", "model", "enter")
	d.requireView("Lesson 2 of 3") // the best match opened
	d.keys("q")
	d.requireOutline()
	d.rejectView("Filter:") // the filter went with the opening
	d.keys("/", "q")        // typed, not quit
	if d.quit {
		t.Fatal("q quit while filtering")
	}
	d.requireView("Filter: q")
	d.keys("esc", "esc") // cancel typing; esc on the plain outline does nothing
	if d.quit {
		t.Fatal("esc quit the outline")
	}
	d.requireOutline()
	d.rejectView("Filter:")
}

func TestHelpToggle(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("?")
	d.requireView("Keys", "page down", "clear filter", "Press ? or q to close this help. ctrl+c quits at any time.")
	d.keys("j") // ignored while help shows
	d.requireView("Keys")
	d.keys("?")
	d.rejectView("Press ? or q to close")
	d.keys("enter", "?")
	d.requireView("next match", "previous lesson")
	d.keys("q") // closes the help first
	d.rejectView("Press ? or q to close")
	d.requireView("Lesson 1 of 3")
}

func TestQuitKeys(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "q")
	if d.quit {
		t.Fatal("q in the reader must go back, not quit")
	}
	d.requireOutline()
	d.keys("q")
	if !d.quit {
		t.Fatal("q on the outline must quit")
	}
	d = newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t", "ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c must quit from the quiz")
	}
}

// failingStore fails every save, as a full disk would.
type failingStore struct{}

func (failingStore) Course(string) progress.CourseProgress {
	return progress.CourseProgress{Welcomed: true}
}
func (failingStore) OpenLesson(string, string, time.Time) error {
	return errors.New("write progress.json: no space left on device")
}
func (failingStore) SetPosition(string, string, float64, time.Time) error { return nil }
func (failingStore) MarkRead(string, string, time.Time) error             { return nil }
func (failingStore) RecordAttempt(string, string, progress.Attempt) error { return nil }
func (failingStore) PassLab(string, string, string, map[string]float64, time.Time) error {
	return nil
}
func (failingStore) SaveOpenAttempt(string, string, *progress.OpenAttempt, time.Time) error {
	return nil
}
func (failingStore) MarkWelcomed(string, time.Time) error { return nil }
func (failingStore) RecordReviews(string, *progress.Schedule, []progress.ReviewAnswer) error {
	return nil
}
func (failingStore) SetTimeSpent(string, string, progress.TimeSpan, time.Time) error { return nil }

func TestSaveFailureIsAWarning(t *testing.T) {
	d := newDriver(t, testCourse(t), failingStore{}, 100, 24)
	listen := d.m.Init()
	d.keys("enter") // opening the lesson is saved, and the save fails
	msg := listen()
	if _, ok := msg.(saveResultMsg); !ok {
		t.Fatalf("listener returned %T", msg)
	}
	d.m.Update(msg)
	d.requireView("! Progress not saved: write progress.json: no space")
	// The learner keeps working.
	before := d.body()
	d.keys("j")
	d.requireScrolledBy(before, 1)
}

func TestStartWarningShown(t *testing.T) {
	opts := testOptions()
	opts.Warnings = []string{"progress file p.json is damaged: moved aside"}
	m := New(testCourse(t), nil, opts)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); !strings.Contains(v, "! progress file p.json is damaged") {
		t.Fatalf("no warning:\n%s", v)
	}
}

// TestEverySizeFits draws every screen at sizes from far too small to very wide.
func TestEverySizeFits(t *testing.T) {
	sizes := [][2]int{{1, 1}, {20, 5}, {29, 8}, {30, 7}, {30, 8}, {34, 9}, {40, 12}, {60, 15}, {80, 24}, {120, 40}, {200, 50}, {300, 80}}
	steps := []struct {
		name string
		keys []string
	}{
		{"outline", nil},
		{"help", []string{"?"}},
		{"filter", []string{"/", "mod"}},
		{"reader", []string{"enter"}},
		{"reader-end", []string{"enter", "G"}},
		{"search", []string{"enter", "/", "model", "enter"}},
		{"question", []string{"enter", "t"}},
		{"feedback", []string{"enter", "t", "1", "enter"}},
		{"short", []string{"enter", "t", "2", "enter", "enter", "2", "enter", "enter", "1", "enter", "enter", "tab"}},
		{"result", []string{"enter", "t", "1", "enter", "enter", "1", "enter", "enter", "1", "enter", "enter", "x", "enter", "enter"}},
	}
	for _, size := range sizes {
		w, h := size[0], size[1]
		for _, step := range steps {
			t.Run(fmt.Sprintf("%dx%d/%s", w, h, step.name), func(t *testing.T) {
				d := newDriver(t, testCourse(t), nil, w, h)
				d.keys(step.keys...)
				v := d.view()
				requireFits(t, v, w, h)
				small := w < minWidth || h < minHeight
				if w >= 20 && small != strings.Contains(v, "Terminal too small") {
					t.Fatalf("too small = %v, view:\n%s", small, v)
				}
				if !small && strings.Count(v, "\n") != h-1 {
					t.Fatalf("view has %d lines, want %d", strings.Count(v, "\n")+1, h)
				}
			})
		}
	}
}

// TestResizeStorm resizes through many widths while a lesson is open, as dragging a window
// edge does, and checks nothing is lost or broken.
func TestResizeStorm(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "space")
	at80 := d.markReading()
	for w := 20; w <= 300; w += 7 {
		d.send(tea.WindowSizeMsg{Width: w, Height: 5 + w%40})
		requireFits(t, d.view(), w, 5+w%40)
	}
	d.requireBackAt80(at80)
}

// TestStaleRenderDropped delivers a rendering for an old width after a resize: it is not shown,
// and only then is the lesson rendered at the new width, since one rendering of a lesson runs
// at a time (a lesson that renders slowly must not start one per width).
func TestStaleRenderDropped(t *testing.T) {
	m := New(testCourse(t), nil, testOptions())
	// The outline prefetches the first lesson at 80 columns; opening it waits for that.
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_, prefetch := m.Update(tea.KeyMsg{Type: tea.KeyEnter}) // from the first-start screen to the outline
	if _, cmd := m.Update(openLessonMsg{index: 0}); cmd != nil {
		t.Fatal("opening a lesson being prefetched rendered it twice")
	}
	old := prefetch().(renderedMsg) // rendered at 80 columns, not yet delivered
	if _, cmd := m.Update(tea.WindowSizeMsg{Width: 60, Height: 24}); cmd != nil {
		t.Fatal("a second rendering of the lesson started while the first runs")
	}
	_, cmd := m.Update(old)
	if !strings.Contains(m.View(), "Rendering the lesson") {
		t.Fatalf("a rendering for 80 columns was shown at 60:\n%s", m.View())
	}
	if cmd == nil {
		t.Fatal("the stale rendering did not lead to one at 60 columns")
	}
	m.Update(cmd())
	if v := m.View(); strings.Contains(v, "Rendering the lesson") || widest(v) > 60 {
		t.Fatalf("the 60-column rendering is not shown:\n%s", v)
	}
	// The 80-column rendering went to the cache: going back costs no rendering.
	_, cmd = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if cmd != nil {
		t.Fatal("back at 80 columns, the lesson was rendered again")
	}
	if v := m.View(); strings.Contains(v, "Rendering the lesson") || widest(v) <= 60 {
		t.Fatalf("the 80-column rendering is not shown:\n%s", v)
	}
}

// widest is the width of the widest line of the view's body, trailing spaces left out (the
// bars around it span the terminal).
func widest(view string) int {
	lines := strings.Split(view, "\n")
	w := 0
	for _, l := range lines[1 : len(lines)-2] {
		w = max(w, ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " ")))
	}
	return w
}

func TestMouseWheelScrollsTheLesson(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	first := d.body()
	d.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	d.requireScrolledBy(first, 3)
	d.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	d.requireScrolledBy(first, 0)
}

// TestPositionWrittenWhenScrollingPauses checks the session's save queue through the
// interface: positions are written after the pause, without the learner leaving the lesson.
func TestPositionWrittenWhenScrollingPauses(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "j", "j", "j")
	want := d.lesson("welcome").Position
	deadline := time.Now().Add(5 * time.Second)
	for store.Course("tui-test-course").Lessons["welcome"].Position != want {
		if time.Now().After(deadline) {
			t.Fatalf("position %v never saved (store has %v)", want, store.Course("tui-test-course").Lessons["welcome"].Position)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestSaveWarningWording(t *testing.T) {
	readOnly := fmt.Errorf("%w: p.json was written by a newer aieng; upgrade aieng to save progress", progress.ErrReadOnly)
	got := saveWarning(readOnly)
	if want := "Progress is not saved in this session: p.json was written by a newer aieng; upgrade aieng to save progress"; got != want {
		t.Errorf("read-only warning = %q, want %q", got, want)
	}
	if got := saveWarning(errors.New("write p.json: no space\nleft on device")); got != "Progress not saved: write p.json: no space left on device" {
		t.Errorf("failure warning = %q", got)
	}
}

// TestHintsFollowTheKeyMap rebinds keys and checks that every sentence and hint names the new
// ones: no text spells a key by hand.
func TestHintsFollowTheKeyMap(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	k := d.m.c.keys
	k.TakeQuiz = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "take the quiz"))
	k.Back = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "back"))
	k.NextLesson = key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "next lesson"))
	k.Done = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "continue"))
	d.keys("enter", "G")
	d.requireView("Press x (or enter) to take the quiz", "Press > for the next lesson", "End of the lesson: press x to take the quiz",
		"x quiz", "b outline")
	d.keys("x")
	d.requireScreen("Quiz")
	d.passWelcomeQuiz(false)
	d.requireView("o: back to the lesson", "o back to lesson")
	d.keys("b", ">", ">", ">")
	d.requireView("This is the last lesson: b goes back to the outline.")
}
