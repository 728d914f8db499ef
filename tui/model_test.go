package tui

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/progress"
)

func TestOutlineFirstRun(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.requireView("Testing Course", "Progress", "0 of 3 passed", "Start the course: Welcome to the course",
		"Basics", "Shipping", "1. Welcome to the course", "2. Choosing a model", "3. Shipping and monitoring",
		"5 min", "q quit", "? help", "enter open")
	if d.m.state != outlineScreen {
		t.Fatalf("state = %v", d.m.state)
	}
	if r := d.m.outline.rows[d.m.outline.cursor]; r.kind != rowContinue {
		t.Fatalf("cursor on %v, want the continue row", r.kind)
	}
	d.keys("j")
	d.requireView("1. Welcome to the course", "4 questions") // the status line names the selection
	d.keys("G")
	if got := d.m.outline.selectedLesson(); got != 2 {
		t.Fatalf("G selected lesson %d, want 2", got)
	}
	d.keys("g")
	if r := d.m.outline.rows[d.m.outline.cursor]; r.kind != rowContinue {
		t.Fatalf("g: cursor on %v", r.kind)
	}
}

func TestReaderScrollAndRead(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter")
	if d.m.state != readerScreen || !d.m.reader.ready {
		t.Fatalf("state %v, ready %v", d.m.state, d.m.reader.ready)
	}
	d.requireView("Welcome to the course", "Lesson 1 of 3", "1/3 Welcome to the course", "0%", "t quiz")
	r := d.m.reader
	d.keys("j", "j", "down")
	if r.scroll.offset != 3 {
		t.Fatalf("offset after 3 lines down = %d", r.scroll.offset)
	}
	d.keys("k")
	if r.scroll.offset != 2 {
		t.Fatalf("offset after up = %d", r.scroll.offset)
	}
	d.keys("space")
	if r.scroll.offset != 2+r.scroll.height-2 {
		t.Fatalf("offset after page down = %d (height %d)", r.scroll.offset, r.scroll.height)
	}
	if d.m.c.prog.Lesson("welcome").Read {
		t.Fatal("read before the end")
	}
	d.keys("G")
	if !r.scroll.atBottom() {
		t.Fatal("G did not reach the bottom")
	}
	d.requireView("End of the lesson: press t to take the quiz", "100%", "Press t (or enter) to take the quiz: 4 questions")
	if !d.m.c.prog.Lesson("welcome").Read {
		t.Fatal("not read at the end")
	}
	d.keys("g")
	if r.scroll.offset != 0 {
		t.Fatal("g did not go to the top")
	}
	d.keys("d")
	if r.scroll.offset != r.scroll.height/2 {
		t.Fatalf("half page = %d", r.scroll.offset)
	}
	d.keys("q")
	if d.m.state != outlineScreen {
		t.Fatal("q did not go back to the outline")
	}
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
	if d.m.reader.index != 1 {
		t.Fatalf("] opened lesson %d", d.m.reader.index)
	}
	d.requireView("Choosing a model", "Lesson 2 of 3")
	d.keys("[")
	if d.m.reader.index != 0 {
		t.Fatalf("[ opened lesson %d", d.m.reader.index)
	}
	d.keys("[")
	d.requireView("This is the first lesson.")
	d.keys("]", "]", "]")
	d.requireView("This is the last lesson")
}

