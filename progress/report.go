package progress

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"time"
)

// ReportVersion is the version of the report format (docs/progress.md). Fields may be added
// within a version; none is renamed, removed or given another meaning.
const ReportVersion = 1

// Report is a learner's progress in one course, in the stable form that `aieng progress --json`
// and `--csv` print for a bootcamp to collect and grade.
type Report struct {
	ReportVersion int            `json:"report_version"`
	GeneratedAt   time.Time      `json:"generated_at"`
	Course        ReportCourse   `json:"course"`
	Lessons       []ReportLesson `json:"lessons"`
	Totals        ReportTotals   `json:"totals"`
}

// ReportCourse identifies the course a report is about.
type ReportCourse struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Version  string `json:"version"`
	PassMark int    `json:"pass_mark"`
}

// ReportLesson is one lesson's line of a report. Times and the best percent are null when
// there is nothing to report.
type ReportLesson struct {
	ID                 string     `json:"id"`
	Title              string     `json:"title"`
	Section            string     `json:"section"`
	Status             string     `json:"status"` // not_started, in_progress, read, passed
	Complete           bool       `json:"complete"`
	Read               bool       `json:"read"`
	ReadAt             *time.Time `json:"read_at"`
	Questions          int        `json:"questions"`
	BestPercent        *float64   `json:"best_percent"`
	Passed             bool       `json:"passed"`
	PassedAt           *time.Time `json:"passed_at"`
	Attempts           int        `json:"attempts"`
	LastAttemptAt      *time.Time `json:"last_attempt_at"`
	LastAttemptPercent *float64   `json:"last_attempt_percent"`

	// Labs lists the lesson's labs (labs.go).
	Labs []ReportLab `json:"labs"`

	// Fields added within version 1 (docs/progress.md): practice rounds, pools and answers.
	QuestionsPerAttempt int             `json:"questions_per_attempt"`
	FirstAttemptPercent *float64        `json:"first_attempt_percent"`
	PracticeAttempts    int             `json:"practice_attempts"`
	Overrides           int             `json:"overrides"`
	History             []ReportAttempt `json:"history"`

	// Fields added within version 1 (docs/progress.md): time spent and the review of answered
	// questions (activity.go, review.go).
	TimeSpentSeconds int `json:"time_spent_seconds"`
	Reviews          int `json:"reviews"`
	ReviewsDue       int `json:"reviews_due"`
}

// ReportTotals sums up a report's lessons.
type ReportTotals struct {
	Lessons         int     `json:"lessons"`
	Complete        int     `json:"complete"`
	Passed          int     `json:"passed"`
	Read            int     `json:"read"`
	PercentComplete float64 `json:"percent_complete"`
	Labs            int     `json:"labs"`
	LabsPassed      int     `json:"labs_passed"`

	// Fields added within version 1: activity and review.
	StreakDays       int `json:"streak_days"`
	ActiveDays       int `json:"active_days"`
	TimeSpentSeconds int `json:"time_spent_seconds"`
	Reviews          int `json:"reviews"`
	ReviewsDue       int `json:"reviews_due"`
}

// statusKeys are the report's status values: fixed words, unlike Status.String which is for
// people and may change.
var statusKeys = map[Status]string{
	NotStarted: "not_started",
	InProgress: "in_progress",
	Read:       "read",
	Passed:     "passed",
}

