package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// t0 is a fixed time in the past for deterministic tests; resets use the real clock, so test
// data recorded "before a reset" must be older than now.
var t0 = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

func openStore(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

func openClean(t testing.TB, path string) *Store {
	t.Helper()
	s := openStore(t, path)
	if w := s.Warnings(); len(w) > 0 {
		t.Fatalf("Open(%s) warned: %q", path, w)
	}
	return s
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func attempt(id string, tm time.Time, correct, total int, passed bool) Attempt {
	return Attempt{ID: id, Kind: FullAttempt, Time: tm, Correct: correct, Total: total, Passed: passed,
		Percent: 100 * float64(correct) / float64(total),
		Answers: []Answer{{QuestionID: "q1", Hash: "h1", Given: []string{"a"}, Correct: correct > 0}}}
}

func TestDefaultPath(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv(EnvPath, "")
	xdg.Reload()
	t.Cleanup(xdg.Reload) // xdg reads the environment once; give later tests the real one back

	got, err := DefaultPath()
	must(t, err)
	if want := filepath.Join(state, "aieng", "progress.json"); got != want {
		t.Errorf("DefaultPath() = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(state, "aieng")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("DefaultPath created the directory (stat: %v); it should wait for the first save", err)
	}

	override := filepath.Join(t.TempDir(), "mine.json")
	t.Setenv(EnvPath, override)
	got, err = DefaultPath()
	must(t, err)
	if got != override {
		t.Errorf("with $%s set, DefaultPath() = %q, want %q", EnvPath, got, override)
	}
}

func TestNewLearnerCreatesPrivateDirAndFileOnFirstSave(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "aieng")
	path := filepath.Join(dir, "progress.json")
	s := openClean(t, path)
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Open created %s before any save (stat: %v)", dir, err)
	}
	if got := s.Course("c"); got.LastLesson != "" || len(got.Lessons) != 0 {
		t.Fatalf("new learner has progress: %+v", got)
	}
	must(t, s.OpenLesson("c", "intro", at(0)))

	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		info, err := os.Stat(p)
		must(t, err)
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %v, want %v", p, got, want)
		}
	}
	data, err := os.ReadFile(path)
	must(t, err)
	var probe struct{ Schema int }
	must(t, json.Unmarshal(data, &probe))
	if probe.Schema != schemaVersion {
		t.Errorf("file schema = %d, want %d", probe.Schema, schemaVersion)
	}
}

func TestChangesAreSavedAndReloaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.OpenLesson("c", "intro", at(0)))
	must(t, s.SetPosition("c", "intro", 0.4, at(1)))
	must(t, s.MarkRead("c", "intro", at(2)))
	must(t, s.OpenLesson("c", "intro", at(3)))
	must(t, s.RecordAttempt("c", "intro", attempt("a1", at(4), 1, 2, false)))
	must(t, s.RecordAttempt("c", "intro", attempt("a2", at(5), 2, 2, true)))
	must(t, s.RecordAttempt("c", "intro", attempt("a3", at(6), 1, 2, false)))
	must(t, s.OpenLesson("c", "next", at(7)))
	must(t, s.SetPosition("c", "intro", 1.7, at(8))) // clamped
	must(t, s.MarkRead("c", "intro", at(9)))         // the first time counts

	want := s.Course("c")
	reloaded := openClean(t, path).Course("c")
	if !reflect.DeepEqual(reloaded, want) {
		t.Fatalf("reloaded progress differs:\n got %+v\nwant %+v", reloaded, want)
	}
	intro := want.Lessons["intro"]
	checks := []struct {
		name      string
		got, want any
	}{
		{"last lesson", want.LastLesson, "next"},
		{"first opened", intro.FirstOpened, at(0)},
		{"last opened", intro.LastOpened, at(3)},
		{"position", intro.Position, 1.0},
		{"read", intro.Read, true},
		{"read at", intro.ReadAt, at(2)},
		{"attempts", len(intro.Attempts), 3},
		{"best", intro.Best, 100.0},
		{"passed", intro.Passed, true},
		{"passed at", intro.PassedAt, at(5)},
		{"first attempt percent", intro.Attempts[0].Percent, 50.0},
		{"status", intro.Status(), Passed},
		{"status of next", want.Lessons["next"].Status(), InProgress},
		{"status of unknown", want.Lessons["nope"].Status(), NotStarted},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestCourseReturnsADeepCopy(t *testing.T) {
	s := openClean(t, filepath.Join(t.TempDir(), "progress.json"))
	must(t, s.RecordAttempt("c", "l", attempt("a1", at(0), 1, 1, true)))
	snap := s.Course("c")
	snap.Lessons["l"].Attempts[0].Answers[0].Given[0] = "tampered"
	snap.Lessons["x"] = LessonProgress{Read: true}
	again := s.Course("c")
	if got := again.Lessons["l"].Attempts[0].Answers[0].Given[0]; got != "a" {
		t.Errorf("changing a snapshot changed the store: given = %q", got)
	}
	if _, ok := again.Lessons["x"]; ok {
		t.Error("adding to a snapshot's map changed the store")
	}
}

func TestRecordAttemptFillsInAndIgnoresDuplicates(t *testing.T) {
	s := openClean(t, filepath.Join(t.TempDir(), "progress.json"))
	must(t, s.RecordAttempt("c", "l", Attempt{Correct: 2, Total: 3, Percent: 60}))
	must(t, s.RecordAttempt("c", "l", attempt("same", at(1), 1, 1, true)))
	must(t, s.RecordAttempt("c", "l", attempt("same", at(1), 1, 1, true)))
	l := s.Course("c").Lessons["l"]
	if len(l.Attempts) != 2 {
		t.Fatalf("got %d attempts, want 2 (a duplicate ID is recorded once)", len(l.Attempts))
	}
	var filled Attempt
	for _, a := range l.Attempts {
		if a.ID != "same" {
			filled = a
		}
	}
	if filled.ID == "" || filled.Time.IsZero() {
		t.Errorf("empty ID and time were not filled in: %+v", filled)
	}
	if filled.Percent != 60 {
		t.Errorf("percent = %v, want 60 as given: the store does not score attempts", filled.Percent)
	}
}

func TestInvalidInputIsRefusedWithoutChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	bad := map[string]error{
		"empty course id":  s.OpenLesson("", "l", at(0)),
		"empty lesson id":  s.MarkRead("c", "", at(0)),
		"zero time":        s.OpenLesson("c", "l", time.Time{}),
		"year 10000":       s.OpenLesson("c", "l", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)),
		"NaN position":     s.SetPosition("c", "l", math.NaN(), at(0)),
		"NaN percent":      s.RecordAttempt("c", "l", Attempt{ID: "x", Time: at(0), Percent: math.NaN()}),
		"reset, no course": errOnly(s.Reset("", "")),
	}
	for name, err := range bad {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if got := s.Course("c"); len(got.Lessons) != 0 {
		t.Errorf("refused changes left progress: %+v", got)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("refused changes wrote the file (stat: %v)", err)
	}
}

func errOnly(_ string, err error) error { return err }

func TestLessonsTheCourseNoLongerHasAreKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.MarkRead("c", "removed-lesson", at(0)))
	must(t, s.MarkRead("c", "kept", at(1)))
	must(t, s.MarkRead("other-course", "removed-lesson", at(2)))
	// Another session, for a course that has only "kept", changes it and saves.
	must(t, openClean(t, path).OpenLesson("c", "kept", at(3)))
	got := openClean(t, path)
	if !got.Course("c").Lessons["removed-lesson"].Read || !got.Course("other-course").Lessons["removed-lesson"].Read {
		t.Errorf("progress of a lesson or course not touched by the session was lost: %+v", got.Course("c"))
	}
}

func TestSymlinkedFileStaysALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "progress.json")
	must(t, openClean(t, target).MarkRead("c", "l", at(0)))
	must(t, os.Symlink(target, link))

	s := openClean(t, link)
	must(t, s.MarkRead("c", "m", at(1)))
	info, err := os.Lstat(link)
	must(t, err)
	if info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("saving through %s replaced the link with a file", link)
	}
	if !openClean(t, target).Course("c").Lessons["m"].Read {
		t.Error("the save did not reach the link's target")
	}
}

func TestStaleTempFilesAreCleanedUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	stale := filepath.Join(dir, ".progress.json.tmp-12345")
	unrelated := filepath.Join(dir, ".other.tmp-1")
	for _, p := range []string{stale, unrelated} {
		must(t, os.WriteFile(p, []byte("half a save"), 0o600))
	}
	must(t, openClean(t, path).MarkRead("c", "l", at(0)))
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a temporary file left by a killed save is still there (stat: %v)", err)
	}
	if _, err := os.Stat(unrelated); err != nil {
		t.Errorf("a file that is not ours was removed: %v", err)
	}
}

func TestResetKeepsABackupAndCannotBeUndoneByAnotherSession(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	past := time.Now().Add(-time.Hour)
	a := openClean(t, path)
	must(t, a.OpenLesson("c", "one", past))
	must(t, a.RecordAttempt("c", "one", attempt("old-1", past, 1, 1, true)))
	must(t, a.MarkRead("c", "two", past))
	must(t, a.MarkRead("d", "other-course", past))
	// A second session (another terminal) loads everything before the reset.
	b := openClean(t, path)

	backup, err := a.Reset("c", "one")
	must(t, err)
	if !strings.HasPrefix(backup, path+".backup-") {
		t.Errorf("backup path %q does not start with %q", backup, path+".backup-")
	}
	if got := openClean(t, backup).Course("c").Lessons["one"]; len(got.Attempts) != 1 {
		t.Errorf("backup lost the reset lesson: %+v", got)
	}
	if got := a.Course("c"); got.Lessons["one"].Status() != NotStarted || !got.Lessons["two"].Read {
		t.Errorf("after resetting lesson one: %+v", got)
	}

	// b still holds lesson one in memory; its next save must not bring it back, but what it
	// records after the reset is kept.
	must(t, b.RecordAttempt("c", "one", attempt("new-1", time.Now(), 0, 1, false)))
	one := openClean(t, path).Course("c").Lessons["one"]
	if len(one.Attempts) != 1 || one.Attempts[0].ID != "new-1" || one.Passed {
		t.Errorf("after another session saved, lesson one = %+v, want only attempt new-1, not passed", one)
	}

	// Whole course.
	backup2, err := b.Reset("c", "")
	must(t, err)
	if backup2 == backup {
		t.Error("second backup overwrote the first")
	}
	must(t, a.MarkRead("d", "other-course", past)) // a's stale copy of course c must stay reset
	after := openClean(t, path)
	if got := after.Course("c"); len(got.Lessons) != 0 || got.LastLesson != "" {
		t.Errorf("after resetting course c: %+v", got)
	}
	if !after.Course("d").Lessons["other-course"].Read {
		t.Error("resetting course c touched course d")
	}

	// Nothing left to reset: no backup, no error.
	backup3, err := after.Reset("c", "")
	if err != nil || backup3 != "" {
		t.Errorf("reset of an empty course = %q, %v; want no backup and no error", backup3, err)
	}
}

func TestConcurrentStoresInOneProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	stores := []*Store{openClean(t, path), openClean(t, path)}
	const perStore = 25
	errs := make(chan error, 2*perStore)
	for i, s := range stores {
		go func() {
			for n := range perStore {
				errs <- s.RecordAttempt("c", "l", attempt(fmt.Sprintf("s%d-%d", i, n), at(n), 1, 2, false))
			}
		}()
		// Readers at the same time, as the TUI's View would be.
		go func() {
			for range perStore {
				_ = s.Course("c")
				_ = s.Warnings()
			}
		}()
	}
	for range 2 * perStore {
		must(t, <-errs)
	}
	if got := len(openClean(t, path).Course("c").Lessons["l"].Attempts); got != 2*perStore {
		t.Errorf("file holds %d attempts, want %d", got, 2*perStore)
	}
}
