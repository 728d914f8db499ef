package srs

import (
	"cmp"
	"slices"
	"time"
)

// remaining is how many more review-session answers the daily limit allows today.
func (s *Scheduler) remaining(doneToday int) int {
	return max(s.dailyLimit-max(doneToday, 0), 0)
}

// isDue reports whether c is due before cutoff, the start of the next local day.
func isDue(c Card, cutoff time.Time) bool {
	return c.Due.Before(cutoff)
}

// Due returns the cards due by the end of now's local day, most overdue first, at most as many
// as the daily limit leaves after doneToday review-session answers (see ReviewsToday). Pass the
// course's current cards (Deck.Current), not a whole deck. In practice mode it returns every
// card given, in the same order, without a limit.
func (s *Scheduler) Due(cards []Card, now time.Time, doneToday int) []Card {
	cutoff, limit := startOfNextDay(now, s.zone), s.remaining(doneToday)
	if s.practice {
		cutoff, limit = maxTime, len(cards)
	}
	// Sorting small (due, index) pairs rather than whole cards keeps this fast for a deck of
	// thousands of due cards.
	type item struct {
		due int64
		i   int32
	}
	var items []item
	for i := range cards {
		if isDue(cards[i], cutoff) {
			items = append(items, item{cards[i].Due.UnixNano(), int32(i)})
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.due, b.due), compareKeys(cards[a.i].Key, cards[b.i].Key))
	})
	due := make([]Card, 0, min(len(items), limit))
	for _, it := range items[:min(len(items), limit)] {
		due = append(due, cards[it.i])
	}
	return due
}

// maxTime is after every due time.
var maxTime = time.Unix(1<<62, 0)

// DueCount returns len(s.Due(cards, now, doneToday)) without sorting or allocating: what the
// outline header and `aieng review --due` show.
func (s *Scheduler) DueCount(cards []Card, now time.Time, doneToday int) int {
	if s.practice {
		return len(cards)
	}
	cutoff := startOfNextDay(now, s.zone)
	limit := s.remaining(doneToday)
	n := 0
	for i := range cards {
		if n == limit {
			break
		}
		if isDue(cards[i], cutoff) {
			n++
		}
	}
	return n
}

// DueTotal counts the due cards without the daily limit: what is waiting, for a learner who
// wants to know.
func (s *Scheduler) DueTotal(cards []Card, now time.Time) int {
	cutoff := startOfNextDay(now, s.zone)
	n := 0
	for i := range cards {
		if isDue(cards[i], cutoff) {
			n++
		}
	}
	return n
}

// NextDue returns the earliest due time among the cards not due on now's local day (for a
// session's summary: "next review on ..."), and false when there is none.
func (s *Scheduler) NextDue(cards []Card, now time.Time) (time.Time, bool) {
	cutoff := startOfNextDay(now, s.zone)
	var next time.Time
	for _, c := range cards {
		if !isDue(c, cutoff) && (next.IsZero() || c.Due.Before(next)) {
			next = c.Due
		}
	}
	return next, !next.IsZero()
}
