package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// quizModel runs a lesson's quiz: one question at a time, feedback after each answer, and the
// result at the end, with retry of all questions or of the missed ones. What an answer, a
// round, a score and a pass mean is lessons.Round's business: this screen collects keys and
// draws (quizview.go). The attempt is saved as soon as the last answer is given.
type quizModel struct {
	c *common

	index  int
	lesson *lessons.Lesson

	round *lessons.Round // this round: all questions, or the missed ones on a retry
	qi    int            // the question shown, an index into round.Questions()
	phase quizPhase

	order  []int        // the current question's choices in the order shown
	cursor int          // index into order
	picked map[int]bool // ticked choices (multiple select), by written index
	input  textinput.Model
	hint   bool

	result       *lessons.Result // the round's, once finished
	courseDone   bool            // this round completed the course
	confirmLeave bool

	lines      []string // the composed body
	cursorLine int      // the line of the focused choice, kept in view
	scroll     scroller
}

type quizPhase int

const (
	asking   quizPhase = iota // a question waits for an answer
	answered                  // the feedback of the answer is shown
	finished                  // the result of the round is shown
)

func newQuiz(c *common) *quizModel {
	return &quizModel{c: c, input: newTextInput("› ", "type your answer", 200, c.st)}
}

// enter starts a round of every question of a lesson's quiz (startQuizMsg).
func (z *quizModel) enter(msg navMsg) (tea.Cmd, bool) {
	start, ok := msg.(startQuizMsg)
	if !ok || start.index < 0 || start.index >= len(z.c.course.Lessons) || len(z.c.course.Lessons[start.index].Quiz) == 0 {
		return nil, false
	}
	cmd := z.start(start.index, false)
	return tea.Batch(cmd, z.resize()), true
}

func (z *quizModel) leave() {}

// courseChanged moves the quiz to the new version of its lesson, keeping the learner's place
// (quizreload.go). When the lesson is gone from the course, the quiz goes back to the outline.
func (z *quizModel) courseChanged() tea.Cmd {
	i := z.c.course.Index(z.lesson.ID)
	if i < 0 {
		z.c.setFlash(fmt.Sprintf("The lesson %q is gone from the course.", z.lesson.ID), true)
		z.c.goTo(showOutlineMsg{})
		return nil
	}
	z.index = i
	return tea.Batch(z.reloadQuiz(z.c.course.Lessons[i]), z.resize())
}

// start begins a round of lesson i's quiz: every question, or with missedOnly the questions
// missed in the last round (the others keep their answers).
func (z *quizModel) start(i int, missedOnly bool) tea.Cmd {
	z.index, z.lesson = i, z.c.course.Lessons[i]
	var next *lessons.Round
	if missedOnly && z.round != nil {
		next = z.round.RetryMissed()
	}
	if next == nil {
		next = lessons.NewRound(z.lesson.Quiz)
	}
	z.round, z.result, z.courseDone = next, nil, false
	return z.begin(0)
}

func (z *quizModel) questions() []*lessons.Question { return z.round.Questions() }

func (z *quizModel) question() *lessons.Question { return z.questions()[z.qi] }

func (z *quizModel) lastQuestion() bool { return z.qi+1 >= len(z.questions()) }

// begin shows question n of the round.
func (z *quizModel) begin(n int) tea.Cmd {
	z.qi, z.phase, z.hint, z.confirmLeave = n, asking, false, false
	q := z.question()
	z.order = q.ChoiceOrder(z.c.rng)
	z.cursor = 0
	z.picked = map[int]bool{}
	z.input.SetValue("")
	z.scroll.offset = 0
	var cmd tea.Cmd
	if q.Kind == lessons.ShortAnswer {
		cmd = z.input.Focus()
	} else {
		z.input.Blur()
	}
	z.compose()
	return cmd
}

func (z *quizModel) typing() bool {
	return z.phase == asking && z.question().Kind == lessons.ShortAnswer
}

func (z *quizModel) resize() tea.Cmd {
	z.input.Width = max(z.c.readWidth()-8, 4)
	z.compose()
	return nil
}

func (z *quizModel) update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := z.c.keys
	leaving := z.confirmLeave
	z.confirmLeave = false
	var cmd tea.Cmd
	switch {
	case key.Matches(km, k.Back) && !(z.typing() && !key.Matches(km, k.Cancel)):
		if leaving || z.phase == finished || z.round.Answered() == 0 || z.lastAnswered() {
			z.c.goTo(backToLessonMsg{})
			return nil
		}
		z.confirmLeave = true
		z.c.setFlash(fmt.Sprintf("Leave the quiz? Answers so far are lost: press %s again.", km.String()), true)
		return nil
	case z.phase == asking && z.question().Kind == lessons.ShortAnswer:
		cmd = z.updateTyping(km)
	case z.phase == asking:
		cmd = z.updateChoosing(km)
	case z.phase == answered:
		cmd = z.updateAnswered(km)
	default:
		cmd = z.updateFinished(km)
	}
	z.compose()
	return cmd
}