func TestReaderSearch(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "/")
	if !d.m.reader.typing() {
		t.Fatal("/ did not start a search")
	}
	d.keys("MODEL") // ignoring case
	s := &d.m.reader.search
	if len(s.matches) < 3 {
		t.Fatalf("%d matches for model", len(s.matches))
	}
	d.requireView("/MODEL", fmt.Sprintf("%d matches", len(s.matches)))
	d.keys("?") // typed, not help
	if d.m.showHelp || s.input.Value() != "MODEL?" {
		t.Fatalf("? while typing: help %v, query %q", d.m.showHelp, s.input.Value())
	}
	d.keys("backspace", "enter")
	if d.m.reader.typing() {
		t.Fatal("enter did not end typing")
	}
	d.requireView("“MODEL”: match 1 of", "n/N next/prev match")
	first := s.matches[s.current].line
	d.keys("n")
	if s.current != 1 {
		t.Fatalf("n: current = %d", s.current)
	}
	d.keys("N", "N")
	if s.current != len(s.matches)-1 {
		t.Fatalf("N wraps to the last match: current = %d", s.current)
	}
	d.keys("n")
	if got := s.matches[s.current].line; got != first {
		t.Fatalf("back to line %d, want %d", got, first)
	}
	// The current match is in view.
	line := s.matches[s.current].line
	if r := d.m.reader; line < r.scroll.offset || line >= r.scroll.offset+r.scroll.height {
		t.Fatalf("match line %d out of view [%d,%d)", line, r.scroll.offset, r.scroll.offset+r.scroll.height)
	}
	d.keys("esc")
	if s.query != "" || d.m.state != readerScreen {
		t.Fatalf("esc: query %q, state %v", s.query, d.m.state)
	}
	d.keys("/", "zebra", "enter")
	d.requireView("“zebra” is not in this lesson.")
}

func TestSearchHighlight(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	r := d.m.reader
	r.search.lines = []string{"\x1b[1mThe model\x1b[0m and another model"}
	r.search.plain = nil
	r.search.find("model")
	if len(r.search.matches) != 2 {
		t.Fatalf("matches = %+v", r.search.matches)
	}
	got := r.search.highlight(r.search.lines[0], r.search.byLine[0])
	// With the ASCII profile the styles vanish: the text must come back intact.
	if plain := stripSGR(got); plain != "The model and another model" {
		t.Fatalf("highlighted text = %q", plain)
	}
}

func stripSGR(s string) string { return ansi.Strip(s) }

func TestQuizPassAndSave(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "t")
	if d.m.state != quizScreen {
		t.Fatal("t did not start the quiz")
	}
	d.requireView("Question 1 of 4 · choose one", "What does a model do?", "(•) 1  It stores data",
		"( ) 2  It turns inputs into outputs", "enter submit", "Quiz")
	d.keys("2")
	d.requireView("› (•) 2  It turns inputs into outputs")
	d.keys("enter")
	d.requireView("✓ Correct!", "A model maps inputs to outputs", "Press enter for the next question.", "✓ Correct · enter: next question")
	d.keys("enter")
	d.requireView("Question 2 of 4 · true or false")
	d.keys("down", "enter", "enter")
	d.requireView("Question 3 of 4 · select all that apply", "[ ] 1  Serving it behind an API")
	d.keys("enter") // nothing ticked
	d.requireView("Tick the choices you think are right")
	d.keys("space", "2")
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
	// The attempt is recorded with the last answer, before the result is even shown.
	if lp := d.m.c.prog.Lesson("welcome"); !lp.Passed || lp.Best != 100 {
		t.Fatalf("progress after the last answer: %+v", lp)
	}
	d.keys("enter")
	d.requireView("✓ Passed: Welcome to the course", "4 of 4 correct · 100%", "The pass mark is 70%.",
		"enter: next lesson", "r: retry all questions", "Result")
	d.rejectView("Missed")
	d.keys("enter")
	if d.m.state != readerScreen || d.m.reader.index != 1 {
		t.Fatalf("enter after a pass: state %v lesson %d", d.m.state, d.m.reader.index)
	}
	d.keys("q")
	d.requireView("1 of 3 passed", "✓ 1. Welcome to the course", "passed 100%")

	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	saved := openStore(t, store.Path()).Course("tui-test-course").Lessons["welcome"]
	if len(saved.Attempts) != 1 || !saved.Passed || saved.Attempts[0].Correct != 4 {
		t.Fatalf("saved: %+v", saved)
	}
	a := saved.Attempts[0]
	if a.Answers[0].QuestionID != "welcome/q1" || a.Answers[0].Given[0] != "It turns inputs into outputs" || a.Answers[0].Hash == "" {
		t.Fatalf("answer 1 saved as %+v", a.Answers[0])
	}
	if a.Answers[3].Given[0] != "Training Set." {
		t.Fatalf("short answer saved as %+v", a.Answers[3])
	}
}

