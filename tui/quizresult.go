package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// This file draws the quiz's result, and says what the quiz's keys do: its title bar, status
// line and key help.

func (z *quizModel) composeResult() []string {
	if z.rv != nil {
		return z.composeReviewSummary()
	}
	st, r, w := z.c.st, z.result, z.textWidth()
	lines := append([]string{""}, z.resultHeading(w)...)
	lines = append(lines, "")
	score := fmt.Sprintf("%d of %d correct · %d%%", r.Correct, r.Total, progress.WholePercent(r.Percent()))
	if r.Points != float64(r.Correct) {
		score = fmt.Sprintf("%d of %d correct, %s points · %d%%", r.Correct, r.Total, points(r.Points), progress.WholePercent(r.Percent()))
	}
	barW := min(w-ansi.StringWidth(score)-9, 30)
	if barW >= 5 {
		lines = append(lines, "  "+st.Heading.Render("Score")+"  "+progressBar(st, r.Percent()/100, barW)+"  "+score)
	} else {
		lines = append(lines, wrapLines(st.Heading.Render("Score ")+score, w, 2)...)
	}
	lines = append(lines, wrapLines(st.Subtle.Render(z.standingLine()), w, 2)...)
	if z.courseDone {
		lines = append(lines, "", "  "+st.CallToAction.Render(fmt.Sprintf("★ You have %s every lesson of the course!", z.c.doneWords().verb)))
	}
	lines = append(lines, "")
	lines = append(lines, z.resultActions(w)...)
	if len(r.Missed) > 0 {
		lines = append(lines, "", "  "+st.Heading.Render(fmt.Sprintf("Missed %s", plural(len(r.Missed), "question", "questions"))))
		for _, g := range r.Missed {
			lines = append(lines, z.missedLines(g, w)...)
		}
	}
	return lines
}

func (z *quizModel) resultHeading(w int) []string {
	st, r := z.c.st, z.result
	switch {
	case r.Practice:
		return wrapLines(st.Heading.Render("Practice: "+z.lesson.Title), w, 2)
	case r.Passed:
		return wrapLines(st.Correct.Render("✓ Passed: "+z.lesson.Title), w, 2)
	case z.lessonPassed():
		// The best full attempt counts: a failed retake leaves the lesson passed, and says so.
		best := progress.WholePercent(z.c.prog.Lesson(z.lesson.ID).Best)
		return wrapLines(st.Wrong.Render(fmt.Sprintf("✗ This attempt did not pass · the lesson stays passed (best %d%%)", best)), w, 2)
	}
	return wrapLines(st.Wrong.Render("✗ Not passed yet: "+z.lesson.Title), w, 2)
}

// lessonPassed reports whether the learner's standing in the quiz's lesson is passed
// (progress.CourseInfo.Standing), whatever the round on show scored.
func (z *quizModel) lessonPassed() bool {
	return z.c.standing(z.index).Status == progress.Passed
}

// standingLine says what the round means for the lesson: the pass mark in questions, and for
// practice, that it changes nothing.
func (z *quizModel) standingLine() string {
	r, lp, mark := z.result, z.c.prog.Lesson(z.lesson.ID), z.c.course.PassMark
	best := progress.WholePercent(lp.Best)
	if r.Practice {
		return fmt.Sprintf("Practice does not change your score: your best is %d%%. Take the whole quiz again (%s) to raise it.",
			best, keyName(z.c.keys.RetryAll))
	}
	line := fmt.Sprintf("The pass mark is %d%%: %s.", mark, passNeed(r.Total, mark, lessons.ScoredInPoints(z.round.Questions())))
	switch {
	case !r.Passed && z.lessonPassed():
		line += " Read the explanations below."
	case !r.Passed:
		line += " Read the explanations below, then retry."
	}
	if full := lp.FullAttempts(); len(full) > 1 {
		line += fmt.Sprintf(" Your best: %d%% (first attempt %d%%).", best, progress.WholePercent(full[0].Percent))
	}
	if n := overrides(r); n > 0 {
		line += fmt.Sprintf(" You counted %d %s as right yourself.", n, plural(n, "answer", "answers"))
	}
	return line
}

