package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/srs"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// yesterday is the day before testClock's: answers given then come back on the test's day.
var yesterday = time.Date(2026, 1, 1, 15, 0, 0, 0, time.UTC)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestReviewSession: the outline says what is due; r opens a review of the questions missed
// yesterday, in the quiz's look; each answer is saved for review; the summary says how it went
// and when the next review is; back on the outline nothing is due any more.
func TestReviewSession(t *testing.T) {
	c := testCourse(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	store := missedYesterday(t, c, path)
	d := newDriver(t, c, store, 80, 24)
	d.requireLine("2 due for review", "(r)")
	d.requireLine("↻ Review the 2 questions due")
	d.keys("r")
	d.requireScreen("Review")
	d.requireView("Review 1 of 2 · Welcome to the course · choose one", "What does a model do?")
	d.keys("2", "enter") // right
	d.requireView("✓ Correct!")
	d.keys("enter")
	d.requireView("Review 2 of 2", "true or false")
	d.keys("1", "enter", "G", "enter") // wrong, then on to the summary
	d.requireView("✓ Review done", "You reviewed 2 questions from 1 lesson: 1 right, 1 missed.",
		"Each missed question comes back tomorrow", "Missed question")
	if strings.Contains(d.view(), "Passed") {
		t.Errorf("a review is scored like a quiz:\n%s", d.view())
	}
	d.keys("enter")
	d.requireOutline()
	d.rejectView("due for review")
	if err := d.m.Close(); err != nil {
		t.Fatal(err)
	}

	log := openStore(t, path).Course("tui-test-course").Reviews
	var reviews []progress.ReviewEntry
	for _, e := range log {
		if e.Source == srs.SourceReview {
			reviews = append(reviews, e)
		}
	}
	if len(reviews) != 2 || reviews[0].Rating != srs.Good || reviews[1].Rating != srs.Again || reviews[0].Lesson != "welcome" {
		t.Fatalf("reviews saved: %+v", reviews)
	}
	if lp := openStore(t, path).Course("tui-test-course").Lessons["welcome"]; len(lp.Attempts) != 1 {
		t.Errorf("a review recorded a quiz attempt: %+v", lp.Attempts)
	}
}

// missedYesterday is a store, in the file at path, in which the learner missed the welcome
// quiz's first two questions yesterday and answered the other two right.
func missedYesterday(t *testing.T, c *lessons.Course, path string) *progress.Store {
	t.Helper()
	store := openStore(t, path)
	q := c.Lesson("welcome").Quiz
	var answers []progress.Answer
	for i, question := range q {
		answers = append(answers, progress.Answer{QuestionID: question.ID, Hash: question.Hash, Given: []string{"x"}, Correct: i >= 2, At: yesterday})
	}
	must(t, store.MarkWelcomed("tui-test-course", yesterday))
	must(t, store.RecordAttempt("tui-test-course", "welcome", progress.Attempt{ID: "a1", Time: yesterday, Correct: 2, Total: 4, Percent: 50, Answers: answers}))
	return store
}

// TestReviewLeftHalfWayKeepsItsAnswers: leaving a review saves the answers given, and the
// override of a wrong short answer ("I was right") rates it hard.
func TestReviewLeftHalfWayKeepsItsAnswers(t *testing.T) {
	c := testCourse(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openStore(t, path)
	q := c.Lesson("welcome").Quiz
	short := q[3]
	must(t, store.RecordAttempt("tui-test-course", "welcome", progress.Attempt{ID: "a1", Time: yesterday,
		Answers: []progress.Answer{{QuestionID: short.ID, Hash: short.Hash, Given: []string{"x"}, At: yesterday},
			{QuestionID: q[0].ID, Hash: q[0].Hash, Given: []string{"x"}, At: yesterday.Add(time.Minute)}}}))
	d := newDriver(t, c, store, 80, 24)
	d.keys("r")
	d.requireView("type your answer")
	d.keys("the data it learns from", "enter")
	d.requireView("press o to count it as right")
	d.keys("o", "q") // counted right, then leave at once: nothing is lost
	d.requireOutline()
	d.requireLine("1 due for review")
	must(t, d.m.Close())
	log := openStore(t, path).Course("tui-test-course").Reviews
	last := log[len(log)-1]
	if last.Source != srs.SourceReview || last.QuestionID != short.ID || last.Rating != srs.Hard {
		t.Errorf("the overridden review: %+v", last)
	}
}

// TestReviewAnswerIsSavedAsItIsGiven: an answer is saved for review the moment it is given, like
// a quiz's open attempt: the program ending on its feedback (the terminal window closed) loses
// nothing.
func TestReviewAnswerIsSavedAsItIsGiven(t *testing.T) {
	c := testCourse(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	d := newDriver(t, c, missedYesterday(t, c, path), 80, 24)
	d.keys("r", "1", "enter") // wrong
	d.requireView("Review 1 of 2", "✗")
	must(t, d.m.Close()) // no key more: the window is gone
	reviews := reviewsIn(openStore(t, path).Course("tui-test-course").Reviews)
	if len(reviews) != 1 || reviews[0].Rating != srs.Again || reviews[0].QuestionID != c.Lesson("welcome").Quiz[0].ID {
		t.Fatalf("reviews saved: %+v", reviews)
	}
}

// TestReviewOverrideReplacesItsRating: "I was right" after a review answer's feedback rates the
// saved answer again: one entry, hard, with the id of the first rating; the session counts the
// answer once.
func TestReviewOverrideReplacesItsRating(t *testing.T) {
	c := testCourse(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openStore(t, path)
	short := c.Lesson("welcome").Quiz[3]
	must(t, store.RecordAttempt("tui-test-course", "welcome", progress.Attempt{ID: "a1", Time: yesterday,
		Answers: []progress.Answer{{QuestionID: short.ID, Hash: short.Hash, Given: []string{"x"}, At: yesterday}}}))
	d := newDriver(t, c, store, 80, 24)
	d.keys("r", "the data it learns from", "enter")
	d.requireView("press o to count it as right")
	first := reviewsIn(d.m.c.prog.Progress().Reviews)
	d.keys("o")
	d.requireView("Counted as right")
	if st := d.m.c.prog.ReviewStatus(); st.DoneToday != 1 || st.Due != 0 {
		t.Errorf("after the override the session stands at %+v", st)
	}
	must(t, d.m.Close()) // on the feedback still
	reviews := reviewsIn(openStore(t, path).Course("tui-test-course").Reviews)
	if len(first) != 1 || first[0].Rating != srs.Again {
		t.Fatalf("the answer as given was saved as %+v", first)
	}
	if len(reviews) != 1 || reviews[0].ID != first[0].ID || reviews[0].Rating != srs.Hard || reviews[0].RatedAt.IsZero() {
		t.Fatalf("after the override the log holds %+v\nwant one entry, hard, with the id %s", reviews, first[0].ID)
	}
	if reviews[0].Due.Before(first[0].Due) || !reviews[0].Time.Equal(first[0].Time) {
		t.Errorf("the second rating %+v does not follow from the card before the first %+v", reviews[0], first[0])
	}
}

// reviewsIn keeps the review-session entries of a log.
func reviewsIn(log []progress.ReviewEntry) []progress.ReviewEntry {
	var out []progress.ReviewEntry
	for _, e := range log {
		if e.Source == srs.SourceReview {
			out = append(out, e)
		}
	}
	return out
}

// TestPracticeReviewChangesNothing: a practice session asks every question answered and saves
// no review.
func TestPracticeReviewChangesNothing(t *testing.T) {
	c := testCourse(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	store := missedYesterday(t, c, path)
	opts := testOptions()
	opts.Review = ReviewPractice
	d := newDriverWith(t, opts, c, store, 80, 24)
	d.requireView("Practice 1 of 4")
	for range 4 {
		d.keys("1", "enter", "G", "enter")
	}
	d.requireView("Practice done", "Practice changes nothing")
	must(t, d.m.Close())
	after := openStore(t, path).Course("tui-test-course").Reviews
	for _, e := range after {
		if e.Source == srs.SourceReview {
			t.Fatalf("practice saved a review: %+v", e)
		}
	}
	if len(after) != 4 { // the quiz's four answers, replayed into the log at the start
		t.Errorf("log holds %d entries, want 4: %+v", len(after), after)
	}
}

// TestNothingToReview: r with nothing due stays on the outline and says when the next review is.
func TestNothingToReview(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("r")
	d.requireOutline()
	d.requireView("Nothing to review yet")
}

// TestReviewFitsSmallTerminals: the review question and its summary fit 40x12.
func TestReviewFitsSmallTerminals(t *testing.T) {
	c := testCourse(t)
	d := newDriver(t, c, missedYesterday(t, c, filepath.Join(t.TempDir(), "progress.json")), 40, 12)
	d.requireView("2 due")
	d.keys("r")
	requireFits(t, d.view(), 40, 12)
	d.requireView("Review 1 of 2")
	d.keys("2", "enter")
	requireFits(t, d.view(), 40, 12)
	d.keys("G", "enter", "1", "enter", "G", "enter")
	requireFits(t, d.view(), 40, 12)
	d.requireView("Review done")
}

// TestTimeSpentOnALesson: the time between keys in a lesson counts to it, each pause at most
// idleCap; the outline shows it.
func TestTimeSpentOnALesson(t *testing.T) {
	c := testCourse(t)
	now := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	opts := testOptions()
	opts.Now = func() time.Time { return now }
	d := newDriverWith(t, opts, c, nil, 80, 24)
	d.keys("enter") // open the first lesson
	for _, pause := range []time.Duration{2 * time.Minute, time.Minute, time.Hour} {
		now = now.Add(pause)
		d.keys("j")
	}
	if got := d.lesson("welcome").TimeSpent; got != 6*time.Minute { // 2 + 1 + at most 3
		t.Errorf("time spent = %v, want 6m0s", got)
	}
	now = now.Add(time.Hour) // on the outline: no lesson's time
	d.keys("q")
	d.keys("j")
	if got := d.lesson("welcome").TimeSpent; got != 9*time.Minute {
		t.Errorf("time spent = %v, want 9m0s (the pause before leaving counts, capped)", got)
	}
	d.requireLine("9 min spent")
}

// Golden files of the review: the outline with questions due, a review question, and the
// summary (go test ./tui -run Golden -update refreshes them).
func TestGoldenOutlineReviewsDue(t *testing.T) {
	runGolden(t, missedYesterday(t, testCourse(t), filepath.Join(t.TempDir(), "progress.json")))
}

func TestGoldenReviewQuestion(t *testing.T) {
	runGolden(t, missedYesterday(t, testCourse(t), filepath.Join(t.TempDir(), "progress.json")),
		goldenStep{keys: []string{"r", "2"}})
}

func TestGoldenReviewSummary(t *testing.T) {
	runGolden(t, missedYesterday(t, testCourse(t), filepath.Join(t.TempDir(), "progress.json")),
		goldenStep{keys: []string{"r", "2", "enter", "enter", "1", "enter", "G", "enter"}})
}

// TestQuizAnswersAreScheduled: the answers of a quiz are logged for review when its attempt is
// recorded; a practice round of the missed questions the same day adds nothing (the first answer
// of a day counts); the missed questions are due the next day.
func TestQuizAnswersAreScheduled(t *testing.T) {
	c := testCourse(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	d := newDriver(t, c, openStore(t, path), 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(false)
	d.requireView("Not passed yet")
	d.keys("m")
	d.requireView("Practice 1 of")
	for range 4 {
		d.keys("2", "enter", "G", "enter")
	}
	d.requireView("Practice: Welcome to the course")
	if st := d.m.c.prog.ReviewStatus(); st.Cards != 4 || st.Due != 0 || st.NextCount != 4 {
		t.Errorf("after the quiz: %+v", st)
	}
	must(t, d.m.Close())
	log := openStore(t, path).Course("tui-test-course").Reviews
	if len(log) != 4 {
		t.Fatalf("log holds %d entries, want the quiz's 4: %+v", len(log), log)
	}
	for _, e := range log {
		if e.Source != srs.SourceQuiz || e.Rating != srs.Again || e.ScheduledDays != 1 {
			t.Errorf("entry %+v", e)
		}
	}
}

// TestTypedAnswerStaysInView: at 40x12 the input of a short-answer question with a long prompt
// shows what is typed (the prompt scrolls up to make room). A review asks in the quiz's look,
// where the line above the prompt made the input fall off the screen.
func TestTypedAnswerStaysInView(t *testing.T) {
	lesson := "---\ntitle: Long prompts\n---\n\nText.\n\n## Quiz\n\n" +
		"### In a model that predicts whether a customer will leave, which data does the model learn its weights from, before validation and test? {kind=short}\n\n" +
		"- [x] training data\n\n> The training data is what a model learns from.\n"
	c, probs, err := lessons.Load(fstest.MapFS{"course.yaml": {Data: []byte("id: long\ntitle: Long\n")}, "01-long.md": {Data: []byte(lesson)}}, "long")
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs.Errors())
	}
	d := newDriver(t, c, nil, 40, 12)
	d.keys("enter", "t", "labelled")
	d.requireView("› labelled")
	requireFits(t, d.view(), 40, 12)
}

// TestKeyBurstCountsTimeOnce: Bubble Tea delivers keys read together as one message, which the
// router splits into single presses (keyBurst). The burst arrived at one instant: the pause
// before it counts once, capped, to the lesson on show when it arrived, even when its keys
// open another lesson; that lesson's time starts with the burst.
func TestKeyBurstCountsTimeOnce(t *testing.T) {
	c := testCourse(t)
	now := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	opts := testOptions()
	opts.Now = func() time.Time { return now }
	d := newDriverWith(t, opts, c, nil, 80, 24)
	d.keys("enter") // open the first lesson
	first, second := c.Lessons[0].ID, c.Lessons[1].ID
	now = now.Add(2 * time.Minute)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj]jj")}) // scroll, next lesson, scroll
	d.requireScreen(c.Lessons[1].Title)
	if got := d.lesson(first).TimeSpent; got != 2*time.Minute {
		t.Errorf("%s: %v, want the pause before the burst, 2m0s", first, got)
	}
	if got := d.lesson(second).TimeSpent; got != 0 {
		t.Errorf("%s: %v, want 0: the burst that opened it took no time", second, got)
	}
	now = now.Add(time.Hour)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kkkk")})
	if got := d.lesson(second).TimeSpent; got != idleCap {
		t.Errorf("%s: %v after an hour's pause and a burst, want %v once", second, got, idleCap)
	}
}
