//go:build linux || darwin

package progress

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Regression tests for the progress file's odd situations (issue 16): FIFOs, devices, huge
// files, byte-order marks, odd schemas, symbolic links and files of other users.

// hangLimit is how long an operation may take before the test calls it a hang. It is not a
// speed budget: each operation here takes milliseconds, and the limit only keeps a regression
// from stalling CI.
const hangLimit = 20 * time.Second

// ends runs fn and fails the test if it has not returned within hangLimit.
func ends(t *testing.T, what string, fn func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatalf("%s did not return within %v: it hangs", what, hangLimit)
	}
}

// openEnds opens the store at path, failing the test if Open hangs.
func openEnds(t *testing.T, path string) *Store {
	t.Helper()
	var s *Store
	ends(t, "Open("+path+")", func() { s = openStore(t, path) })
	return s
}

func oneWarning(t *testing.T, s *Store, want string) {
	t.Helper()
	if w := s.Warnings(); len(w) != 1 || w[0] != want {
		t.Errorf("warnings = %q\nwant exactly [%q]", w, want)
	}
}

func TestFIFOIsRefusedWithoutReading(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	must(t, syscall.Mkfifo(path, 0o600))

	s := openEnds(t, path)
	oneWarning(t, s, "cannot read progress file: "+path+" is a named pipe (FIFO), not a progress file; "+
		"progress cannot be saved until that is fixed")
	var err error
	ends(t, "a save over a FIFO", func() { err = s.MarkRead("c", "l", at(0)) })
	if want := "cannot save progress: " + path + " is a named pipe (FIFO), not a progress file"; err == nil || err.Error() != want {
		t.Errorf("save: err = %v\nwant %q", err, want)
	}
	if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced or moved: %v %v", info, err)
	}
}

func TestLinkToADeviceIsNotFollowed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.Symlink("/dev/zero", path))

	s := openEnds(t, path)
	oneWarning(t, s, "progress file "+path+" is a symbolic link to /dev/zero, which is a device, not a progress file: "+
		"aieng does not follow it; this session will not save progress")
	if !s.ReadOnly() {
		t.Error("a session on a link to a device saves")
	}
	var err error
	ends(t, "a change", func() { err = s.MarkRead("c", "l", at(0)) })
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("change: err = %v, want ErrReadOnly", err)
	}
	if _, err := os.Lstat("/dev/zero.lock"); err == nil {
		t.Error("a lock file was created beside /dev/zero")
	}
}

func TestOversizedFileIsReportedNotLoaded(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	f, err := os.Create(path)
	must(t, err)
	must(t, f.Truncate(100<<20)) // sparse: 100 MiB that take no disk space
	must(t, f.Close())

	s := openEnds(t, path)
	oneWarning(t, s, "progress file "+path+" is 104857600 bytes (100.0 MiB); aieng reads progress files of at most 10 MiB: "+
		"it is left as it is, and this session will not save progress")
	if !s.ReadOnly() {
		t.Fatal("a session on an oversized file saves")
	}
	err = s.MarkRead("c", "l", at(0))
	if want := "progress is not saved in this session: " + path + " is 104857600 bytes (100.0 MiB); aieng reads progress files of at most 10 MiB"; err == nil || err.Error() != want {
		t.Errorf("change: err = %v\nwant %q", err, want)
	}
	if info, err := os.Stat(path); err != nil || info.Size() != 100<<20 {
		t.Errorf("the file changed: %v %v", info, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files were created or moved: %v", entries)
	}
}

func TestSaveThatWouldOutgrowTheLimitIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.MarkRead("c", "l", at(0)))
	before, _ := os.ReadFile(path)
	big := attempt("big", at(1), 1, 1, true)
	big.Answers[0].Given = []string{strings.Repeat("x", maxFileSize)}
	err := s.RecordAttempt("c", "l", big)
	if err == nil || !strings.HasPrefix(err.Error(), "cannot save progress: progress would grow to ") ||
		!strings.HasSuffix(err.Error(), " bytes, past the 10 MiB aieng reads") {
		t.Errorf("err = %v, want the save refused for its size", err)
	}
	unchanged(t, path, string(before))
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.WriteFile(path, append([]byte("\xef\xbb\xbf"), goodFile(t)...), 0o600))
	s := openClean(t, path)
	if !s.Course("c").Lessons["old"].Read {
		t.Fatal("the file with a byte-order mark was not read")
	}
	must(t, s.MarkRead("c", "new", at(9)))
	if asides, _ := filepath.Glob(path + ".corrupt-*"); len(asides) > 0 {
		t.Errorf("a file with a byte-order mark was moved aside: %q", asides)
	}
	if got := openClean(t, path).Course("c"); !got.Lessons["old"].Read || !got.Lessons["new"].Read {
		t.Errorf("after a save: %+v", got)
	}
}

