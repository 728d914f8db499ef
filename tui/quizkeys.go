package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// This file is how the quiz answers keys, phase by phase.

func (z *quizModel) update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if z.confirmLeave {
		z.confirmLeave = false
		switch {
		case key.Matches(km, z.c.keys.Cancel):
			z.c.setFlash("Still in the quiz.", false)
			z.compose()
			return nil
		case key.Matches(km, z.c.keys.Back):
			z.c.goTo(backToLessonMsg{})
			return nil
		}
	}
	if z.tooSoon(km) {
		return nil
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(km, z.c.keys.Back) && !(z.typing() && !key.Matches(km, z.c.keys.Cancel)):
		z.back()
	case z.phase == resuming:
		cmd = z.updateResuming(km)
	case z.phase == asking && z.question().Typed():
		cmd = z.updateTyping(km)
	case z.phase == asking:
		z.updateChoosing(km)
	case z.phase == answered:
		cmd = z.updateAnswered(km)
	default:
		cmd = z.updateFinished(km)
	}
	z.compose()
	return cmd
}

// tooSoon reports whether km moves on (submits, goes to the next question, retries) within
// inputGrace of what is on show appearing, with no other key pressed since: such a key is
// dropped.
func (z *quizModel) tooSoon(km tea.KeyMsg) bool {
	k := z.c.keys
	var advance []key.Binding
	switch z.phase {
	case resuming:
		advance = []key.Binding{k.ResumeQuiz, k.StartOver}
	case asking:
		advance = []key.Binding{k.Submit}
	case answered:
		advance = []key.Binding{k.NextQ, k.Override}
	case finished:
		advance = []key.Binding{k.Done, k.RetryAll, k.RetryMissed}
	}
	if !key.Matches(km, advance...) {
		z.touched = true
		return false
	}
	return !z.touched && z.c.opts.Now().Sub(z.shownAt) < inputGrace
}

// back leaves the quiz: at once when nothing would be lost or the round is over (finishing
// it), else after a second press, since practice answers are not kept.
func (z *quizModel) back() {
	k := z.c.keys
	switch {
	case z.rv != nil: // every answer is saved as it is given
		z.leaveReview()
	case z.phase == resuming || z.phase == finished || z.round.Answered() == 0:
		z.c.goTo(backToLessonMsg{})
	case z.phase == answered && z.round.Done():
		z.finish()
		z.c.goTo(backToLessonMsg{})
	case z.round.Practice():
		z.confirmLeave = true
		z.c.setFlash(fmt.Sprintf("Leave? %s leaves, %s stays (practice answers are not kept).",
			keyName(z.leaveKey()), keyName(k.Cancel)), true)
	default:
		n := z.round.Answered()
		z.confirmLeave = true
		z.c.setFlash(fmt.Sprintf("Leave the quiz? %s leaves, %s stays (your %d %s %s kept for later).",
			keyName(z.leaveKey()), keyName(k.Cancel), n, plural(n, "answer", "answers"), plural(n, "is", "are")), true)
	}
}

// leaveKey is the key that confirms leaving: back, but not the key that cancels.
func (z *quizModel) leaveKey() key.Binding {
	k := z.c.keys
	return withoutKeys(k.Back, k.Cancel.Keys()...)
}

func (z *quizModel) updateResuming(km tea.KeyMsg) tea.Cmd {
	k := z.c.keys
	switch {
	case key.Matches(km, k.ResumeQuiz):
		return z.resume()
	case key.Matches(km, k.StartOver):
		return z.startOver()
	}
	z.scroll.key(km, k)
	return nil
}

// updateTyping handles a key while a short or numeric answer is typed.
func (z *quizModel) updateTyping(km tea.KeyMsg) tea.Cmd {
	k, q := z.c.keys, z.question()
	switch {
	case key.Matches(km, k.Submit):
		if !q.Readable(z.input.Value()) {
			z.c.setFlash(z.typeFirst(q), false)
			return nil
		}
		z.input.Blur()
		z.record(q.AnswerText(z.input.Value()))
		return nil
	case key.Matches(km, k.HintInInput):
		z.showHint()
		return nil
	}
	var cmd tea.Cmd
	z.input, cmd = z.input.Update(km)
	return cmd
}

// typeFirst says what to type before a typed answer can be taken.
func (z *quizModel) typeFirst(q *lessons.Question) string {
	submit := keyName(z.c.keys.Submit)
	if q.Kind == lessons.Numeric && strings.TrimSpace(z.input.Value()) != "" {
		return fmt.Sprintf("Type one number (such as 0.95, 95%% or 1,000), then press %s.", submit)
	}
	if q.Kind == lessons.Numeric {
		return fmt.Sprintf("Type a number, then press %s.", submit)
	}
	return fmt.Sprintf("Type your answer, then press %s.", submit)
}

