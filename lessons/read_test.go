//go:build linux || darwin

package lessons

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// Regression tests for hostile files in a course folder (issue 16): each is refused with one
// positioned line, without reading it, and the load ends.

// hangLimit is how long a load may take before the test calls it a hang. It is not a speed
// budget: each load here takes milliseconds, and the limit only keeps a regression (a read
// that waits on a FIFO for ever) from stalling CI.
const hangLimit = 20 * time.Second

// hostileCourse writes a valid one-lesson course in a temporary folder and returns the folder.
func hostileCourse(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	mustDo(t, os.Mkdir(dir, 0o755))
	mustDo(t, os.WriteFile(filepath.Join(dir, ManifestName), []byte("id: c\ntitle: C\n"), 0o644))
	mustDo(t, os.WriteFile(filepath.Join(dir, "01-a.md"), []byte("---\nid: a\ntitle: A\nobjectives: [x]\n---\n\nText.\n"), 0o644))
	return dir
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// loadEnds loads the course in dir and returns its error problems as lines, failing the test
// if the load does not end.
func loadEnds(t *testing.T, dir string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	done := make(chan []string, 1)
	go func() {
		_, probs, err := LoadDir(dir)
		if err != nil {
			done <- []string{"error: " + err.Error()}
			return
		}
		var lines []string
		for _, p := range probs.Errors() {
			lines = append(lines, p.String())
		}
		done <- lines
	}()
	select {
	case lines := <-done:
		return lines
	case <-ctx.Done():
		t.Fatalf("loading %s did not end within %v: it hangs", dir, hangLimit)
		return nil
	}
}

func wantProblems(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFIFOInACourseIsRefusedWithoutReading(t *testing.T) {
	t.Run("lesson", func(t *testing.T) {
		dir := hostileCourse(t)
		mustDo(t, syscall.Mkfifo(filepath.Join(dir, "02-fifo.md"), 0o644))
		wantProblems(t, loadEnds(t, dir),
			dir+"/02-fifo.md:1:1: a named pipe (FIFO), not a file: a course holds only regular files")
	})
	t.Run("manifest", func(t *testing.T) {
		dir := hostileCourse(t)
		mustDo(t, os.Remove(filepath.Join(dir, ManifestName)))
		mustDo(t, syscall.Mkfifo(filepath.Join(dir, ManifestName), 0o644))
		got := loadEnds(t, dir)
		if len(got) == 0 || got[0] != dir+"/course.yaml:1:1: a named pipe (FIFO), not a file: a course holds only regular files" {
			t.Errorf("problems: %q", got)
		}
	})
}

func TestHugeLessonIsRefusedWithoutReading(t *testing.T) {
	dir := hostileCourse(t)
	f, err := os.Create(filepath.Join(dir, "02-huge.md"))
	mustDo(t, err)
	mustDo(t, f.Truncate(4<<30)) // sparse: 4 GiB that take no disk space
	mustDo(t, f.Close())
	wantProblems(t, loadEnds(t, dir), dir+"/02-huge.md:1:1: file is 4294967296 bytes; a lesson may be at most 1 MiB")
}

// bigFile says it is 4 GiB and counts the reads made of it: a size over the limit must be
// refused from the size alone.
type bigFile struct{ reads *int }

func (b bigFile) Open(name string) (fs.File, error) { return b, nil }
func (b bigFile) Stat() (fs.FileInfo, error)        { return b, nil }
func (b bigFile) Read(p []byte) (int, error)        { *b.reads++; return len(p), nil }
func (b bigFile) Close() error                      { return nil }
func (b bigFile) Name() string                      { return "02-huge.md" }
func (b bigFile) Size() int64                       { return 4 << 30 }
func (b bigFile) Mode() fs.FileMode                 { return 0o644 }
func (b bigFile) ModTime() time.Time                { return time.Time{} }
func (b bigFile) IsDir() bool                       { return false }
func (b bigFile) Sys() any                          { return nil }

func TestOversizedFileIsNotRead(t *testing.T) {
	reads := 0
	_, err := ReadCourseFile(bigFile{&reads}, "02-huge.md")
	if want := "file is 4294967296 bytes; a lesson may be at most 1 MiB"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if reads != 0 {
		t.Errorf("the file was read %d times before it was refused", reads)
	}
}

func TestHugeManifestIsRefused(t *testing.T) {
	dir := hostileCourse(t)
	manifest := "id: c\ntitle: C\ndescription: " + strings.Repeat("long ", MaxManifestSize/5) + "\n"
	mustDo(t, os.WriteFile(filepath.Join(dir, ManifestName), []byte(manifest), 0o644))
	got := loadEnds(t, dir)
	want := dir + fmt.Sprintf("/course.yaml:1:1: file is %d bytes; course.yaml may be at most 256 KiB", len(manifest))
	if len(got) == 0 || got[0] != want {
		t.Errorf("problems: %q\nwant first %q", got, want)
	}
}

func TestLessonLinkedOutsideTheFolderIsRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	mustDo(t, os.WriteFile(outside, []byte("---\nid: secret\ntitle: SECRET-OUTSIDE-CONTENT\nobjectives: [x]\n---\n"), 0o644))
	t.Run("absolute", func(t *testing.T) {
		dir := hostileCourse(t)
		mustDo(t, os.Symlink(outside, filepath.Join(dir, "02-out.md")))
		wantProblems(t, loadEnds(t, dir), dir+`/02-out.md:1:1: symbolic link to "`+outside+`", outside the course folder: `+
			"copy the file into the folder (a relative link to a file inside the folder is fine)")
	})
	t.Run("relative", func(t *testing.T) {
		dir := hostileCourse(t)
		rel, err := filepath.Rel(dir, outside)
		mustDo(t, err)
		mustDo(t, os.Symlink(rel, filepath.Join(dir, "02-out.md")))
		wantProblems(t, loadEnds(t, dir), dir+`/02-out.md:1:1: symbolic link to "`+rel+`", outside the course folder: `+
			"copy the file into the folder (a relative link to a file inside the folder is fine)")
	})
	t.Run("device", func(t *testing.T) {
		dir := hostileCourse(t)
		mustDo(t, os.Symlink("/dev/zero", filepath.Join(dir, "02-zero.md")))
		wantProblems(t, loadEnds(t, dir), dir+`/02-zero.md:1:1: symbolic link to "/dev/zero", outside the course folder: `+
			"copy the file into the folder (a relative link to a file inside the folder is fine)")
	})
	t.Run("through a linked folder", func(t *testing.T) {
		dir := hostileCourse(t)
		mustDo(t, os.Symlink(filepath.Dir(outside), filepath.Join(dir, "drafts")))
		mustDo(t, os.Symlink("drafts/secret.md", filepath.Join(dir, "02-out.md")))
		got := loadEnds(t, dir)
		want := dir + `/02-out.md:1:1: cannot read the symbolic link to "drafts/secret.md" (a link must stay inside the course folder): `
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("problems: %q\nwant one starting %q", got, want)
		}
	})
}

