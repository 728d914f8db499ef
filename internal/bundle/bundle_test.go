package bundle

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAndOpen(t *testing.T) {
	dir := t.TempDir()
	course := filepath.Join(dir, "course")
	os.Mkdir(course, 0o755)
	os.WriteFile(filepath.Join(course, "course.yaml"), []byte("id: c\ntitle: C\n"), 0o644)
	os.WriteFile(filepath.Join(course, "01-a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	os.WriteFile(filepath.Join(course, "notes.txt"), []byte("not part of the course"), 0o644)
	base := filepath.Join(dir, "base")
	payload := []byte("\x7fELF pretend executable")
	os.WriteFile(base, payload, 0o755)

	if fsys, err := Open(base); fsys != nil || err != nil {
		t.Fatalf("a plain binary has no course: %v %v", fsys, err)
	}
	out := filepath.Join(dir, "out")
	if err := Write(out, base, course); err != nil {
		t.Fatal(err)
	}
	fsys, err := Open(out)
	if err != nil || fsys == nil {
		t.Fatalf("Open: %v %v", fsys, err)
	}
	names, _ := fs.Glob(fsys, "*")
	if len(names) != 2 || names[0] != "01-a.md" || names[1] != "course.yaml" {
		t.Errorf("bundled files = %v", names)
	}
	bin, _ := os.ReadFile(out)
	if got := bin[:executableSize(bin)]; string(got) != string(payload) {
		t.Errorf("the executable part changed: %q", got)
	}
	// Re-bundling replaces the course instead of stacking another one.
	again := filepath.Join(dir, "again")
	if err := Write(again, out, course); err != nil {
		t.Fatal(err)
	}
	b1, _ := os.ReadFile(out)
	b2, _ := os.ReadFile(again)
	if len(b1) != len(b2) {
		t.Errorf("re-bundled size %d, first bundle %d", len(b2), len(b1))
	}
}

func TestDamagedTrailer(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad")
	os.WriteFile(p, append([]byte("\xff\xff\xff\xff\xff\xff\xff\xff"), magic...), 0o755)
	if _, err := Open(p); err == nil {
		t.Error("a damaged trailer was accepted")
	}
}
