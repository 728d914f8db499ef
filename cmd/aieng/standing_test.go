package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
	"github.com/aieng/aieng/tui"
)

// lessonState is something a learner may have done in a lesson.
type lessonState struct {
	name string
	do   func(s *progress.Store, lesson string, at time.Time) error
}

func attemptAt(percent float64, passed bool) func(*progress.Store, string, time.Time) error {
	return func(s *progress.Store, lesson string, at time.Time) error {
		return s.RecordAttempt(fixtureID, lesson, progress.Attempt{Time: at, Correct: 1, Total: 2, Percent: percent, Passed: passed})
	}
}

func both(a, b func(*progress.Store, string, time.Time) error) func(*progress.Store, string, time.Time) error {
	return func(s *progress.Store, lesson string, at time.Time) error {
		if err := a(s, lesson, at); err != nil {
			return err
		}
		return b(s, lesson, at.Add(time.Second))
	}
}

var (
	untouched = lessonState{"untouched", nil}
	opened    = lessonState{"opened", func(s *progress.Store, l string, at time.Time) error { return s.OpenLesson(fixtureID, l, at) }}
	scrolled  = lessonState{"scrolled", func(s *progress.Store, l string, at time.Time) error {
		return s.SetPosition(fixtureID, l, 0.4, at)
	}}
	read       = lessonState{"read", func(s *progress.Store, l string, at time.Time) error { return s.MarkRead(fixtureID, l, at) }}
	failed     = lessonState{"failed 12.5%", attemptAt(12.5, false)}
	readFailed = lessonState{"read, failed 66.7%", both(read.do, attemptAt(200.0/3, false))}
	passed     = lessonState{"passed 85.7%", attemptAt(600.0/7, true)}
	readPassed = lessonState{"read, passed 100%", both(read.do, attemptAt(100, true))}
)

// standingRow is how one lesson must show everywhere: the word `aieng progress` prints, the
// outline's symbol and status text, the best score shown (or "-"), and whether the lesson
// counts as complete (the course-complete screen's ✓).
type standingRow struct {
	word, symbol, outline, best string
	complete                    bool
}

// TestSurfacesAgreeOnStanding is the check of issue 9: for a table of progress states, the
// outline, `aieng progress` and the course-complete screen give every lesson the same standing,
// the same best score (one rounding rule) and the same count of complete lessons. The fixture
// course's first lesson has no quiz: reading it completes it.
func TestSurfacesAgreeOnStanding(t *testing.T) {
	course, probs, err := lessons.LoadDir(fixtureCourse)
	if err != nil || probs.HasErrors() {
		t.Fatalf("fixture course: %v %v", err, probs)
	}
	want := map[string]map[bool]standingRow{ // by state, then by whether the lesson has a quiz
		"untouched":          {true: {"not started", "○", "", "-", false}, false: {"not started", "○", "", "-", false}},
		"opened":             {true: {"in progress", "◐", "in progress", "-", false}, false: {"in progress", "◐", "in progress", "-", false}},
		"scrolled":           {true: {"in progress", "◐", "in progress", "-", false}, false: {"in progress", "◐", "in progress", "-", false}},
		"read":               {true: {"read", "●", "read", "-", false}, false: {"complete", "✓", "complete", "-", true}},
		"failed 12.5%":       {true: {"in progress", "◐", "best 12%", "12%", false}},
		"read, failed 66.7%": {true: {"read", "●", "read · best 66%", "66%", false}},
		"passed 85.7%":       {true: {"passed", "✓", "passed 85%", "85%", true}},
		"read, passed 100%":  {true: {"passed", "✓", "passed 100%", "100%", true}},
	}
	// Lessons: intro (no quiz), basics, practice, wrap-up.
	cases := [][4]lessonState{
		{untouched, untouched, untouched, untouched},
		{read, opened, scrolled, untouched},
		{opened, read, failed, passed},
		{scrolled, readFailed, readPassed, passed},
		{read, passed, readPassed, readFailed},
		{read, passed, readPassed, passed}, // every lesson complete
	}
	for _, states := range cases {
		var names []string
		for _, s := range states {
			names = append(names, s.name)
		}
		t.Run(strings.Join(names, "+"), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "progress.json")
			store, err := progress.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			var rows []standingRow
			complete := 0
			for i, s := range states {
				if s.do != nil {
					if err := s.do(store, course.Lessons[i].ID, at.Add(time.Duration(i)*time.Minute)); err != nil {
						t.Fatal(err)
					}
				}
				row, ok := want[s.name][len(course.Lessons[i].Quiz) > 0]
				if !ok {
					t.Fatalf("no expectation for %q", s.name)
				}
				rows = append(rows, row)
				if row.complete {
					complete++
				}
			}
			checkProgressCommand(t, path, course, rows, complete)
			checkInterface(t, store, course, rows, complete)
		})
	}
}