func overrides(r *lessons.Result) int {
	n := 0
	for _, a := range r.Answers {
		if a.Overridden {
			n++
		}
	}
	return n
}

// passNeed says what passes a quiz of total questions at the pass mark: right answers, or
// points for a quiz scored in points (lessons.ScoredInPoints), where a count of right answers
// would contradict a pass earned with partial credit.
func passNeed(total, passMark int, inPoints bool) string {
	if inPoints {
		return fmt.Sprintf("%s of %d points", points(lessons.PointsToPass(total, passMark)), total)
	}
	return fmt.Sprintf("%d of %d right", lessons.NeededToPass(total, passMark), total)
}

// points shows points with at most two decimals: the points a pass needs are whole
// hundredths (lessons.PointsToPass), shown exactly; one decimal would round 2.25 to 2.2.
func points(p float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", p), "0"), ".")
}

// missedLines show a missed question: its number and prompt, the learner's answer beside the
// right one, and the explanation.
func (z *quizModel) missedLines(g lessons.Answer, w int) []string {
	q := g.Question
	num := fmt.Sprintf("%d. ", z.round.Number(q))
	nw := ansi.StringWidth(num)
	lines := []string{""}
	for j, p := range z.md(q.Prompt, w-nw, render.RolePrompt) {
		if j == 0 {
			lines = append(lines, "  "+num+p)
		} else {
			lines = append(lines, "  "+strings.Repeat(" ", nw)+p)
		}
	}
	yours := strings.Join(g.Given(), "; ")
	if g.Credit > 0 {
		yours += fmt.Sprintf(" (%s of a point)", points(g.Credit))
	}
	lines = append(lines, z.marked(z.c.st.Wrong.Render("✗ "), "Your answer: "+yours, render.RolePlain, w-nw, 2+nw)...)
	lines = append(lines, z.marked(z.c.st.Correct.Render("✓ "), correctAnswerText(q), render.RoleCorrect, w-nw, 2+nw)...)
	if q.Explanation != "" {
		lines = para(lines, z.md(q.Explanation, w-nw, render.RolePlain), 2+nw)
	}
	return lines
}

// marked draws text after a two-column mark, its lines hanging under the text.
func (z *quizModel) marked(mark, text string, role render.Role, w, indent int) []string {
	pad := strings.Repeat(" ", indent)
	out := z.md(text, max(w-2, 6), role)
	for i, l := range out {
		if i == 0 {
			out[i] = pad + mark + l
		} else {
			out[i] = pad + "  " + l
		}
	}
	return out
}

func correctAnswerText(q *lessons.Question) string {
	var right []string
	for _, i := range q.CorrectChoices() {
		right = append(right, q.Choices[i].Text)
	}
	switch {
	case q.Typed() && len(q.Accepted) > 1:
		return "Accepted: " + strings.Join(q.Accepted, ", ")
	case q.Typed():
		return "Right answer: " + strings.Join(q.Accepted, ", ")
	case len(right) == 1:
		return "Right answer: " + right[0]
	}
	return "Right answers: " + strings.Join(right, "; ")
}

// resultActions says what the keys do next. It comes right under the score, so that even a
// small terminal shows it without scrolling past the missed questions.
func (z *quizModel) resultActions(w int) []string {
	st, k, r := z.c.st, z.c.keys, z.result
	next := []string{keyName(k.Done) + ": " + z.nextAction().sentence, keyName(k.RetryAll) + ": retake the quiz"}
	if len(r.Missed) > 0 {
		next = append(next, fmt.Sprintf("%s: practise the %d missed", keyName(k.RetryMissed), len(r.Missed)))
	}
	return wrapLines(st.CallToAction.Render(strings.Join(next, " · ")), w, 2)
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
	passed := z.c.prog.Lesson(z.lesson.ID).Passed
	switch {
	case !passed:
		return resultAction{"back to lesson", "back to the lesson", backToLessonMsg{}}
	case z.c.summary().Done() && (z.courseDone || last):
		return resultAction{"course summary", "your course summary", showCompleteMsg{}}
	case !last:
		return resultAction{"next lesson", "next lesson", openLessonMsg{index: z.index + 1}}
	}
	return resultAction{"outline", "the outline", showOutlineMsg{}}
}

