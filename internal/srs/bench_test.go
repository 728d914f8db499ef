package srs

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// benchDeck replays a history of 10,000 questions answered five times each over a year, and
// returns the deck, its log and the course's questions.
func benchDeck(b *testing.B) (*Scheduler, Deck, []LogEntry, map[string]string) {
	b.Helper()
	return benchDeckOf(b, 10000, 5)
}

func benchDeckOf(b *testing.B, nQuestions, answers int) (*Scheduler, Deck, []LogEntry, map[string]string) {
	b.Helper()
	s := newScheduler(b, Config{})
	events, questions := benchHistory(nQuestions, answers)
	d, log := s.Replay(events)
	return s, d, log, questions
}

// benchHistory answers each of nQuestions questions answers times at random hours of the
// past year, three in four answers right.
func benchHistory(nQuestions, answers int) ([]Event, map[string]string) {
	r := rand.New(rand.NewPCG(5, 6))
	questions := map[string]string{}
	var events []Event
	for q := range nQuestions {
		id := fmt.Sprintf("lesson-%03d/q%d", q/10, q%10)
		questions[id] = "h"
		for range answers {
			when := day0.Add(-time.Duration(r.IntN(365*24)) * time.Hour)
			events = append(events, Event{QuestionID: id, Hash: "h", Time: when, Correct: r.IntN(4) > 0, Source: SourceQuiz})
		}
	}
	return events, questions
}

func BenchmarkDueCount10k(b *testing.B) {
	s, d, _, questions := benchDeck(b)
	cards := d.Current(questions, day0)
	if len(cards) != 10000 {
		b.Fatalf("%d cards", len(cards))
	}
	b.Logf("%d of %d cards due (limit %d)", s.DueTotal(cards, day0), len(cards), s.DailyLimit())
	b.ResetTimer()
	for b.Loop() {
		s.DueCount(cards, day0, 0)
	}
}

func BenchmarkDueTotal10k(b *testing.B) {
	s, d, _, questions := benchDeck(b)
	cards := d.Current(questions, day0)
	b.ResetTimer()
	for b.Loop() {
		s.DueTotal(cards, day0)
	}
}

func BenchmarkDue10k(b *testing.B) {
	s, d, _, questions := benchDeck(b)
	cards := d.Current(questions, day0)
	b.ResetTimer()
	for b.Loop() {
		s.Due(cards, day0, 0)
	}
}

// BenchmarkRebuildCurrentDueCount10k is all `aieng review --due` does in this package: the
// deck from the log, the course's current cards, the count.
func BenchmarkRebuildCurrentDueCount10k(b *testing.B) {
	s, _, log, questions := benchDeck(b)
	b.Logf("%d log entries", len(log))
	b.ResetTimer()
	for b.Loop() {
		d := s.Rebuild(log)
		s.DueCount(d.Current(questions, day0), day0, s.ReviewsToday(log, day0))
	}
}

// BenchmarkRebuildCurrentDueCount300 is the same for a course of a realistic size: 300
// questions answered ten times each over a year.
func BenchmarkRebuildCurrentDueCount300(b *testing.B) {
	s, _, log, questions := benchDeckOf(b, 300, 10)
	b.Logf("%d log entries", len(log))
	b.ResetTimer()
	for b.Loop() {
		d := s.Rebuild(log)
		s.DueCount(d.Current(questions, day0), day0, s.ReviewsToday(log, day0))
	}
}

func BenchmarkRecord(b *testing.B) {
	s, d, _, _ := benchDeck(b)
	ev := Event{QuestionID: "lesson-000/q0", Hash: "h", Correct: true, Source: SourceReview}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ev.Time = day0.AddDate(0, 0, i+1)
		s.Record(d, ev)
	}
}

// BenchmarkReplay300 is a learner's first use: 3,000 answers to 300 questions replayed.
func BenchmarkReplay300(b *testing.B) {
	s := newScheduler(b, Config{})
	events, _ := benchHistory(300, 10)
	b.ResetTimer()
	for b.Loop() {
		s.Replay(events)
	}
}

func BenchmarkRebuild50k(b *testing.B) {
	s, _, log, _ := benchDeck(b)
	b.ResetTimer()
	for b.Loop() {
		s.Rebuild(log)
	}
}

func BenchmarkCurrent10k(b *testing.B) {
	_, d, _, questions := benchDeck(b)
	b.ResetTimer()
	for b.Loop() {
		d.Current(questions, day0)
	}
}

func BenchmarkReviewsToday50k(b *testing.B) {
	s, _, log, _ := benchDeck(b)
	b.ResetTimer()
	for b.Loop() {
		s.ReviewsToday(log, day0)
	}
}