func (z *quizModel) lastAnswered() bool { return z.phase == answered && z.lastQuestion() }

// updateTyping handles a key while a short answer is typed.
func (z *quizModel) updateTyping(km tea.KeyMsg) tea.Cmd {
	k := z.c.keys
	switch {
	case key.Matches(km, k.Submit):
		z.submit()
		return nil
	case key.Matches(km, k.HintInInput):
		z.showHint()
		return nil
	}
	var cmd tea.Cmd
	z.input, cmd = z.input.Update(km)
	return cmd
}

// updateChoosing handles a key while the learner picks among the choices.
func (z *quizModel) updateChoosing(km tea.KeyMsg) tea.Cmd {
	k, n := z.c.keys, len(z.order)
	switch {
	case key.Matches(km, k.Up):
		z.cursor = max(z.cursor-1, 0)
	case key.Matches(km, k.Down):
		z.cursor = min(z.cursor+1, n-1)
	case key.Matches(km, k.Top):
		z.cursor = 0
	case key.Matches(km, k.Bottom):
		z.cursor = n - 1
	case key.Matches(km, k.Choose):
		z.choose(int(km.String()[0] - '1'))
	case key.Matches(km, k.Toggle):
		if z.question().Kind == lessons.MultipleSelect {
			z.toggle()
		}
	case key.Matches(km, k.Submit):
		z.submit()
	case key.Matches(km, k.Hint):
		z.showHint()
	case key.Matches(km, k.PageUp):
		z.scroll.by(-max(z.scroll.height-2, 1))
	case key.Matches(km, k.PageDown):
		z.scroll.by(max(z.scroll.height-2, 1))
	}
	return nil
}

// choose moves to the choice shown as number d+1, and ticks it in a multiple-select question.
func (z *quizModel) choose(d int) {
	if n := len(z.order); d >= n {
		z.c.setFlash(fmt.Sprintf("There %s only %d %s.", plural(n, "is", "are"), n, plural(n, "choice", "choices")), false)
		return
	}
	z.cursor = d
	if z.question().Kind == lessons.MultipleSelect {
		z.toggle()
	}
}

func (z *quizModel) toggle() {
	i := z.order[z.cursor]
	z.picked[i] = !z.picked[i]
}

func (z *quizModel) showHint() {
	if z.question().Hint == "" {
		z.c.setFlash("This question has no hint.", false)
		return
	}
	z.hint = true
}

// submit checks the answer, shows the feedback, and after the last question saves the attempt.
func (z *quizModel) submit() {
	k, q := z.c.keys, z.question()
	var a lessons.Answer
	switch q.Kind {
	case lessons.ShortAnswer:
		if strings.TrimSpace(z.input.Value()) == "" {
			z.c.setFlash(fmt.Sprintf("Type your answer, then press %s.", keyName(k.Submit)), false)
			return
		}
		a = q.AnswerText(z.input.Value())
		z.input.Blur()
	case lessons.MultipleSelect:
		var picked []int
		for i, on := range z.picked {
			if on {
				picked = append(picked, i)
			}
		}
		if len(picked) == 0 {
			z.c.setFlash(fmt.Sprintf("Tick the choices you think are right (%s or their number), then press %s.",
				keyName(k.Toggle), keyName(k.Submit)), false)
			return
		}
		a = q.AnswerChoices(picked)
	default:
		a = q.AnswerChoices([]int{z.order[z.cursor]})
	}
	z.round.Record(a)
	z.phase = answered
	z.scroll.offset = 0
	if z.round.Done() {
		z.finish()
	}
}

// finish scores the round and saves it as an attempt over the whole quiz.
func (z *quizModel) finish() {
	res := z.round.Result(z.c.course.PassMark)
	answers := make([]progress.Answer, 0, len(res.Answers))
	for _, a := range res.Answers {
		answers = append(answers, progress.Answer{QuestionID: a.Question.ID, Hash: a.Question.Hash, Given: a.Given(), Correct: a.Correct})
	}
	wasDone := z.c.summary().Done()
	z.c.prog.RecordAttempt(z.lesson.ID, progress.Attempt{
		Correct: res.Correct, Total: res.Total, Percent: res.Percent(), Passed: res.Passed, Answers: answers,
	})
	z.result = &res
	z.courseDone = !wasDone && z.c.summary().Done()
}

func (z *quizModel) updateAnswered(km tea.KeyMsg) tea.Cmd {
	switch {
	case !key.Matches(km, z.c.keys.NextQ):
		z.scroll.key(km, z.c.keys)
	case !z.lastQuestion():
		return z.begin(z.qi + 1)
	default:
		z.phase = finished
		z.scroll.offset = 0
	}
	return nil
}

