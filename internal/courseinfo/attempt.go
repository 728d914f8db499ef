package courseinfo

import (
	"slices"
	"time"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// This file turns a quiz's answers and rounds (lessons) into what progress records, and an
// attempt left half-way back into a round to continue.

// Answer is the record of a checked answer given at time at.
func Answer(a lessons.Answer, at time.Time) progress.Answer {
	out := progress.Answer{QuestionID: a.Question.ID, Hash: a.Question.Hash, Given: a.Given(), Correct: a.Correct,
		AcceptedAs: a.AcceptedAs, Hinted: a.Hinted, Overridden: a.Overridden, At: at}
	if a.Question.PartialCredit {
		credit := a.Credit
		out.Credit = &credit
	}
	return out
}

// Attempt is the record of a finished round: a full attempt, or a practice round. answers are
// the records of the round's answers (Answer), in the order given.
func Attempt(id string, r *lessons.Round, passMark int, answers []progress.Answer) progress.Attempt {
	res := r.Result(passMark)
	kind := progress.FullAttempt
	if res.Practice {
		kind = progress.PracticeAttempt
	}
	return progress.Attempt{ID: id, Kind: kind, Correct: res.Correct, Total: res.Total, Percent: res.Percent(),
		Passed: res.Passed, Questions: questionIDs(r.Questions()), Answers: slices.Clone(answers)}
}

// OpenAttempt is the record of a full round under way.
func OpenAttempt(id string, started time.Time, r *lessons.Round, answers []progress.Answer) progress.OpenAttempt {
	return progress.OpenAttempt{ID: id, Started: started, Questions: questionIDs(r.Questions()), Answers: slices.Clone(answers)}
}

func questionIDs(qs []*lessons.Question) []string {
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	return ids
}

// Resume rebuilds the round of an attempt left half-way in lesson l. ok is false when the
// lesson has changed since in a way that touches it: a question asked is gone, or one answered
// was edited (its content hash differs), or a choice given no longer exists.
func Resume(l *lessons.Lesson, open *progress.OpenAttempt) (r *lessons.Round, ok bool) {
	if open == nil || len(open.Questions) == 0 || len(open.Answers) > len(open.Questions) {
		return nil, false
	}
	byID := make(map[string]*lessons.Question, len(l.Quiz))
	for _, q := range l.Quiz {
		byID[q.ID] = q
	}
	asked := make([]*lessons.Question, len(open.Questions))
	for i, id := range open.Questions {
		if asked[i] = byID[id]; asked[i] == nil {
			return nil, false
		}
	}
	answers := make([]lessons.Answer, len(open.Answers))
	for i, saved := range open.Answers {
		q := asked[i]
		if saved.QuestionID != q.ID || saved.Hash != q.Hash {
			return nil, false
		}
		if answers[i], ok = again(q, saved); !ok {
			return nil, false
		}
	}
	return lessons.ResumeRound(asked, answers)
}

// again checks a saved answer again, as it was given, keeping the hint and the override.
func again(q *lessons.Question, saved progress.Answer) (lessons.Answer, bool) {
	given := lessons.Answer{Question: q, Hinted: saved.Hinted, Overridden: saved.Overridden}
	if q.Typed() {
		if len(saved.Given) != 1 {
			return lessons.Answer{}, false
		}
		given.Text = saved.Given[0]
	} else {
		for _, text := range saved.Given {
			i := slices.IndexFunc(q.Choices, func(c lessons.Choice) bool { return c.Text == text })
			if i < 0 {
				return lessons.Answer{}, false
			}
			given.Choices = append(given.Choices, i)
		}
	}
	return given.Recheck(q), true
}
