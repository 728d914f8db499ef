package srs

import (
	"cmp"
	"slices"
	"time"

	"github.com/open-spaced-repetition/go-fsrs/v4"
)

// Record applies an answer to its card in d (a new card when d has none) and returns the log
// entry to store. It returns false, and changes nothing, when the answer does not count: in
// practice mode, when the card was already rated on the answer's local day (or later), or when
// the event has no question id or no time.
func (s *Scheduler) Record(d Deck, ev Event) (LogEntry, bool) {
	if s.practice {
		return LogEntry{}, false
	}
	return s.record(d, ev)
}

func (s *Scheduler) record(d Deck, ev Event) (LogEntry, bool) {
	if ev.QuestionID == "" || ev.Time.IsZero() {
		return LogEntry{}, false
	}
	k := ev.Key()
	c, ok := d[k]
	if !ok {
		c = NewCard(k, ev.Time)
	}
	if !s.counts(c, ev.Time) {
		return LogEntry{}, false
	}
	next, entry := s.review(c, ev)
	d[k] = next
	return entry, true
}

// counts reports whether an answer at t rates card c: the first answer of a local day does.
func (s *Scheduler) counts(c Card, t time.Time) bool {
	if c.LastReview.IsZero() {
		return true
	}
	return dayNumber(t, s.zone) > dayNumber(c.LastReview, s.zone)
}

// review rates card c with ev through FSRS.
func (s *Scheduler) review(c Card, ev Event) (Card, LogEntry) {
	at := ev.Time.UTC()
	rating := ev.Rating()
	info, err := s.fsrs.Next(s.toFSRS(c), wall(at, s.zone), fsrs.Rating(rating))
	if err != nil {
		// FSRS refuses a card state it could not have produced (a hand-edited log): the card
		// starts afresh rather than stopping the learner's review.
		c = Card{Key: c.Key, State: StateNew, Reps: c.Reps, Lapses: c.Lapses}
		info, _ = s.fsrs.Next(s.toFSRS(c), wall(at, s.zone), fsrs.Rating(rating)) // a new card is always valid
	}
	next := s.fromFSRS(c, info.Card)
	elapsed := 0
	if !c.LastReview.IsZero() {
		elapsed = int(dayNumber(at, s.zone) - dayNumber(c.LastReview, s.zone))
	}
	entry := LogEntry{
		ID:            entryID(c.Key, at),
		QuestionID:    c.QuestionID,
		Hash:          c.Hash,
		Time:          at,
		Source:        ev.Source,
		Rating:        rating,
		State:         c.State,
		ElapsedDays:   elapsed,
		ScheduledDays: next.ScheduledDays,
		Stability:     next.Stability,
		Difficulty:    next.Difficulty,
		Due:           next.Due,
		RatedAt:       ev.RatedAt.UTC(), // the zero time stays zero
	}
	return next, entry
}

func (s *Scheduler) toFSRS(c Card) fsrs.Card {
	return fsrs.Card{
		Due:           wall(c.Due, s.zone),
		Stability:     c.Stability,
		Difficulty:    c.Difficulty,
		ScheduledDays: uint64(max(c.ScheduledDays, 0)),
		Reps:          uint64(max(c.Reps, 0)),
		Lapses:        uint64(max(c.Lapses, 0)),
		State:         fsrs.State(c.State),
		LastReview:    wall(c.LastReview, s.zone),
	}
}

// fromFSRS takes FSRS's verdict on card c. The interval is counted from the due date, since
// go-fsrs caps the due date at the maximum interval but may report a day or two more.
func (s *Scheduler) fromFSRS(c Card, f fsrs.Card) Card {
	last := unwall(f.LastReview, s.zone)
	due := unwall(f.Due, s.zone)
	return Card{
		Key:           c.Key,
		State:         State(f.State),
		Due:           due,
		LastReview:    last,
		Stability:     f.Stability,
		Difficulty:    f.Difficulty,
		ScheduledDays: int(dayNumber(due, s.zone) - dayNumber(last, s.zone)),
		Reps:          int(f.Reps),
		Lapses:        int(f.Lapses),
	}
}

// Replay builds the cards from a learner's answer history, for a learner who has answers but
// no review log yet, and returns the log entries to store. The events may come in any order:
// they are applied in time order (ties broken by card, then lowest rating first), so the same
// history always gives the same deck and log. Replay reconstructs what already happened, so it
// works in practice mode too. The log is in time order, as MergeLog returns it.
func (s *Scheduler) Replay(events []Event) (Deck, []LogEntry) {
	sorted := slices.Clone(events)
	slices.SortStableFunc(sorted, func(a, b Event) int {
		return cmp.Or(a.Time.Compare(b.Time), compareKeys(a.Key(), b.Key()), cmp.Compare(a.Rating(), b.Rating()))
	})
	d := Deck{}
	var log []LogEntry
	for _, ev := range sorted {
		if e, ok := s.record(d, ev); ok {
			log = append(log, e)
		}
	}
	slices.SortFunc(log, compareEntries) // the order MergeLog keeps, which Rebuild reads unsorted
	return d, log
}
