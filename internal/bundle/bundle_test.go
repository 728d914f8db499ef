package bundle

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/lab"
	"github.com/aieng/aieng/lessons"
)

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteAndOpen(t *testing.T) {
	dir := t.TempDir()
	course := filepath.Join(dir, "course")
	if err := os.Mkdir(course, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(course, "course.yaml"), []byte("id: c\ntitle: C\n"))
	writeFile(t, filepath.Join(course, "01-a.md"), []byte("---\ntitle: A\n---\n"))
	writeFile(t, filepath.Join(course, "README.md"), []byte("# For instructors, not part of the course"))
	writeFile(t, filepath.Join(course, "notes.txt"), []byte("not part of the course"))
	base := filepath.Join(dir, "base")
	payload := []byte("\x7fELF pretend executable")
	writeFile(t, base, payload)

	if fsys, err := openBundle(base); fsys != nil || err != nil {
		t.Fatalf("a plain binary has no course: %v %v", fsys, err)
	}
	out := filepath.Join(dir, "out")
	if err := Write(out, base, course); err != nil {
		t.Fatal(err)
	}
	fsys, err := openBundle(out)
	if err != nil || fsys == nil {
		t.Fatalf("Open: %v %v", fsys, err)
	}
	names, _ := fs.Glob(fsys, "*")
	if len(names) != 2 || names[0] != "01-a.md" || names[1] != "course.yaml" {
		t.Errorf("bundled files = %v", names)
	}
	bin, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := bin[:executableSize(bin)]; string(got) != string(payload) {
		t.Errorf("the executable part changed: %q", got)
	}
	// Re-bundling replaces the course instead of stacking another one.
	again := filepath.Join(dir, "again")
	if err := Write(again, out, course); err != nil {
		t.Fatal(err)
	}
	b1, err1 := os.ReadFile(out)
	b2, err2 := os.ReadFile(again)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if len(b1) != len(b2) {
		t.Errorf("re-bundled size %d, first bundle %d", len(b2), len(b1))
	}
}

// TestDamagedTrailer opens binaries whose trailer names a course that is not there: the error
// must say the course is damaged, not that some file is missing.
func TestDamagedTrailer(t *testing.T) {
	for name, data := range map[string][]byte{
		"a size larger than the file": append([]byte("\xff\xff\xff\xff\xff\xff\xff\xff"), magic...),
		"a size that is no zip":       append(append([]byte("\x7fELF not a zip archive"), []byte{22, 0, 0, 0, 0, 0, 0, 0}...), magic...),
	} {
		p := filepath.Join(t.TempDir(), "bad")
		writeFile(t, p, data)
		_, err := openBundle(p)
		if err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: Open = %v, want an error saying the course is damaged", name, err)
		}
	}
}

// TestBundleCarriesLabFolders: a course's command labs' starter and solution folders go into
// the bundle (other folders do not), executable bits kept, and the bundled course loads and
// opens the lab from them.
func TestBundleCarriesLabFolders(t *testing.T) {
	dir := t.TempDir()
	course := filepath.Join(dir, "course")
	for _, d := range []string{"labs/fix/sub", "labs/fixed", "drafts"} {
		if err := os.MkdirAll(filepath.Join(course, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(course, "course.yaml"), []byte("id: c\ntitle: C\n"))
	writeFile(t, filepath.Join(course, "01-a.md"), []byte("---\ntitle: A\nobjectives: [x]\n---\n\n```lab\nid: fix\ntitle: Fix\n"+
		"kind: command\nparams:\n  starter: labs/fix\n  solution: labs/fixed\n  check: ./check.sh\n```\n"))
	writeFile(t, filepath.Join(course, "labs/fix/sub/data.txt"), []byte("data"))
	writeFile(t, filepath.Join(course, "labs/fixed/answer.txt"), []byte("42"))
	writeFile(t, filepath.Join(course, "drafts/notes.md"), []byte("not part of the course"))
	if err := os.WriteFile(filepath.Join(course, "labs/fix/check.sh"), []byte("exit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "base")
	writeFile(t, base, []byte("\x7fELF pretend executable"))
	out := filepath.Join(dir, "out")
	if err := Write(out, base, course); err != nil {
		t.Fatal(err)
	}
	fsys, err := openBundle(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	})
	want := "01-a.md course.yaml labs/fix/check.sh labs/fix/sub/data.txt labs/fixed/answer.txt"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("bundled files:\n got %s\nwant %s", got, want)
	}
	if info, err := fs.Stat(fsys, "labs/fix/check.sh"); err != nil || info.Mode().Perm()&0o100 == 0 {
		t.Errorf("check.sh in the bundle: %v, %v", info.Mode(), err)
	}
	c, probs, err := lessons.Load(fsys, "bundled course")
	if err != nil || len(probs) > 0 {
		t.Fatalf("the bundled course: %v %v", err, probs)
	}
	l, err := lab.OpenCommand(c.Lessons[0].Labs[0].Spec, c.Files, lessons.LessonDir, t.TempDir(), "c")
	if err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(l.Dir(), "sub", "data.txt")); err != nil || string(data) != "data" {
		t.Errorf("starter file from the bundle: %q, %v", data, err)
	}
}
