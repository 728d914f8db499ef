package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/progress"
)

// sequentialCourse is a copy of the fixture course with sequential: true.
func sequentialCourse(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(fixtureCourse)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(fixtureCourse, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "course.yaml" {
			data = []byte(strings.Replace(string(data), "pass_mark: 70\n", "pass_mark: 70\nsequential: true\n", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestShowRefusesALockedLesson is instructor finding B10: `show` keeps to a sequential course's
// order, as the interface does, with one clear line and exit 1.
func TestShowRefusesALockedLesson(t *testing.T) {
	course, path := sequentialCourse(t), filepath.Join(t.TempDir(), "progress.json")
	show := func(id string) (string, string, int) {
		return runWithInput(t, "", "--lessons", course, "--progress", path, "show", id, "--width", "60")
	}
	if out, errOut, code := show("intro"); code != 0 || !strings.Contains(out, "Reading only") {
		t.Fatalf("the first lesson: exit %d, %s", code, errOut)
	}
	_, errOut, code := show("practice")
	if code != 1 || errOut != "aieng: lesson practice is locked: Command Test Course opens its lessons in order; "+
		"pass the quiz of “The basics” (basics) first\n" {
		t.Fatalf("a locked lesson: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code := show("basics"); code != 1 || !strings.Contains(errOut, "read “Reading only” (intro) to its end first") {
		t.Fatalf("a lesson behind a reading lesson: exit %d, stderr %q", code, errOut)
	}
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, err := range []error{
		s.MarkRead("cmd-test-course", "intro", now),
		s.RecordAttempt("cmd-test-course", "basics", progress.Attempt{Correct: 2, Total: 2, Percent: 100, Passed: true}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if out, errOut, code := show("practice"); code != 0 || !strings.Contains(out, "In practice") {
		t.Fatalf("once unlocked: exit %d, %s", code, errOut)
	}
}