// A relative link to a file inside the folder is allowed: authors keep drafts in subfolders.
func TestLessonLinkedInsideTheFolderLoads(t *testing.T) {
	dir := hostileCourse(t)
	mustDo(t, os.Mkdir(filepath.Join(dir, "drafts"), 0o755))
	mustDo(t, os.WriteFile(filepath.Join(dir, "drafts", "b.md"), []byte("---\nid: b\ntitle: B\nobjectives: [x]\n---\n\nText.\n"), 0o644))
	mustDo(t, os.Symlink("drafts/b.md", filepath.Join(dir, "02-b.md")))
	wantProblems(t, loadEnds(t, dir))
	c, _, err := LoadDir(dir)
	if err != nil || len(c.Lessons) != 2 || c.Lessons[1].Title != "B" {
		t.Errorf("the linked lesson was not loaded: %v", err)
	}
}

// endless is a file system whose one file says it is small and never ends, like a zip entry
// that lies about its size or a device: the read must stop at the limit.
type endless struct{ fstest.MapFS }

func (e endless) Open(name string) (fs.File, error) {
	f, err := e.MapFS.Open(name)
	if err != nil || name == "." {
		return f, err
	}
	return endlessFile{f}, nil
}

type endlessFile struct{ fs.File }

func (endlessFile) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestReadStopsAtTheLimitWhateverTheDeclaredSize(t *testing.T) {
	fsys := endless{fstest.MapFS{"01-a.md": {Data: []byte("small")}}}
	done := make(chan error, 1)
	go func() {
		_, err := ReadCourseFile(fsys, "01-a.md")
		done <- err
	}()
	select {
	case err := <-done:
		if want := "file holds more than 1048576 bytes; a lesson may be at most 1 MiB"; err == nil || err.Error() != want {
			t.Errorf("err = %v, want %q", err, want)
		}
	case <-time.After(hangLimit):
		t.Fatal("reading an endless file did not stop")
	}
}

func TestDeviceIsRefused(t *testing.T) {
	_, err := ReadCourseFile(os.DirFS("/dev"), "zero")
	if want := "a device, not a file: a course holds only regular files"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
