package srs

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func TestMissedQuestionIsDueAgainWithinADay(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	e := record(t, s, d, answer("q1", "h1", day0, false))
	if e.Rating != Again {
		t.Fatalf("a wrong answer rated %v, want again", e.Rating)
	}
	c := d[Key{"q1", "h1"}]
	if wait := c.Due.Sub(day0); wait <= 0 || wait > 24*time.Hour {
		t.Fatalf("missed at %v, due at %v: want within a day", day0, c.Due)
	}
	cards := []Card{c}
	if n := s.DueCount(cards, at(0, 23, 59), 0); n != 0 {
		t.Errorf("due the same evening: %d, want 0 (the next answer would not count today)", n)
	}
	if n := s.DueCount(cards, at(1, 0, 1), 0); n != 1 {
		t.Errorf("due just after midnight: %d, want 1", n)
	}
}

func TestRightAnswersPushTheNextReviewFurtherOut(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	k := Key{"q1", "h1"}
	when := day0
	prev := time.Duration(0)
	for i := range 3 {
		e := record(t, s, d, answer("q1", "h1", when, true))
		if e.Rating != Good {
			t.Fatalf("a right answer rated %v, want good", e.Rating)
		}
		c := d[k]
		interval := c.Due.Sub(when)
		if interval <= prev {
			t.Fatalf("answer %d: next due after %v, not further out than %v", i+1, interval, prev)
		}
		if c.ScheduledDays < 1 || interval != time.Duration(c.ScheduledDays)*24*time.Hour {
			t.Fatalf("answer %d: %d scheduled days but due after %v", i+1, c.ScheduledDays, interval)
		}
		prev = interval
		when = c.Due // answered on the day it came due
	}
}

func TestFirstIntervalsAreDays(t *testing.T) {
	s := newScheduler(t, Config{})
	want := map[Rating]int{Again: 1, Hard: 2, Good: 3}
	for _, ev := range []Event{
		answer("wrong", "h", day0, false),
		{QuestionID: "hinted", Hash: "h", Time: day0, Correct: true, Hinted: true},
		answer("right", "h", day0, true),
	} {
		d := Deck{}
		e := record(t, s, d, ev)
		if e.ScheduledDays != want[e.Rating] || e.State != StateNew || d[ev.Key()].State != StateReview {
			t.Errorf("%s: first answer rated %v gave %d days (state %v -> %v), want %d days, new -> review",
				ev.QuestionID, e.Rating, e.ScheduledDays, e.State, d[ev.Key()].State, want[e.Rating])
		}
	}
}

func TestRatings(t *testing.T) {
	for _, c := range []struct {
		ev   Event
		want Rating
	}{
		{Event{Correct: false}, Again},
		{Event{Correct: false, Hinted: true}, Again},
		{Event{Correct: true, Hinted: true}, Hard},
		{Event{Correct: false, Overridden: true}, Hard},
		{Event{Correct: true, Overridden: true}, Hard},
		{Event{Correct: true}, Good},
	} {
		if got := c.ev.Rating(); got != c.want {
			t.Errorf("%+v rated %v, want %v", c.ev, got, c.want)
		}
	}
}

func TestEditedQuestionStartsFresh(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	// Four right answers build a long interval for the old version.
	when := day0
	for range 4 {
		record(t, s, d, answer("q1", "old", when, true))
		when = d[Key{"q1", "old"}].Due
	}
	old := d[Key{"q1", "old"}]

	// The question is edited; before the learner answers the new version, it is in review as
	// a new card due at once, while the old card is not offered.
	current := d.Current(map[string]string{"q1": "new"}, when)
	if len(current) != 1 || current[0] != NewCard(Key{"q1", "new"}, when) {
		t.Fatalf("current cards after the edit: %+v, want one new card for the new hash", current)
	}

	e := record(t, s, d, answer("q1", "new", when, true))
	fresh := Deck{}
	want := record(t, s, fresh, answer("q1", "new", when, true))
	if got := d[Key{"q1", "new"}]; got != fresh[Key{"q1", "new"}] || e != want {
		t.Errorf("new version after history: %+v\nwant as if never answered: %+v", got, fresh[Key{"q1", "new"}])
	}
	if e.ElapsedDays != 0 || e.State != StateNew {
		t.Errorf("first answer to the new version logged %d elapsed days, state %v; want 0, new", e.ElapsedDays, e.State)
	}
	if d[Key{"q1", "old"}] != old {
		t.Errorf("the old version's card changed")
	}
}

