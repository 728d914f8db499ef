package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/srs"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// busyLearner writes a progress file for course in which the learner has done everything a
// table shows: every lesson read, one to three full attempts and a practice round with an
// override each, every lab passed, hours spent, and answers reviewed.
func busyLearner(t *testing.T, c *lessons.Course) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "progress.json")
	s, err := progress.Open(path)
	must(t, err)
	sched, err := progress.NewSchedule(courseinfo.Of(c), time.Local)
	must(t, err)
	base := time.Now().Add(-30 * time.Hour)
	for i, l := range c.Lessons {
		must(t, s.MarkRead(c.ID, l.ID, base))
		must(t, s.SetTimeSpent(c.ID, l.ID, progress.TimeSpan{Session: "s", Started: base, Seconds: 600 + 1900*i}, base))
		for _, lab := range l.Labs {
			must(t, s.PassLab(c.ID, l.ID, lab.ID, map[string]float64{}, base))
		}
		if len(l.Quiz) == 0 {
			continue
		}
		var answers []progress.Answer
		for j, q := range l.Quiz {
			answers = append(answers, progress.Answer{QuestionID: q.ID, Hash: q.Hash, Given: []string{"x"},
				Correct: j%3 != 0, Overridden: j == 1, At: base})
		}
		for k := range 1 + i%3 {
			must(t, s.RecordAttempt(c.ID, l.ID, progress.Attempt{ID: fmt.Sprint("a", i, k), Time: base.Add(time.Duration(k) * time.Minute),
				Correct: 2, Total: 3, Percent: 66.7 + 16*float64(k), Passed: k > 0, Answers: answers}))
		}
		must(t, s.RecordAttempt(c.ID, l.ID, progress.Attempt{ID: fmt.Sprint("p", i), Kind: progress.PracticeAttempt,
			Time: base.Add(5 * time.Minute), Correct: 1, Total: 1, Percent: 100, Answers: answers[:1]}))
		review := progress.ReviewAnswer{Lesson: l.ID, Source: srs.SourceReview,
			Answer: progress.Answer{QuestionID: l.Quiz[0].ID, Hash: l.Quiz[0].Hash, Correct: true, At: base.Add(25 * time.Hour)}}
		must(t, s.RecordReviews(c.ID, sched, []progress.ReviewAnswer{review}))
	}
	must(t, s.OpenLesson(c.ID, c.Lessons[len(c.Lessons)-1].ID, base))
	return path
}

// TestProgressTableFits80Columns: printed to a file or a pipe, the table and every line of
// prose under it fit 80 columns, for the built-in course (the shipped one: long titles, labs),
// the fixture course, one with a long title and the lab fixture, with a learner who has done
// everything; a title too long is cut with an ellipsis, and a note is wrapped between its items.
func TestProgressTableFits80Columns(t *testing.T) {
	builtin, _, err := lessons.Builtin()
	must(t, err)
	labs, _, err := lessons.LoadDir(labsFixture)
	must(t, err)
	fixture, _, err := lessons.LoadDir(fixtureCourse)
	must(t, err)
	longDir := longTitleCourse(t)
	long, _, err := lessons.LoadDir(longDir)
	must(t, err)
	var shipped []string // what the table shows of the shipped course; another is held to the widths alone
	if builtin.ID == lessons.ShippedCourseID {
		shipped = []string{"   #  LESSON  ", "  TRIES  LABS  TIME\n", "   2  Designing and developing models  ",
			"   7  Building with large language mod…  read ", "2/2", "5h58m\n", "8 of 12 lessons complete", "6 of 6 labs passed.",
			"Practice rounds (retries of missed questions, not counted): 1 in lesson 1,", "\n  1 in lesson 12.\n", "Streak: ", "Time spent on the lessons: 36 h 50 min.",
			"Review: ", "Last opened: Wrap-up - one project from data to monitoring."}
	}
	for _, tc := range []struct {
		course *lessons.Course
		args   []string
		want   []string
	}{
		{builtin, nil, shipped},
		{long, []string{"--lessons", longDir}, []string{"   4  A closing lesson whose title is far …  read ",
			"Last opened: A closing lesson whose title is far too long for the lesson\n  column of the table."}},
		{fixture, []string{"--lessons", fixtureCourse}, []string{"   #  LESSON        STATUS    FIRST  BEST  TRIES  TIME\n",
			"   4  Wrapping up   read      66%    66%   1      1h45m\n", "Answers marked wrong that you counted right"}},
		{labs, []string{"--lessons", labsFixture}, []string{"  TRIES  LABS  TIME\n", "   1  Thresholds         complete  -      -     0      1/1   10m\n", "2 of 2 labs passed."}},
	} {
		path := busyLearner(t, tc.course)
		out, errOut, code := runCLI(t, append(tc.args, "--progress", path, "progress")...)
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", tc.course.ID, code, errOut)
		}
		for n, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("%s: line %d is %d columns wide:\n%s", tc.course.ID, n+1, w, line)
			}
		}
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the table lacks %q:\n%s", tc.course.ID, want, out)
			}
		}
		t.Logf("%s at 80 columns:\n%s", tc.course.ID, out)
	}
}

// longTitleCourse copies the fixture course into a temporary folder with the last lesson's title
// longer than the table's lesson column at 80 columns.
func longTitleCourse(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(fixtureCourse, "*"))
	must(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		must(t, err)
		text := strings.Replace(string(data), "title: Wrapping up\n",
			"title: A closing lesson whose title is far too long for the lesson column of the table\n", 1)
		must(t, os.WriteFile(filepath.Join(dir, filepath.Base(f)), []byte(text), 0o644))
	}
	return dir
}

// TestProgressTableUsesAWideTerminal: on a terminal wider than 80 columns the lesson column
// takes the room it needs, up to 100 columns, and no title is cut.
func TestProgressTableUsesAWideTerminal(t *testing.T) {
	c, _, err := lessons.Builtin()
	must(t, err)
	store, err := progress.Open(busyLearner(t, c))
	must(t, err)
	var out bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &out)
	must(t, a.writeProgressTable(courseinfo.Of(c), store.Course(c.ID), time.Now(), 100))
	for _, l := range c.Lessons {
		if !strings.Contains(out.String(), "  "+l.Title+"  ") {
			t.Errorf("the title %q is not in full:\n%s", l.Title, out.String())
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if ansi.StringWidth(line) > 100 {
			t.Errorf("a line wider than 100 columns: %q", line)
		}
	}
	if strings.Contains(out.String(), "…") {
		t.Errorf("a title cut at 100 columns:\n%s", out.String())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
