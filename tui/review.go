package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// A review session asks again the questions a learner answered, when the schedule says they
// are about to be forgotten (progress.Schedule, internal/srs): due questions from every lesson,
// most overdue first, within the course's daily limit. It is a kind of round (lessons.Round)
// and runs in the quiz screen's look, with its feedback and explanations: a second quizModel,
// in the review screen's slot, runs it with the hooks in this file. Each answer is saved for
// review as it is given, like a quiz's open attempt, so that closing the terminal on its
// feedback loses nothing; "I was right" then rates it again, in place of its first rating.
// The session ends with a summary: how many were reviewed and right, and when the next review
// is. A practice session (aieng review --practice) asks every question answered and changes
// nothing.

// reviewRun is the review session under way.
type reviewRun struct {
	practice bool
	lessonOf []int // the lesson of each question of the round, an index into the course
	after    progress.ReviewStatus
	started  time.Time
}

// newReview is the review screen: the quiz screen, reviewing.
func newReview(c *common) *quizModel {
	z := newQuiz(c)
	z.rv = &reviewRun{}
	return z
}

// schedule is the review rules of the course shown; nil when its settings are out of range,
// which validation refuses.
func (c *common) schedule() *progress.Schedule {
	s, err := progress.NewSchedule(c.info, c.opts.Zone)
	if err != nil {
		return nil
	}
	return s
}

// enterReview starts a review session: the questions due, or in practice every question
// answered. With none it declines, saying why and when the next review is.
func (z *quizModel) enterReview(msg startReviewMsg) (tea.Cmd, bool) {
	where := map[string]int{}
	byID := map[string]*lessons.Question{}
	for i, l := range z.c.course.Lessons {
		for _, q := range l.Quiz {
			where[q.ID], byID[q.ID] = i, q
		}
	}
	var questions []*lessons.Question
	var lessonOf []int
	for _, card := range z.c.prog.DueCards(msg.practice) {
		if q := byID[card.QuestionID]; q != nil {
			questions, lessonOf = append(questions, q), append(lessonOf, where[q.ID])
		}
	}
	if len(questions) == 0 {
		z.c.setFlash(z.nothingToReview(msg.practice), false)
		return nil, false
	}
	z.rv = &reviewRun{practice: msg.practice, lessonOf: lessonOf, started: z.c.opts.Now()}
	z.round = lessons.NewRound(questions)
	z.given, z.recorded, z.result, z.courseDone, z.confirmLeave = nil, false, nil, false, false
	return tea.Batch(z.begin(0), z.resize()), true
}

// nothingToReview says why no review session starts.
func (z *quizModel) nothingToReview(practice bool) string {
	if practice || !z.c.prog.Reviewing() {
		return "Nothing to review yet: questions come back for review once you have answered them in a quiz."
	}
	st := z.c.prog.ReviewStatus()
	switch {
	case st.Cards == 0:
		return "Nothing to review yet: questions come back for review once you have answered them in a quiz."
	case st.Waiting > 0:
		return fmt.Sprintf("Today's %d reviews are done; %d more wait for tomorrow.", z.c.prog.DailyLimit(), st.Waiting)
	case !st.Next.IsZero():
		next := "question comes back"
		if st.NextCount > 1 {
			next = fmt.Sprintf("%d questions come back", st.NextCount)
		}
		return fmt.Sprintf("Nothing is due for review: the next %s %s.", next, dueDay(st.Next, z.c.opts.Now()))
	}
	return "Nothing is due for review."
}

// reviewAt makes question n's lesson the one on show (its title, the time spent).
func (z *quizModel) reviewAt(n int) {
	if z.rv == nil || n >= len(z.rv.lessonOf) {
		return
	}
	z.index = z.rv.lessonOf[n]
	z.lesson = z.c.course.Lessons[z.index]
}

// saveReview saves the answer just given for review (practice saves nothing); rerated, it
// replaces the rating saved for it: the learner has just said "I was right".
func (z *quizModel) saveReview(rerated bool) {
	if z.rv == nil || z.rv.practice || len(z.given) == 0 {
		return
	}
	lessonID, last := z.lesson.ID, z.given[len(z.given)-1]
	if rerated {
		z.c.prog.RerateReview(lessonID, last)
	} else {
		z.c.prog.RecordReview(lessonID, last)
	}
}

// finishReview ends the session: the result and what is due next.
func (z *quizModel) finishReview() {
	if z.recorded {
		return
	}
	res := z.round.Result(0)
	z.result, z.recorded = &res, true
	z.rv.after = z.c.prog.ReviewStatus()
}

// leaveReview leaves the session for the outline: every answer given is saved already.
func (z *quizModel) leaveReview() {
	z.c.goTo(showOutlineMsg{})
}

// reviewCourseChanged ends the session when the course is reloaded: its questions may be gone.
func (z *quizModel) reviewCourseChanged() tea.Cmd {
	z.c.setFlash(fmt.Sprintf("The course changed, so the review stopped: press %s to review again.", keyName(z.c.keys.Review)), true)
	z.c.goTo(showOutlineMsg{})
	return nil
}

// reviewHead is the line above a question: where it is in the session, and its lesson.
func (z *quizModel) reviewHead(q *lessons.Question) string {
	word := "Review"
	if z.rv.practice {
		word = "Practice"
	}
	return fmt.Sprintf("%s %d of %d · %s · %s", word, z.qi+1, len(z.questions()), z.lesson.Title, kindLabel(q))
}