// NewReport builds the report of a course's progress at time now. Only the course's own
// lessons are reported, in course order; progress kept for lessons the course no longer has is
// left out. Days (the streak, what is due today) are now's days, in now's time zone.
func NewReport(course CourseInfo, p CourseProgress, now time.Time) Report {
	r := Report{
		ReportVersion: ReportVersion,
		GeneratedAt:   now.UTC().Truncate(time.Second),
		Course:        ReportCourse{ID: course.ID, Title: course.Title, Version: course.Version, PassMark: course.PassMark},
		Lessons:       []ReportLesson{},
	}
	for i, info := range course.Lessons {
		lp := p.Lessons[info.ID]
		rl := ReportLesson{
			ID: info.ID, Title: info.Title, Section: info.Section,
			Status:    statusKeys[lp.Status()],
			Complete:  course.Standing(p, i).Complete,
			Read:      lp.Read,
			ReadAt:    timeOrNil(lp.ReadAt),
			Questions: info.Questions,
			Passed:    lp.Passed,
			PassedAt:  timeOrNil(lp.PassedAt),
			Attempts:  len(lp.FullAttempts()),
			Labs:      reportLabs(info, lp),

			QuestionsPerAttempt: info.perAttempt(),
			PracticeAttempts:    lp.PracticeRounds(),
			Overrides:           lp.Overrides(),
			History:             history(info, lp),
		}
		if last, ok := lp.LastAttempt(); ok {
			first, _ := lp.FirstAttempt()
			rl.BestPercent = percentOf(lp.Best)
			rl.FirstAttemptPercent = percentOf(first.Percent)
			rl.LastAttemptAt = timeOrNil(last.Time)
			rl.LastAttemptPercent = percentOf(last.Percent)
		}
		r.Lessons = append(r.Lessons, rl)
	}
	sum := course.Summary(p)
	r.Totals = ReportTotals{Lessons: sum.Lessons, Complete: sum.Complete, Passed: sum.Passed, Read: sum.Read,
		PercentComplete: round1(sum.PercentComplete()), Labs: sum.Labs, LabsPassed: sum.LabsPassed,
		StreakDays: p.Streak(now), ActiveDays: p.ActiveDays(now)}
	addReviews(&r, course, p, now)
	return r
}

// addReviews adds the time spent and the review counts to a report's lessons and totals.
func addReviews(r *Report, course CourseInfo, p CourseProgress, now time.Time) {
	sched, err := NewSchedule(course, now.Location())
	if err != nil { // settings out of range, which validation refuses: report with the defaults
		course.ReviewLimit, course.ReviewRetention = 0, 0
		sched, _ = NewSchedule(course, now.Location())
	}
	log := sched.Log(p)
	deck := sched.Deck(log)
	for i, info := range course.Lessons {
		rl := &r.Lessons[i]
		rl.TimeSpentSeconds = int(p.Lessons[info.ID].TimeSpent / time.Second)
		rl.Reviews = ReviewsOf(log, info)
		rl.ReviewsDue = sched.DueIn(deck, info, now)
		r.Totals.TimeSpentSeconds += rl.TimeSpentSeconds
		r.Totals.Reviews += rl.Reviews
		r.Totals.ReviewsDue += rl.ReviewsDue
	}
}

// WriteJSON writes the report as indented JSON.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// CSVHeader is the first row of the CSV report: one row per lesson follows.
var CSVHeader = []string{
	"report_version", "generated_at", "course_id", "course_version",
	"lesson_id", "title", "section", "status", "complete", "read", "read_at", "questions",
	"best_percent", "passed", "passed_at", "attempts", "last_attempt_at", "last_attempt_percent",
	"labs", "labs_passed",
	"questions_per_attempt", "first_attempt_percent", "practice_attempts", "overrides",
	"time_spent_seconds", "reviews", "reviews_due", "streak_days",
}

// WriteCSV writes the report as CSV (RFC 4180): a header row, then one row per lesson. The
// course and report columns repeat on every row, so rows from many learners can be
// concatenated (so does the learner's streak); empty cells stand for JSON's nulls. Each lesson's history (per attempt and
// answer) is in the JSON report only.
func (r Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, l := range r.Lessons {
		row := []string{
			strconv.Itoa(r.ReportVersion), csvTime(&r.GeneratedAt), r.Course.ID, r.Course.Version,
			l.ID, l.Title, l.Section, l.Status, strconv.FormatBool(l.Complete),
			strconv.FormatBool(l.Read), csvTime(l.ReadAt), strconv.Itoa(l.Questions),
			csvFloat(l.BestPercent), strconv.FormatBool(l.Passed), csvTime(l.PassedAt),
			strconv.Itoa(l.Attempts), csvTime(l.LastAttemptAt), csvFloat(l.LastAttemptPercent),
			strconv.Itoa(len(l.Labs)), strconv.Itoa(labsPassed(l.Labs)),
			strconv.Itoa(l.QuestionsPerAttempt), csvFloat(l.FirstAttemptPercent), strconv.Itoa(l.PracticeAttempts),
			strconv.Itoa(l.Overrides),
			strconv.Itoa(l.TimeSpentSeconds), strconv.Itoa(l.Reviews), strconv.Itoa(l.ReviewsDue), strconv.Itoa(r.Totals.StreakDays),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// percentOf rounds to one decimal: 71.42857 reads as 71.4 and compares stably between runs.
func percentOf(p float64) *float64 {
	v := round1(p)
	return &v
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func csvTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func csvFloat(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
