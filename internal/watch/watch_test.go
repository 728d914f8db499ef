package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestReloadsOnSave(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		// Write then rename, as many editors save.
		tmp := filepath.Join(dir, "."+name+".swp")
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("course.yaml", "id: w\ntitle: Watched\n")
	write("01-a.md", "---\ntitle: First title\nobjectives: [o]\n---\n\nBody.\n")
	w, err := Start(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	write("01-a.md", "---\ntitle: Second title\nobjectives: [o]\n---\n\nBody.\n")
	r := next(t, w)
	if r.Err != nil || r.Course.Lessons[0].Title != "Second title" {
		t.Fatalf("after a good edit: %+v", r)
	}
	write("01-a.md", "---\ntitel: Broken\n---\n")
	r = next(t, w)
	if !r.Problems.HasErrors() || !strings.Contains(r.Problems[0].String(), "01-a.md:") {
		t.Fatalf("after a bad edit: problems %v", r.Problems)
	}
}

func next(t *testing.T, w *Watcher) Result {
	t.Helper()
	select {
	case r := <-w.C:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("no reload within 10 s")
		return Result{}
	}
}

func TestRelevant(t *testing.T) {
	for name, want := range map[string]bool{
		"a/01-x.md": true, "a/course.yaml": true, "a/.01-x.md.swp": false, "a/01-x.md~": false, "a/notes.txt": false,
	} {
		if got := relevant(name); got != want {
			t.Errorf("relevant(%q) = %v", name, got)
		}
	}
}

// TestAPanicStopsTheWatchingWithAResult: a panic in the watching goroutine (here while
// reloading, bypassing load's own guard) is its last Result, which the interface shows, and C
// closes; the program goes on.
func TestAPanicStopsTheWatchingWithAResult(t *testing.T) {
	dir := t.TempDir()
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Add(dir); err != nil {
		t.Fatal(err)
	}
	out := make(chan Result, 1)
	w := &Watcher{C: out, w: fw, done: make(chan struct{})}
	go w.loop(dir, out, func(string) Result { panic("injected fault") })
	defer w.Close()
	if err := os.WriteFile(filepath.Join(dir, "01-a.md"), []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := next(t, w)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "watching the folder stopped (injected fault)") || r.Course != nil {
		t.Fatalf("after a panic: %+v", r)
	}
	if r, ok := <-w.C; ok {
		t.Errorf("C still open after the watching stopped: %+v", r)
	}
}
