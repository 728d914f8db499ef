package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// compose lays out the quiz body for the current state and width. It runs in Update (after each
// key and resize), so View only picks the visible lines.
func (z *quizModel) compose() {
	if z.lesson == nil {
		return
	}
	var lines []string
	switch z.phase {
	case asking:
		lines = z.composeQuestion(false)
	case answered:
		lines = z.composeQuestion(true)
	case finished:
		lines = z.composeResult()
	}
	z.lines = lines
	z.scroll.total = len(lines)
	z.scroll.height = z.c.bodyHeight()
	if z.phase == asking {
		// keep the focused choice (and the line after it) in view
		if z.cursorLine+1 >= z.scroll.offset+z.scroll.height {
			z.scroll.offset = z.cursorLine + 2 - z.scroll.height
		}
		if z.cursorLine < z.scroll.offset {
			z.scroll.offset = z.cursorLine
		}
	}
	z.scroll.set(z.scroll.offset)
}

// textWidth is the width quiz text wraps at, inside a margin of two columns on each side.
func (z *quizModel) textWidth() int { return max(z.c.readWidth()-4, 10) }

// md draws quiz text (Markdown) wrapped to width, in the role's style.
func (z *quizModel) md(src string, width int, role render.Role) []string {
	return strings.Split(z.c.md.Render(src, width, role), "\n")
}

// para adds text wrapped to the text width and indented by the margin.
func para(lines []string, text []string, margin int) []string {
	pad := strings.Repeat(" ", margin)
	for _, l := range text {
		if l == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, pad+l)
	}
	return lines
}

func kindLabel(q *lessons.Question) string {
	switch q.Kind {
	case lessons.MultipleSelect:
		return "select all that apply"
	case lessons.TrueFalse:
		return "true or false"
	case lessons.ShortAnswer:
		return "type your answer"
	}
	return "choose one"
}

func (z *quizModel) composeQuestion(showAnswer bool) []string {
	st, q, w := z.c.st, z.question(), z.textWidth()
	head := fmt.Sprintf("Question %d of %d · %s", z.qi+1, len(z.questions()), kindLabel(q))
	if z.round.Retry() {
		head = fmt.Sprintf("Missed question %d of %d · %s", z.qi+1, len(z.questions()), kindLabel(q))
	}
	lines := []string{"", "  " + st.Subtle.Render(clip(head, w)), ""}
	lines = para(lines, z.md(q.Prompt, w, render.RolePrompt), 2)
	if q.Detail != "" {
		lines = append(lines, "")
		lines = para(lines, z.md(q.Detail, w, render.RolePlain), 2)
	}
	lines = append(lines, "")
	var g *lessons.Answer
	if showAnswer {
		last, _ := z.round.Last()
		g = &last
	}
	if q.Kind == lessons.ShortAnswer {
		lines = z.composeShort(lines, g)
	} else {
		lines = z.composeChoices(lines, g)
	}
	if z.hint && !showAnswer {
		lines = append(lines, "")
		lines = para(lines, z.md("Hint: "+q.Hint, w, render.RoleHint), 2)
	}
	if showAnswer {
		lines = append(lines, "")
		lines = append(lines, z.verdict(g)...)
		if q.Explanation != "" {
			lines = append(lines, "")
			lines = para(lines, z.md(q.Explanation, w, render.RolePlain), 2)
		}
		lines = append(lines, "")
		next := fmt.Sprintf("Press %s for the next question.", keyName(z.c.keys.NextQ))
		if z.lastQuestion() {
			next = fmt.Sprintf("Press %s to see your score.", keyName(z.c.keys.NextQ))
		}
		lines = append(lines, "  "+st.CallToAction.Render(next))
	}
	return lines
}

// composeChoices lists the choices; with g set (the answer given), it marks the right ones and
// the learner's.
func (z *quizModel) composeChoices(lines []string, g *lessons.Answer) []string {
	q := z.question()
	chosen := map[int]bool{}
	if g != nil {
		for _, i := range g.Choices {
			chosen[i] = true
		}
	}
	for pos, i := range z.order {
		m := z.choiceMark(pos, q.Choices[i], g, chosen[i])
		if m.focus {
			z.cursorLine = len(lines)
		}
		lines = append(lines, z.choiceLines(pos, q.Choices[i], m, g != nil)...)
	}
	return lines
}

