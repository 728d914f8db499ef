package classreport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aieng/aieng/lessons"
)

// The fixture course (testdata/course) and a small language for hand-ins written by hand, so
// a test says exactly what each learner did.

func loadFixture(t testing.TB) *lessons.Course {
	t.Helper()
	c, probs, err := lessons.LoadDir("testdata/course")
	if err != nil || probs.HasErrors() {
		t.Fatalf("fixture course: %v %v", err, probs)
	}
	return c
}

// hashOf is the current content hash of a question of c.
func hashOf(t testing.TB, c *lessons.Course, id string) string {
	t.Helper()
	for _, l := range c.Lessons {
		for _, q := range l.Quiz {
			if q.ID == id {
				return q.Hash
			}
		}
	}
	t.Fatalf("no question %q", id)
	return ""
}

func i64(v int64) *int64        { return &v }
func f64(v float64) *float64    { return &v }
func strs(s ...string) []string { return s }

func handIn(version string, totals HandInTotals, ls ...HandInLesson) HandIn {
	return HandIn{ReportVersion: 1, Course: HandInCourse{ID: "report-course", Version: version}, Lessons: ls, Totals: totals}
}

func attempt(kind string, answers ...HandInAnswer) HandInAttempt {
	return HandInAttempt{Kind: kind, Answers: answers}
}

// writeHandIn writes h as a file named name in dir, indented as 'aieng progress --json' does.
func writeHandIn(t testing.TB, dir, name string, h HandIn) string {
	t.Helper()
	data, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, string(data))
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
