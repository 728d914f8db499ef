package srs

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestLogEntryJSONRoundTrip(t *testing.T) {
	s := newScheduler(t, Config{})
	_, log := s.Replay(history(100))
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	var back []LogEntry
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, log) {
		t.Fatal("log entries changed in a JSON round trip")
	}
	if !reflect.DeepEqual(s.Rebuild(back), s.Rebuild(log)) {
		t.Fatal("the decoded log rebuilds another deck")
	}
}

func TestLogEntryJSONFieldNames(t *testing.T) {
	e := LogEntry{
		ID: "rv-1", QuestionID: "intro/q1", Hash: "abc", Time: time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC),
		Source: SourceReview, Rating: Hard, State: StateReview, ElapsedDays: 4, ScheduledDays: 9,
		Stability: 8.5, Difficulty: 5.25, Due: time.Date(2025, 3, 19, 12, 0, 0, 0, time.UTC),
	}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"rv-1","question_id":"intro/q1","hash":"abc","time":"2025-03-10T12:00:00Z","source":"review",` +
		`"rating":2,"state":2,"elapsed_days":4,"scheduled_days":9,"stability":8.5,"difficulty":5.25,` +
		`"due":"2025-03-19T12:00:00Z"}`
	if string(data) != want {
		t.Errorf("JSON of a log entry:\n got %s\nwant %s", data, want)
	}
}

func TestEntryIDs(t *testing.T) {
	s := newScheduler(t, Config{})
	_, log := s.Replay(history(300))
	ids := map[string]bool{}
	for _, e := range log {
		if ids[e.ID] || !strings.HasPrefix(e.ID, "rv-") {
			t.Fatalf("id %q repeated or malformed", e.ID)
		}
		ids[e.ID] = true
	}
	// The same answer recorded by another process gets the same id.
	d1, d2 := Deck{}, Deck{}
	e1 := record(t, s, d1, answer("q", "h", day0, true))
	e2 := record(t, s, d2, answer("q", "h", day0.UTC(), true))
	if e1.ID != e2.ID {
		t.Errorf("one answer, two ids: %s, %s", e1.ID, e2.ID)
	}
}

func TestMergeLog(t *testing.T) {
	s := newScheduler(t, Config{})
	_, log := s.Replay(history(200))
	// Two processes each hold part of the log, with an overlap.
	a, b := log[:len(log)*2/3], log[len(log)/3:]
	ab, ba := MergeLog(a, b), MergeLog(b, a)
	if !reflect.DeepEqual(ab, log) || !reflect.DeepEqual(ba, log) {
		t.Fatalf("merged %d+%d entries into %d and %d, want the %d of the whole log", len(a), len(b), len(ab), len(ba), len(log))
	}
	if again := MergeLog(ab, ab); !reflect.DeepEqual(again, log) {
		t.Error("merging a log with itself is not idempotent")
	}
}

// TestMergeLogKeepsTheLaterRating: an answer rated again (an "I was right" after the feedback)
// keeps its entry's id, and merging keeps the second rating whichever log holds it.
func TestMergeLogKeepsTheLaterRating(t *testing.T) {
	s := newScheduler(t, Config{})
	first := record(t, s, Deck{}, answer("q", "h", day0, false))
	override := answer("q", "h", day0, false)
	override.Overridden, override.RatedAt = true, day0.Add(time.Minute)
	second := record(t, s, Deck{}, override)
	if second.ID != first.ID || second.Rating != Hard || !second.RatedAt.Equal(override.RatedAt) || !first.RatedAt.IsZero() {
		t.Fatalf("first rating %+v, second %+v", first, second)
	}
	a, b := []LogEntry{first}, []LogEntry{second}
	for i, log := range [][]LogEntry{MergeLog(a, b), MergeLog(b, a), MergeLog(MergeLog(a, b), a)} {
		if len(log) != 1 || log[0] != second {
			t.Errorf("merge %d: %+v, want the second rating alone", i, log)
		}
	}
}

func TestRebuildSkipsBadEntriesAndSameDayDuplicates(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	good := record(t, s, d, answer("q", "h", day0, false))
	// Another process answered the same card later that day, and a hand edit broke an entry.
	dup := good
	dup.ID, dup.Time, dup.Rating = "rv-other", day0.Add(time.Hour), Good
	bad := good
	bad.ID, bad.Time, bad.Stability = "rv-bad", at(1, 9, 0), 0
	rebuilt := s.Rebuild([]LogEntry{bad, dup, good})
	if !reflect.DeepEqual(rebuilt, d) {
		t.Errorf("rebuilt %+v\nwant %+v", rebuilt, d)
	}
}

func TestValidate(t *testing.T) {
	s := newScheduler(t, Config{})
	valid := record(t, s, Deck{}, answer("q", "h", day0, true))
	if err := valid.Validate(); err != nil {
		t.Fatal(err)
	}
	breakers := map[string]func(*LogEntry){
		"no id":          func(e *LogEntry) { e.ID = "" },
		"no question":    func(e *LogEntry) { e.QuestionID = "" },
		"no time":        func(e *LogEntry) { e.Time = time.Time{} },
		"due before":     func(e *LogEntry) { e.Due = e.Time.Add(-time.Hour) },
		"rating 0":       func(e *LogEntry) { e.Rating = 0 },
		"rating 5":       func(e *LogEntry) { e.Rating = 5 },
		"state 4":        func(e *LogEntry) { e.State = 4 },
		"negative days":  func(e *LogEntry) { e.ElapsedDays = -1 },
		"zero stability": func(e *LogEntry) { e.Stability = 0 },
		"difficulty 11":  func(e *LogEntry) { e.Difficulty = 11 },
	}
	for name, breakIt := range breakers {
		e := valid
		breakIt(&e)
		if err := e.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestReviewsToday(t *testing.T) {
	s := newScheduler(t, Config{})
	d := Deck{}
	var log []LogEntry
	for i, src := range []Source{SourceReview, SourceQuiz, SourceReview, SourceRetry, SourceReview} {
		ev := answer("q"+string(rune('a'+i)), "h", at(0, 8+i, 0), true)
		ev.Source = src
		log = append(log, record(t, s, d, ev))
	}
	yesterday := answer("qz", "h", at(-1, 22, 0), true)
	yesterday.Source = SourceReview
	log = append(log, record(t, s, d, yesterday))
	if n := s.ReviewsToday(log, at(0, 20, 0)); n != 3 {
		t.Errorf("reviews today: %d, want 3", n)
	}
	if n := s.ReviewsToday(log, at(1, 0, 5)); n != 0 {
		t.Errorf("reviews just after midnight: %d, want 0", n)
	}
}
