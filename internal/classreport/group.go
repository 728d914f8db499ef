package classreport

import (
	"strings"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// This file sums up the hand-ins of one course version, one learner at a time. Counts that are
// "once per learner" remember the last learner counted (by) instead of keeping a set per
// learner: learners are added one after the other.

// courseIndex finds a course's lessons and questions by id.
type courseIndex struct {
	course    *lessons.Course
	lessons   map[string]int     // lesson id → index in course.Lessons
	questions map[string]qRef    // question id → where it is
	choices   []map[string][]int // per question (global number): choice text → indexes
}

type qRef struct{ lesson, number, global int }

func newCourseIndex(c *lessons.Course) *courseIndex {
	idx := &courseIndex{course: c, lessons: map[string]int{}, questions: map[string]qRef{}}
	for li, l := range c.Lessons {
		idx.lessons[l.ID] = li
		for qi, q := range l.Quiz {
			idx.questions[q.ID] = qRef{li, qi, len(idx.choices)}
			byText := map[string][]int{}
			for ci, ch := range q.Choices {
				byText[ch.Text] = append(byText[ch.Text], ci)
			}
			idx.choices = append(idx.choices, byText)
		}
	}
	return idx
}

// group sums up the hand-ins of one course version.
type group struct {
	idx      *courseIndex
	learners int // also the serial number of the learner being added
	lessons  []lessonSum
	time     []int64 // totals.time_spent_seconds of those who report it
	streak   []int64
}

type lessonSum struct {
	handedIn, started, passed int
	firsts                    []float64
	times                     []int64
	questions                 []questionSum           // the course's, in written order
	removed                   map[string]*questionSum // answered, no longer in the course
}

type questionSum struct {
	firstTries, missed, hinted, overridden, older int
	firstBy, olderBy                              int               // the last learner counted
	wrong                                         []tally           // per choice index
	rejected                                      map[string]*tally // by normalised answer
}

// tally counts learners who gave one answer, once each.
type tally struct {
	learners, overridden int
	by                   int
	spellings            map[string]int // a typed answer's spellings, by learners
	accepted             bool           // the course now accepts it: not a candidate
}

func newGroup(idx *courseIndex) *group {
	g := &group{idx: idx, lessons: make([]lessonSum, len(idx.course.Lessons))}
	for li, l := range idx.course.Lessons {
		g.lessons[li].questions = make([]questionSum, len(l.Quiz))
		for qi, q := range l.Quiz {
			g.lessons[li].questions[qi].wrong = make([]tally, len(q.Choices))
		}
	}
	return g
}

// add sums up one learner's hand-in.
func (g *group) add(h HandIn) {
	g.learners++
	if t := h.Totals.TimeSpentSeconds; t != nil {
		g.time = append(g.time, *t)
	}
	if s := h.Totals.StreakDays; s != nil {
		g.streak = append(g.streak, *s)
	}
	for _, hl := range h.Lessons {
		li, ok := g.idx.lessons[hl.ID]
		if !ok {
			continue // a lesson the course no longer has
		}
		g.addLesson(&g.lessons[li], hl)
	}
}

func (g *group) addLesson(ls *lessonSum, hl HandInLesson) {
	ls.handedIn++
	started := hl.Status != "" && hl.Status != "not_started" || len(hl.History) > 0
	if started {
		ls.started++
		if hl.TimeSpentSeconds != nil {
			ls.times = append(ls.times, *hl.TimeSpentSeconds)
		}
	}
	if hl.Passed {
		ls.passed++
	}
	if first, ok := firstAttempt(hl); ok {
		ls.firsts = append(ls.firsts, first)
	}
	for _, at := range hl.History {
		full := at.Kind != "practice"
		for _, ans := range at.Answers {
			g.addAnswer(ls, ans, full)
		}
	}
}

// firstAttempt is the score of the lesson's first full attempt: the hand-in's
// first_attempt_percent, or in a hand-in without it, the first full attempt of its history.
func firstAttempt(hl HandInLesson) (float64, bool) {
	if hl.FirstAttemptPercent != nil {
		return *hl.FirstAttemptPercent, true
	}
	for _, at := range hl.History {
		if at.Kind != "practice" {
			return at.Percent, true
		}
	}
	return 0, false
}

// addAnswer counts one answer of the learner being added, in any attempt of the lesson ls.
// A question answered in ls that the course has moved to another lesson is counted there.
func (g *group) addAnswer(ls *lessonSum, ans HandInAnswer, full bool) {
	q, qs, choices := g.question(ls, ans.QuestionID)
	if (q == nil || ans.QuestionChanged || ans.Hash != "" && ans.Hash != q.Hash) && qs.olderBy != g.learners {
		qs.olderBy = g.learners
		qs.older++
	}
	if q != nil && q.Typed() && (!ans.Correct || ans.Overridden) && len(ans.Given) == 1 {
		qs.reject(q, ans, g.learners)
	}
	if full && qs.firstBy != g.learners {
		qs.firstTry(q, choices, ans, g.learners)
	}
}

// question finds an answer's question: the course's (q, with its choices by text), or one
// the course no longer has (q nil), counted under the lesson it was answered in.
func (g *group) question(ls *lessonSum, id string) (*lessons.Question, *questionSum, map[string][]int) {
	ref, ok := g.idx.questions[id]
	if !ok {
		return nil, ls.removedQuestion(safetext.Line(id)), nil
	}
	return g.idx.course.Lessons[ref.lesson].Quiz[ref.number], &g.lessons[ref.lesson].questions[ref.number], g.idx.choices[ref.global]
}

// firstTry counts a learner's first answer to a question in a full attempt.
func (qs *questionSum) firstTry(q *lessons.Question, choices map[string][]int, ans HandInAnswer, learner int) {
	qs.firstBy = learner
	qs.firstTries++
	if ans.Hinted {
		qs.hinted++
	}
	if ans.Overridden {
		qs.overridden++
	}
	if ans.Correct && !ans.Overridden {
		return
	}
	qs.missed++
	if q != nil && !q.Typed() {
		qs.pickedWrong(q, choices, ans.Given, learner)
	}
}

func (ls *lessonSum) removedQuestion(id string) *questionSum {
	if ls.removed == nil {
		ls.removed = map[string]*questionSum{}
	}
	qs := ls.removed[id]
	if qs == nil {
		qs = &questionSum{}
		ls.removed[id] = qs
	}
	return qs
}

// pickedWrong counts the course's wrong choices among those given, once each.
func (qs *questionSum) pickedWrong(q *lessons.Question, byText map[string][]int, given []string, learner int) {
	for _, text := range given {
		for _, ci := range byText[text] {
			if t := &qs.wrong[ci]; !q.Choices[ci].Correct && t.by != learner {
				t.by = learner
				t.learners++
			}
		}
	}
}

// reject counts a typed answer the course marked wrong, once per learner and answer as the
// course compares answers. An answer the course accepts now (an accepted answer added since,
// or an answer to an older version) is no candidate and is kept out of the list.
func (qs *questionSum) reject(q *lessons.Question, ans HandInAnswer, learner int) {
	raw := strings.Join(strings.Fields(safetext.Line(ans.Given[0])), " ")
	key := lessons.NormalizeAnswer(raw)
	if key == "" {
		return
	}
	if qs.rejected == nil {
		qs.rejected = map[string]*tally{}
	}
	t := qs.rejected[key]
	if t == nil {
		t = &tally{spellings: map[string]int{}, accepted: q.CheckText(raw)}
		qs.rejected[key] = t
	}
	if t.by == learner {
		return
	}
	t.by = learner
	t.learners++
	t.spellings[raw]++
	if ans.Overridden {
		t.overridden++
	}
}
