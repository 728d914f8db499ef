package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A path the learner gives can name a file that is not progress at all: a mistyped
// --progress ~/.bashrc, or /etc/passwd reached through a link root made itself. The first
// save used to move it aside and write JSON in its place; now it is never touched.
var notProgress = map[string]string{
	"shell profile":     "export PATH=$HOME/bin:$PATH\nalias ll='ls -l'\n",
	"passwd":            "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
	"comment after BOM": "\xef\xbb\xbf# settings\n{\"a\": 1}\n",
	"JSON list":         "  \n[1, 2]\n",
	"binary":            "\x00\xff\xfe{",
}

func TestGivenPathNeverReplacesAFileThatIsNotProgress(t *testing.T) {
	for name, data := range notProgress {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, ".bashrc")
			must(t, os.WriteFile(path, []byte(data), 0o644))
			s, err := OpenGiven(path)
			must(t, err)
			checkNotSaving(t, s, path)
			if err := s.MarkRead("c", "l1", at(1)); !errors.Is(err, ErrReadOnly) {
				t.Errorf("a save: %v, want ErrReadOnly", err)
			}
			if _, err := s.Reset("c", ""); !errors.Is(err, ErrReadOnly) {
				t.Errorf("a reset: %v, want ErrReadOnly", err)
			}
			if got := s.Course("c"); !got.Lessons["l1"].Read {
				t.Errorf("the change is not kept in memory: %+v", got)
			}
			unchanged(t, path, data)
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files were created or moved beside it: %v", entries)
			}
		})
	}
}

// checkNotSaving checks that the store warns once, naming path, that this session does not save.
func checkNotSaving(t *testing.T, s *Store, path string) {
	t.Helper()
	w := s.Warnings()
	if len(w) != 1 || !strings.HasPrefix(w[0], path+" is not a progress file") ||
		!strings.Contains(w[0], "this session will not save progress") || !s.ReadOnly() {
		t.Errorf("warnings %q, read-only %v; want one naming %s and saying this session will not save progress", w, s.ReadOnly(), path)
	}
}

// TestGivenLinkToAFileThatIsNotProgress: the file a link leads to is kept, and the link stays
// a link (root's own link to /etc/passwd, in a temporary folder).
func TestGivenLinkToAFileThatIsNotProgress(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "passwd")
	link := filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(target, []byte(notProgress["passwd"]), 0o644))
	must(t, os.Symlink(target, link))
	s, err := OpenGiven(link)
	must(t, err)
	checkNotSaving(t, s, target)
	if err := s.OpenLesson("c", "l1", at(1)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a save: %v, want ErrReadOnly", err)
	}
	unchanged(t, target, notProgress["passwd"])
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files were created or moved beside it: %v", entries)
	}
}

// TestGivenPathCheckedAgainAtTheSave: a file that is not progress put at the path after Open
// (when there was none) is not replaced either: the save checks what it finds.
func TestGivenPathCheckedAgainAtTheSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s, err := OpenGiven(path)
	must(t, err)
	must(t, s.MarkRead("c", "l1", at(1)))
	must(t, os.WriteFile(path, []byte(notProgress["shell profile"]), 0o600))
	if err := s.MarkRead("c", "l2", at(2)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("the save: %v, want ErrReadOnly", err)
	}
	checkNotSaving(t, s, path)
	unchanged(t, path, notProgress["shell profile"])
}

// TestGivenPathDamagedProgressIsMovedAside: a file that starts with "{" is a damaged progress
// file, at a given path too: kept aside by the first save, as at the default path. So is an
// empty one.
func TestGivenPathDamagedProgressIsMovedAside(t *testing.T) {
	for _, c := range []struct{ data, inWarning string }{
		{"\xef\xbb\xbf  {\"schema\": 1, \"cour", "cut short"},
		{"", "empty file"},
	} {
		path := filepath.Join(t.TempDir(), "progress.json")
		must(t, os.WriteFile(path, []byte(c.data), 0o600))
		s, err := OpenGiven(path)
		must(t, err)
		if s.ReadOnly() {
			t.Fatalf("%q: a damaged progress file made the session read-only: %q", c.data, s.Warnings())
		}
		must(t, s.MarkRead("c", "new", at(5)))
		checkMovedAside(t, s, path, []byte(c.data), c.inWarning)
	}
}

// TestDefaultPathMovesAnyDamageAside: aieng's own default path holds only what aieng wrote, so
// whatever is there that does not read as progress is moved aside (kept) by the first save, as
// before: the rule for given paths is not applied there (docs/progress.md).
func TestDefaultPathMovesAnyDamageAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	data := notProgress["shell profile"]
	must(t, os.WriteFile(path, []byte(data), 0o600))
	s := openStore(t, path)
	must(t, s.MarkRead("c", "new", at(5)))
	checkMovedAside(t, s, path, []byte(data), "invalid character")
}