func TestUnknownSchemaIsKeptNotDamage(t *testing.T) {
	for _, schema := range []string{"2.5", "99999999999999999999", "1e400", "1.0"} {
		t.Run(schema, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "progress.json")
			data := `{"schema": ` + schema + `, "courses": {"c": {"lessons": {"l": {"read": true}}}}}`
			must(t, os.WriteFile(path, []byte(data), 0o600))

			s := openStore(t, path)
			oneWarning(t, s, "progress file "+path+" has schema "+schema+", which is not a schema version this aieng knows "+
				"(it reads schema "+strconv.Itoa(schemaVersion)+"): it is left as it is, and this session will not save progress")
			err := s.MarkRead("c", "m", at(0))
			if want := "progress is not saved in this session: " + path + " has schema " + schema + ", which is not a schema version"; err == nil || err.Error() != want {
				t.Errorf("change: err = %v\nwant %q", err, want)
			}
			unchanged(t, path, data)
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files were created or moved: %v", entries)
			}
		})
	}
}

func TestDanglingLinkStaysALink(t *testing.T) {
	dir := t.TempDir()
	link, target := filepath.Join(dir, "progress.json"), filepath.Join(dir, "dotfiles", "aieng.json")
	must(t, os.Symlink(target, link))

	s := openClean(t, link)
	if s.Path() != target {
		t.Errorf("Path() = %s, want the link's target %s", s.Path(), target)
	}
	must(t, s.MarkRead("c", "l", at(0)))
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
	if info, err := os.Lstat(target); err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o600 {
		t.Fatalf("the save did not create the target as a 0600 file: %v %v", info, err)
	}
	if !openClean(t, link).Course("c").Lessons["l"].Read {
		t.Error("the progress saved through the link is not there")
	}
}

// A read-only command on a link to a file that is not a progress file moves nothing: the
// review's "aieng progress" on a link to /etc/passwd, as root, with a stand-in for /etc/passwd.
func TestOpeningMovesNothingAside(t *testing.T) {
	dir := t.TempDir()
	victim, link := filepath.Join(dir, "passwd"), filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(victim, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644))
	must(t, os.Symlink(victim, link))

	s := openEnds(t, link)
	if w := s.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0], "progress file "+victim+" is damaged (invalid character 'r'") {
		t.Errorf("warnings = %q, want one saying the file is damaged", w)
	}
	unchanged(t, victim, "root:x:0:0:root:/root:/bin/bash\n")
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("Open created or moved files: %v", entries)
	}
}

// The mode of the file is kept by a save, which replaces the file with a new one.
func TestSaveKeepsTheMode(t *testing.T) {
	for _, mode := range []fs.FileMode{0o444, 0o640, 0o600} {
		t.Run(mode.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "progress.json")
			must(t, os.WriteFile(path, goodFile(t), 0o600))
			must(t, os.Chmod(path, mode))
			must(t, openClean(t, path).MarkRead("c", "new", at(9)))
			info, err := os.Stat(path)
			must(t, err)
			if info.Mode().Perm() != mode {
				t.Errorf("mode after a save = %v, want %v", info.Mode().Perm(), mode)
			}
		})
	}
}

// nobody is the unprivileged user of the ownership tests.
const nobody = 65534

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root, to give files to another user (CI runs as root)")
	}
}

func ownedBy(t *testing.T, path string, uid, gid int, mode fs.FileMode) {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	st := info.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid || (mode != 0 && info.Mode().Perm() != mode) {
		t.Errorf("%s is %v owned by %d:%d, want %v owned by %d:%d", filepath.Base(path), info.Mode().Perm(), st.Uid, st.Gid, mode, uid, gid)
	}
}

