package classreport

import (
	"cmp"
	"math"
	"slices"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// This file turns a group's counts into its report: medians, rates and the lists of the most
// chosen wrong choices and rejected answers.

func (g *group) report(version string, current bool) Version {
	v := Version{Version: version, Current: current, Learners: g.learners,
		TimeSpent: spread(g.time), StreakDays: spread(g.streak), Lessons: []Lesson{}}
	for li, l := range g.idx.course.Lessons {
		v.Lessons = append(v.Lessons, g.lessons[li].report(li, l))
	}
	return v
}

func (ls *lessonSum) report(li int, l *lessons.Lesson) Lesson {
	out := Lesson{Number: li + 1, ID: l.ID, Title: safetext.Line(l.Title), Section: safetext.Line(l.Section), Questions: len(l.Quiz),
		HandedIn: ls.handedIn, Started: ls.started, Passed: ls.passed,
		FirstAttempts: len(ls.firsts), TimeSpent: spread(ls.times), QuestionStats: []Question{}}
	if len(ls.firsts) > 0 {
		m := round1(median(ls.firsts))
		out.MedianFirstAttemptPercent = &m
	}
	for qi, q := range l.Quiz {
		qs := ls.questions[qi].report(q.ID)
		qs.Kind, qs.Prompt, qs.InCourse = string(q.Kind), safetext.Line(q.Prompt), true
		qs.WrongChoices = ls.questions[qi].wrongChoices(q)
		out.QuestionStats = append(out.QuestionStats, qs)
	}
	removed := make([]string, 0, len(ls.removed))
	for id := range ls.removed {
		removed = append(removed, id)
	}
	slices.Sort(removed)
	for _, id := range removed {
		out.QuestionStats = append(out.QuestionStats, ls.removed[id].report(id))
	}
	return out
}

func (qs *questionSum) report(id string) Question {
	out := Question{ID: id, FirstTries: qs.firstTries, Missed: qs.missed, Hinted: qs.hinted,
		Overridden: qs.overridden, OlderVersion: qs.older, WrongChoices: []Tally{}, RejectedAnswers: qs.rejectedAnswers()}
	if qs.firstTries > 0 {
		p := round1(100 * float64(qs.missed) / float64(qs.firstTries))
		out.MissPercent = &p
	}
	return out
}

// wrongChoices lists the wrong choices picked, most learners first, then in written order.
func (qs *questionSum) wrongChoices(q *lessons.Question) []Tally {
	out := []Tally{}
	for ci, t := range qs.wrong {
		if t.learners > 0 {
			out = append(out, Tally{Text: safetext.Line(q.Choices[ci].Text), Learners: t.learners})
		}
	}
	slices.SortStableFunc(out, func(a, b Tally) int { return cmp.Compare(b.Learners, a.Learners) })
	return out[:min(len(out), TopN)]
}

// rejectedAnswers lists the rejected typed answers the course still rejects, most learners
// first, then by text; each in the spelling most learners used.
func (qs *questionSum) rejectedAnswers() []Tally {
	out := []Tally{}
	for _, t := range qs.rejected {
		if !t.accepted {
			out = append(out, Tally{Text: t.spelling(), Learners: t.learners, Overridden: t.overridden})
		}
	}
	slices.SortFunc(out, func(a, b Tally) int {
		return cmp.Or(cmp.Compare(b.Learners, a.Learners), cmp.Compare(a.Text, b.Text))
	})
	return out[:min(len(out), TopN)]
}

// spelling is the spelling most learners typed; of equals, the first in text order.
func (t *tally) spelling() string {
	best, n := "", 0
	for s, c := range t.spellings {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// spread sums up values reported by some learners; nil when none reported one.
func spread(vals []int64) *Spread {
	if len(vals) == 0 {
		return nil
	}
	s := &Spread{Learners: len(vals)}
	fs := make([]float64, len(vals))
	for i, v := range vals {
		fs[i] = float64(v)
		s.Total += v
		s.Max = max(s.Max, v)
	}
	s.Median = round1(median(fs))
	return s
}

// median is the middle value, or the mean of the two middle values of an even count. (gonum's
// stat.Quantile has no estimator that averages them, which is what "median" means to readers.)
func median(vals []float64) float64 {
	s := slices.Clone(vals)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