// updateChoosing handles a key while the learner picks among the choices. Nothing is chosen
// until the learner moves to a choice or presses its number: enter alone submits nothing.
func (z *quizModel) updateChoosing(km tea.KeyMsg) {
	k, n, q := z.c.keys, len(z.order), z.question()
	if num, ok := typedNumber(km); ok {
		z.pickNumber(num)
		return
	}
	z.digit = firstDigit{} // another key in between: the next digit starts a new number
	switch {
	case q.Kind == lessons.TrueFalse && key.Matches(km, k.AnswerTrue, k.AnswerFalse):
		z.chooseTrueFalse(key.Matches(km, k.AnswerTrue))
	case key.Matches(km, k.Up) && z.cursor < 0:
		z.cursor = n - 1 // from no choice, ↑ comes in from the bottom
	case key.Matches(km, k.Up):
		z.cursor = max(z.cursor-1, 0)
	case key.Matches(km, k.Down):
		z.cursor = min(z.cursor+1, n-1)
	case key.Matches(km, k.Top):
		z.cursor = 0
	case key.Matches(km, k.Bottom):
		z.cursor = n - 1
	case key.Matches(km, k.Toggle):
		z.toggle()
	case key.Matches(km, k.Submit):
		z.submitChoice()
	case key.Matches(km, k.Hint):
		z.showHint()
	case key.Matches(km, k.PageUp):
		z.scroll.by(-max(z.scroll.height-2, 1))
	case key.Matches(km, k.PageDown):
		z.scroll.by(max(z.scroll.height-2, 1))
	}
}

// choose moves to the choice shown as number d+1, and ticks it in a multiple-select question.
// It reports false, with a word to the learner, when there is no such choice.
func (z *quizModel) choose(d int) bool {
	if n := len(z.order); d >= n {
		z.c.setFlash(fmt.Sprintf("There %s only %d %s.", plural(n, "is", "are"), n, plural(n, "choice", "choices")), false)
		return false
	}
	z.cursor = d
	if z.question().Kind == lessons.MultipleSelect {
		z.picked[z.order[d]] = !z.picked[z.order[d]]
	}
	return true
}

// chooseTrueFalse moves to the choice True (or False).
func (z *quizModel) chooseTrueFalse(truth bool) {
	want := "false"
	if truth {
		want = "true"
	}
	for pos, i := range z.order {
		if strings.EqualFold(z.question().Choices[i].Text, want) {
			z.cursor = pos
		}
	}
}

// toggle ticks or unticks the focused choice of a multiple-select question.
func (z *quizModel) toggle() {
	if z.question().Kind != lessons.MultipleSelect {
		return
	}
	if z.cursor < 0 {
		z.c.setFlash(fmt.Sprintf("Move to a choice with %s first, or tick one by its number.", keyName(z.c.keys.Down)), false)
		return
	}
	i := z.order[z.cursor]
	z.picked[i] = !z.picked[i]
}

func (z *quizModel) showHint() {
	if z.question().Hint == "" {
		z.c.setFlash("This question has no hint.", false)
		return
	}
	z.round.UseHint()
}

// submitChoice checks the choices picked; with none, it says how to choose.
func (z *quizModel) submitChoice() {
	k, q := z.c.keys, z.question()
	if q.Kind == lessons.MultipleSelect {
		var picked []int
		for i, on := range z.picked {
			if on {
				picked = append(picked, i)
			}
		}
		if len(picked) == 0 {
			z.c.setFlash(fmt.Sprintf("Tick at least one choice (%s or its number), then %s.", keyName(k.Toggle), keyName(k.Submit)), false)
			return
		}
		z.record(q.AnswerChoices(picked))
		return
	}
	if z.cursor < 0 {
		z.c.setFlash(z.chooseFirst(), false)
		return
	}
	z.record(q.AnswerChoices([]int{z.order[z.cursor]}))
}

// chooseFirst says how to choose before submitting.
func (z *quizModel) chooseFirst() string {
	k := z.c.keys
	if z.question().Kind == lessons.TrueFalse {
		return fmt.Sprintf("Choose first: %s for true, %s for false, then %s.", keyName(k.AnswerTrue), keyName(k.AnswerFalse), keyName(k.Submit))
	}
	return fmt.Sprintf("Choose first: %s or a number (%s), then %s.", keysLabel(k.Up, k.Down),
		keyName(z.pickKeys()), keyName(k.Submit))
}

// updateAnswered handles a key on an answer's feedback. The next-question key first scrolls
// to the rest of the feedback when it runs below the screen, so it is read before moving on.
func (z *quizModel) updateAnswered(km tea.KeyMsg) tea.Cmd {
	k := z.c.keys
	switch {
	case key.Matches(km, k.Override):
		z.override()
	case !key.Matches(km, k.NextQ):
		z.scroll.key(km, k)
	case !z.scroll.atBottom():
		z.scroll.by(max(z.scroll.height-2, 1))
	case !z.lastQuestion():
		return z.begin(z.qi + 1)
	default:
		z.finish()
		z.phase = finished
		z.scroll.offset = 0
		z.shown()
	}
	return nil
}

func (z *quizModel) updateFinished(km tea.KeyMsg) tea.Cmd {
	k := z.c.keys
	switch {
	case z.rv != nil:
		z.updateReviewFinished(km)
	case key.Matches(km, k.RetryAll):
		return z.startFull()
	case key.Matches(km, k.RetryMissed) && len(z.result.Missed) > 0:
		return z.practise()
	case key.Matches(km, k.Done):
		z.c.goTo(z.nextAction().to)
	default:
		z.scroll.key(km, k)
	}
	return nil
}