// The review's finding 1: 'sudo -E aieng' on a learner's progress must leave the file, its
// lock and its backups the learner's, with their mode.
func TestSaveAsRootKeepsTheOwner(t *testing.T) {
	needRoot(t)
	dir := filepath.Join(t.TempDir(), "home")
	must(t, os.Mkdir(dir, 0o700))
	path := filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(path, goodFile(t), 0o640))
	must(t, os.Chown(dir, nobody, nobody))
	must(t, os.Chown(path, nobody, nobody))

	s := openClean(t, path)
	must(t, s.MarkRead("c", "new", at(9)))
	backup, err := s.Reset("c", "old")
	must(t, err)
	ownedBy(t, path, nobody, nobody, 0o640)
	ownedBy(t, path+".lock", nobody, nobody, 0o600)
	ownedBy(t, backup, nobody, nobody, 0o600)
	if got := openClean(t, path).Course("c"); !got.Lessons["new"].Read {
		t.Errorf("the save did not reach the file: %+v", got)
	}
}

// A first save as root into a learner's state folder creates the folders and the file as the
// learner's.
func TestNewFileAsRootBelongsToTheFoldersOwner(t *testing.T) {
	needRoot(t)
	home := filepath.Join(t.TempDir(), "home")
	must(t, os.Mkdir(home, 0o755))
	must(t, os.Chown(home, nobody, nobody))
	path := filepath.Join(home, ".local", "state", "aieng", "progress.json")

	must(t, openClean(t, path).MarkRead("c", "l", at(0)))
	for _, p := range []string{filepath.Join(home, ".local"), filepath.Join(home, ".local", "state"), filepath.Dir(path)} {
		ownedBy(t, p, nobody, nobody, 0o700)
	}
	ownedBy(t, path, nobody, nobody, 0o600)
	ownedBy(t, path+".lock", nobody, nobody, 0o600)
}

// A dotfile manager's link, followed by root: the target keeps its owner.
func TestLearnersLinkIsFollowedByRoot(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	target, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(target, goodFile(t), 0o600))
	must(t, os.Chown(target, nobody, nobody))
	must(t, os.Symlink(target, link))
	must(t, os.Lchown(link, nobody, nobody))

	must(t, openClean(t, link).MarkRead("c", "new", at(9)))
	ownedBy(t, target, nobody, nobody, 0o600)
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
}

// The review's finding 3: a link that another user planted (in a shared, sticky folder) to a
// file of root's is not followed by root, and nothing is moved or written.
func TestLinkPlantedByAnotherUserIsNotFollowed(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared")
	must(t, os.Mkdir(shared, 0o777|fs.ModeSticky))
	victim, link := filepath.Join(dir, "passwd"), filepath.Join(shared, "progress.json")
	must(t, os.WriteFile(victim, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644))
	must(t, os.Symlink(victim, link))
	must(t, os.Lchown(link, nobody, nobody))

	s := openEnds(t, link)
	oneWarning(t, s, "progress file "+link+" is a symbolic link, and "+link+" belongs to "+userName(nobody)+
		", not to you (root (uid 0)): aieng does not follow it; this session will not save progress")
	if err := s.MarkRead("c", "l", at(0)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("change: err = %v, want ErrReadOnly", err)
	}
	if _, err := s.Reset("c", ""); !errors.Is(err, ErrReadOnly) {
		t.Errorf("reset: err = %v, want ErrReadOnly", err)
	}
	unchanged(t, victim, "root:x:0:0:root:/root:/bin/bash\n")
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files were created or moved beside the victim: %v", entries)
	}
	if entries, _ := os.ReadDir(shared); len(entries) != 1 {
		t.Errorf("files were created beside the link: %v", entries)
	}
}

func init() { helpers["as-user"] = storeAsUser }

// storeAsUser opens the store and makes one change, printing the warnings and the change's
// error, one a line, for the parent to check. The parent runs it as another user.
func storeAsUser() int {
	s, err := Open(os.Getenv(helperFileEnv))
	if err != nil {
		fmt.Println("open:", err)
		return 3
	}
	for _, w := range s.Warnings() {
		fmt.Println("warning:", w)
	}
	fmt.Println("save:", s.MarkRead("c", "l", at(0)))
	return 0
}

