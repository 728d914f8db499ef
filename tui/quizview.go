package tui

import (
	"fmt"
	"strings"

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
	st, q, w := z.c.styles, z.question(), z.textWidth()
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
		next := "Press enter for the next question."
		if z.qi+1 >= len(z.questions()) {
			next = "Press enter to see your score."
		}
		lines = append(lines, "  "+st.CallToAction.Render(next))
	}
	return lines
}

// composeChoices lists the choices; with g set, it marks the right ones and the learner's.
func (z *quizModel) composeChoices(lines []string, g *lessons.Answer) []string {
	st, q, w := z.c.styles, z.question(), z.textWidth()
	chosen := map[int]bool{}
	if g != nil {
		for _, i := range g.Choices {
			chosen[i] = true
		}
	}
	for pos, i := range z.order {
		ch := q.Choices[i]
		focus := g == nil && pos == z.cursor
		on := chosen[i]
		if g == nil {
			on = z.picked[i] || (q.Kind != lessons.MultipleSelect && focus)
		}
		box := "( )"
		if on {
			box = "(•)"
		}
		if q.Kind == lessons.MultipleSelect {
			box = "[ ]"
			if on {
				box = "[x]"
			}
		}
		lead, leadStyle := "  ", st.Cursor
		if focus {
			lead = "› "
		}
		if g != nil {
			switch {
			case ch.Correct:
				lead, leadStyle = "✓ ", st.Correct
			case on:
				lead, leadStyle = "✗ ", st.Wrong
			}
		}
		prefix := fmt.Sprintf("%s %d  ", box, pos+1)
		role := render.RolePlain
		switch {
		case focus:
			role = render.RoleFocus
		case g != nil && ch.Correct:
			role = render.RoleCorrect
		}
		tw := max(w-ansi.StringWidth(prefix), 6)
		text := z.md(ch.Text, tw, role)
		if focus {
			z.cursorLine = len(lines)
		}
		boxStyle := st.Subtle
		if on || focus {
			boxStyle = st.ChoiceFocus
		}
		for j, t := range text {
			if j == 0 {
				lines = append(lines, leadStyle.Render(lead)+boxStyle.Render(prefix)+t)
			} else {
				lines = append(lines, strings.Repeat(" ", 2+ansi.StringWidth(prefix))+t)
			}
		}
		if g != nil && ch.Correct && !on && q.Kind == lessons.MultipleSelect {
			// A ✓ beside an empty box is easy to misread as "you got this one".
			lines = append(lines, strings.Repeat(" ", 2+ansi.StringWidth(prefix))+st.Subtle.Render("│ ")+
				st.Feedback.Render("also right: you left this one out"))
		}
		if g != nil && on && ch.Feedback != "" {
			fb := z.md(ch.Feedback, max(tw-2, 6), render.RoleFeedback)
			for _, t := range fb {
				lines = append(lines, strings.Repeat(" ", 2+ansi.StringWidth(prefix))+st.Subtle.Render("│ ")+t)
			}
		}
	}
	return lines
}

func (z *quizModel) composeShort(lines []string, g *lessons.Answer) []string {
	st, q, w := z.c.styles, z.question(), z.textWidth()
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
	st, q, w := z.c.styles, g.Question, z.textWidth()
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
	st, r, w := z.c.styles, z.result, z.textWidth()
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
	st, r := z.c.styles, z.result
	var next []string
	switch z.doneBinding().Help().Desc {
	case "next lesson":
		next = append(next, "enter: next lesson")
	case "course summary":
		next = append(next, "enter: your course summary")
	case "back to lesson":
		next = append(next, "enter: back to the lesson")
	default:
		next = append(next, "enter: the outline")
	}
	next = append(next, "r: retry all questions")
	if len(r.Missed) > 0 {
		next = append(next, fmt.Sprintf("m: retry the %d missed", len(r.Missed)))
	}
	var lines []string
	for _, l := range strings.Split(render.Wrap(st.CallToAction.Render(strings.Join(next, " · ")), w), "\n") {
		lines = append(lines, "  "+l)
	}
	return lines
}
