package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// An open quiz picks up an instructor's edits (--watch) and keeps the learner's place:
//
//   - an edit that leaves every question's content as it was (explanations, hints, feedback)
//     carries the round over whole: same answers, same question, same choice order; the
//     feedback and the result show the new text at once;
//   - in a first round under way, the answers to the questions before the first one that
//     changed are kept, and the learner goes on from there; the question on screen stays as it
//     is (choice order, ticks, typed text) when it did not change;
//   - a retry of missed questions under way starts again as a full round of the new version;
//   - a finished round keeps its result on screen, and r takes the new version.

// reloadQuiz moves the open quiz to lesson l, the new version of its lesson.
func (z *quizModel) reloadQuiz(l *lessons.Lesson) tea.Cmd {
	z.lesson = l
	if len(l.Quiz) == 0 {
		z.c.setFlash("The lesson no longer has a quiz.", true)
		z.c.goTo(backToLessonMsg{})
		return nil
	}
	if next, ok := z.round.Update(l.Quiz); ok {
		z.round = next
		if z.result != nil {
			res := next.Result(z.c.course.PassMark)
			z.result = &res
		}
		z.compose()
		return nil
	}
	k := z.c.keys
	switch {
	case z.round.Done():
		z.c.setFlash(fmt.Sprintf("The quiz changed: press %s to take the new version.", keyName(k.RetryAll)), false)
		return nil
	case z.round.Retry():
		z.c.setFlash("The quiz changed: it starts again with the new version.", false)
		return z.start(z.index, false)
	}
	return z.replayRound(l.Quiz)
}

// replayRound starts a round of the new quiz with the answers of the round under way to the
// questions before the first one that changed, and goes on from there.
func (z *quizModel) replayRound(quiz []*lessons.Question) tea.Cmd {
	next := lessons.NewRound(quiz)
	for _, a := range z.round.Result(0).Answers {
		q := next.Current()
		// The last question is never answered for the learner: answering it ends the round,
		// and the learner's own last answer is what records the attempt.
		if q == nil || next.Answered()+1 >= len(quiz) || q.ID != a.Question.ID || q.Hash != a.Question.Hash {
			break
		}
		next.Record(reanswer(q, a))
	}
	kept, shown := next.Answered(), z.question()
	stays := kept == z.round.Answered() && z.phase == asking && kept < len(quiz) &&
		quiz[kept].ID == shown.ID && quiz[kept].Hash == shown.Hash
	if z.phase == answered && kept == z.round.Answered() {
		stays = true // the feedback on screen is for an answer that was kept
	}
	z.round = next
	if stays {
		z.compose()
		return nil
	}
	z.c.setFlash(fmt.Sprintf("The quiz changed: you go on from question %d.", kept+1), false)
	return z.begin(kept)
}

// reanswer gives a question of the new version the answer given to its old version, checked
// again (the content hash is the same, so the choices are too).
func reanswer(q *lessons.Question, a lessons.Answer) lessons.Answer {
	if q.Kind == lessons.ShortAnswer {
		return q.AnswerText(a.Text)
	}
	return q.AnswerChoices(a.Choices)
}
