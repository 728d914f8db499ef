package srs

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// LogEntry is one counted answer, shaped like Anki's revlog and go-fsrs' ReviewLog. Like
// Anki's, it records the card's state when it was answered (Anki's type) and what the answer
// decided: the new interval, stability, difficulty and due time. So a card can be rebuilt from
// its last entry, and FSRS parameters can be fitted to a learner's log later (the fitting
// needs card, time and rating).
type LogEntry struct {
	// ID is unique per entry and derived from the card and the time, so the same answer logged
	// by two processes (or replayed twice) has the same ID and merging keeps one.
	ID         string `json:"id"`
	QuestionID string `json:"question_id"`
	Hash       string `json:"hash"`
	// Time is when the answer was given, in UTC.
	Time   time.Time `json:"time"`
	Source Source    `json:"source,omitempty"`
	// Rating is 1 again, 2 hard, 3 good, 4 easy.
	Rating Rating `json:"rating"`
	// State is the card's state when answered: 0 new, 1 learning, 2 review, 3 relearning.
	State State `json:"state"`
	// ElapsedDays is the number of local days since the card's previous counted answer (0 for
	// the first); ScheduledDays is the interval this answer set.
	ElapsedDays   int `json:"elapsed_days"`
	ScheduledDays int `json:"scheduled_days"`
	// Stability and Difficulty are FSRS's memory state after the answer.
	Stability  float64 `json:"stability"`
	Difficulty float64 `json:"difficulty"`
	// Due is when the card comes due after this answer.
	Due time.Time `json:"due"`
	// RatedAt is when the answer was rated again, replacing its first rating (the learner's
	// "I was right" after the feedback): the entry keeps its id, and of two entries with one
	// id, merging keeps the one rated later. Zero for an answer rated once.
	RatedAt time.Time `json:"rated_at,omitzero"`
}

// Key returns the entry's card.
func (e LogEntry) Key() Key { return Key{QuestionID: e.QuestionID, Hash: e.Hash} }

// EntryID is the id of the entry the answer ev makes: the one a second rating of it replaces.
func (ev Event) EntryID() string { return entryID(ev.Key(), ev.Time.UTC()) }

// entryID names an answer by its card and time. A card is rated at most once a day, so two
// entries of one card never share a time.
func entryID(k Key, t time.Time) string {
	h := sha256.New()
	h.Write([]byte(k.QuestionID))
	h.Write([]byte{0})
	h.Write([]byte(k.Hash))
	h.Write([]byte{0})
	h.Write(binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())))
	return "rv-" + hex.EncodeToString(h.Sum(nil)[:8])
}

var errBadEntry = errors.New("bad review log entry")

// Validate reports whether e is an entry this package could have written; the progress file
// should drop (or set aside) entries that are not. Rebuild skips them.
func (e LogEntry) Validate() error {
	switch {
	case e.ID == "":
		return fmt.Errorf("%w: no id", errBadEntry)
	case e.QuestionID == "":
		return fmt.Errorf("%w %s: no question id", errBadEntry, e.ID)
	case e.Time.IsZero() || e.Due.Before(e.Time):
		return fmt.Errorf("%w %s: no time, or due before it", errBadEntry, e.ID)
	}
	return e.validateNumbers()
}

func (e LogEntry) validateNumbers() error {
	switch {
	case e.Rating < Again || e.Rating > Easy:
		return fmt.Errorf("%w %s: rating %d is not 1..4", errBadEntry, e.ID, e.Rating)
	case e.State < StateNew || e.State > StateRelearning:
		return fmt.Errorf("%w %s: state %d is not 0..3", errBadEntry, e.ID, e.State)
	case e.ElapsedDays < 0 || e.ScheduledDays < 0:
		return fmt.Errorf("%w %s: negative days", errBadEntry, e.ID)
	case !(e.Stability > 0) || math.IsInf(e.Stability, 0):
		return fmt.Errorf("%w %s: stability %v is not positive", errBadEntry, e.ID, e.Stability)
	case !(e.Difficulty >= 1 && e.Difficulty <= 10):
		return fmt.Errorf("%w %s: difficulty %v is not 1..10", errBadEntry, e.ID, e.Difficulty)
	}
	return nil
}

