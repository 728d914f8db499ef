package srs

import (
	"testing"
	"time"
)

// zone is two hours east of UTC, so that local days and UTC days differ in the tests.
var zone = time.FixedZone("UTC+2", 2*3600)

// day0 is a fixed "today" at 14:00 local time.
var day0 = time.Date(2025, 3, 10, 14, 0, 0, 0, zone)

func at(days int, hour, minute int) time.Time {
	y, m, d := day0.Date()
	return time.Date(y, m, d+days, hour, minute, 0, 0, zone)
}

func newScheduler(t testing.TB, cfg Config) *Scheduler {
	t.Helper()
	if cfg.Zone == nil {
		cfg.Zone = zone
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func answer(id, hash string, when time.Time, correct bool) Event {
	return Event{QuestionID: id, Hash: hash, Time: when, Correct: correct, Source: SourceQuiz}
}

func record(t testing.TB, s *Scheduler, d Deck, ev Event) LogEntry {
	t.Helper()
	e, ok := s.Record(d, ev)
	if !ok {
		t.Fatalf("answer %+v did not count", ev)
	}
	return e
}
