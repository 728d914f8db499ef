package lessons

import (
	"slices"
	"strings"
)

// This file is what a quiz means: a learner's answer to a question, a round of the quiz and its
// score, and the pass rule. The interface collects keys and draws; it decides none of this.

// Answer is a learner's answer to one question, checked.
type Answer struct {
	Question *Question
	Choices  []int  // the ticked choices (indexes into Question.Choices, sorted); choice questions
	Text     string // the typed answer, trimmed; short-answer questions
	Correct  bool
}

// AnswerChoices checks the choices a learner picked (indexes into q.Choices).
func (q *Question) AnswerChoices(picked []int) Answer {
	choices := slices.Sorted(slices.Values(picked))
	return Answer{Question: q, Choices: choices, Correct: q.CheckChoices(choices)}
}

// AnswerText checks a typed answer to a short-answer question.
func (q *Question) AnswerText(typed string) Answer {
	text := strings.TrimSpace(typed)
	return Answer{Question: q, Text: text, Correct: q.CheckText(text)}
}

// Given is the answer as the learner gave it: the typed text, or the text of each picked choice.
func (a Answer) Given() []string {
	if a.Question.Kind == ShortAnswer {
		return []string{a.Text}
	}
	out := make([]string, 0, len(a.Choices))
	for _, i := range a.Choices {
		out = append(out, a.Question.Choices[i].Text)
	}
	return out
}

// Score is how many of a quiz's questions were answered right.
type Score struct {
	Correct, Total int
}

// Percent is the score in percent, 0 to 100; a quiz without questions scores 0.
func (s Score) Percent() float64 {
	if s.Total <= 0 {
		return 0
	}
	return 100 * float64(s.Correct) / float64(s.Total)
}

// Passes is the pass rule: a score passes when its percent reaches the pass mark.
func (s Score) Passes(passMark int) bool { return s.Percent() >= float64(passMark) }

// Round is one pass through a lesson's quiz: every question, or on a retry only the questions
// missed before, the others keeping the answers they had. Its result always covers the whole
// quiz.
type Round struct {
	quiz    []*Question // the whole quiz, in written order
	asked   []*Question // the questions of this round, in the order asked
	carried []Answer    // answers kept from the round before (a retry of the missed ones)
	answers []Answer    // this round's answers, in the order given
}

// NewRound starts a round of every question of a quiz.
func NewRound(quiz []*Question) *Round {
	return &Round{quiz: quiz, asked: quiz}
}

// RetryMissed starts a round of the questions this one missed; the others keep their answers.
// It returns nil when nothing was missed or the round is not over.
func (r *Round) RetryMissed() *Round {
	if !r.Done() {
		return nil
	}
	missed := r.Result(0).Missed
	if len(missed) == 0 {
		return nil
	}
	next := &Round{quiz: r.quiz}
	isMissed := map[*Question]bool{}
	for _, a := range missed {
		isMissed[a.Question] = true
		next.asked = append(next.asked, a.Question)
	}
	for _, a := range r.all() {
		if !isMissed[a.Question] {
			next.carried = append(next.carried, a)
		}
	}
	return next
}

// Questions are the questions of this round, in the order they are asked.
func (r *Round) Questions() []*Question { return r.asked }

// Retry reports whether this round asks only the questions missed before.
func (r *Round) Retry() bool { return len(r.carried) > 0 }

// Answered is how many of this round's questions have an answer.
func (r *Round) Answered() int { return len(r.answers) }

// Current is the question waiting for an answer, or nil once every one has one.
func (r *Round) Current() *Question {
	if r.Done() {
		return nil
	}
	return r.asked[len(r.answers)]
}

// Done reports whether every question of the round has an answer.
func (r *Round) Done() bool { return len(r.answers) >= len(r.asked) }

// Record adds the answer to the current question; it returns false (and records nothing) when
// a is not an answer to it.
func (r *Round) Record(a Answer) bool {
	if q := r.Current(); q == nil || a.Question != q {
		return false
	}
	r.answers = append(r.answers, a)
	return true
}

// Last returns the latest answer of this round, and false when there is none.
func (r *Round) Last() (Answer, bool) {
	if len(r.answers) == 0 {
		return Answer{}, false
	}
	return r.answers[len(r.answers)-1], true
}

// all is every answer so far: those carried over, then this round's.
func (r *Round) all() []Answer { return append(slices.Clone(r.carried), r.answers...) }

// Result is a finished round, scored over the whole quiz.
type Result struct {
	Score
	Passed bool
	// Answers are all the quiz's answers: those carried from the round before, then this
	// round's, as an attempt records them.
	Answers []Answer
	// Missed are the answers that were wrong, in the quiz's written order.
	Missed []Answer
}

// Result scores the round against the pass mark (in percent).
func (r *Round) Result(passMark int) Result {
	res := Result{Score: Score{Total: len(r.quiz)}, Answers: r.all()}
	for _, a := range res.Answers {
		if a.Correct {
			res.Correct++
		} else {
			res.Missed = append(res.Missed, a)
		}
	}
	order := make(map[*Question]int, len(r.quiz))
	for i, q := range r.quiz {
		order[q] = i
	}
	slices.SortStableFunc(res.Missed, func(a, b Answer) int { return order[a.Question] - order[b.Question] })
	res.Passed = res.Passes(passMark)
	return res
}

// Number is a question's position in the whole quiz, from 1, or 0 when it is not in it.
func (r *Round) Number(q *Question) int { return slices.Index(r.quiz, q) + 1 }
