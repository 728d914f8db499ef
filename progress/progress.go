// Package progress stores what each learner has done: per course and per lesson, what was
// opened and read, and every quiz attempt. It knows files and locks and nothing of lessons'
// content: what it needs to know of a course comes as a CourseInfo.
//
// It is also the one owner of the rules about what a learner did (standing.go): a lesson's
// standing, the lock of a sequential course, where "continue" goes, the course's completion and
// how percentages are shown. An interface keeps a learner's progress in a Session
// (session.go), which saves changes in the background.
//
// A learner's hours of work are the one thing aieng must never lose, so the file is treated the
// way a database treats its data: every change is saved at once, under a file lock, merged with
// what other aieng processes saved meanwhile, and written to a temporary file that is synced and
// renamed over the old one. A file that cannot be read is moved aside, never overwritten.
package progress

import (
	"slices"
	"time"
)

// CourseProgress is a snapshot of one course's progress. It is a deep copy: changing it changes
// nothing in the store.
type CourseProgress struct {
	// LastLesson is the lesson opened last, for "continue".
	LastLesson string
	// Lessons by lesson id. It may hold ids the course no longer has: callers show only the
	// course's own lessons, and the file keeps the others in case the lesson comes back.
	Lessons map[string]LessonProgress
}

// LessonProgress is what a learner has done in one lesson.
type LessonProgress struct {
	FirstOpened, LastOpened time.Time
	// Position is the reading position as a fraction 0..1 of the lesson, so it survives a
	// change of terminal width.
	Position float64
	Read     bool
	ReadAt   time.Time
	// Attempts are in time order.
	Attempts []Attempt
	// Best, Passed and PassedAt are derived from Attempts: the best percent, whether any
	// attempt passed, and when the first passing attempt was made.
	Best     float64
	Passed   bool
	PassedAt time.Time
	// Labs are the lesson's labs passed, by lab id: when each goal was first met, and the
	// values measured then. nil when none.
	Labs map[string]LabPass
}

// Attempt is one quiz attempt.
type Attempt struct {
	// ID is unique among all attempts (RecordAttempt fills in a random one when empty): merging
	// two processes' files keeps one copy of each attempt by its ID.
	ID      string    `json:"id"`
	Time    time.Time `json:"time"`
	Correct int       `json:"correct"`
	Total   int       `json:"total"`
	// Percent is the attempt's score, 0..100, as the quiz computed it (lessons.Score).
	Percent float64  `json:"percent"`
	Passed  bool     `json:"passed"`
	Answers []Answer `json:"answers,omitempty"`
}

// Answer is the learner's answer to one question of an attempt.
type Answer struct {
	QuestionID string `json:"question_id"`
	// Hash is the question's content hash when it was answered, so an answer given to an older
	// version of a question can be told apart.
	Hash    string   `json:"hash,omitempty"`
	Given   []string `json:"given"`
	Correct bool     `json:"correct"`
}

// Status sums up a lesson's progress.
type Status int

// The statuses, from least to most done.
const (
	NotStarted Status = iota
	InProgress        // opened, scrolled or attempted, not yet read to the end nor passed
	Read              // read to the end, quiz not passed
	Passed            // quiz passed
)

// String names the status for people ("not started"); reports use fixed keys instead
// ("not_started").
func (s Status) String() string {
	switch s {
	case NotStarted:
		return "not started"
	case InProgress:
		return "in progress"
	case Read:
		return "read"
	case Passed:
		return "passed"
	}
	return "unknown"
}

// Status sums up the lesson's progress.
func (l LessonProgress) Status() Status {
	switch {
	case l.Passed:
		return Passed
	case l.Read:
		return Read
	case !l.FirstOpened.IsZero() || !l.LastOpened.IsZero() || l.Position > 0 || len(l.Attempts) > 0 || len(l.Labs) > 0:
		return InProgress
	}
	return NotStarted
}

// attemptsSummary is what a lesson's attempts add up to: the best score and whether, and when,
// the lesson was first passed. The store and the session both derive them with it, so they
// cannot disagree.
func attemptsSummary(attempts []Attempt) (best float64, passed bool, passedAt time.Time) {
	for _, at := range attempts {
		best = max(best, at.Percent)
		if at.Passed {
			passed = true
			passedAt = earliest(passedAt, at.Time)
		}
	}
	return best, passed, passedAt
}

// withAttempt returns the lesson's progress with one more attempt, Best, Passed and PassedAt
// derived again.
func (l LessonProgress) withAttempt(a Attempt) LessonProgress {
	l.Attempts = append(slices.Clone(l.Attempts), a)
	l.Best, l.Passed, l.PassedAt = attemptsSummary(l.Attempts)
	return l
}

// LastAttempt returns the latest attempt, and false when there is none.
func (l LessonProgress) LastAttempt() (Attempt, bool) {
	if len(l.Attempts) == 0 {
		return Attempt{}, false
	}
	return l.Attempts[len(l.Attempts)-1], true
}
