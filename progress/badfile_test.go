package progress

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goodFile returns the bytes of a valid progress file with one read lesson in course c.
func goodFile(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.MarkRead("c", "old", at(0)))
	must(t, s.RecordAttempt("c", "old", attempt("a1", at(1), 3, 4, true)))
	data, err := os.ReadFile(path)
	must(t, err)
	return data
}

// A damaged file is reported at Open and left where it is, so that a command that only reads
// (aieng progress) moves nothing; the first save moves it aside and starts afresh.
func TestDamagedFileIsMovedAsideByTheFirstSave(t *testing.T) {
	good := goodFile(t)
	cases := map[string]struct {
		data      []byte
		inWarning string
	}{
		"corrupt":   {[]byte("{\"schema\": 1, \"courses\": {\"c\": nonsense}}"), "invalid character"},
		"truncated": {good[:len(good)/2], "cut short"},
		"empty":     {nil, "empty file"},
		"binary":    {[]byte{0x00, 0xff, 0xfe, 0x7b}, "invalid character"},
		"no schema": {[]byte(`{"courses": {}}`), "no schema version"},
		"schema -1": {[]byte(`{"schema": -1, "courses": {}}`), "bad schema version"},
		"null":      {[]byte(`null`), "no schema version"},
		"json list": {[]byte(`[1, 2]`), "json: cannot unmarshal array"},
		"string":    {[]byte(`{"schema": "1", "courses": {}}`), "json: cannot unmarshal string"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "progress.json")
			must(t, os.WriteFile(path, c.data, 0o600))

			s := openStore(t, path)
			warnings := s.Warnings()
			want := "progress file " + path + " is damaged (" + c.inWarning
			if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) || !strings.Contains(warnings[0], "left as it is") ||
				strings.Contains(warnings[0], "\n") {
				t.Fatalf("warnings = %q, want one line starting %q and saying it is left as it is", warnings, want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("Open created or moved files: %v", entries)
			}
			unchanged(t, path, string(c.data))
			if got := s.Course("c"); len(got.Lessons) != 0 || s.ReadOnly() {
				t.Errorf("store should start empty and writable: %+v, read-only %v", got, s.ReadOnly())
			}

			must(t, s.MarkRead("c", "new", at(5)))
			checkMovedAside(t, s, path, c.data, c.inWarning)
		})
	}
}

// checkMovedAside checks what the first save after Open did with a damaged file: moved it to
// one <path>.corrupt-<time> holding the original bytes, said so, and saved afresh.
func checkMovedAside(t *testing.T, s *Store, path string, data []byte, inWarning string) {
	t.Helper()
	asides, _ := filepath.Glob(path + ".corrupt-*")
	if len(asides) != 1 {
		t.Fatalf("files moved aside by the save: %q, want one %s.corrupt-<time>", asides, path)
	}
	aside := asides[0]
	if w := s.Warnings(); len(w) != 2 || !strings.Contains(w[1], aside) || !strings.Contains(w[1], inWarning) {
		t.Errorf("warnings after the save = %q, want a second one naming %s", w, aside)
	}
	if !fileStampPattern(strings.TrimPrefix(aside, path+".corrupt-")) {
		t.Errorf("moved-aside name %s does not end in a time like 20261127T101500Z", aside)
	}
	if kept, err := os.ReadFile(aside); err != nil || !bytes.Equal(kept, data) {
		t.Errorf("moved-aside file does not hold the original bytes (err %v)", err)
	}
	if got := openClean(t, path).Course("c"); !got.Lessons["new"].Read {
		t.Errorf("saving after the move did not work: %+v", got)
	}
}

func fileStampPattern(s string) bool {
	return len(s) == len("20261127T101500Z") && s[8] == 'T' && s[15] == 'Z'
}

func TestFileDamagedDuringASessionIsMovedAsideAtTheNextSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.MarkRead("c", "one", at(0)))
	must(t, os.WriteFile(path, []byte(`{"schema": 1, "cour`), 0o600))

	must(t, s.MarkRead("c", "two", at(1)))
	if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], ".corrupt-") {
		t.Errorf("warnings = %q, want one about the file moved aside", w)
	}
	got := openClean(t, path).Course("c")
	if !got.Lessons["one"].Read || !got.Lessons["two"].Read {
		t.Errorf("the session's progress was not written back in full: %+v", got)
	}
}

