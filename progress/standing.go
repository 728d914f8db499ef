package progress

import (
	"math"
	"slices"
)

// This file holds the rules that turn what a learner did into where they stand: a lesson's
// standing, the lock of a sequential course, where "continue" goes, the course's completion and
// how a percentage is shown. The outline, the reader, the quiz, the course-complete screen,
// `aieng progress` and the reports all ask these functions; none decides on its own.

// CourseInfo is what the rules and the reports need to know of a course. The caller fills it
// from the course (internal/courseinfo does), so that this package stays ignorant of lessons'
// content.
type CourseInfo struct {
	ID, Title, Version string
	PassMark           int
	Sequential         bool         // a lesson opens only once the one before it is complete
	Lessons            []LessonInfo // in course order
	// ReviewLimit and ReviewRetention tune the review of answered questions (review.go): the
	// most review answers a day and the recall aimed for; 0 means internal/srs's default.
	ReviewLimit     int
	ReviewRetention float64
}

// LessonInfo is what the rules and the reports need to know of one lesson.
type LessonInfo struct {
	ID, Title, Section string
	Questions          int // a lesson without a quiz is complete once read
	Labs               []LabInfo
	// Draw is how many questions each full attempt asks (a question pool); 0 asks them all.
	Draw int
	// QuestionHashes are the content hashes of the quiz's questions now, by question id: a
	// report tells an answer given to an older version of a question from a current one.
	QuestionHashes map[string]string
}

// LabInfo is what the reports need to know of one lab of a lesson.
type LabInfo struct {
	ID, Title string
}

// Standing is where a learner stands in one lesson of a course: what they did there (Status),
// and whether that finishes the lesson (Complete).
type Standing struct {
	Status Status
	// Complete: the lesson's quiz is passed, or the lesson has no quiz and was read to the end.
	Complete bool
	// Open is how far the quiz attempt left half-way got (LessonProgress.Open), so that a
	// lesson's standing can say there is a quiz to finish; its zero value means none.
	Open OpenQuiz
}

// OpenQuiz is how far a quiz attempt left half-way got: answers given, of the questions it asks.
type OpenQuiz struct{ Answered, Questions int }

// Started reports whether there is a quiz attempt left half-way.
func (o OpenQuiz) Started() bool { return o.Questions > 0 }

// Standing is the learner's standing in a lesson with the given number of quiz questions.
func (l LessonProgress) Standing(questions int) Standing {
	s := Standing{Status: l.Status(), Complete: l.Passed || (questions == 0 && l.Read)}
	if l.Open != nil && len(l.Open.Questions) > 0 {
		s.Open = OpenQuiz{Answered: min(len(l.Open.Answers), len(l.Open.Questions)), Questions: len(l.Open.Questions)}
	}
	return s
}

// String names the standing for people, as the outline and `aieng progress` show it. A lesson
// without a quiz that was read is "complete": there is no quiz to pass.
func (s Standing) String() string {
	if s.Complete && s.Status == Read {
		return "complete"
	}
	return s.Status.String()
}

// Standing is the learner's standing in lesson i of the course.
func (c CourseInfo) Standing(p CourseProgress, i int) Standing {
	l := c.Lessons[i]
	return p.Lessons[l.ID].Standing(l.Questions)
}

// Locked reports whether the course keeps lesson i closed: it is sequential and the lesson
// before i is not complete.
func (c CourseInfo) Locked(p CourseProgress, i int) bool {
	return c.Sequential && i > 0 && i < len(c.Lessons) && !c.Standing(p, i-1).Complete
}