func TestSameDayAnswersCountOnce(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	first := record(t, s, d, answer("q1", "h", at(0, 9, 0), false))
	afterFirst := d[Key{"q1", "h"}]
	// The retry round the same day gets it right, and so does a review that evening.
	for _, ev := range []Event{answer("q1", "h", at(0, 9, 5), true), answer("q1", "h", at(0, 23, 59), true)} {
		if e, ok := s.Record(d, ev); ok {
			t.Fatalf("a second answer the same day counted: %+v", e)
		}
	}
	if d[Key{"q1", "h"}] != afterFirst || first.Rating != Again {
		t.Errorf("the first answer of the day must decide: rated %v, card %+v", first.Rating, d[Key{"q1", "h"}])
	}
	// Replay agrees, whatever order the answers come in.
	replayed, log := s.Replay([]Event{answer("q1", "h", at(0, 9, 5), true), answer("q1", "h", at(0, 9, 0), false)})
	if len(log) != 1 || log[0] != first || replayed[Key{"q1", "h"}] != afterFirst {
		t.Errorf("replay of same-day answers: %+v", log)
	}
}

func TestLocalDaysDecideSameDay(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	// 23:30 and 00:30 local are 21:30 and 22:30 UTC: one UTC day, two local days.
	first := record(t, s, d, answer("q1", "h", at(0, 23, 30), true))
	e := record(t, s, d, answer("q1", "h", at(1, 0, 30), true))
	if e.ElapsedDays != 1 {
		t.Errorf("elapsed days across local midnight: %d, want 1", e.ElapsedDays)
	}
	// FSRS must see a day pass too: a right answer after no time at all would leave the
	// stability where it was.
	if e.Stability <= first.Stability {
		t.Errorf("stability %v after a right answer the next local day, %v before: want it to grow", e.Stability, first.Stability)
	}
	if _, ok := s.Record(d, answer("q1", "h", at(0, 23, 45), true)); ok {
		t.Errorf("an answer earlier than the last counted one counted")
	}
}

// history returns a seeded, shuffled answer history over several questions and weeks, with
// some questions edited on the way.
func history(n int) []Event {
	r := rand.New(rand.NewPCG(1, 2))
	var events []Event
	for i := range n {
		q := r.IntN(20)
		hash := "h1"
		if q%5 == 0 && i > n/2 {
			hash = "h2"
		}
		when := day0.Add(time.Duration(r.IntN(60*24*60)) * time.Minute) // within 60 days
		events = append(events, Event{
			QuestionID: "q" + string(rune('a'+q)), Hash: hash, Time: when,
			Correct: r.IntN(3) > 0, Hinted: r.IntN(5) == 0, Overridden: r.IntN(20) == 0, Source: SourceQuiz,
		})
	}
	return events
}

func TestReplayIsDeterministic(t *testing.T) {
	s := newScheduler(t, Config{})
	events := history(400)
	deck1, log1 := s.Replay(events)
	shuffled := append([]Event(nil), events...)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	deck2, log2 := s.Replay(shuffled)
	if !reflect.DeepEqual(deck1, deck2) || !reflect.DeepEqual(log1, log2) {
		t.Fatal("replaying the same history twice gave different schedules")
	}
	if len(deck1) < 20 || len(log1) < 100 || len(log1) >= len(events) {
		t.Fatalf("history of %d answers gave %d cards and %d entries: the test history is too thin",
			len(events), len(deck1), len(log1))
	}
	// The log rebuilds the same deck.
	if rebuilt := s.Rebuild(log1); !reflect.DeepEqual(rebuilt, deck1) {
		t.Fatal("rebuilding from the replay's log gave another deck")
	}
}

