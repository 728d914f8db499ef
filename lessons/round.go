package lessons

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// This file is what a quiz means: a learner's answer to a question and the credit it earns,
// a round of the quiz (a full attempt, or practice of the questions just missed), the score and
// the pass rule, and the questions a full attempt draws from a pool. The interface collects
// keys and draws; it decides none of this.

// Answer is a learner's answer to one question, checked.
type Answer struct {
	Question *Question
	Choices  []int  // the ticked choices (indexes into Question.Choices, sorted); choice questions
	Text     string // the typed answer, trimmed; short-answer and numeric questions
	Correct  bool
	// Credit is what the answer scores, from 0 to 1: 1 when it is right, 0 when it is wrong,
	// except for a multiple-select question with partial credit (Question.PartialCredit): right
	// ticks minus wrong ticks, over the number of right choices, and never below 0.
	Credit float64
	// AcceptedAs is the accepted answer a typed answer was taken for despite its spelling
	// (Verdict.AcceptedAs).
	AcceptedAs string
	// Hinted: the learner saw the question's hint before answering.
	Hinted bool
	// Overridden: a short answer judged wrong that the learner counted as right ("I was
	// right"). It scores as right, and every report says it was the learner's call.
	Overridden bool
}

// Typed reports whether the question is answered by typing (short answer, numeric).
func (q *Question) Typed() bool { return q.Kind == ShortAnswer || q.Kind == Numeric }

// AnswerChoices checks the choices a learner picked (indexes into q.Choices).
func (q *Question) AnswerChoices(picked []int) Answer {
	choices := slices.Compact(slices.Sorted(slices.Values(picked)))
	a := Answer{Question: q, Choices: choices, Correct: q.CheckChoices(choices)}
	a.Credit = q.choiceCredit(choices, a.Correct)
	return a
}

// choiceCredit is the credit of picked choices: all or nothing, or partial credit.
func (q *Question) choiceCredit(picked []int, correct bool) float64 {
	if correct {
		return 1
	}
	right := len(q.CorrectChoices())
	if !q.PartialCredit || q.Kind != MultipleSelect || right == 0 {
		return 0
	}
	net := 0
	for _, i := range picked {
		if i >= 0 && i < len(q.Choices) && q.Choices[i].Correct {
			net++
		} else {
			net--
		}
	}
	return max(float64(net), 0) / float64(right)
}

// AnswerText checks a typed answer to a short-answer or numeric question.
func (q *Question) AnswerText(typed string) Answer {
	text := strings.TrimSpace(typed)
	v := q.JudgeText(text)
	a := Answer{Question: q, Text: text, Correct: v.Correct, AcceptedAs: v.AcceptedAs}
	if a.Correct {
		a.Credit = 1
	}
	return a
}

// Readable reports whether a typed answer can be judged at all: it is not empty, and it is a
// number when the question asks for one. An unreadable answer is not taken (it would only
// cost the learner a question for a slip of the keyboard).
func (q *Question) Readable(typed string) bool {
	if q.Kind == Numeric {
		_, ok := ReadNumber(typed)
		return ok
	}
	return normalizeAnswer(typed) != ""
}

// Given is the answer as the learner gave it: the typed text, or the text of each picked choice.
func (a Answer) Given() []string {
	if a.Question.Typed() {
		return []string{a.Text}
	}
	out := make([]string, 0, len(a.Choices))
	for _, i := range a.Choices {
		out = append(out, a.Question.Choices[i].Text)
	}
	return out
}

// CanOverride reports whether the learner may count this answer as right: a short answer that
// was judged wrong. Choices and numbers are judged exactly; a short answer may be right in
// words the author did not foresee.
func (a Answer) CanOverride() bool {
	return a.Question.Kind == ShortAnswer && !a.Correct && !a.Overridden
}

// Score is how a quiz's questions were answered: the number right, the number asked, and the
// points earned (the sum of the answers' credit: equal to Correct without partial credit).
type Score struct {
	Correct, Total int
	Points         float64
}

// Percent is the score in percent, 0 to 100: points over questions. A quiz without questions
// scores 0.
func (s Score) Percent() float64 {
	if s.Total <= 0 {
		return 0
	}
	return 100 * s.Points / float64(s.Total)
}

// Passes is the pass rule: a score passes when its percent reaches the pass mark. Points are
// compared with what the mark asks (PointsToPass) give or take a rounding error: partial
// credit sums fractions (1/2 + 2/3 + 1/3 adds up to 1.4999999999999998 in floating point), and
// a score exactly at the mark passes. Partial credit is in fractions of a few choices, so a
// score truly below the mark is short by far more than the allowance.
func (s Score) Passes(passMark int) bool {
	return s.Total > 0 && 100*s.Points >= float64(s.Total*passMark)-pointsRoundingError
}

// pointsRoundingError is the floating-point error allowed in 100 × points (Score.Passes).
const pointsRoundingError = 1e-9

// NeededToPass is how many right answers of total pass at the pass mark (in percent): the
// pass rule said in questions ("5 of 7") rather than a percentage.
func NeededToPass(total, passMark int) int {
	if total <= 0 {
		return 0
	}
	return (total*passMark + 99) / 100
}

// PointsToPass is the fewest points of total that pass at the pass mark (in percent): the pass
// rule said in points ("1.4 of 2"), for a quiz scored in points (ScoredInPoints). It is a
// whole number of hundredths: show it with two decimals at most, never rounded.
func PointsToPass(total, passMark int) float64 {
	if total <= 0 {
		return 0
	}
	return float64(total*passMark) / 100
}