func (z *quizModel) crumbs() ([]string, string) {
	if z.rv != nil {
		return z.reviewCrumbs()
	}
	name := "Quiz"
	if z.round != nil && z.round.Practice() && z.phase != resuming {
		name = "Practice"
	}
	if z.phase == finished {
		return []string{z.lesson.Title, name}, "Result"
	}
	return []string{z.lesson.Title, name}, ""
}

func (z *quizModel) status() statusInfo {
	if z.phase != finished {
		return z.questionStatus()
	}
	info := z.resultStatus()
	// The missed questions run under the score: say so, as the feedback of an answer does.
	if !z.scroll.atBottom() {
		info.right = keyName(z.c.keys.Down) + " more below"
	}
	return info
}

// questionStatus is the status line while a question is asked or its feedback shown.
func (z *quizModel) questionStatus() statusInfo {
	k := z.c.keys
	switch z.phase {
	case resuming:
		return statusInfo{left: fmt.Sprintf("%s continues, %s starts over", keyName(k.ResumeQuiz), keyName(k.StartOver)), tone: toneAction}
	case asking:
		return z.askingInfo()
	}
	return z.answeredStatus()
}

// resultStatus sums up the result of the round on show.
func (z *quizModel) resultStatus() statusInfo {
	if z.rv != nil {
		return z.reviewStatus()
	}
	pct := progress.WholePercent(z.result.Percent())
	switch {
	case z.result.Practice:
		return statusInfo{left: fmt.Sprintf("Practice: %d of %d right (your score is unchanged)", z.result.Correct, z.result.Total), tone: toneInfo}
	case z.result.Passed:
		return statusInfo{left: fmt.Sprintf("✓ Passed with %d%%", pct), tone: toneGood}
	}
	return statusInfo{left: fmt.Sprintf("✗ %d%%: the pass mark is %d%%", pct, z.c.course.PassMark), tone: toneBad}
}

// askingInfo is the status while a question waits for its answer: what to do, and a cue when
// choices are hidden below the screen (a small terminal), where ↓ reaches them. A typed
// answer's view keeps its input in sight, and its keys go to the input.
func (z *quizModel) askingInfo() statusInfo {
	info := statusInfo{left: z.askingStatus()}
	if !z.scroll.atBottom() && !z.question().Typed() {
		info.right = keyName(z.c.keys.Down) + " more below"
	}
	return info
}

func (z *quizModel) askingStatus() string {
	k, q := z.c.keys, z.question()
	switch {
	case q.Kind == lessons.MultipleSelect:
		return fmt.Sprintf("Tick every right choice (%s or its number), then %s", keyName(k.Toggle), keyName(k.Submit))
	case q.Typed():
		return fmt.Sprintf("Type your answer and press %s", keyName(k.Submit))
	case z.cursor >= 0:
		return fmt.Sprintf("Press %s to answer, or choose another", keyName(k.Submit))
	case q.Kind == lessons.TrueFalse:
		return fmt.Sprintf("Press %s (true) or %s (false), then %s", keyName(k.AnswerTrue), keyName(k.AnswerFalse), keyName(k.Submit))
	}
	return fmt.Sprintf("Choose with %s or a number, then press %s", keysLabel(k.Up, k.Down), keyName(k.Submit))
}

// answeredStatus gives the verdict, and what the next key does: read on while the feedback runs
// below the screen, then the next question.
func (z *quizModel) answeredStatus() statusInfo {
	k := z.c.keys
	g, _ := z.round.Last()
	info := statusInfo{left: "✗ Not quite", tone: toneBad}
	switch {
	case g.Overridden:
		info = statusInfo{left: "✓ Counted as right", tone: toneGood}
	case g.Correct && g.AcceptedAs != "":
		info = statusInfo{left: "✓ Accepted (see the spelling)", tone: toneGood}
	case g.Correct:
		info = statusInfo{left: "✓ Correct", tone: toneGood}
	case g.CanOverride():
		info.left += fmt.Sprintf(" · %s: I was right", keyName(k.Override))
	}
	info.left += " · " + keyName(k.NextQ) + ": " + z.nextQuestionDesc()
	if !z.scroll.atBottom() {
		info.right = keyName(k.Down) + " more below"
	}
	return info
}