// runAsNobody runs the as-user helper as uid 65534 on path. The test binary is copied where
// that user can run it.
func runAsNobody(t *testing.T, path string) string {
	t.Helper()
	exe, err := os.Executable()
	must(t, err)
	bin := filepath.Join(t.TempDir(), "progress.test")
	data, err := os.ReadFile(exe)
	must(t, err)
	must(t, os.WriteFile(bin, data, 0o755))
	for p := filepath.Dir(bin); p != os.TempDir() && p != "/"; p = filepath.Dir(p) {
		must(t, os.Chmod(p, 0o755)) // t.TempDir's folders are 0700
	}
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=as-user", helperFileEnv+"="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	// The helper prints on stdout; stderr is only for the failure message, since a test binary
	// built with -cover complains there that uid 65534 cannot write its coverage data.
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper as uid %d: %v\n%s%s", nobody, err, out, stderr.String())
	}
	return string(out)
}

// Not root, the file of another user is read but never replaced.
func TestAnotherUsersFileIsNotReplaced(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o777)) // the user could replace the file by renaming over it
	path := filepath.Join(dir, "progress.json")
	good := goodFile(t)
	must(t, os.WriteFile(path, good, 0o644))

	got := runAsNobody(t, path)
	want := "warning: progress file " + path + " belongs to root (uid 0), and you are " + userName(nobody) +
		": aieng does not replace another user's file; this session will not save progress\n" +
		"save: progress is not saved in this session: " + path + " belongs to root (uid 0), and you are " + userName(nobody) +
		": aieng does not replace another user's file\n"
	if got != want {
		t.Errorf("as uid %d:\n%s\nwant:\n%s", nobody, got, want)
	}
	unchanged(t, path, string(good))
	ownedBy(t, path, 0, 0, 0o644)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files were created beside it: %v", entries)
	}
}

// The review's finding 1 as the learner sees it after a bad 'sudo aieng': a file root took is
// named as root's in the message.
func TestUnreadableFileOfAnotherUserIsExplained(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o777))
	path := filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(path, goodFile(t), 0o600))

	got := runAsNobody(t, path)
	want := "warning: cannot read progress file: open " + path + ": permission denied; the file belongs to root (uid 0), and you are " +
		userName(nobody) + "; progress cannot be saved until that is fixed\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "save: cannot save progress: ") {
		t.Errorf("as uid %d:\n%s\nwant it to start:\n%s", nobody, got, want)
	}
}

// Not root, a link that another user (here root) made is not followed, even to the user's file.
func TestLinkOfAnotherUserIsNotFollowedByAUser(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o777|fs.ModeSticky))
	target, link := filepath.Join(dir, "mine.json"), filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(target, goodFile(t), 0o600))
	must(t, os.Chown(target, nobody, nobody))
	must(t, os.Symlink(target, link))

	got := runAsNobody(t, link)
	want := "warning: progress file " + link + " is a symbolic link, and " + link + " belongs to root (uid 0), not to you (" +
		userName(nobody) + "): aieng does not follow it; this session will not save progress\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("as uid %d:\n%s\nwant it to start:\n%s", nobody, got, want)
	}
}

// Not root, a damaged file of another user is reported, never moved aside.
func TestAnotherUsersDamagedFileIsNotMoved(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o777))
	path := filepath.Join(dir, "progress.json")
	must(t, os.WriteFile(path, []byte(`{"schema": 1, "cour`), 0o644))

	got := runAsNobody(t, path)
	want := "warning: progress file " + path + " belongs to root (uid 0), and you are " + userName(nobody) +
		": aieng does not replace another user's file; this session will not save progress\n" +
		"warning: progress file " + path + " is damaged (cut short after 19 bytes)\n" +
		"save: progress is not saved in this session: " + path + " belongs to root (uid 0), and you are " + userName(nobody) +
		": aieng does not replace another user's file\n"
	if got != want {
		t.Errorf("as uid %d:\n%s\nwant:\n%s", nobody, got, want)
	}
	unchanged(t, path, `{"schema": 1, "cour`)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files were created or moved: %v", entries)
	}
}
