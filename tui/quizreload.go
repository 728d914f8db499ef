package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// An open quiz picks up an instructor's edits (--watch) and keeps the learner's place:
//
//   - an edit that leaves the attempt's questions as they were (explanations, hints, feedback)
//     carries the round over whole (lessons.Round.Update): the same answers, checked again,
//     the same question, the same choice order; the feedback and the result show the new text
//     at once;
//   - in a full attempt under way, the answers to the questions before the first one that
//     changed are kept, with their hints and overrides, and so is the attempt left half-way;
//     the learner goes on from there, and the question on screen stays as it is (choice order,
//     ticks, typed text) when it did not change. A lesson that draws its questions from a pool
//     starts a new attempt instead: the draw itself may no longer fit the pool;
//   - practice under way gives way to a new full attempt of the new version;
//   - a finished round keeps its result on screen, and r takes the new version; a round whose
//     last answer is on screen is recorded as answered when the learner moves on;
//   - the offer to continue an attempt left half-way stands for the new version when the
//     attempt still fits it, else a new attempt starts.

// reloadQuiz moves the open quiz to lesson l, the new version of its lesson.
func (z *quizModel) reloadQuiz(l *lessons.Lesson) tea.Cmd {
	z.lesson = l
	if len(l.Quiz) == 0 {
		z.c.setFlash("The lesson no longer has a quiz.", true)
		z.c.goTo(backToLessonMsg{})
		return nil
	}
	if z.phase == resuming {
		return z.reloadResuming()
	}
	if next, ok := z.round.Update(l); ok {
		z.round = next
		z.regive()
		if z.result != nil {
			res := next.Result(z.c.course.PassMark)
			z.result = &res
		} else if z.round.Answered() > 0 {
			z.keepOpen() // the answers were checked again
		}
		z.compose()
		return nil
	}
	k := z.c.keys
	switch {
	case z.phase == finished:
		z.c.setFlash(fmt.Sprintf("The quiz changed: press %s to take the new version.", keyName(k.RetryAll)), false)
		return nil
	case z.round.Done():
		z.c.setFlash(fmt.Sprintf("The quiz changed: this round ends as you answered it; then %s takes the new version.", keyName(k.RetryAll)), false)
		return nil
	case z.round.Practice() || (l.Draw > 0 && l.Draw < len(l.Quiz)):
		z.c.setFlash("The quiz changed: a new attempt starts with the new version.", false)
		return z.startOver()
	}
	return z.replayRound(l.Quiz)
}

// reloadResuming offers again to continue the attempt left half-way, in the new version, or
// starts a new attempt when the attempt no longer fits the quiz.
func (z *quizModel) reloadResuming() tea.Cmd {
	if r, ok := courseinfo.Resume(z.lesson, z.left); ok {
		z.resumable = r
		z.compose()
		return nil
	}
	z.c.setFlash("The quiz has changed since you left it half-way: it starts over.", true)
	return z.startOver()
}

// replayRound starts the attempt again on the new quiz with the answers given to the
// questions before the first one that changed, and goes on from there.
func (z *quizModel) replayRound(quiz []*lessons.Question) tea.Cmd {
	next := lessons.NewRound(quiz)
	for _, a := range z.round.Answers() {
		q := next.Current()
		// The last question is never answered for the learner: answering it ends the round,
		// and the learner's own last answer is what records the attempt.
		if q == nil || next.Answered()+1 >= len(quiz) || q.ID != a.Question.ID || q.Hash != a.Question.Hash {
			break
		}
		next.Record(a.Recheck(q))
	}
	kept, shown, hinted := next.Answered(), z.question(), z.round.Hinted()
	stays := kept == z.round.Answered() && z.phase == asking && kept < len(quiz) &&
		quiz[kept].ID == shown.ID && quiz[kept].Hash == shown.Hash
	if z.phase == answered && kept == z.round.Answered() {
		stays = true // the feedback on screen is for an answer that was kept
	}
	z.round, z.given = next, z.given[:kept]
	z.regive()
	if kept > 0 {
		z.keepOpen()
	} else {
		z.c.prog.DropOpenAttempt(z.lesson.ID)
	}
	if stays {
		if hinted {
			z.round.UseHint() // the hint on screen was seen
		}
		z.compose()
		return nil
	}
	z.c.setFlash(fmt.Sprintf("The quiz changed: you go on from question %d.", kept+1), false)
	return z.begin(kept)
}

// regive makes the records of the round's answers again after they were checked again,
// keeping when each was given.
func (z *quizModel) regive() {
	answers := z.round.Answers()
	given := make([]progress.Answer, len(answers))
	for i, a := range answers {
		at := z.c.opts.Now()
		if i < len(z.given) {
			at = z.given[i].At
		}
		given[i] = courseinfo.Answer(a, at)
	}
	z.given = given
}
