package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
)

// compose lays out the quiz body for the current state and width. It runs in Update (after each
// key and resize), so View only picks the visible lines.
func (z *quizModel) compose() {
	if z.lesson == nil {
		return
	}
	var lines []string
	switch z.phase {
	case resuming:
		lines = z.composeResuming()
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
	if z.phase == asking && (z.cursor >= 0 || z.question().Typed()) {
		// keep the focused choice, or the typed answer's input, (and the line after it) in view
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
	case lessons.Numeric:
		return "type a number"
	}
	return "choose one"
}

// composeResuming offers to continue the attempt left half-way, or to start over.
func (z *quizModel) composeResuming() []string {
	st, k, w := z.c.st, z.c.keys, z.textWidth()
	n, total := z.resumable.Answered(), len(z.resumable.Questions())
	when := z.left.Started.Local().Format("Mon 2 Jan at 15:04")
	if len(z.left.Answers) > 0 {
		when = z.left.Answers[len(z.left.Answers)-1].At.Local().Format("Mon 2 Jan at 15:04")
	}
	lines := []string{"", "  " + st.Heading.Render(clip("You left this quiz half-way", w)), ""}
	lines = append(lines, wrapLines(fmt.Sprintf("You answered %d of its %d questions (last on %s). Your answers are kept.", n, total, when), w, 2)...)
	lines = append(lines, "")
	cont := fmt.Sprintf("%s: continue at question %d", keyName(k.ResumeQuiz), n+1)
	if n >= total {
		cont = fmt.Sprintf("%s: see your score", keyName(k.ResumeQuiz))
	}
	lines = append(lines, wrapLines(st.CallToAction.Render(cont), w, 2)...)
	return append(lines, wrapLines(st.Subtle.Render(fmt.Sprintf("%s: start over (these answers are dropped)", keyName(k.StartOver))), w, 2)...)
}

func (z *quizModel) composeQuestion(showAnswer bool) []string {
	st, q, w := z.c.st, z.question(), z.textWidth()
	head := fmt.Sprintf("Question %d of %d · %s", z.qi+1, len(z.questions()), kindLabel(q))
	if z.round.Practice() {
		head = fmt.Sprintf("Practice %d of %d · %s", z.qi+1, len(z.questions()), kindLabel(q))
	}
	if z.rv != nil {
		head = z.reviewHead(q)
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
	if q.Typed() {
		lines = z.composeTyped(lines, g)
	} else {
		lines = z.composeChoices(lines, g)
	}
	if z.round.Hinted() && !showAnswer {
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
			next = fmt.Sprintf("Press %s to %s.", keyName(z.c.keys.NextQ), z.endWord())
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
	// Numbers are right-aligned to the widest (" 9", "10"), so every choice's text starts in
	// the same column.
	prefix := fmt.Sprintf("%s %*d  ", m.box, len(strconv.Itoa(len(z.order))), pos+1)
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

// composeTyped shows the input of a typed answer, or once answered, the answer and the accepted
// ones.
func (z *quizModel) composeTyped(lines []string, g *lessons.Answer) []string {
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
		lines = append(lines, wrapLines(st.Subtle.Render(label)+strings.Join(q.Accepted, ", "), w, 2)...)
	}
	return lines
}

// verdict says whether the answer was right. A choice question's right choices are marked ✓
// above it; a typed answer says how it was taken (a spelling forgiven, the learner's override)
// or, when wrong, that the learner may count it as right.
func (z *quizModel) verdict(g *lessons.Answer) []string {
	st, k, w := z.c.st, z.c.keys, z.textWidth()
	switch {
	case g.Overridden:
		return wrapLines(st.Correct.Render("✓ Counted as right on your word: reports show it as your call."), w, 2)
	case g.Correct && g.AcceptedAs != "":
		return para([]string{"  " + st.Correct.Render("✓ Accepted")}, z.md("The spelling is *"+g.AcceptedAs+"*.", w, render.RolePlain), 2)
	case g.Correct:
		return []string{"  " + st.Correct.Render("✓ Correct!")}
	case g.CanOverride():
		lines := []string{"  " + st.Wrong.Render("✗ Not quite.")}
		return append(lines, wrapLines(st.Subtle.Render(fmt.Sprintf(
			"If your answer means the same, press %s to count it as right (reports show it as your call).", keyName(k.Override))), w, 2)...)
	}
	return []string{"  " + st.Wrong.Render("✗ Not quite.")}
}