func TestNewerSchemaIsNeverOverwritten(t *testing.T) {
	cases := map[string]struct {
		data     string
		readable bool // the fields this version knows are still where it expects them
	}{
		"compatible shape": {`{"schema": 3, "courses": {"c": {"lessons": {"old": {"read": true, "read_at": "2025-01-01T00:00:00Z"}}}}, "new_field": [1]}`, true},
		"changed shape":    {`{"schema": 7, "courses": ["something else"]}`, false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "progress.json")
			must(t, os.WriteFile(path, []byte(c.data), 0o600))

			s := openStore(t, path)
			if !s.ReadOnly() {
				t.Fatal("store of a newer file is not read-only")
			}
			w := s.Warnings()
			if len(w) != 1 || !strings.Contains(w[0], "newer aieng") || !strings.Contains(w[0], "upgrade") {
				t.Errorf("warnings = %q, want one telling the learner to upgrade", w)
			}
			if got := s.Course("c").Lessons["old"].Read; got != c.readable {
				t.Errorf("progress shown read-only: read = %v, want %v", got, c.readable)
			}

			err := s.MarkRead("c", "new", at(1))
			if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "upgrade") {
				t.Errorf("change in a read-only session: err = %v, want ErrReadOnly saying to upgrade", err)
			}
			if !s.Course("c").Lessons["new"].Read {
				t.Error("the change was not kept in memory")
			}
			if _, err := s.Reset("c", ""); !errors.Is(err, ErrReadOnly) {
				t.Errorf("Reset in a read-only session: err = %v, want ErrReadOnly", err)
			}
			if got, _ := os.ReadFile(path); string(got) != c.data {
				t.Errorf("the newer file was changed:\n%s", got)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files were created beside the newer file: %v", entries)
			}
			if w := s.Warnings(); len(w) != 1 {
				t.Errorf("failed saves added warnings to the upgrade one: %q", w)
			}
		})
	}
}

func TestNewerSchemaWrittenDuringASessionStopsSaving(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.MarkRead("c", "one", at(0)))
	newer := `{"schema": 3, "courses": {}}`
	must(t, os.WriteFile(path, []byte(newer), 0o600))

	if err := s.MarkRead("c", "two", at(1)); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("save over a newer file: err = %v, want ErrReadOnly", err)
	}
	if !s.ReadOnly() || len(s.Warnings()) != 1 {
		t.Errorf("read-only %v, warnings %q; want read-only with one warning", s.ReadOnly(), s.Warnings())
	}
	if got, _ := os.ReadFile(path); string(got) != newer {
		t.Errorf("the newer file was overwritten: %s", got)
	}
}

