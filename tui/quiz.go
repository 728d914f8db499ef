package tui

import (
	"fmt"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// quizModel runs a lesson's quiz: one question at a time, feedback after each answer, and the
// result at the end, with a new attempt or practice of the questions missed. What an answer, a
// round, a score and a pass mean is lessons.Round's business: this screen collects keys
// (quizkeys.go) and draws (quizview.go, quizresult.go).
//
// A full attempt is kept as an open attempt in the learner's progress after every answer, so
// leaving the quiz (or a crash) loses nothing: opening it again offers to continue. The attempt
// is recorded when the learner moves on from its last answer.
type quizModel struct {
	c *common

	index  int
	lesson *lessons.Lesson

	round     *lessons.Round    // this round: a full attempt, or practice of missed questions
	attemptID string            // the attempt's ID, also its open attempt's while under way
	started   time.Time         // when the full attempt started
	given     []progress.Answer // the records of this round's answers, in the order given
	recorded  bool              // the round's attempt is recorded
	qi        int               // the question shown, an index into round.Questions()
	phase     quizPhase
	left      *progress.OpenAttempt // phase resuming: the attempt left half-way
	resumable *lessons.Round        // ...and its round, rebuilt

	order  []int        // the current question's choices in the order shown
	cursor int          // index into order; -1 while no choice has been chosen or moved to
	picked map[int]bool // ticked choices (multiple select), by written index
	digit  firstDigit   // a digit that may begin a two-digit choice number (quizdigits.go)
	input  textinput.Model

	result       *lessons.Result // the round's, once finished
	courseDone   bool            // this round completed the course
	confirmLeave bool
	shownAt      time.Time // when the question, feedback or result on show appeared (inputGrace)
	touched      bool      // a key other than one that moves on was pressed since (lifts inputGrace)

	lines      []string // the composed body
	cursorLine int      // the line of the focused choice, kept in view
	scroll     scroller

	rv *reviewRun // the review screen's session (review.go); nil in a lesson's quiz
}

type quizPhase int

const (
	resuming quizPhase = iota // the quiz was left half-way: continue or start over?
	asking                    // a question waits for an answer
	answered                  // the feedback of the answer is shown
	finished                  // the result of the round is shown
)

// inputGrace is how long after a question, its feedback or the result appears the keys that
// move on are ignored, unless another key came first (a choice, a scroll): a key pressed in
// that instant was meant for the screen before (a double enter at the end of a lesson), not for
// one the learner has not seen yet.
const inputGrace = 300 * time.Millisecond

func newQuiz(c *common) *quizModel {
	return &quizModel{c: c, input: newTextInput("› ", "type your answer", 200, c.st)}
}

// enter opens a lesson's quiz (startQuizMsg): the attempt left half-way, if there is one that
// still fits the quiz, else a new full attempt.
func (z *quizModel) enter(msg navMsg) (tea.Cmd, bool) {
	if r, ok := msg.(startReviewMsg); ok {
		return z.enterReview(r)
	}
	start, ok := msg.(startQuizMsg)
	if !ok || start.index < 0 || start.index >= len(z.c.course.Lessons) || len(z.c.course.Lessons[start.index].Quiz) == 0 {
		return nil, false
	}
	z.index, z.lesson = start.index, z.c.course.Lessons[start.index]
	z.confirmLeave = false
	if open := z.c.prog.Lesson(z.lesson.ID).Open; open != nil {
		if r, ok := courseinfo.Resume(z.lesson, open); ok {
			z.phase, z.left, z.resumable = resuming, open, r
			z.shown()
			return z.resize(), true
		}
		z.c.prog.DropOpenAttempt(z.lesson.ID)
		z.c.setFlash("The quiz has changed since you left it half-way: it starts over.", true)
	}
	cmd := z.startFull()
	return tea.Batch(cmd, z.resize()), true
}

// leave records the attempt when its last answer is given: moving on, leaving the quiz and
// quitting all finish it.
func (z *quizModel) leave() {
	if z.round != nil && z.phase == answered && z.round.Done() {
		z.finish()
	}
}

// courseChanged moves the quiz to the new version of its lesson, keeping the learner's place
// (quizreload.go). When the lesson is gone from the course, the quiz goes back to the outline.
func (z *quizModel) courseChanged() tea.Cmd {
	if z.rv != nil {
		return z.reviewCourseChanged()
	}
	i := z.c.course.Index(z.lesson.ID)
	if i < 0 {
		z.c.setFlash(fmt.Sprintf("The lesson %q is gone from the course.", z.lesson.ID), true)
		z.c.goTo(showOutlineMsg{})
		return nil
	}
	z.index = i
	return tea.Batch(z.reloadQuiz(z.c.course.Lessons[i]), z.resize())
}

// startFull begins a full attempt: the questions drawn for it (all, or draw: N of them).
func (z *quizModel) startFull() tea.Cmd {
	z.lesson = z.c.course.Lessons[z.index]
	z.round = lessons.NewRound(z.lesson.DrawQuestions(z.c.rng))
	z.attemptID, z.started = progress.NewAttemptID(), z.c.opts.Now()
	z.given, z.recorded, z.result, z.courseDone = nil, false, nil, false
	return z.begin(0)
}

// startOver drops the attempt left half-way and begins a new one.
func (z *quizModel) startOver() tea.Cmd {
	z.c.prog.DropOpenAttempt(z.lesson.ID)
	z.left, z.resumable = nil, nil
	return z.startFull()
}

// resume continues the attempt left half-way where it stopped (its result, when every
// question was answered).
func (z *quizModel) resume() tea.Cmd {
	z.round, z.attemptID, z.started = z.resumable, z.left.ID, z.left.Started
	z.given, z.recorded, z.result, z.courseDone = slices.Clone(z.left.Answers), false, nil, false
	z.left, z.resumable = nil, nil
	if z.round.Done() {
		z.finish()
		z.phase = finished
		z.scroll.offset = 0
		z.shown()
		return nil
	}
	return z.begin(z.round.Answered())
}

// practise begins a practice round of the questions this round missed.
func (z *quizModel) practise() tea.Cmd {
	next := z.round.RetryMissed()
	if next == nil {
		return nil
	}
	z.round, z.attemptID = next, progress.NewAttemptID()
	z.given, z.recorded, z.result, z.courseDone = nil, false, nil, false
	return z.begin(0)
}

func (z *quizModel) questions() []*lessons.Question { return z.round.Questions() }

func (z *quizModel) question() *lessons.Question { return z.questions()[z.qi] }

func (z *quizModel) lastQuestion() bool { return z.qi+1 >= len(z.questions()) }

// begin shows question n of the round, with nothing chosen.
func (z *quizModel) begin(n int) tea.Cmd {
	z.reviewAt(n)
	z.qi, z.phase, z.confirmLeave = n, asking, false
	q := z.question()
	z.order = q.ChoiceOrder(z.c.rng)
	z.cursor = -1
	z.picked = map[int]bool{}
	z.digit = firstDigit{}
	z.input.SetValue("")
	z.scroll.offset = 0
	z.shown()
	var cmd tea.Cmd
	if q.Typed() {
		cmd = z.input.Focus()
	} else {
		z.input.Blur()
	}
	z.compose()
	return cmd
}

// shown notes that a new question, feedback or result is on show, for inputGrace.
func (z *quizModel) shown() { z.shownAt, z.touched = z.c.opts.Now(), false }

// record records the answer to the current question and shows its feedback.
func (z *quizModel) record(a lessons.Answer) {
	z.round.Record(a)
	last, _ := z.round.Last()
	z.given = append(z.given, courseinfo.Answer(last, z.c.opts.Now()))
	z.keepOpen()
	z.saveReview(false)
	z.phase = answered
	z.scroll.offset = 0
	z.shown()
}

// keepOpen saves a full attempt under way, with its answers so far. Practice is not kept: it
// is a retry right after the answers were shown, not the quiz.
func (z *quizModel) keepOpen() {
	if z.rv == nil && !z.round.Practice() {
		z.c.prog.SaveOpenAttempt(z.lesson.ID, courseinfo.OpenAttempt(z.attemptID, z.started, z.round, z.given))
	}
}

// override counts the last answer as right on the learner's word ("I was right").
func (z *quizModel) override() {
	if !z.round.OverrideLast() {
		return
	}
	last, _ := z.round.Last()
	z.given[len(z.given)-1] = courseinfo.Answer(last, z.given[len(z.given)-1].At)
	z.keepOpen()
	z.saveReview(true)
	z.c.setFlash("Counted as right. Reports show it was your call (an override).", false)
}

// finish records the finished round as an attempt (once) and scores it.
func (z *quizModel) finish() {
	if z.rv != nil {
		z.finishReview()
		return
	}
	if z.recorded {
		return
	}
	wasDone := z.c.summary().Done()
	z.c.prog.RecordAttempt(z.lesson.ID, courseinfo.Attempt(z.attemptID, z.round, z.c.course.PassMark, z.given))
	res := z.round.Result(z.c.course.PassMark)
	z.result, z.recorded = &res, true
	z.courseDone = !wasDone && z.c.summary().Done()
}

func (z *quizModel) typing() bool {
	return z.phase == asking && z.question().Typed() && !z.confirmLeave
}

func (z *quizModel) resize() tea.Cmd {
	z.input.Width = max(z.c.readWidth()-8, 4)
	z.compose()
	return nil
}

func (z *quizModel) view() string {
	return z.scroll.view(z.lines, z.c.leftPad(), z.c.bodyWidth(), nil)
}