func (z *quizModel) updateFinished(km tea.KeyMsg) tea.Cmd {
	k := z.c.keys
	switch {
	case key.Matches(km, k.RetryAll):
		return z.start(z.index, false)
	case key.Matches(km, k.RetryMissed) && len(z.result.Missed) > 0:
		return z.start(z.index, true)
	case key.Matches(km, k.Done):
		z.c.goTo(z.nextAction().to)
	default:
		z.scroll.key(km, k)
	}
	return nil
}

// resultAction is what the done key does on the result: on to the next lesson after a pass,
// back to the lesson otherwise. desc labels the key in the help; sentence says it under the
// score.
type resultAction struct {
	desc, sentence string
	to             navMsg
}

func (z *quizModel) nextAction() resultAction {
	last := z.index+1 >= len(z.c.course.Lessons)
	switch {
	case !z.result.Passed:
		return resultAction{"back to lesson", "back to the lesson", backToLessonMsg{}}
	case z.c.summary().Done() && (z.courseDone || last):
		return resultAction{"course summary", "your course summary", showCompleteMsg{}}
	case !last:
		return resultAction{"next lesson", "next lesson", openLessonMsg{index: z.index + 1}}
	}
	return resultAction{"outline", "the outline", showOutlineMsg{}}
}

func (z *quizModel) crumbs() ([]string, string) {
	right := fmt.Sprintf("Question %d of %d", z.qi+1, len(z.questions()))
	if z.phase == finished {
		right = "Result"
	}
	return []string{z.lesson.Title, "Quiz"}, right
}

func (z *quizModel) status() statusInfo {
	k := z.c.keys
	position := fmt.Sprintf("%d/%d", z.qi+1, len(z.questions()))
	switch z.phase {
	case asking:
		left := fmt.Sprintf("Choose with %s or a number, then press %s", keysLabel(k.Up, k.Down), keyName(k.Submit))
		switch z.question().Kind {
		case lessons.MultipleSelect:
			left = fmt.Sprintf("Tick every right choice with %s or its number, then press %s", keyName(k.Toggle), keyName(k.Submit))
		case lessons.ShortAnswer:
			left = fmt.Sprintf("Type your answer and press %s", keyName(k.Submit))
		}
		return statusInfo{left: left, right: position}
	case answered:
		next := keyName(k.NextQ) + ": " + z.nextQuestionDesc()
		if g, _ := z.round.Last(); g.Correct {
			return statusInfo{left: "✓ Correct · " + next, right: position, tone: toneGood}
		}
		return statusInfo{left: "✗ Not quite · " + next, right: position, tone: toneBad}
	}
	pct := progress.WholePercent(z.result.Percent())
	if z.result.Passed {
		return statusInfo{left: fmt.Sprintf("✓ Passed with %d%%", pct), tone: toneGood}
	}
	return statusInfo{left: fmt.Sprintf("✗ %d%%: the pass mark is %d%%", pct, z.c.course.PassMark), tone: toneBad}
}

// nextQuestionDesc is what the next-question key does after an answer.
func (z *quizModel) nextQuestionDesc() string {
	if z.lastQuestion() {
		return "see your score"
	}
	return "next question"
}

func (z *quizModel) help() help.KeyMap {
	k := z.c.keys
	back := hint("leave quiz", k.Back)
	scroll := hint("scroll", k.Down, k.Up)
	var short []key.Binding
	switch z.phase {
	case asking:
		short, back = z.askingHelp(back)
	case answered:
		short = []key.Binding{scroll, hint(z.nextQuestionDesc(), k.NextQ)}
		if z.lastAnswered() {
			back = hint("back to lesson", k.Back)
		}
	case finished:
		short = []key.Binding{scroll, hint(z.nextAction().desc, k.Done), hint("retry", k.RetryAll)}
		if len(z.result.Missed) > 0 {
			short = append(short, k.RetryMissed)
		}
		back = hint("back to lesson", k.Back)
	}
	short = append(short, back)
	if !z.typing() {
		short = append(short, k.Help)
	}
	full := [][]key.Binding{short, {k.PageUp, k.PageDown, k.Top, k.Bottom, k.Quit}}
	return keyHelp{short: short, full: full}
}

// askingHelp lists the keys of a question waiting for its answer, and the key that leaves.
func (z *quizModel) askingHelp(back key.Binding) ([]key.Binding, key.Binding) {
	k, q := z.c.keys, z.question()
	var short []key.Binding
	switch q.Kind {
	case lessons.ShortAnswer:
		if q.Hint != "" {
			short = append(short, k.HintInInput)
		}
		return append(short, k.Submit), hint("leave quiz", k.Cancel)
	case lessons.MultipleSelect:
		short = []key.Binding{hint("move", k.Up, k.Down), hint("tick", k.Choose), k.Toggle}
	default:
		short = []key.Binding{hint("choose", k.Up, k.Down), hint("pick", firstKeys(k.Choose, len(z.order)))}
	}
	if q.Hint != "" {
		short = append(short, k.Hint)
	}
	return append(short, k.Submit), back
}

func (z *quizModel) view() string {
	return z.scroll.view(z.lines, z.c.leftPad(), z.c.bodyWidth(), nil)
}