// choiceMark is how a choice is drawn: its box (ticked or not), the mark in front of it (the
// cursor, or after the answer ✓ and ✗), and the role of its text.
type choiceMark struct {
	focus, on           bool
	box, lead           string
	leadStyle, boxStyle lipgloss.Style
	role                render.Role
}

func (z *quizModel) choiceMark(pos int, ch lessons.Choice, g *lessons.Answer, chosen bool) choiceMark {
	st, multiple := z.c.st, z.question().Kind == lessons.MultipleSelect
	m := choiceMark{on: chosen, lead: "  ", leadStyle: st.Cursor, boxStyle: st.Subtle, role: render.RolePlain}
	if g == nil {
		m.focus = pos == z.cursor
		m.on = z.picked[z.order[pos]] || (!multiple && m.focus)
	}
	switch {
	case multiple && m.on:
		m.box = "[x]"
	case multiple:
		m.box = "[ ]"
	case m.on:
		m.box = "(•)"
	default:
		m.box = "( )"
	}
	switch {
	case m.focus:
		m.lead, m.role = "› ", render.RoleFocus
	case g != nil && ch.Correct:
		m.lead, m.leadStyle, m.role = "✓ ", st.Correct, render.RoleCorrect
	case g != nil && m.on:
		m.lead, m.leadStyle = "✗ ", st.Wrong
	}
	if m.on || m.focus {
		m.boxStyle = st.ChoiceFocus
	}
	return m
}

// choiceLines draws one choice: its box and number, its text, and after the answer a note on
// a right choice left out and the choice's own feedback.
func (z *quizModel) choiceLines(pos int, ch lessons.Choice, m choiceMark, answered bool) []string {
	st, w := z.c.st, z.textWidth()
	prefix := fmt.Sprintf("%s %d  ", m.box, pos+1)
	hang := strings.Repeat(" ", 2+ansi.StringWidth(prefix))
	tw := max(w-ansi.StringWidth(prefix), 6)
	var lines []string
	for j, t := range z.md(ch.Text, tw, m.role) {
		if j == 0 {
			lines = append(lines, m.leadStyle.Render(m.lead)+m.boxStyle.Render(prefix)+t)
		} else {
			lines = append(lines, hang+t)
		}
	}
	if answered && ch.Correct && !m.on && z.question().Kind == lessons.MultipleSelect {
		// A ✓ beside an empty box is easy to misread as "you got this one".
		lines = append(lines, hang+st.Subtle.Render("│ ")+st.Feedback.Render("also right: you left this one out"))
	}
	if answered && m.on && ch.Feedback != "" {
		for _, t := range z.md(ch.Feedback, max(tw-2, 6), render.RoleFeedback) {
			lines = append(lines, hang+st.Subtle.Render("│ ")+t)
		}
	}
	return lines
}

