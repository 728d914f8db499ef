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
	// Welcomed: the learner has seen the course's first-start screen.
	Welcomed bool
	// Lessons by lesson id. It may hold ids the course no longer has: callers show only the
	// course's own lessons, and the file keeps the others in case the lesson comes back.
	Lessons map[string]LessonProgress
	// Reviews is the course's review log, in time order (review.go): empty until the first
	// answer is rated, or the attempt history replayed, and saved.
	Reviews []ReviewEntry
	// Active holds a time of each day the learner did something in the course (activity.go).
	Active []time.Time
}

// LessonProgress is what a learner has done in one lesson.
type LessonProgress struct {
	FirstOpened, LastOpened time.Time
	// Position is the reading position as a fraction 0..1 of the lesson, so it survives a
	// change of terminal width.
	Position float64
	Read     bool
	ReadAt   time.Time
	// Attempts are in time order: full attempts and practice rounds.
	Attempts []Attempt
	// Best, Passed and PassedAt are derived from the full attempts: the best percent, whether
	// any passed, and when the first passing one was made. Practice never counts.
	Best     float64
	Passed   bool
	PassedAt time.Time
	// Labs are the lesson's labs passed, by lab id: when each goal was first met, and the
	// values measured then. nil when none.
	Labs map[string]LabPass
	// Open is a quiz attempt left half-way, to continue; nil when there is none.
	Open *OpenAttempt
	// TimeSpent is the learner's active time on the lesson's text and quiz (activity.go).
	TimeSpent time.Duration
}

// AttemptKind says whether an attempt counts: a full attempt at the quiz does; practice (a
// retry of the questions just missed, right after their answers were shown) does not.
type AttemptKind string

// The attempt kinds.
const (
	FullAttempt     AttemptKind = "full"
	PracticeAttempt AttemptKind = "practice"
)

// Attempt is one quiz attempt.
type Attempt struct {
	// ID is unique among all attempts (RecordAttempt fills in a random one when empty): merging
	// two processes' files keeps one copy of each attempt by its ID.
	ID string `json:"id"`
	// Kind is full or practice; a file of schema 1 had full attempts only.
	Kind    AttemptKind `json:"kind"`
	Time    time.Time   `json:"time"`
	Correct int         `json:"correct"`
	Total   int         `json:"total"`
	// Percent is the attempt's score, 0..100, as the quiz computed it (lessons.Score): points
	// over questions, partial credit included.
	Percent float64 `json:"percent"`
	Passed  bool    `json:"passed"`
	// Questions are the ids of the questions asked, in order: a lesson with a question pool
	// draws some of its questions for each attempt.
	Questions []string `json:"questions,omitempty"`
	Answers   []Answer `json:"answers,omitempty"`
}

// Counts reports whether the attempt counts towards the lesson's score and pass.
func (a Attempt) Counts() bool { return a.Kind != PracticeAttempt }

// Answer is the learner's answer to one question of an attempt.
type Answer struct {
	QuestionID string `json:"question_id"`
	// Hash is the question's content hash when it was answered, so an answer given to an older
	// version of a question can be told apart.
	Hash string `json:"hash,omitempty"`
	// Given is what the learner gave: the text of each choice ticked, or the typed answer.
	Given   []string `json:"given"`
	Correct bool     `json:"correct"`
	// Credit is the answer's score from 0 to 1 when the course gives partial credit for a
	// multiple-select question; absent otherwise (then a right answer scores 1, a wrong one 0).
	Credit *float64 `json:"credit,omitempty"`
	// AcceptedAs is the accepted answer a typed answer was taken for despite a typo.
	AcceptedAs string `json:"accepted_as,omitempty"`
	// Hinted: the learner saw the hint before answering.
	Hinted bool `json:"hinted,omitempty"`
	// Overridden: the answer was judged wrong and the learner counted it as right ("I was
	// right"); Correct is then true.
	Overridden bool `json:"overridden,omitempty"`
	// At is when the answer was given.
	At time.Time `json:"at,omitzero"`
}

// OpenAttempt is a full quiz attempt the learner left half-way: the questions it asks and the
// answers given so far. Opening the quiz again offers to continue it.
type OpenAttempt struct {
	// ID becomes the attempt's ID once it is finished (RecordAttempt then drops the open one).
	ID        string    `json:"id"`
	Started   time.Time `json:"started"`
	Questions []string  `json:"questions"`
	Answers   []Answer  `json:"answers,omitempty"`
}

// NewAttemptID returns a new random attempt ID.
func NewAttemptID() string { return randomID() }

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
	case l.started():
		return InProgress
	}
	return NotStarted
}

// started reports whether the learner did anything in the lesson: opened it, moved in it,
// answered its quiz (in full or half-way) or passed one of its labs.
func (l LessonProgress) started() bool {
	return !l.FirstOpened.IsZero() || !l.LastOpened.IsZero() || l.Position > 0 ||
		len(l.Attempts) > 0 || l.Open != nil || len(l.Labs) > 0
}

// attemptsSummary is what a lesson's full attempts add up to: the best score and whether, and
// when, the lesson was first passed. The store and the session both derive them with it, so
// they cannot disagree. Practice counts for nothing.
func attemptsSummary(attempts []Attempt) (best float64, passed bool, passedAt time.Time) {
	for _, at := range attempts {
		if !at.Counts() {
			continue
		}
		best = max(best, at.Percent)
		if at.Passed {
			passed = true
			passedAt = earliest(passedAt, at.Time)
		}
	}
	return best, passed, passedAt
}

// withAttempt returns the lesson's progress with one more attempt, Best, Passed and PassedAt
// derived again; the open attempt it finishes is gone.
func (l LessonProgress) withAttempt(a Attempt) LessonProgress {
	l.Attempts = append(slices.Clone(l.Attempts), a)
	if l.Open != nil && l.Open.ID == a.ID {
		l.Open = nil
	}
	l.Best, l.Passed, l.PassedAt = attemptsSummary(l.Attempts)
	return l
}

// LastAttempt returns the latest full attempt, and false when there is none.
func (l LessonProgress) LastAttempt() (Attempt, bool) {
	full := l.FullAttempts()
	if len(full) == 0 {
		return Attempt{}, false
	}
	return full[len(full)-1], true
}

// FirstAttempt returns the first full attempt, and false when there is none.
func (l LessonProgress) FirstAttempt() (Attempt, bool) {
	full := l.FullAttempts()
	if len(full) == 0 {
		return Attempt{}, false
	}
	return full[0], true
}

// FullAttempts are the attempts that count, in time order.
func (l LessonProgress) FullAttempts() []Attempt {
	var out []Attempt
	for _, a := range l.Attempts {
		if a.Counts() {
			out = append(out, a)
		}
	}
	return out
}

// PracticeRounds counts the practice rounds.
func (l LessonProgress) PracticeRounds() int { return len(l.Attempts) - len(l.FullAttempts()) }

// Overrides counts the answers, in every attempt, that the learner counted as right ("I was
// right").
func (l LessonProgress) Overrides() int {
	n := 0
	for _, a := range l.Attempts {
		for _, ans := range a.Answers {
			if ans.Overridden {
				n++
			}
		}
	}
	return n
}
