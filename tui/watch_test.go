package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/internal/watch"
	"github.com/aieng/aieng/lessons"
)

// TestWatchReloadsTheLesson edits a lesson file under a running model, through the real folder
// watcher: a good edit appears in the open lesson at the same place; a broken edit shows its
// problems and the last good version stays on screen.
func TestWatchReloadsTheLesson(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"course.yaml", "01-welcome.md", "02-models.md", "03-shipping.md"} {
		copyFile(t, filepath.Join("testdata/course", name), filepath.Join(dir, name))
	}
	c, _, err := lessons.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, err := watch.Start(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	// Wide enough for the temporary folder's long path in the problems.
	d := newDriver(t, c, openStore(t, ""), 120, 24)
	d.keys("enter", "j", "j", "j")
	before := d.body()
	lessonFile := filepath.Join(dir, "01-welcome.md")
	original, err := os.ReadFile(lessonFile)
	if err != nil {
		t.Fatal(err)
	}

	edited := strings.Replace(string(original), "## A longer section", "## A longer section, edited", 1)
	writeFile(t, lessonFile, edited)
	d.send(nextUpdate(t, w))
	d.requireView("Reloaded the course", "Lesson 1 of 3")
	// The same place in the new version: the lines above the edit are where they were.
	if got := d.body(); got[0] != before[0] || got[1] != before[1] {
		t.Errorf("reading position moved: the view starts with %q, was %q", got[:2], before[:2])
	}
	d.keys("/", "edited", "enter")
	d.requireView("A longer section, edited")

	broken := strings.Replace(edited, "title: Welcome to the course", "titel: Welcome to the course", 1)
	writeFile(t, lessonFile, broken)
	d.send(nextUpdate(t, w))
	d.requireView("The last edit has problems", "01-welcome.md:3:1: unknown field \"titel\" (did you mean \"title\"?)", "A longer section, edited")
	requireFits(t, d.view(), 120, 24)

	writeFile(t, lessonFile, edited)
	d.send(nextUpdate(t, w))
	d.rejectView("The last edit has problems")
	d.requireView("A longer section, edited")
}

func nextUpdate(t *testing.T, w *watch.Watcher) courseUpdateMsg {
	t.Helper()
	select {
	case r := <-w.C:
		u := courseUpdateMsg{Course: r.Course, Err: r.Err}
		for _, p := range r.Problems.Errors() {
			u.Problems = append(u.Problems, p.String())
		}
		return u
	case <-time.After(10 * time.Second):
		t.Fatal("the watcher reported no change within 10 s")
		return courseUpdateMsg{}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