// Each unwritable location must give a clear error from the change and a warning, keep the
// change in memory, destroy nothing, and work again once the problem is gone.
func TestUnwritableLocationKeepsWorkingInMemory(t *testing.T) {
	type setup struct {
		path     string
		fix      func() // removes the problem
		intact   func() // checks that nothing was destroyed
		inOpen   string // in the warning at Open ("" for none)
		inSave   string // in the error of a change
		rootSkip bool   // root ignores permissions, so this case cannot fail as root
	}
	cases := map[string]func(t *testing.T) setup{
		// A regular file where a directory should be: fails for root too.
		"parent is a file": func(t *testing.T) setup {
			dir := t.TempDir()
			blocker := filepath.Join(dir, "state")
			must(t, os.WriteFile(blocker, []byte("not a directory"), 0o600))
			return setup{
				path:   filepath.Join(blocker, "aieng", "progress.json"),
				fix:    func() { must(t, os.Remove(blocker)) },
				intact: func() { unchanged(t, blocker, "not a directory") },
				inOpen: "not a directory",
				inSave: "not a directory",
			}
		},
		"directory in place of the file": func(t *testing.T) setup {
			dir := t.TempDir()
			path := filepath.Join(dir, "progress.json")
			inside := filepath.Join(path, "keep.txt")
			must(t, os.Mkdir(path, 0o700))
			must(t, os.WriteFile(inside, []byte("precious"), 0o600))
			return setup{
				path:   path,
				fix:    func() { must(t, os.RemoveAll(path)) },
				intact: func() { unchanged(t, inside, "precious") },
				inOpen: "is a directory",
				inSave: "is a directory",
			}
		},
		"read-only directory": func(t *testing.T) setup {
			dir := filepath.Join(t.TempDir(), "ro")
			must(t, os.Mkdir(dir, 0o500))
			t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
			return setup{
				path:     filepath.Join(dir, "progress.json"),
				fix:      func() { must(t, os.Chmod(dir, 0o700)) },
				intact:   func() {},
				inSave:   "permission denied",
				rootSkip: true,
			}
		},
		"unreadable file": func(t *testing.T) setup {
			path := filepath.Join(t.TempDir(), "progress.json")
			must(t, os.WriteFile(path, goodFile(t), 0o000))
			return setup{
				path:     path,
				fix:      func() { must(t, os.Chmod(path, 0o600)) },
				intact:   func() { must(t, os.Chmod(path, 0o600)); openClean(t, path); must(t, os.Chmod(path, 0o000)) },
				inOpen:   "permission denied",
				inSave:   "permission denied",
				rootSkip: true,
			}
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			c := mk(t)
			if c.rootSkip && os.Geteuid() == 0 {
				t.Skip("running as root, which ignores file permissions; the \"parent is a file\" case covers an unwritable location for root")
			}
			s := openStore(t, c.path)
			w := s.Warnings()
			switch {
			case c.inOpen == "" && len(w) != 0:
				t.Errorf("Open warned %q, want no warning", w)
			case c.inOpen != "" && (len(w) != 1 || !strings.Contains(w[0], c.inOpen)):
				t.Errorf("Open warned %q, want one warning saying %q", w, c.inOpen)
			}

			err := s.MarkRead("c", "l", at(0))
			if err == nil || !strings.Contains(err.Error(), c.inSave) || !strings.HasPrefix(err.Error(), "cannot save progress") ||
				strings.Contains(err.Error(), "\n") {
				t.Fatalf("change err = %v, want one line starting \"cannot save progress\" and saying %q", err, c.inSave)
			}
			if !s.Course("c").Lessons["l"].Read {
				t.Error("the change was not kept in memory")
			}
			if w := s.Warnings(); len(w) == 0 || !strings.Contains(w[len(w)-1], c.inSave) {
				t.Errorf("warnings after the failed save = %q, want the save's error", w)
			}
			c.intact()

			c.fix()
			must(t, s.OpenLesson("c", "m", at(1)))
			if w := s.Warnings(); len(w) > 0 && strings.Contains(w[len(w)-1], "cannot save") {
				t.Errorf("the save failure is still reported after a save succeeded: %q", w)
			}
			got := openStore(t, c.path).Course("c")
			if !got.Lessons["l"].Read || got.Lessons["m"].Status() != InProgress {
				t.Errorf("the change made while saving failed was not saved later: %+v", got)
			}
		})
	}
}

func unchanged(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s was changed: %q, %v; want %q", path, got, err, want)
	}
}

func TestDamagedFileThatCannotBeMovedAsideIsLeftAlone(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can rename in a read-only directory; nothing else makes a rename fail for root")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	must(t, os.Mkdir(dir, 0o700))
	path := filepath.Join(dir, "progress.json")
	damaged := `{"schema": 1, "cour`
	must(t, os.WriteFile(path, []byte(damaged), 0o600))
	must(t, os.Chmod(dir, 0o500))
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })

	s := openStore(t, path)
	if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], "is damaged") {
		t.Errorf("warnings = %q, want one saying the file is damaged", w)
	}
	if err := s.MarkRead("c", "l", at(0)); err == nil || !strings.Contains(err.Error(), "cannot be moved aside") {
		t.Errorf("a save over a damaged file that could not be moved aside: err = %v", err)
	}
	unchanged(t, path, damaged)
}
