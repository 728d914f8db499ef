package progress

import "time"

// This file is the part of the report that lists every attempt and every answer: what a
// learner chose or typed, whether it was right, hints and overrides, and when. A bootcamp reads
// per-question results from it.

// ReportAttempt is one attempt in a lesson's history: a full attempt or a practice round.
type ReportAttempt struct {
	ID        string         `json:"id"`
	Kind      AttemptKind    `json:"kind"` // full or practice
	Time      time.Time      `json:"time"`
	Correct   int            `json:"correct"`
	Total     int            `json:"total"`
	Percent   float64        `json:"percent"`
	Passed    bool           `json:"passed"`
	Questions []string       `json:"questions"` // the question ids asked, in order
	Answers   []ReportAnswer `json:"answers"`
}

// ReportAnswer is one answer of an attempt.
type ReportAnswer struct {
	QuestionID string `json:"question_id"`
	// Hash is the question's content hash when it was answered; QuestionChanged says the
	// question has been edited since (or removed), so the answer was to an older version.
	Hash            string     `json:"hash"`
	QuestionChanged bool       `json:"question_changed"`
	Given           []string   `json:"given"`
	Correct         bool       `json:"correct"`
	Credit          *float64   `json:"credit"`
	AcceptedAs      *string    `json:"accepted_as"`
	Hinted          bool       `json:"hinted"`
	Overridden      bool       `json:"overridden"`
	AnsweredAt      *time.Time `json:"answered_at"`
}

// perAttempt is how many questions each full attempt of the lesson asks.
func (l LessonInfo) perAttempt() int {
	if l.Draw > 0 && l.Draw < l.Questions {
		return l.Draw
	}
	return l.Questions
}

// history lists a lesson's attempts, oldest first, with their answers.
func history(info LessonInfo, lp LessonProgress) []ReportAttempt {
	out := make([]ReportAttempt, 0, len(lp.Attempts))
	for _, a := range lp.Attempts {
		ra := ReportAttempt{ID: a.ID, Kind: a.Kind, Time: a.Time.UTC(), Correct: a.Correct, Total: a.Total,
			Percent: round1(a.Percent), Passed: a.Passed, Questions: a.Questions, Answers: []ReportAnswer{}}
		if ra.Questions == nil {
			ra.Questions = []string{}
			for _, ans := range a.Answers {
				ra.Questions = append(ra.Questions, ans.QuestionID)
			}
		}
		for _, ans := range a.Answers {
			ra.Answers = append(ra.Answers, reportAnswer(info, ans))
		}
		out = append(out, ra)
	}
	return out
}

func reportAnswer(info LessonInfo, a Answer) ReportAnswer {
	current, ok := info.QuestionHashes[a.QuestionID]
	r := ReportAnswer{QuestionID: a.QuestionID, Hash: a.Hash, QuestionChanged: !ok || (a.Hash != "" && a.Hash != current),
		Given: a.Given, Correct: a.Correct, Credit: a.Credit, Hinted: a.Hinted, Overridden: a.Overridden,
		AnsweredAt: timeOrNil(a.At)}
	if r.Given == nil {
		r.Given = []string{}
	}
	if a.AcceptedAs != "" {
		r.AcceptedAs = &a.AcceptedAs
	}
	return r
}
