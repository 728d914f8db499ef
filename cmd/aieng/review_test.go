package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// missedOne writes a progress file in which the fixture course's first basics question was
// missed and its second answered right, at answered.
func missedOne(t *testing.T, answered time.Time) string {
	t.Helper()
	course, _, err := lessons.LoadDir(fixtureCourse)
	if err != nil {
		t.Fatal(err)
	}
	q := course.Lesson("basics").Quiz
	path := filepath.Join(t.TempDir(), "progress.json")
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.RecordAttempt(fixtureID, "basics", progress.Attempt{ID: "a1", Time: answered, Correct: 1, Total: 2, Percent: 50,
		Answers: []progress.Answer{
			{QuestionID: q[0].ID, Hash: q[0].Hash, Given: []string{"It stores data"}, Correct: false, At: answered},
			{QuestionID: q[1].ID, Hash: q[1].Hash, Given: []string{"True"}, Correct: true, At: answered},
		}})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReviewDue: a question missed today is due again the next day, and the right one later,
// as `aieng review --due` tells with AIENG_NOW stepping days ahead: it prints the number due
// and exits 1 when some are, 0 when none; it reads the progress file and writes nothing.
func TestReviewDue(t *testing.T) {
	answered := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	path := missedOne(t, answered)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		now  time.Time
		out  string
		code int
	}{
		{answered.Add(2 * time.Hour), "0\n", 0},
		{time.Date(2026, 3, 3, 0, 30, 0, 0, time.Local), "1\n", 1}, // the missed question, from the next day on
		{answered.AddDate(0, 0, 5), "2\n", 1},                      // and the right one, a few days later
	} {
		t.Setenv(envNow, tt.now.Format(time.RFC3339))
		out, stderr, code := runWithInput(t, "", "--progress", path, "review", "--due")
		if out != tt.out || code != tt.code || stderr != "" {
			t.Errorf("at %v: review --due printed %q (stderr %q), exit %d; want %q, exit %d", tt.now, out, stderr, code, tt.out, tt.code)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("review --due changed the progress file")
	}
}

// TestReviewWithNothingDue: `aieng review` says when the next review is, and exits 0 without
// opening the interface; with questions due it needs a terminal.
func TestReviewWithNothingDue(t *testing.T) {
	answered := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	path := missedOne(t, answered)
	t.Setenv(envNow, answered.Add(time.Hour).Format(time.RFC3339))
	out, _, code := runWithInput(t, "", "--progress", path, "review")
	if code != 0 || !strings.Contains(out, "Nothing is due for review. Next review: Tue 3 Mar (1 question).") {
		t.Errorf("review with nothing due: %q, exit %d", out, code)
	}
	t.Setenv(envNow, answered.AddDate(0, 0, 1).Format(time.RFC3339))
	if _, stderr, code := runWithInput(t, "", "--progress", path, "review"); code != 1 || !strings.Contains(stderr, "needs a terminal") {
		t.Errorf("review with a question due and no terminal: %q, exit %d", stderr, code)
	}
	empty := filepath.Join(t.TempDir(), "progress.json")
	if out, _, code := runWithInput(t, "", "--progress", empty, "review", "--practice"); code != 0 || !strings.Contains(out, "Nothing to review yet") {
		t.Errorf("practice without answers: %q, exit %d", out, code)
	}
}

// TestReviewRefusesBadInput: a bad AIENG_NOW, or flags that do not go together, are usage
// errors with a message, never a trace.
func TestReviewRefusesBadInput(t *testing.T) {
	t.Setenv(envNow, "next tuesday")
	for _, args := range [][]string{{"review", "--due"}, {"progress"}} {
		out, stderr, code := runWithInput(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(stderr, `AIENG_NOW="next tuesday" is not a time: write it as RFC 3339, such as 2026-11-20T09:00:00Z`) {
			t.Errorf("%v with a bad AIENG_NOW: %q %q, exit %d", args, out, stderr, code)
		}
	}
	t.Setenv(envNow, "")
	if _, stderr, code := runWithInput(t, "", "review", "--due", "--practice"); code != 2 || !strings.Contains(stderr, "cannot be combined") {
		t.Errorf("--due --practice: %q, exit %d", stderr, code)
	}
}

// TestProgressReportsReviews: the report's review, streak and time fields, at AIENG_NOW.
func TestProgressReportsReviews(t *testing.T) {
	answered := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	path := missedOne(t, answered)
	t.Setenv(envNow, "2026-03-03T12:00:00Z")
	out, _, code := runWithInput(t, "", "--progress", path, "progress", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r progress.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	basics := r.Lessons[1]
	if !r.GeneratedAt.Equal(time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)) || basics.Reviews != 2 || basics.ReviewsDue != 1 ||
		r.Totals.ReviewsDue != 1 || r.Totals.StreakDays != 1 || r.Totals.ActiveDays != 1 {
		t.Errorf("report at AIENG_NOW: generated %v, basics %+v, totals %+v", r.GeneratedAt, basics, r.Totals)
	}
	table, _, _ := runWithInput(t, "", "--progress", path, "progress")
	if !strings.Contains(table, "Review: 1 question due: run aieng review.") || !strings.Contains(table, "Streak: 1 day in a row") {
		t.Errorf("progress table:\n%s", table)
	}
}