// noun names the round for the keys' help: leave the quiz, or the review.
func (z *quizModel) noun() string {
	if z.rv != nil {
		return "review"
	}
	return "quiz"
}

// endWord is what moving on from the last answer shows.
func (z *quizModel) endWord() string {
	if z.rv != nil {
		return "see the summary"
	}
	return "see your score"
}

// composeReviewSummary is the end of a session: how many were reviewed and right, what comes
// next, and the questions missed with their explanations.
func (z *quizModel) composeReviewSummary() []string {
	st, k, r, w := z.c.st, z.c.keys, z.result, z.textWidth()
	heading := st.Correct.Render("✓ Review done")
	if z.rv.practice {
		heading = st.Heading.Render("Practice done")
	}
	lines := []string{"", "  " + heading, ""}
	n := len(r.Answers)
	done := fmt.Sprintf("You reviewed %d %s from %d %s: %d right, %d missed.", n, plural(n, "question", "questions"),
		z.lessonsReviewed(), plural(z.lessonsReviewed(), "lesson", "lessons"), r.Correct, len(r.Missed))
	lines = append(lines, wrapLines(done, w, 2)...)
	lines = append(lines, wrapLines(st.Subtle.Render(z.nextReviewLine()), w, 2)...)
	lines = append(lines, "")
	lines = append(lines, wrapLines(st.CallToAction.Render(keyName(k.Done)+": back to the outline"), w, 2)...)
	if len(r.Missed) > 0 {
		lines = append(lines, "", "  "+st.Heading.Render(fmt.Sprintf("Missed %s", plural(len(r.Missed), "question", "questions"))))
		for _, g := range r.Missed {
			lines = append(lines, z.missedLines(g, w)...)
		}
	}
	return lines
}

func (z *quizModel) lessonsReviewed() int {
	seen := map[int]bool{}
	for _, i := range z.rv.lessonOf[:len(z.result.Answers)] {
		seen[i] = true
	}
	return len(seen)
}

// nextReviewLine says when the questions come back: missed ones tomorrow, and the next
// review; a practice session changes nothing.
func (z *quizModel) nextReviewLine() string {
	if z.rv.practice {
		return "Practice changes nothing: each question comes back for review when it is due."
	}
	a, now := z.rv.after, z.c.opts.Now()
	line := "Each missed question comes back tomorrow; the ones you knew, later."
	if len(z.result.Missed) == 0 {
		line = "The questions you knew come back later, each when it is about to be forgotten."
	}
	switch {
	case a.Due > 0:
		line += fmt.Sprintf(" %d more %s due today: press %s on the outline.", a.Due, plural(a.Due, "is", "are"), keyName(z.c.keys.Review))
	case a.Waiting > 0:
		line += fmt.Sprintf(" That was today's limit of %d; %d more wait for tomorrow.", z.c.prog.DailyLimit(), a.Waiting)
	case !a.Next.IsZero():
		line += fmt.Sprintf(" Next review %s (%d %s).", dueDay(a.Next, now), a.NextCount, plural(a.NextCount, "question", "questions"))
	}
	return line
}

// dueDay says when a review is, from now: tomorrow, or the day and date.
func dueDay(t, now time.Time) string {
	t = t.In(now.Location())
	y, m, d := now.Date()
	tomorrow := time.Date(y, m, d+1, 0, 0, 0, 0, now.Location())
	if !t.Before(tomorrow) && t.Before(tomorrow.AddDate(0, 0, 1)) {
		return "tomorrow"
	}
	if t.Before(tomorrow) {
		return "today"
	}
	return "on " + t.Format("Mon 2 Jan")
}

func (z *quizModel) updateReviewFinished(km tea.KeyMsg) {
	if key.Matches(km, z.c.keys.Done) {
		z.c.goTo(showOutlineMsg{})
		return
	}
	z.scroll.key(km, z.c.keys)
}

func (z *quizModel) reviewCrumbs() ([]string, string) {
	name := "Review"
	if z.rv.practice {
		name = "Practice review"
	}
	if z.phase == finished || z.lesson == nil {
		return []string{name}, "Summary"
	}
	return []string{name, z.lesson.Title}, ""
}

func (z *quizModel) reviewStatus() statusInfo {
	r := z.result
	if z.rv.practice {
		return statusInfo{left: fmt.Sprintf("Practice: %d of %d right (the schedule is unchanged)", r.Correct, r.Total), tone: toneInfo}
	}
	return statusInfo{left: fmt.Sprintf("Reviewed %d: %d right", len(r.Answers), r.Correct), tone: toneGood}
}

func (z *quizModel) reviewHelp() help.KeyMap {
	k := z.c.keys
	short := []key.Binding{hint("scroll", k.Down, k.Up), hint("outline", k.Done, k.Back), k.Help}
	return keyHelp{short: short, full: [][]key.Binding{short, {k.PageUp, k.PageDown, k.Top, k.Bottom, k.Quit}}, rank: []int{rankMinor, rankMain, rankUseful}}
}

// spentText shows time spent for people: "25 min", "1 h 20 min"; "" under a minute.
func spentText(d time.Duration) string {
	m := int(d / time.Minute)
	switch {
	case m < 1:
		return ""
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	}
	return strings.TrimSpace(fmt.Sprintf("%d h %d min", m/60, m%60))
}
