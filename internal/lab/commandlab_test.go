package lab

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestOpenCommandFromFiles: a command lab's folders may come from any file system (the course
// embedded in the binary, a bundle): the starter files are copied out of it into the workspace,
// executable bits kept, and the solution read from it after a pass.
func TestOpenCommandFromFiles(t *testing.T) {
	files := fstest.MapFS{
		"course/labs/fix/check.sh":      {Data: []byte("exit 0\n"), Mode: 0o755},
		"course/labs/fix/data/in.txt":   {Data: []byte("42\n")},
		"course/labs/fixed/answer.txt":  {Data: []byte("done\n")},
		"course/labs/fixed/sub/more.md": {Data: []byte("more\n")},
	}
	spec, probs := ParseBlock([]byte("id: fix-it\ntitle: Fix it\nkind: command\nparams:\n  starter: labs/fix\n" +
		"  solution: labs/fixed\n  check: sh check.sh\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	base := t.TempDir()
	l, err := OpenCommand(spec, files, "course", base, "my-course")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(base, "my-course", "fix-it"); l.Dir() != want {
		t.Errorf("workspace %s, want %s", l.Dir(), want)
	}
	data, err := os.ReadFile(filepath.Join(l.Dir(), "data", "in.txt"))
	if err != nil || string(data) != "42\n" {
		t.Errorf("starter file in the workspace: %q, %v", data, err)
	}
	info, err := os.Stat(filepath.Join(l.Dir(), "check.sh"))
	if err != nil || info.Mode().Perm()&0o100 == 0 {
		t.Errorf("check.sh lost its executable bit: %v, %v", info.Mode(), err)
	}
	l.MarkPassed()
	sol, err := l.Solution()
	if err != nil || len(sol) != 2 || sol[0].Path != "answer.txt" || sol[1].Path != "sub/more.md" || sol[1].Text != "more\n" {
		t.Errorf("solution = %+v, %v", sol, err)
	}
	if _, err := OpenCommand(spec, files, "elsewhere", t.TempDir(), "my-course"); err == nil {
		t.Error("a starter folder missing from the files opened")
	}
}