// compareEntries orders a log by time, then id; of entries sharing an id, the one rated last
// comes first (then, for those only a hand edit makes, by what else tells them apart, so the
// order never depends on the input's).
func compareEntries(a, b LogEntry) int {
	return cmp.Or(a.Time.Compare(b.Time), cmp.Compare(a.ID, b.ID), b.RatedAt.Compare(a.RatedAt),
		cmp.Compare(a.Rating, b.Rating), cmp.Compare(a.Source, b.Source), a.Due.Compare(b.Due))
}

// MergeLog returns the union of two logs, one entry per id (the one rated last), in time
// order. It is commutative, associative and idempotent, like the progress file's merge of
// attempts.
func MergeLog(a, b []LogEntry) []LogEntry {
	all := make([]LogEntry, 0, len(a)+len(b))
	all = append(append(all, a...), b...)
	slices.SortFunc(all, compareEntries)
	seen := make(map[string]bool, len(all))
	out := all[:0]
	for _, e := range all {
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	return slices.Clip(out)
}

// Rebuild turns a review log back into cards. Each card takes the state its last entry
// recorded; entries that fail Validate are skipped, and of two entries of one card on one local
// day (two processes answering at once) the first counts, as in Record. The log may come in
// any order.
func (s *Scheduler) Rebuild(log []LogEntry) Deck {
	// Only each card's entries need to be in time order; a stored log (MergeLog's order) is
	// already, and checking the times alone is cheaper than checking the full order.
	if !slices.IsSortedFunc(log, func(a, b LogEntry) int { return a.Time.Compare(b.Time) }) {
		log = slices.Clone(log)
		slices.SortFunc(log, compareEntries)
	}
	// Cards are built in a slice, indexed by key, with the local day of each card's last
	// counted entry beside it: one map look-up and one day computation per entry.
	type building struct {
		card Card
		day  int64
	}
	var cards []building
	index := make(map[Key]int, len(log)/4)
	for j := range log {
		e := &log[j]
		if e.Validate() != nil {
			continue
		}
		day := dayNumber(e.Time, s.zone)
		k := e.Key()
		i, ok := index[k]
		switch {
		case !ok:
			index[k] = len(cards)
			cards = append(cards, building{fromEntry(Card{}, e), day})
		case day > cards[i].day:
			cards[i] = building{fromEntry(cards[i].card, e), day}
		}
	}
	d := make(Deck, len(cards))
	for _, b := range cards {
		d[b.card.Key] = b.card
	}
	return d
}

// fromEntry is card c after the answer e logged.
func fromEntry(c Card, e *LogEntry) Card {
	lapses := c.Lapses
	if e.Rating == Again && e.State != StateNew {
		lapses++ // as go-fsrs counts them
	}
	return Card{
		Key:           e.Key(),
		State:         StateReview,
		Due:           e.Due.UTC(),
		LastReview:    e.Time.UTC(),
		Stability:     e.Stability,
		Difficulty:    e.Difficulty,
		ScheduledDays: e.ScheduledDays,
		Reps:          c.Reps + 1,
		Lapses:        lapses,
	}
}

// ReviewsToday counts the review-session answers logged on now's local day: what the daily
// limit has already used. Quiz and retry answers do not count against it.
func (s *Scheduler) ReviewsToday(log []LogEntry, now time.Time) int {
	today := dayNumber(now, s.zone)
	n := 0
	for _, e := range log {
		if e.Source == SourceReview && dayNumber(e.Time, s.zone) == today {
			n++
		}
	}
	return n
}