func TestQuizFailFeedbackAndRetryMissed(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 40)
	d.keys("enter", "t")
	d.keys("1", "enter")
	d.requireView("✗ Not quite.", "The answer is: It turns inputs into outputs",
		"│ Storing data is the job of a database.", "✗ (•) 1  It stores data", "✓ ( ) 2  It turns inputs")
	d.keys("enter")
	d.keys("2", "enter", "enter") // right: False
	d.keys("1", "3", "enter")     // wrong: a wrong choice ticked
	d.requireView("│ You need the training data", "The answers are: Serving it behind an API; Watching its inputs and outputs")
	d.keys("enter")
	d.keys("data", "enter")
	d.requireView("Your answer: data ✗", "Accepted answers: training data, training set, training")
	d.keys("enter")
	d.requireView("✗ Not passed yet", "1 of 4 correct · 25%", "Missed questions", "1. What does a model do?",
		"3. Which steps are part of shipping a model?", "m: retry the 3 missed", "enter: back to the lesson")
	d.requireView("25%: the pass mark is 70%")

	d.keys("m")
	d.requireView("Missed question 1 of 3", "What does a model do?")
	d.keys("2", "enter", "enter")
	d.requireView("Missed question 2 of 3", "Which steps")
	d.keys("1", "2", "enter", "enter")
	d.keys("training", "enter", "enter")
	d.requireView("✓ Passed", "4 of 4 correct · 100%")

	d.keys("r")
	d.requireView("Question 1 of 4")
	d.keys("q") // no answer yet: leaves at once
	if d.m.state != readerScreen {
		t.Fatalf("q without answers: state %v", d.m.state)
	}

	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}
	saved := openStore(t, store.Path()).Course("tui-test-course").Lessons["welcome"]
	if len(saved.Attempts) != 2 || saved.Attempts[0].Passed || !saved.Attempts[1].Passed || saved.Best != 100 {
		t.Fatalf("saved attempts: %+v", saved.Attempts)
	}
	if n := len(saved.Attempts[1].Answers); n != 4 {
		t.Fatalf("the retry of missed questions saved %d answers, want all 4", n)
	}
}

func TestQuizLeaveAsksFirst(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter")
	d.keys("q")
	if d.m.state != quizScreen {
		t.Fatal("q left at once with answers given")
	}
	d.requireView("Leave the quiz? Answers so far are lost: press q again.")
	d.keys("q")
	if d.m.state != readerScreen {
		t.Fatal("second q did not leave")
	}
	// Nothing was recorded.
	if n := len(d.m.c.prog.Lesson("welcome").Attempts); n != 0 {
		t.Fatalf("%d attempts recorded", n)
	}
}

func TestQuizKeysForChoices(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t")
	d.keys("9")
	d.requireView("There are only 3 choices.")
	d.keys("down", "down", "down") // stops at the last
	if d.m.quiz.cursor != 2 {
		t.Fatalf("cursor = %d", d.m.quiz.cursor)
	}
	d.keys("up")
	if d.m.quiz.cursor != 1 {
		t.Fatalf("cursor = %d", d.m.quiz.cursor)
	}
	d.keys("h")
	d.requireView("This question has no hint.")
}