// nextQuestionDesc is what the next-question key does after an answer.
func (z *quizModel) nextQuestionDesc() string {
	switch {
	case !z.scroll.atBottom():
		return "read on"
	case z.lastQuestion():
		return z.endWord()
	}
	return "next question"
}

func (z *quizModel) help() help.KeyMap {
	k := z.c.keys
	switch z.phase {
	case resuming:
		short := []key.Binding{k.ResumeQuiz, k.StartOver, hint("back to lesson", k.Back), k.Help}
		return keyHelp{short: short, full: [][]key.Binding{short, {k.Quit}}}
	case asking:
		return z.askingHelp()
	}
	if z.rv != nil && z.phase == finished {
		return z.reviewHelp()
	}
	scroll := hint("scroll", k.Down, k.Up)
	back := hint("leave "+z.noun(), k.Back)
	var short []key.Binding
	var rank []int
	if z.phase == answered {
		short, rank = []key.Binding{scroll, hint(z.nextQuestionDesc(), k.NextQ)}, []int{rankMinor, rankMain}
		if g, _ := z.round.Last(); g.CanOverride() {
			short, rank = append(short, k.Override), append(rank, rankMain)
		}
	} else {
		short, rank = []key.Binding{scroll, hint(z.nextAction().desc, k.Done), hint("retake quiz", k.RetryAll)}, []int{rankMinor, rankMain, rankMain}
		if len(z.result.Missed) > 0 {
			short, rank = append(short, hint("practise missed", k.RetryMissed)), append(rank, rankUseful)
		}
		back = hint("back to lesson", k.Back)
	}
	if z.phase == answered || z.nextAction().desc != "back to lesson" {
		short, rank = append(short, back), append(rank, rankLeave)
	}
	short, rank = append(short, k.Help), append(rank, rankUseful)
	full := [][]key.Binding{short, {k.PageUp, k.PageDown, k.Top, k.Bottom, k.Quit}}
	return keyHelp{short: short, full: full, rank: rank}
}

// askingHelp lists the keys of a question waiting for its answer, ranked so that a narrow
// footer keeps those the question cannot be answered without.
func (z *quizModel) askingHelp() help.KeyMap {
	k, q := z.c.keys, z.question()
	pick := z.pickKeys()
	var short []key.Binding
	var rank []int
	switch {
	case q.Typed():
		if q.Hint != "" {
			short, rank = append(short, k.HintInInput), append(rank, rankMinor)
		}
		short = append(short, k.Submit, hint("leave "+z.noun(), k.Cancel))
		return keyHelp{short: short, full: [][]key.Binding{short, {k.Quit}}, rank: append(rank, rankMain, rankLeave)}
	case q.Kind == lessons.MultipleSelect:
		short, rank = []key.Binding{hint("move", k.Up, k.Down), hint("tick", k.Toggle, pick)}, []int{rankMinor, rankMain}
	case q.Kind == lessons.TrueFalse:
		short, rank = []key.Binding{hint("true/false", k.AnswerTrue, k.AnswerFalse), hint("choose", k.Up, k.Down)}, []int{rankMain, rankMinor}
	default:
		short, rank = []key.Binding{hint("choose", k.Up, k.Down), hint("pick", pick)}, []int{rankUseful, rankMain}
	}
	if q.Hint != "" {
		short, rank = append(short, k.Hint), append(rank, rankMinor)
	}
	short = append(short, k.Submit, hint("leave "+z.noun(), k.Back), k.Help)
	rank = append(rank, rankMain, rankLeave, rankUseful)
	pages := []key.Binding{k.PageUp, withoutKeys(k.PageDown, " ", "f"), k.Quit}
	return keyHelp{short: short, full: [][]key.Binding{short, pages}, rank: rank}
}