func TestRecordThenRebuildAgree(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	var log []LogEntry
	for i, ev := range history(200) {
		ev.Time = day0.Add(time.Duration(i) * 7 * time.Hour) // in time order, as live answers come
		if e, ok := s.Record(d, ev); ok {
			log = append(log, e)
		}
	}
	if rebuilt := s.Rebuild(log); !reflect.DeepEqual(rebuilt, d) {
		t.Fatal("rebuilding from the log of live answers gave another deck")
	}
}

func TestRetentionBounds(t *testing.T) {
	for _, r := range []float64{0.69, 0.98, -1, 1, 0.5} {
		if _, err := New(Config{Retention: r}); err == nil {
			t.Errorf("retention %v accepted", r)
		}
	}
	for _, r := range []float64{0.70, 0.85, 0.97} {
		s, err := New(Config{Retention: r})
		if err != nil || s.Retention() != r {
			t.Errorf("retention %v: %v", r, err)
		}
	}
	if s := newScheduler(t, Config{}); s.Retention() != DefaultRetention || s.DailyLimit() != DefaultDailyLimit {
		t.Errorf("defaults: retention %v, limit %d", s.Retention(), s.DailyLimit())
	}
	if _, err := New(Config{DailyLimit: -1}); err == nil {
		t.Error("a negative daily limit accepted")
	}
	// Retention is not just stored: a higher one brings reviews sooner.
	interval := func(r float64) int {
		s := newScheduler(t, Config{Retention: r})
		d := Deck{}
		record(t, s, d, answer("q", "h", day0, true))
		record(t, s, d, answer("q", "h", d[Key{"q", "h"}].Due, true))
		return d[Key{"q", "h"}].ScheduledDays
	}
	if low, high := interval(0.70), interval(0.97); high >= low {
		t.Errorf("interval at retention 0.97 is %d days, at 0.70 %d: want shorter", high, low)
	}
}

func TestPracticeChangesNothing(t *testing.T) {
	s := newScheduler(t, Config{})
	p := newScheduler(t, Config{Practice: true})
	d := Deck{}
	record(t, s, d, answer("q1", "h", day0, true))
	before := d[Key{"q1", "h"}]
	for _, ev := range []Event{answer("q1", "h", at(1, 10, 0), false), answer("q2", "h", at(1, 10, 0), false)} {
		if e, ok := p.Record(d, ev); ok || e != (LogEntry{}) {
			t.Errorf("practice answer counted: %+v", e)
		}
	}
	if len(d) != 1 || d[Key{"q1", "h"}] != before {
		t.Errorf("practice changed the deck: %+v", d)
	}
	// Practice offers every card, due or not, without a limit.
	cards := []Card{before, NewCard(Key{"q0", "h"}, day0)}
	if got := p.Due(cards, day0, 1000); len(got) != 2 || got[0].QuestionID != "q0" {
		t.Errorf("practice due: %+v", got)
	}
}

func TestUnusableCardStartsAfresh(t *testing.T) {
	s := newScheduler(t, Config{})
	k := Key{"q1", "h"}
	d := Deck{k: {Key: k, State: StateReview, Stability: -3, Difficulty: 99, LastReview: at(-5, 9, 0), Due: at(-1, 9, 0), Reps: 4}}
	e := record(t, s, d, answer("q1", "h", day0, true))
	if err := e.Validate(); err != nil || e.State != StateNew || d[k].Reps != 5 {
		t.Errorf("review of a corrupt card: %+v (%v), card %+v", e, err, d[k])
	}
}

func TestEventsWithoutIDOrTimeDoNotCount(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	for _, ev := range []Event{answer("", "h", day0, true), answer("q", "h", time.Time{}, true)} {
		if _, ok := s.Record(d, ev); ok || len(d) != 0 {
			t.Errorf("%+v counted", ev)
		}
	}
}