func TestShuffleIsSeeded(t *testing.T) {
	c := testCourse(t)
	for _, q := range c.Lessons[0].Quiz {
		q.Shuffle = true
	}
	orders := func(seed uint64) string {
		opts := testOptions()
		opts.Seed = seed
		m := New(c, nil, opts)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m.quiz.start(0, false)
		return fmt.Sprint(m.quiz.order)
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
	d.keys("enter")
	r := d.m.reader
	d.keys("space")
	pos := r.pos
	top80 := r.scroll.offset
	if pos <= 0 {
		t.Fatal("no position after a page down")
	}
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	if r.width != 40 {
		t.Fatalf("not re-wrapped: width %d", r.width)
	}
	if got := float64(r.scroll.offset) / float64(r.scroll.total); math.Abs(got-pos) > 0.02 {
		t.Fatalf("position %.3f at 40 columns, was %.3f", got, pos)
	}
	requireFits(t, d.view(), 40, 12)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if r.scroll.offset != top80 {
		t.Fatalf("back at 80 columns: offset %d, was %d", r.scroll.offset, top80)
	}
	if r.pos != pos {
		t.Fatalf("resizing moved the position from %v to %v", pos, r.pos)
	}
}

func TestContinueResumesAtSavedPosition(t *testing.T) {
	store := openStore(t, "")
	now := time.Now()
	if err := store.OpenLesson("tui-test-course", "welcome", now); err != nil {
		t.Fatal(err)
	}
	if err := store.SetPosition("tui-test-course", "welcome", 0.5, now); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.requireView("Continue: Welcome to the course  50% read", "◐ 1. Welcome to the course", "in progress")
	d.keys("c")
	r := d.m.reader
	if d.m.state != readerScreen || r.index != 0 {
		t.Fatal("c did not open the last lesson")
	}
	if want := int(math.Round(0.5 * float64(r.scroll.total))); r.scroll.offset != min(want, r.scroll.maxOffset()) {
		t.Fatalf("offset %d, want %d", r.scroll.offset, want)
	}
}

func TestSequentialCourseLocks(t *testing.T) {
	c := testCourse(t)
	c.Sequential = true
	d := newDriver(t, c, nil, 80, 24)
	d.requireView("⊘ 2. Choosing a model", "locked")
	d.keys("j", "j")
	d.requireView("Locked until you pass “Welcome to the course”")
	d.keys("enter")
	if d.m.state != outlineScreen {
		t.Fatal("a locked lesson opened")
	}
	d.requireView("Locked: pass the quiz of “Welcome to the course” to open this lesson.")
	d.keys("k", "enter", "]")
	if d.m.reader.index != 0 {
		t.Fatal("] opened a locked lesson")
	}
	d.requireView("The next lesson opens once you pass this lesson's quiz (t).")
	d.keys("t")
	d.passWelcomeQuiz(true)
	d.requireView("✓ Passed")
	d.keys("enter")
	if d.m.state != readerScreen || d.m.reader.index != 1 {
		t.Fatal("passing did not open the next lesson")
	}
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
	d.requireView("★ You have passed every lesson of the course!", "enter: your course summary")
	d.keys("enter")
	if d.m.state != completeScreen {
		t.Fatalf("state %v", d.m.state)
	}
	d.requireView("★ Course complete: Testing Course", "You passed all 3 lessons", "75%", "100%",
		"Average of your best scores: 83%", "Well done!")
	d.keys("q")
	d.requireView("★ Course complete: see your scores", "3 of 3 passed")
	d.keys("g", "enter")
	if d.m.state != completeScreen {
		t.Fatal("the outline's complete row did not open the summary")
	}
}

func TestOutlineFilter(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("/")
	if !d.m.outline.typing() {
		t.Fatal("/ did not start filtering")
	}
	d.keys("shp")
	d.requireView("Filter: shp", "Shipping and monitoring", "1 of 3")
	d.rejectView("Choosing a model", "Welcome to the course")
	d.keys("backspace", "backspace", "backspace", "zzz")
	d.requireView("No lesson title matches “zzz”.")
	d.keys("enter") // nothing to open
	if d.m.state != outlineScreen {
		t.Fatal("enter with no match left the outline")
	}
	d.keys("esc")
	d.requireView("Welcome to the course", "Choosing a model")
	d.keys("/", "model", "enter")
	if d.m.state != readerScreen || d.m.reader.index != 1 {
		t.Fatalf("enter in the filter: state %v", d.m.state)
	}
	d.keys("q")
	if d.m.outline.filter.Value() != "" {
		t.Fatal("the filter stayed after opening a lesson")
	}
	d.keys("/", "q") // typed, not quit
	if d.quit {
		t.Fatal("q quit while filtering")
	}
	d.keys("esc", "esc") // cancel typing; esc on the plain outline does nothing
	if d.quit || d.m.state != outlineScreen {
		t.Fatal("esc quit the outline")
	}
}

func TestHelpToggle(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("?")
	d.requireView("Keys", "page down", "clear filter", "Press ? or q to close this help.")
	d.keys("j") // ignored while help shows
	d.requireView("Keys")
	d.keys("?")
	d.rejectView("Press ? or q to close")
	d.keys("enter", "?")
	d.requireView("next match", "previous lesson")
	d.keys("q")
	if d.m.state != readerScreen || d.m.showHelp {
		t.Fatal("q closes the help first")
	}
}

func TestQuitKeys(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "q")
	if d.quit || d.m.state != outlineScreen {
		t.Fatal("q in the reader must go back, not quit")
	}
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

func (failingStore) Course(string) progress.CourseProgress { return progress.CourseProgress{} }
func (failingStore) OpenLesson(string, string, time.Time) error {
	return errors.New("write progress.json: no space left on device")
}
func (failingStore) SetPosition(string, string, float64, time.Time) error { return nil }
func (failingStore) MarkRead(string, string, time.Time) error             { return nil }
func (failingStore) RecordAttempt(string, string, progress.Attempt) error { return nil }

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
	d.keys("j")
	if d.m.state != readerScreen || d.m.reader.scroll.offset != 1 {
		t.Fatal("the failure stopped the reader")
	}
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
				small := w < MinWidth || h < MinHeight
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
	pos := d.m.reader.pos
	for w := 20; w <= 300; w += 7 {
		d.send(tea.WindowSizeMsg{Width: w, Height: 5 + w%40})
		requireFits(t, d.view(), w, 5+w%40)
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if d.m.reader.pos != pos {
		t.Fatalf("position moved from %v to %v", pos, d.m.reader.pos)
	}
}

// TestStaleRenderDropped delivers a rendering for an old width after a resize.
func TestStaleRenderDropped(t *testing.T) {
	m := New(testCourse(t), nil, testOptions())
	// The outline prefetches the first lesson at 80 columns; opening it waits for that.
	_, prefetch := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if _, cmd := m.Update(openLessonMsg{index: 0}); cmd != nil {
		t.Fatal("opening a lesson being prefetched rendered it twice")
	}
	old := prefetch().(renderedMsg) // rendered at 80 columns, not yet delivered
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
	m.Update(old)
	if m.reader.ready {
		t.Fatal("a rendering for 80 columns was shown at 60")
	}
	m.Update(cmd())
	if !m.reader.ready || m.reader.width != 60 {
		t.Fatalf("ready %v width %d", m.reader.ready, m.reader.width)
	}
	// The 80-column rendering went to the cache: going back costs no rendering.
	_, cmd = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if cmd != nil || m.reader.width != 80 {
		t.Fatalf("back to 80: cmd %v width %d", cmd != nil, m.reader.width)
	}
}

func TestMouseWheelScrollsTheLesson(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	d.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if d.m.reader.scroll.offset != 3 {
		t.Fatalf("wheel down: offset %d", d.m.reader.scroll.offset)
	}
	d.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	if d.m.reader.scroll.offset != 0 {
		t.Fatalf("wheel up: offset %d", d.m.reader.scroll.offset)
	}
}

// TestPositionWrittenWhenScrollingPauses checks the saver: positions are coalesced and written
// after the pause, without the learner leaving the lesson.
func TestPositionWrittenWhenScrollingPauses(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "j", "j", "j")
	want := d.m.reader.pos
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

// TestSequentialQuizlessLessonUnlocksTheNext is the bug of issue 9: in a sequential course,
// reading a lesson without a quiz to its end completes it, so the next lesson opens.
func TestSequentialQuizlessLessonUnlocksTheNext(t *testing.T) {
	c := testCourse(t)
	c.Sequential = true
	c.Lessons[0].Quiz = nil
	d := newDriver(t, c, openStore(t, ""), 80, 24)
	d.requireView("⊘ 2. Choosing a model", "0 of 3 complete")
	d.keys("j", "j", "enter")
	d.requireView("Locked: read “Welcome to the course” to its end to open this lesson.")
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
