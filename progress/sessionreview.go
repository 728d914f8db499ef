package progress

import (
	"slices"
	"time"

	"github.com/aieng/aieng/internal/srs"
)

// This file is the part of a Session that reviews and measures: the learner's cards, kept up
// to date in memory as answers are given (the store rates them again when it saves, against
// what every process saved), and the active time spent per lesson.

// reviewState is a session's review schedule: nil schedule when answers are not logged.
type reviewState struct {
	schedule *Schedule
	deck     srs.Deck
	// cards are the deck's cards of the course's questions now (Schedule.Cards), by key in
	// index, kept up to date as answers change the deck: the outline asks on every refresh,
	// and a deck of thousands of cards takes milliseconds to go through again.
	cards []srs.Card
	index map[srs.Key]int
	fresh bool
}

// current returns the session's current cards, worked out again only for a new course.
func (s *Session) current() []srs.Card {
	r := &s.reviews
	if !r.fresh {
		r.cards, r.fresh = r.schedule.Cards(r.deck, s.now()), true
		r.index = make(map[srs.Key]int, len(r.cards))
		for i, c := range r.cards {
			r.index[c.Key] = i
		}
	}
	return r.cards
}

// answered brings the current cards up to date with the cards answers just changed.
func (s *Session) answered(added []ReviewEntry) {
	r := &s.reviews
	if !r.fresh {
		return // worked out when next asked
	}
	for _, e := range added {
		k := e.Key()
		if i, ok := r.index[k]; ok {
			r.cards[i] = r.deck[k]
		} else if r.schedule.questions[k.QuestionID] == k.Hash {
			r.index[k] = len(r.cards)
			r.cards = append(r.cards, r.deck[k])
		}
	}
}

// timeState is a session's time spent: its id, and its span per lesson.
type timeState struct {
	id    string
	spans map[string]*timeSpan
}

type timeSpan struct {
	started time.Time
	spent   time.Duration
	saved   int // the seconds last handed to the save queue
}

// startReviews builds the learner's cards from the log, or, for a learner from before it,
// from their attempt history, which is then saved as the log.
func (s *Session) startReviews(schedule *Schedule) {
	if schedule == nil {
		return
	}
	log := schedule.Log(s.course)
	s.reviews = reviewState{schedule: schedule, deck: schedule.Deck(log)}
	if len(s.course.Reviews) == 0 && len(log) > 0 {
		s.course.Reviews = log
		s.enqueue(saveOp{kind: opReviews, at: s.now()})
	}
}

// reviewAttempt logs the answers of an attempt just recorded: a quiz's, or a practice round's.
func (s *Session) reviewAttempt(lessonID string, a Attempt) {
	source := srs.SourceQuiz
	if !a.Counts() {
		source = srs.SourceRetry
	}
	answers := make([]ReviewAnswer, 0, len(a.Answers))
	for _, ans := range a.Answers {
		if ans.At.IsZero() {
			ans.At = a.Time
		}
		answers = append(answers, ReviewAnswer{Lesson: lessonID, Answer: ans, Source: source})
	}
	s.logReviews(answers)
}

// RecordReview logs an answer given in a review session to a question of a lesson, as it is
// given: closing the terminal on its feedback loses nothing.
func (s *Session) RecordReview(lessonID string, a Answer) {
	if a.At.IsZero() {
		a.At = s.now()
	}
	s.logReviews([]ReviewAnswer{{Lesson: lessonID, Answer: cloneAnswers([]Answer{a})[0], Source: srs.SourceReview}})
}

// RerateReview rates again an answer RecordReview logged, now that the learner has changed it
// (an override: "I was right"). a is the answer as it is now, given at the same time (At): its
// log entry is replaced, keeping its id, so the answer counts once, with its later rating.
func (s *Session) RerateReview(lessonID string, a Answer) {
	if a.At.IsZero() {
		return // not an answer RecordReview logged
	}
	s.logReviews([]ReviewAnswer{{Lesson: lessonID, Answer: cloneAnswers([]Answer{a})[0], Source: srs.SourceReview, RatedAt: s.now()}})
}

// logReviews rates answers against the session's cards at once, so that what is due shows
// the change, and hands them to the store.
func (s *Session) logReviews(answers []ReviewAnswer) {
	sc := s.reviews.schedule
	if sc == nil || len(answers) == 0 {
		return
	}
	var added []ReviewEntry
	s.course.Reviews, added = sc.record(s.reviews.deck, s.course.Reviews, answers)
	if slices.ContainsFunc(answers, func(a ReviewAnswer) bool { return !a.RatedAt.IsZero() }) {
		s.reviews.fresh = false // a card's rating taken back: worked out again when next asked
	} else {
		s.answered(added)
	}
	s.enqueue(saveOp{kind: opReviews, reviews: answers, at: s.now()})
}

// Reviewing reports whether the session logs answers for review.
func (s *Session) Reviewing() bool { return s.reviews.schedule != nil }

// ReviewStatus is where the learner stands with the review now; the zero status when the
// session does not review.
func (s *Session) ReviewStatus() ReviewStatus {
	sc := s.reviews.schedule
	if sc == nil {
		return ReviewStatus{}
	}
	return sc.StatusOf(s.current(), s.course.Reviews, s.now())
}

// DueCards lists the questions a review session asks now, most overdue first: those due,
// within the daily limit, or in practice every question answered (Schedule.Due).
func (s *Session) DueCards(practice bool) []srs.Card {
	sc := s.reviews.schedule
	if sc == nil {
		return nil
	}
	return sc.DueOf(s.current(), s.course.Reviews, s.now(), practice)
}

// AddTime adds active time spent on a lesson: it shows at once, and is written once it has
// stopped changing for a while, like the reading position.
func (s *Session) AddTime(lessonID string, d time.Duration) {
	if d <= 0 || lessonID == "" {
		return
	}
	now := s.now()
	sp := s.time.spans[lessonID]
	if sp == nil {
		sp = &timeSpan{started: now}
		s.time.spans[lessonID] = sp
	}
	sp.spent += d
	s.update(lessonID, func(lp *LessonProgress) { lp.TimeSpent += d })
	if secs := int(sp.spent / time.Second); secs != sp.saved {
		sp.saved = secs
		s.enqueue(saveOp{kind: opTime, lesson: lessonID, span: TimeSpan{Session: s.time.id, Started: sp.started, Seconds: secs}, at: now})
	}
}

// SetSchedule changes the review rules, for a new version of the course (its questions may
// have been edited, or its settings changed). nil stops logging answers for review.
func (s *Session) SetSchedule(schedule *Schedule) {
	s.reviews.schedule, s.reviews.fresh = schedule, false
	if s.queue != nil {
		s.queue.setSchedule(schedule)
	}
}

// DailyLimit is the most review answers a day; 0 when the session does not review.
func (s *Session) DailyLimit() int {
	if s.reviews.schedule == nil {
		return 0
	}
	return s.reviews.schedule.DailyLimit()
}