// Continue is the lesson "continue" opens. While the lesson opened last is not complete, it is
// that one, at its reading position (resume). Once it is, it is the next lesson after it that
// is neither complete nor locked (going round to the start of the course), at its reading
// position when it has one; with nothing opened yet, the first such lesson. When every lesson
// is complete, it is the lesson opened last again (or the first).
func (c CourseInfo) Continue(p CourseProgress) (index int, resume bool) {
	last := -1
	for i, l := range c.Lessons {
		if p.LastLesson != "" && l.ID == p.LastLesson {
			last = i
		}
	}
	if last >= 0 && !c.Standing(p, last).Complete {
		return last, true
	}
	n := len(c.Lessons)
	for k := 1; k <= n; k++ {
		i := (last + k) % n
		if !c.Standing(p, i).Complete && !c.Locked(p, i) {
			return i, p.Lessons[c.Lessons[i].ID].Position > 0
		}
	}
	if last >= 0 {
		return last, true
	}
	return 0, false
}

// FirstStart reports whether the learner starts the course for the first time: nothing
// recorded, not even the first-start screen seen. A learner whose progress predates that
// screen has progress, so is not shown it.
func (p CourseProgress) FirstStart() bool { return !p.Welcomed && !p.HasProgress("") }

// Summary sums up a learner's standing in a whole course.
type Summary struct {
	Lessons  int // in the course
	Complete int
	Passed   int
	Read     int
	// Quizzes counts the lessons that have a quiz, and BestTotal adds their best scores, for
	// the average the course-complete screen shows.
	Quizzes   int
	BestTotal float64
	// Labs counts the course's labs, LabsPassed those the learner passed. Labs do not decide
	// whether a lesson is complete: the quiz (or reading, without one) does.
	Labs, LabsPassed int
}

// Summary sums up the learner's standing in every lesson of the course (progress kept for
// lessons the course no longer has is left out).
func (c CourseInfo) Summary(p CourseProgress) Summary {
	s := Summary{Lessons: len(c.Lessons)}
	for i, l := range c.Lessons {
		lp := p.Lessons[l.ID]
		s.Complete += btoi(c.Standing(p, i).Complete)
		s.Passed += btoi(lp.Passed)
		s.Read += btoi(lp.Read)
		if l.Questions > 0 {
			s.Quizzes++
			s.BestTotal += lp.Best
		}
		s.Labs += len(l.Labs)
		s.LabsPassed += c.LabsPassed(p, i)
	}
	return s
}

// Done reports whether the course is complete: it has lessons and every one is complete.
func (s Summary) Done() bool { return s.Lessons > 0 && s.Complete == s.Lessons }

// PercentComplete is the share of the course's lessons that are complete, 0 to 100.
func (s Summary) PercentComplete() float64 {
	if s.Lessons == 0 {
		return 0
	}
	return 100 * float64(s.Complete) / float64(s.Lessons)
}

// AverageBest is the mean of the best scores of the lessons that have a quiz, 0 without any.
func (s Summary) AverageBest() float64 {
	if s.Quizzes == 0 {
		return 0
	}
	return s.BestTotal / float64(s.Quizzes)
}

// WholePercent is how every percentage is shown to a learner, on every screen and by `aieng
// progress`: rounded down to a whole number, so a score never shows more than was earned and
// a failed quiz never shows the pass mark (69.6% rounded half up read "70%" beside "not
// passed"). A floating-point hair below a whole number (70% summed as 69.99999999999999)
// counts as that number. (The reports for tools keep one decimal.)
func WholePercent(p float64) int {
	if math.IsNaN(p) {
		return 0
	}
	return int(math.Floor(p + percentRoundingError))
}

// percentRoundingError is the floating-point error allowed in a percentage (WholePercent).
const percentRoundingError = 1e-9

// HasProgress reports whether anything is recorded for a lesson, or with lessonID "" for the
// course (including which lesson was opened last).
func (p CourseProgress) HasProgress(lessonID string) bool {
	if lessonID != "" {
		_, ok := p.Lessons[lessonID]
		return ok || slices.ContainsFunc(p.Reviews, func(e ReviewEntry) bool { return e.Lesson == lessonID })
	}
	return len(p.Lessons) > 0 || p.LastLesson != ""
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