func (z *quizModel) composeShort(lines []string, g *lessons.Answer) []string {
	st, q, w := z.c.st, z.question(), z.textWidth()
	if g == nil {
		z.cursorLine = len(lines) + 1
		return append(lines, "  "+st.Subtle.Render("Your answer:"), "  "+z.input.View())
	}
	mark := st.Correct.Render(" ✓")
	if !g.Correct {
		mark = st.Wrong.Render(" ✗")
	}
	lines = append(lines, "  "+st.Subtle.Render("Your answer: ")+clip(g.Text, max(w-16, 4))+mark)
	if !g.Correct || len(q.Accepted) > 1 {
		label := "Accepted answer: "
		if len(q.Accepted) > 1 {
			label = "Accepted answers: "
		}
		for _, l := range strings.Split(render.Wrap(st.Subtle.Render(label)+strings.Join(q.Accepted, ", "), w), "\n") {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}

// verdict says whether the answer was right and, if not, what the right answer was.
func (z *quizModel) verdict(g *lessons.Answer) []string {
	st, q, w := z.c.st, g.Question, z.textWidth()
	if g.Correct {
		return []string{"  " + st.Correct.Render("✓ Correct!")}
	}
	lines := []string{"  " + st.Wrong.Render("✗ Not quite.")}
	if q.Kind == lessons.ShortAnswer {
		return lines
	}
	return para(lines, z.md(correctAnswerText(q), w, render.RolePlain), 2)
}

func correctAnswerText(q *lessons.Question) string {
	var right []string
	for _, i := range q.CorrectChoices() {
		right = append(right, q.Choices[i].Text)
	}
	switch {
	case q.Kind == lessons.ShortAnswer:
		return "Accepted: " + strings.Join(q.Accepted, ", ")
	case len(right) == 1:
		return "The answer is: " + right[0]
	}
	return "The answers are: " + strings.Join(right, "; ")
}

func (z *quizModel) composeResult() []string {
	st, r, w := z.c.st, z.result, z.textWidth()
	lines := []string{""}
	if r.Passed {
		lines = append(lines, "  "+st.Correct.Render("✓ Passed: "+z.lesson.Title))
	} else {
		lines = append(lines, "  "+st.Wrong.Render("✗ Not passed yet: "+z.lesson.Title))
	}
	lines = append(lines, "")
	score := fmt.Sprintf("%d of %d correct · %d%%", r.Correct, r.Total, progress.WholePercent(r.Percent()))
	barW := min(w-ansi.StringWidth(score)-9, 30)
	if barW >= 5 {
		lines = append(lines, "  "+st.Heading.Render("Score")+"  "+progressBar(st, r.Percent()/100, barW)+"  "+score)
	} else {
		lines = append(lines, "  "+st.Heading.Render("Score ")+score)
	}
	need := fmt.Sprintf("The pass mark is %d%%.", z.c.course.PassMark)
	if !r.Passed {
		need += " Read the explanations below, then retry."
	}
	lines = para(lines, strings.Split(render.Wrap(st.Subtle.Render(need), w), "\n"), 2)
	if lp := z.c.prog.Lesson(z.lesson.ID); len(lp.Attempts) > 1 {
		lines = append(lines, "  "+st.Subtle.Render(fmt.Sprintf("Your best score in this lesson: %d%%", progress.WholePercent(lp.Best))))
	}
	if z.courseDone {
		lines = append(lines, "", "  "+st.CallToAction.Render(fmt.Sprintf("★ You have %s every lesson of the course!", z.c.doneWords().verb)))
	}
	lines = append(lines, "")
	lines = append(lines, z.resultActions(w)...)
	if len(r.Missed) > 0 {
		lines = append(lines, "", "  "+st.Heading.Render(fmt.Sprintf("Missed %s", plural(len(r.Missed), "question", "questions"))))
		for _, g := range r.Missed {
			q := g.Question
			num := fmt.Sprintf("%d. ", z.round.Number(q))
			nw := ansi.StringWidth(num)
			lines = append(lines, "")
			prompt := z.md(q.Prompt, w-nw, render.RolePrompt)
			for j, p := range prompt {
				if j == 0 {
					lines = append(lines, "  "+num+p)
				} else {
					lines = append(lines, "  "+strings.Repeat(" ", nw)+p)
				}
			}
			lines = para(lines, z.md(correctAnswerText(q), w-nw, render.RoleCorrect), 2+nw)
			if q.Explanation != "" {
				lines = para(lines, z.md(q.Explanation, w-nw, render.RolePlain), 2+nw)
			}
		}
	}
	return lines
}

// resultActions says what the keys do next. It comes right under the score, so that even a
// small terminal shows it without scrolling past the missed questions.
func (z *quizModel) resultActions(w int) []string {
	st, k, r := z.c.st, z.c.keys, z.result
	next := []string{keyName(k.Done) + ": " + z.nextAction().sentence, keyName(k.RetryAll) + ": retry all questions"}
	if len(r.Missed) > 0 {
		next = append(next, fmt.Sprintf("%s: retry the %d missed", keyName(k.RetryMissed), len(r.Missed)))
	}
	var lines []string
	for _, l := range strings.Split(render.Wrap(st.CallToAction.Render(strings.Join(next, " · ")), w), "\n") {
		lines = append(lines, "  "+l)
	}
	return lines
}