func checkProgressCommand(t *testing.T, path string, course *lessons.Course, rows []standingRow, complete int) {
	t.Helper()
	out, errOut, code := runWithInput(t, "", "--progress", path, "progress")
	if code != 0 {
		t.Fatalf("aieng progress: exit %d: %s", code, errOut)
	}
	for i, l := range course.Lessons {
		re := regexp.MustCompile(fmt.Sprintf(`(?m)^\s+%d\s+%s\s+(\S+(?: \S+)?)\s+\S+\s+(\S+)\s`, i+1, regexp.QuoteMeta(l.Title)))
		m := re.FindStringSubmatch(out)
		if m == nil || m[1] != rows[i].word || m[2] != rows[i].best {
			t.Errorf("aieng progress shows %s as %q, want status %q and best %q:\n%s", l.ID, m, rows[i].word, rows[i].best, out)
		}
	}
	if want := fmt.Sprintf("%d of %d lessons complete", complete, len(course.Lessons)); !strings.Contains(out, want) {
		t.Errorf("aieng progress lacks %q:\n%s", want, out)
	}
}

func checkInterface(t *testing.T, store *progress.Store, course *lessons.Course, rows []standingRow, complete int) {
	t.Helper()
	// The colour interface in the ASCII profile: the layout without escape codes.
	look := termstyle.Look{Style: render.NoTTY, Profile: termenv.Ascii, Dark: true}
	m := tui.New(course, store, tui.Options{Look: look, Seed: 1})
	defer m.Close()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if strings.Contains(m.View(), "Press enter to see the lessons") { // a first start: the welcome first
		m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	}
	outline := m.View()
	for i, l := range course.Lessons {
		line := lineWith(outline, fmt.Sprintf("%d. %s", i+1, l.Title))
		symbol := strings.Fields(strings.TrimLeft(line, " ›"))[0]
		if symbol != rows[i].symbol || !strings.Contains(line, rows[i].outline) {
			t.Errorf("the outline shows %s as %q, want %s and %q", l.ID, line, rows[i].symbol, rows[i].outline)
		}
	}
	words := "complete" // the fixture has a lesson without a quiz
	if want := fmt.Sprintf("%d of %d %s", complete, len(course.Lessons), words); !strings.Contains(outline, want) {
		t.Errorf("the outline lacks %q:\n%s", want, outline)
	}
	done := complete == len(course.Lessons)
	if has := strings.Contains(outline, "Course complete"); has != done {
		t.Fatalf("the outline offers the course summary: %v, want %v:\n%s", has, done, outline)
	}
	if !done {
		return
	}
	m.Update(tea.KeyMsg{Type: tea.KeyEnter}) // the first row: the course summary
	summary := m.View()
	for i, l := range course.Lessons {
		line := lineWith(summary, fmt.Sprintf("%d. %s", i+1, l.Title))
		mark, score := strings.Fields(line)[0], strings.Fields(line)[len(strings.Fields(line))-1]
		if mark != "✓" || score != rows[i].best {
			t.Errorf("the course summary shows %s as %q, want ✓ and %q", l.ID, line, rows[i].best)
		}
	}
	if want := fmt.Sprintf("%d/%d complete", complete, len(course.Lessons)); !strings.Contains(summary, want) {
		t.Errorf("the course summary lacks %q:\n%s", want, summary)
	}
}

func lineWith(view, text string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
