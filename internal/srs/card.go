package srs

import (
	"cmp"
	"time"
)

// Key identifies a card: a question in one version.
type Key struct {
	QuestionID string
	Hash       string
}

func compareKeys(a, b Key) int {
	return cmp.Or(cmp.Compare(a.QuestionID, b.QuestionID), cmp.Compare(a.Hash, b.Hash))
}

// Rating is how well an answer went. The values are FSRS's and Anki's (ease), and are what
// the log stores.
type Rating int8

// The ratings. Easy is never given from an answer, but a log may hold it.
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return "unknown"
}

// State is where a card stands in FSRS's cycle. The values are FSRS's, and are what the log
// stores. In the long-term mode this package uses, a card is New until its first review and
// in Review ever after.
type State int8

// The states.
const (
	StateNew        State = 0
	StateLearning   State = 1
	StateReview     State = 2
	StateRelearning State = 3
)

func (s State) String() string {
	switch s {
	case StateNew:
		return "new"
	case StateLearning:
		return "learning"
	case StateReview:
		return "review"
	case StateRelearning:
		return "relearning"
	}
	return "unknown"
}

// Source says where an answer was given.
type Source string

// The sources. Only review-session answers count against the daily limit.
const (
	SourceQuiz   Source = "quiz"   // a lesson's quiz (and attempts replayed from history)
	SourceRetry  Source = "retry"  // a "retry missed" round of a quiz
	SourceReview Source = "review" // a review session
)

// Event is one answered question.
type Event struct {
	QuestionID string
	// Hash is the question's content hash when it was answered.
	Hash string
	Time time.Time
	// Correct is whether the answer was right; Hinted whether the hint was shown first;
	// Overridden whether the learner declared a wrong-marked answer right ("I was right").
	Correct, Hinted, Overridden bool
	Source                      Source
	// RatedAt is set on a second rating of an answer already logged (LogEntry.RatedAt).
	RatedAt time.Time
}

// Key returns the card the event is an answer to.
func (e Event) Key() Key { return Key{QuestionID: e.QuestionID, Hash: e.Hash} }

// Rating rates the answer: an override is Hard (the learner was right, but not plainly so),
// else wrong is Again, right after a hint is Hard, and right is Good.
func (e Event) Rating() Rating {
	switch {
	case e.Overridden:
		return Hard
	case !e.Correct:
		return Again
	case e.Hinted:
		return Hard
	}
	return Good
}

// Card is the schedule of one question version.
type Card struct {
	Key
	State State
	// Due is when the card comes due; the card is due from the start of that local day.
	Due time.Time
	// LastReview is the time of the last counted answer; zero for a new card.
	LastReview time.Time
	// Stability is FSRS's stability in days (the interval at which recall falls to 90%);
	// Difficulty is FSRS's difficulty, 1..10. Both are zero for a new card.
	Stability, Difficulty float64
	// ScheduledDays is the interval the last review set, in days.
	ScheduledDays int
	// Reps counts counted answers; Lapses counts the ones rated Again after the first.
	Reps, Lapses int
}

// NewCard returns a card never reviewed, due at once.
func NewCard(k Key, now time.Time) Card {
	return Card{Key: k, State: StateNew, Due: now.UTC()}
}

// Deck is a learner's cards, by key. It may hold cards of old question versions and of
// questions the course no longer has; Current picks the ones to review.
type Deck map[Key]Card

// Current returns the cards for the course's questions as they are now, given as question id
// to content hash. A question edited since the learner last answered it (the deck has a card
// for it, but under another hash) gets a new card, due at now: the learner's history with the
// old version does not carry over, but the question stays in review. Questions never answered
// have no card. The order is unspecified (Due sorts).
func (d Deck) Current(questions map[string]string, now time.Time) []Card {
	answered := make(map[string]bool, len(d))
	for k := range d {
		answered[k.QuestionID] = true
	}
	cards := make([]Card, 0, len(questions))
	for id, hash := range questions {
		k := Key{QuestionID: id, Hash: hash}
		if c, ok := d[k]; ok {
			cards = append(cards, c)
		} else if answered[id] {
			cards = append(cards, NewCard(k, now))
		}
	}
	return cards
}
