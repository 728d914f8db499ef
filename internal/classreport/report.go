package classreport

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/semver"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// FormatVersion is the version of the class report's JSON and CSV (docs/lms.md). Fields may
// be added within a version; none is renamed, removed or given another meaning.
const FormatVersion = 1

// TopN is how many wrong choices and rejected answers a question lists, most chosen first.
const TopN = 5

// Report sums up a class's hand-ins of one course.
type Report struct {
	FormatVersion int       `json:"class_report_version"`
	GeneratedAt   time.Time `json:"generated_at"`
	Course        Course    `json:"course"`
	// HandIns counts the hand-ins read; Skipped names the files left out, and why.
	HandIns int    `json:"hand_ins"`
	Skipped []Skip `json:"skipped"`
	// Versions holds one report per course version the hand-ins were made with, never mixed:
	// the course's own version first, then the others, newest first.
	Versions []Version `json:"versions"`
}

// Course is the course the report is about, as loaded: its titles, prompts and question
// hashes are the ones the report uses.
type Course struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Version  string `json:"version"`
	PassMark int    `json:"pass_mark"`
}

// Version is the report of the hand-ins made with one version of the course.
type Version struct {
	Version string `json:"version"`
	// Current: this is the version of the course the report was made with.
	Current  bool `json:"current"`
	Learners int  `json:"learners"`
	// TimeSpent and StreakDays sum up the learners' totals, when their hand-ins report them
	// (time_spent_seconds, streak_days); nil when none does.
	TimeSpent  *Spread  `json:"time_spent_seconds"`
	StreakDays *Spread  `json:"streak_days"`
	Lessons    []Lesson `json:"lessons"`
}

// Spread sums up a number reported by some of the learners: how many reported it, its
// median, total and largest value.
type Spread struct {
	Learners int     `json:"learners"`
	Median   float64 `json:"median"`
	Total    int64   `json:"total"`
	Max      int64   `json:"max"`
}

// Lesson is one lesson's line of a version's report, for the course's lessons in course order.
type Lesson struct {
	Number    int    `json:"number"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Section   string `json:"section"`
	Questions int    `json:"questions"` // in the course's quiz now
	// HandedIn counts the hand-ins that list the lesson: 0 when the version had no such lesson.
	HandedIn int `json:"handed_in"`
	Started  int `json:"started"`
	Passed   int `json:"passed"`
	// FirstAttempts counts the learners with a full attempt; the median is of their first ones.
	FirstAttempts             int      `json:"first_attempts"`
	MedianFirstAttemptPercent *float64 `json:"median_first_attempt_percent"`
	// TimeSpent is of the learners who started the lesson and report its time; nil when none.
	TimeSpent     *Spread    `json:"time_spent_seconds"`
	QuestionStats []Question `json:"question_stats"`
}

// Question is one question's line: the course's questions in written order, then those the
// learners answered that the course no longer has.
type Question struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`   // "" for a question no longer in the course
	Prompt   string `json:"prompt"` // "" for a question no longer in the course
	InCourse bool   `json:"in_course"`
	// FirstTries counts the learners who answered the question in a full attempt; the other
	// counts are of their first such answer. Missed: not fully right by the course's verdict
	// (an answer the learner overrode is a miss, and is counted in Overridden too).
	FirstTries  int      `json:"first_tries"`
	Missed      int      `json:"missed"`
	MissPercent *float64 `json:"miss_percent"`
	Hinted      int      `json:"hinted"`
	Overridden  int      `json:"overridden"`
	// OlderVersion counts the learners with an answer, in any attempt, to another version of
	// the question than the course's (its hash differs, or the hand-in says it changed).
	OlderVersion int `json:"older_version"`
	// WrongChoices are the course's wrong choices picked at the first try; RejectedAnswers the
	// typed answers marked wrong in any attempt that the course still rejects. Each counts
	// learners, once each.
	WrongChoices    []Tally `json:"wrong_choices"`
	RejectedAnswers []Tally `json:"rejected_answers"`
}

// Tally is a choice or a typed answer and how many learners gave it. A typed answer is shown
// in its most common spelling; spellings the course compares as one are counted together.
type Tally struct {
	Text     string `json:"text"`
	Learners int    `json:"learners"`
	// Overridden counts the learners who counted this answer right ("I was right").
	Overridden int `json:"overridden"`
}

// Build sums up the hand-ins of course c at time now. Each hand-in must be of the course
// (Check); those of each course version are summed up apart. skipped are the files left out,
// named in the report.
func Build(c *lessons.Course, handIns []HandIn, skipped []Skip, now time.Time) Report {
	r := Report{
		FormatVersion: FormatVersion,
		GeneratedAt:   now.UTC().Truncate(time.Second),
		Course:        Course{ID: c.ID, Title: safetext.Line(c.Title), Version: safetext.Line(c.Version), PassMark: c.PassMark},
		HandIns:       len(handIns),
		Skipped:       []Skip{},
		Versions:      []Version{},
	}
	for _, s := range skipped {
		r.Skipped = append(r.Skipped, Skip{File: safetext.Quote(s.File), Reason: safetext.Line(s.Reason)})
	}
	idx := newCourseIndex(c)
	groups := map[string]*group{}
	var order []string
	for _, h := range handIns {
		g := groups[h.Course.Version]
		if g == nil {
			g = newGroup(idx)
			groups[h.Course.Version] = g
			order = append(order, h.Course.Version)
		}
		g.add(h)
	}
	sortVersions(order, c.Version)
	for _, v := range order {
		r.Versions = append(r.Versions, groups[v].report(v, v == c.Version))
	}
	return r
}

// Check says why a hand-in cannot join the report of course c, or "" when it can.
func Check(c *lessons.Course, h HandIn) string {
	if h.Course.ID != c.ID {
		return "a hand-in of the course \"" + h.Course.ID + "\", not of \"" + c.ID + "\""
	}
	return ""
}

// sortVersions puts the course's own version first, then the others newest first: those that
// read as semantic versions ("1.10.0" after "1.9.0"), then the others by text, "" last.
func sortVersions(vs []string, current string) {
	semantic := func(v string) string {
		if s := "v" + strings.TrimPrefix(v, "v"); semver.IsValid(s) {
			return s
		}
		return ""
	}
	slices.SortFunc(vs, func(a, b string) int {
		sa, sb := semantic(a), semantic(b)
		return cmp.Or(
			-cmp.Compare(btoi(a == current), btoi(b == current)),
			-cmp.Compare(btoi(sa != ""), btoi(sb != "")),
			semver.Compare(sb, sa),
			cmp.Compare(b, a))
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
