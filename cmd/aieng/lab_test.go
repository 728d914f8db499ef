package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

// labsFixture is a course with a built-in lab (pick-threshold) and a command lab
// (precision-by-hand, whose starter file precision.txt holds "?").
const labsFixture = "../../lessons/testdata/labs"

// withLabBase puts command labs' workspaces in a temporary folder for one test.
func withLabBase(t *testing.T) string {
	dir := t.TempDir()
	labBase = func() string { return dir }
	t.Cleanup(func() { labBase = defaultLabBase })
	return dir
}

var defaultLabBase = labBase

func TestLabList(t *testing.T) {
	out, _, code := runCLI(t, "--lessons", labsFixture, "lab", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"LAB", "pick-threshold", "thresholds", "threshold", "Pick a decision threshold",
		"precision-by-hand", "command", "Compute a precision"} {
		if !strings.Contains(out, want) {
			t.Errorf("lab list lacks %q:\n%s", want, out)
		}
	}
	// The built-in course, whichever it is: a header and a line for each of its labs.
	builtin, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	out, _, code = runCLI(t, "lab", "list")
	var ids []string
	for _, l := range builtin.Lessons {
		for _, lb := range l.Labs {
			ids = append(ids, lb.ID)
		}
	}
	switch {
	case len(ids) == 0 && (code != 0 || out != "The course "+builtin.ID+" has no labs.\n"):
		t.Errorf("the built-in course has no labs (exit %d): %q", code, out)
	case len(ids) > 0 && (code != 0 || strings.Count(out, "\n") != 1+len(ids)):
		t.Errorf("the built-in course's %d labs (exit %d):\n%s", len(ids), code, out)
	}
	for _, id := range ids {
		if !strings.Contains(out, id) {
			t.Errorf("lab list lacks the built-in lab %q:\n%s", id, out)
		}
	}
	out, _, code = runCLI(t, "--lessons", fixtureCourse, "lab", "list")
	if code != 0 || out != "The course cmd-test-course has no labs.\n" {
		t.Errorf("a course without labs (exit %d): %q", code, out)
	}
}

// TestLabOpenCommand: the workspace's path alone on stdout, the starter files in it, and the
// learner's edits kept when it is opened again.
func TestLabOpenCommand(t *testing.T) {
	base := withLabBase(t)
	out, errOut, code := runCLI(t, "--lessons", labsFixture, "lab", "open", "precision-by-hand")
	want := filepath.Join(base, "lab-fixture", "precision-by-hand")
	if code != 0 || out != want+"\n" {
		t.Fatalf("exit %d, stdout %q; want the path %s alone", code, out, want)
	}
	if !strings.Contains(errOut, "The check is: sh check.sh") {
		t.Errorf("stderr %q does not show the check", errOut)
	}
	file := filepath.Join(want, "precision.txt")
	if data, err := os.ReadFile(file); err != nil || string(data) != "?\n" {
		t.Fatalf("starter file: %q, %v", data, err)
	}
	if err := os.WriteFile(file, []byte("0.8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runCLI(t, "--lessons", labsFixture, "lab", "open", "precision-by-hand"); code != 0 {
		t.Fatalf("second open: exit %d", code)
	}
	if data, _ := os.ReadFile(file); string(data) != "0.8\n" {
		t.Errorf("opening again replaced the learner's edit: %q", data)
	}
}

func TestLabOpenProblems(t *testing.T) {
	withLabBase(t)
	_, errOut, code := runCLI(t, "--lessons", labsFixture, "lab", "open", "pick-threshold")
	if code != 1 || !strings.Contains(errOut, "pick-threshold is an interactive lab: run 'aieng lab open pick-threshold' in a terminal") {
		t.Errorf("a built-in lab without a terminal: exit %d, %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "--lessons", labsFixture, "lab", "open", "nope")
	if code != 2 || !strings.Contains(errOut, `course lab-fixture has no lab "nope"; its labs: pick-threshold, precision-by-hand`) {
		t.Errorf("an unknown lab: exit %d, %q", code, errOut)
	}
	_, _, code = runCLI(t, "--lessons", labsFixture, "lab", "open")
	if code != 2 {
		t.Errorf("no id: exit %d, want 2", code)
	}
	_, errOut, code = runCLI(t, "--lessons", labsFixture, "lab", "reset", "pick-threshold")
	if code != 2 || !strings.Contains(errOut, "pick-threshold is a built-in lab: it has no files to reset") {
		t.Errorf("reset of a built-in lab: exit %d, %q", code, errOut)
	}
}

// TestLabReset: the learner's edits are replaced by the starter files only after a yes (or
// with --yes); without a terminal to ask on, nothing changes.
func TestLabReset(t *testing.T) {
	base := withLabBase(t)
	file := filepath.Join(base, "lab-fixture", "precision-by-hand", "precision.txt")
	out, _, code := runCLI(t, "--lessons", labsFixture, "lab", "reset", "precision-by-hand")
	if code != 0 || !strings.Contains(out, "The lab had no workspace yet") {
		t.Fatalf("reset before any open: exit %d, %q", code, out)
	}
	edit := func() {
		if err := os.WriteFile(file, []byte("mine\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	requireFile := func(want, when string) {
		t.Helper()
		if data, _ := os.ReadFile(file); string(data) != want {
			t.Errorf("%s: precision.txt holds %q, want %q", when, data, want)
		}
	}
	edit()
	_, errOut, code := runCLI(t, "--lessons", labsFixture, "lab", "reset", "precision-by-hand")
	if code != 2 || !strings.Contains(errOut, "refusing to reset without confirmation") {
		t.Errorf("without a terminal: exit %d, %q", code, errOut)
	}
	requireFile("mine\n", "refused")

	stdinIsTerminal = func(any) bool { return true }
	t.Cleanup(func() { stdinIsTerminal = termstyle.IsTerminal })
	_, errOut, code = runWithInput(t, "n\n", "--lessons", labsFixture, "lab", "reset", "precision-by-hand")
	if code != 1 || !strings.Contains(errOut, "Your edits there are lost. [y/N]") {
		t.Errorf("answered no: exit %d, %q", code, errOut)
	}
	requireFile("mine\n", "answered no")
	out, _, code = runWithInput(t, "y\n", "--lessons", labsFixture, "lab", "reset", "precision-by-hand")
	if code != 0 || !strings.Contains(out, "The starter files are back in") {
		t.Errorf("answered yes: exit %d, %q", code, out)
	}
	requireFile("?\n", "answered yes")
	edit()
	if _, _, code := runCLI(t, "--lessons", labsFixture, "lab", "reset", "precision-by-hand", "--yes"); code != 0 {
		t.Errorf("--yes: exit %d", code)
	}
	requireFile("?\n", "--yes")
}
