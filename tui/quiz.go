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
// result at the end, with retry of all questions or of the missed ones. The attempt is saved
// as soon as the last answer is given.
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
	return &quizModel{c: c, input: newTextInput("› ", "type your answer", 200, c.styles)}
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
			return z.c.navigate(backMsg{})
		}
		z.confirmLeave = true
		z.c.setFlash(fmt.Sprintf("Leave the quiz? Answers so far are lost: press %s again.", km.String()), true)
		return nil
	case z.phase == asking:
		cmd = z.updateAsking(km)
	case z.phase == answered:
		cmd = z.updateAnswered(km)
	default:
		cmd = z.updateFinished(km)
	}
	z.compose()
	return cmd
}

func (z *quizModel) lastAnswered() bool {
	return z.phase == answered && z.qi == len(z.questions())-1
}

func (z *quizModel) updateAsking(km tea.KeyMsg) tea.Cmd {
	k, q := z.c.keys, z.question()
	if q.Kind == lessons.ShortAnswer {
		switch {
		case key.Matches(km, k.Submit):
			return z.submit()
		case key.Matches(km, k.HintInInput):
			z.showHint()
			return nil
		}
		var cmd tea.Cmd
		z.input, cmd = z.input.Update(km)
		return cmd
	}
	n := len(z.order)
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
		d := int(km.String()[0] - '1')
		if d >= n {
			z.c.setFlash(fmt.Sprintf("There %s only %d %s.", plural(n, "is", "are"), n, plural(n, "choice", "choices")), false)
			return nil
		}
		z.cursor = d
		if q.Kind == lessons.MultipleSelect {
			z.toggle()
		}
	case key.Matches(km, k.Toggle):
		if q.Kind == lessons.MultipleSelect {
			z.toggle()
		}
	case key.Matches(km, k.Submit):
		return z.submit()
	case key.Matches(km, k.Hint):
		z.showHint()
	case key.Matches(km, k.PageUp):
		z.scroll.by(-max(z.scroll.height-2, 1))
	case key.Matches(km, k.PageDown):
		z.scroll.by(max(z.scroll.height-2, 1))
	}
	return nil
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
func (z *quizModel) submit() tea.Cmd {
	q := z.question()
	var a lessons.Answer
	switch q.Kind {
	case lessons.ShortAnswer:
		if strings.TrimSpace(z.input.Value()) == "" {
			z.c.setFlash("Type your answer, then press enter.", false)
			return nil
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
			z.c.setFlash("Tick the choices you think are right (space or their number), then press enter.", false)
			return nil
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
	return nil
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
	k := z.c.keys
	switch {
	case key.Matches(km, k.NextQ):
		if z.qi+1 < len(z.questions()) {
			return z.begin(z.qi + 1)
		}
		z.phase = finished
		z.scroll.offset = 0
	default:
		z.scroll.key(km, z.c.keys)
	}
	return nil
}

func (z *quizModel) updateFinished(km tea.KeyMsg) tea.Cmd {
	k, r := z.c.keys, z.result
	switch {
	case key.Matches(km, k.RetryAll):
		return z.start(z.index, false)
	case key.Matches(km, k.RetryMissed) && len(r.Missed) > 0:
		return z.start(z.index, true)
	case key.Matches(km, k.Done):
		return z.done()
	default:
		z.scroll.key(km, z.c.keys)
	}
	return nil
}

// done leaves the result: on to the next lesson after a pass, back to the lesson otherwise.
func (z *quizModel) done() tea.Cmd {
	switch {
	case !z.result.Passed:
		return z.c.navigate(backMsg{})
	case z.c.summary().Done() && (z.courseDone || z.index+1 >= len(z.c.course.Lessons)):
		return z.c.navigate(showCompleteMsg{})
	case z.index+1 < len(z.c.course.Lessons):
		return z.c.navigate(openLessonMsg{index: z.index + 1})
	}
	return z.c.navigate(showOutlineMsg{})
}

func (z *quizModel) crumbs() ([]string, string) {
	right := ""
	switch z.phase {
	case finished:
		right = "Result"
	default:
		right = fmt.Sprintf("Question %d of %d", z.qi+1, len(z.questions()))
	}
	return []string{z.lesson.Title, "Quiz"}, right
}

func (z *quizModel) status() statusInfo {
	position := fmt.Sprintf("%d/%d", z.qi+1, len(z.questions()))
	switch z.phase {
	case asking:
		q := z.question()
		switch q.Kind {
		case lessons.MultipleSelect:
			return statusInfo{left: "Tick every right choice with space or its number, then press enter", right: position}
		case lessons.ShortAnswer:
			return statusInfo{left: "Type your answer and press enter", right: position}
		}
		return statusInfo{left: "Choose with ↑/↓ or a number, then press enter", right: position}
	case answered:
		g, _ := z.round.Last()
		next := "enter: next question"
		if z.qi+1 >= len(z.questions()) {
			next = "enter: see your score"
		}
		if g.Correct {
			return statusInfo{left: "✓ Correct · " + next, right: position, tone: toneGood}
		}
		return statusInfo{left: "✗ Not quite · " + next, right: position, tone: toneBad}
	}
	r := z.result
	if r.Passed {
		return statusInfo{left: fmt.Sprintf("✓ Passed with %d%%", progress.WholePercent(r.Percent())), tone: toneGood}
	}
	return statusInfo{left: fmt.Sprintf("✗ %d%%: the pass mark is %d%%", progress.WholePercent(r.Percent()), z.c.course.PassMark), tone: toneBad}
}

func (z *quizModel) help() help.KeyMap {
	k := z.c.keys
	back := withHelp(k.Back, "q", "leave quiz")
	scroll := withHelp(k.Down, "↓/↑", "scroll")
	var short []key.Binding
	switch z.phase {
	case asking:
		q := z.question()
		switch q.Kind {
		case lessons.ShortAnswer:
			if q.Hint != "" {
				short = append(short, k.HintInInput)
			}
			short = append(short, k.Submit)
			back = withHelp(k.Cancel, "esc", "leave quiz")
		case lessons.MultipleSelect:
			short = []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Choose, "1-9", "tick"), k.Toggle}
		default:
			short = []key.Binding{withHelp(k.Up, "↑/↓", "choose"), withHelp(k.Choose, fmt.Sprintf("1-%d", len(z.order)), "pick")}
		}
		if q.Kind != lessons.ShortAnswer {
			if q.Hint != "" {
				short = append(short, k.Hint)
			}
			short = append(short, k.Submit)
		}
	case answered:
		next := k.NextQ
		if z.qi+1 >= len(z.questions()) {
			next = withHelp(k.NextQ, "enter", "see your score")
		}
		short = []key.Binding{scroll, next}
		if z.lastAnswered() {
			back = withHelp(k.Back, "q", "back to lesson")
		}
	case finished:
		short = []key.Binding{scroll, z.doneBinding(), withHelp(k.RetryAll, "r", "retry")}
		if len(z.result.Missed) > 0 {
			short = append(short, k.RetryMissed)
		}
		back = withHelp(k.Back, "q", "back to lesson")
	}
	short = append(short, back)
	if !z.typing() {
		short = append(short, k.Help)
	}
	full := [][]key.Binding{short, {k.PageUp, k.PageDown, k.Top, k.Bottom, k.Quit}}
	return keyHelp{short: short, full: full}
}

func (z *quizModel) doneBinding() key.Binding {
	k := z.c.keys
	switch {
	case !z.result.Passed:
		return withHelp(k.Done, "enter", "back to lesson")
	case z.c.summary().Done() && (z.courseDone || z.index+1 >= len(z.c.course.Lessons)):
		return withHelp(k.Done, "enter", "course summary")
	case z.index+1 < len(z.c.course.Lessons):
		return withHelp(k.Done, "enter", "next lesson")
	}
	return withHelp(k.Done, "enter", "outline")
}

func (z *quizModel) view() string {
	c := z.c
	h := c.bodyHeight()
	pad := strings.Repeat(" ", c.leftPad())
	var b strings.Builder
	end := min(z.scroll.offset+h, len(z.lines))
	for i := z.scroll.offset; i < end; i++ {
		b.WriteString(pad)
		b.WriteString(clip(z.lines[i], c.bodyWidth()-len(pad)))
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