// ScoredInPoints reports whether a quiz of these questions can earn part of a point (a
// multiple-select question with partial credit). Its pass rule is then said in points
// (PointsToPass): a count of right answers (NeededToPass) would contradict a score that
// passes with fewer right answers and some partial credit.
func ScoredInPoints(questions []*Question) bool {
	return slices.ContainsFunc(questions, func(q *Question) bool { return q.PartialCredit && q.Kind == MultipleSelect })
}

// DrawQuestions picks the questions of a full attempt: with draw: N, N of the quiz's questions
// at random (rng, which a caller seeds), kept in written order; otherwise every question.
func (l *Lesson) DrawQuestions(rng *rand.Rand) []*Question {
	if l.Draw <= 0 || l.Draw >= len(l.Quiz) {
		return slices.Clone(l.Quiz)
	}
	picked := make([]int, len(l.Quiz))
	for i := range picked {
		picked[i] = i
	}
	if rng != nil {
		rng.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	}
	picked = slices.Sorted(slices.Values(picked[:l.Draw]))
	out := make([]*Question, len(picked))
	for i, p := range picked {
		out[i] = l.Quiz[p]
	}
	return out
}

// Round is one pass through a quiz. A full round asks every question of an attempt (all of
// the lesson's, or those drawn from its pool) and its score is the attempt's. A practice round
// asks again the questions a round just missed, right after their answers were shown: it is
// scored on its own questions, and it never passes a lesson nor raises its score.
type Round struct {
	quiz     []*Question // the attempt's questions, in the order asked
	asked    []*Question // this round's questions, in the order asked
	practice bool
	answers  []Answer // this round's answers, in the order given
	hinted   bool     // the current question's hint has been shown
}

// NewRound starts a full round of the given questions (Lesson.DrawQuestions).
func NewRound(questions []*Question) *Round {
	return &Round{quiz: questions, asked: questions}
}

// ResumeRound continues a full round of the given questions with the answers given before it
// was left (in the order asked). ok is false when the answers do not belong to those
// questions in that order.
func ResumeRound(questions []*Question, answers []Answer) (r *Round, ok bool) {
	r = NewRound(questions)
	for _, a := range answers {
		if !r.Record(a) {
			return nil, false
		}
	}
	return r, true
}

// RetryMissed starts a practice round of the questions this round missed. It returns nil when
// nothing was missed or the round is not over.
func (r *Round) RetryMissed() *Round {
	if !r.Done() {
		return nil
	}
	var missed []*Question
	for _, a := range r.Result(0).Missed {
		missed = append(missed, a.Question)
	}
	if len(missed) == 0 {
		return nil
	}
	return &Round{quiz: r.quiz, asked: missed, practice: true}
}

// Questions are the questions of this round, in the order they are asked.
func (r *Round) Questions() []*Question { return r.asked }

// Practice reports whether this is a practice round (RetryMissed).
func (r *Round) Practice() bool { return r.practice }

// Answered is how many of this round's questions have an answer.
func (r *Round) Answered() int { return len(r.answers) }

// Answers are this round's answers so far, in the order given.
func (r *Round) Answers() []Answer { return slices.Clone(r.answers) }

// Current is the question waiting for an answer, or nil once every one has one.
func (r *Round) Current() *Question {
	if r.Done() {
		return nil
	}
	return r.asked[len(r.answers)]
}

// Done reports whether every question of the round has an answer.
func (r *Round) Done() bool { return len(r.answers) >= len(r.asked) }

// UseHint records that the current question's hint was shown: its answer is marked Hinted.
func (r *Round) UseHint() {
	if r.Current() != nil && r.Current().Hint != "" {
		r.hinted = true
	}
}

// Hinted reports whether the current question's hint has been shown.
func (r *Round) Hinted() bool { return r.hinted }

// Record adds the answer to the current question; it returns false (and records nothing) when
// a is not an answer to it.
func (r *Round) Record(a Answer) bool {
	if q := r.Current(); q == nil || a.Question != q {
		return false
	}
	a.Hinted = a.Hinted || r.hinted
	r.hinted = false
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

// OverrideLast counts the latest answer as right on the learner's word ("I was right"), when
// it may be (Answer.CanOverride); it reports whether it did.
func (r *Round) OverrideLast() bool {
	last, ok := r.Last()
	if !ok || !last.CanOverride() {
		return false
	}
	last.Correct, last.Credit, last.Overridden = true, 1, true
	r.answers[len(r.answers)-1] = last
	return true
}

// Result is a finished round, scored.
type Result struct {
	Score
	// Passed: the round passes the lesson. A practice round never does.
	Passed   bool
	Practice bool
	// Answers are the round's answers, in the order given.
	Answers []Answer
	// Missed are the answers that were wrong, in the order the attempt asked them.
	Missed []Answer
}

// Result scores the round against the pass mark (in percent): a full round over the attempt's
// questions, a practice round over its own.
func (r *Round) Result(passMark int) Result {
	res := Result{Score: Score{Total: len(r.asked)}, Practice: r.practice, Answers: slices.Clone(r.answers)}
	for _, a := range res.Answers {
		res.Points += a.Credit
		if a.Correct {
			res.Correct++
		} else {
			res.Missed = append(res.Missed, a)
		}
	}
	slices.SortStableFunc(res.Missed, func(a, b Answer) int { return r.Number(a.Question) - r.Number(b.Question) })
	res.Passed = !r.practice && res.Passes(passMark)
	return res
}

// Number is a question's position in the attempt, from 1, or 0 when it is not in it.
func (r *Round) Number(q *Question) int { return slices.Index(r.quiz, q) + 1 }

// Total is the number of questions in the attempt.
func (r *Round) Total() int { return len(r.quiz) }
