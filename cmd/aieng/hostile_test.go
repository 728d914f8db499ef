package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/safetext"
)

// Regression tests for the reliability review's finding 2 and 4 at the command line: a course
// whose text decodes to escape sequences, or whose file names hold them, is refused by every
// command with positioned problems, and nothing any command prints acts on the terminal.

// writeCourse writes a course folder: course.yaml and the given files.
func writeCourse(t *testing.T, manifest string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files["course.yaml"] = manifest
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const quizPart = "\n## Quiz\n\n### A question?\n\n- [x] Right\n- [ ] Wrong\n\n> Because.\n"

var sgrSeq = regexp.MustCompile("\x1b\\[[0-9;:]*m")

func requireNoControl(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range sgrSeq.ReplaceAllString(s, "") {
		if safetext.IsControl(r) && r != '\n' && r != '\t' {
			t.Errorf("%s prints %s:\n%q", what, safetext.Name(r), s)
			return
		}
	}
}

func TestDecodedEscapesAreRefusedEverywhere(t *testing.T) {
	courses := map[string]struct {
		manifest string
		files    map[string]string
		first    string // the first problem validate reports, path relative to the folder
	}{
		"YAML title": {"id: c\ntitle: C\n", map[string]string{
			"01-one.md": "---\nid: one\ntitle: \"T \\e]52;c;UFdORUQ=\\a\"\nobjectives: [x]\n---\n\nBody.\n" + quizPart},
			"01-one.md:3:8: control character U+001B (ESC) in this value, from a YAML escape: it could change the learner's terminal"},
		"manifest": {"id: c\ntitle: \"C \\x1b]0;PWN\\x07\"\nversion: \"1\\x9b2J\"\n", map[string]string{
			"01-one.md": "---\nid: one\ntitle: T\nobjectives: [x]\n---\n\nBody.\n" + quizPart},
			"course.yaml:2:8: control character U+001B (ESC) in this value, from a YAML escape: it could change the learner's terminal"},
		"reference in the body": {"id: c\ntitle: C\n", map[string]string{
			"01-one.md": "---\nid: one\ntitle: T\nobjectives: [x]\n---\n\nBody &#27;]0;PWN&#7; and `&#x1b;[2J`.\n" + quizPart},
			"01-one.md:7:6: character reference \"&#27;\" is a control character U+001B (ESC): it could change the learner's terminal"},
		"file name": {"id: c\ntitle: C\n", map[string]string{
			"01-X\x1b]0;PWNTITLE\a.md": "---\nid: one\ntitle: T\nobjectives: [x]\n---\n\nBody.\n" + quizPart},
			`01-X\x1b]0;PWNTITLE\a.md":1:1: the file name holds the control character U+001B (ESC): rename the file`},
	}
	for name, tc := range courses {
		dir := writeCourse(t, tc.manifest, tc.files)
		out, errOut, code := runCLI(t, "validate", dir)
		if code != 1 || !strings.Contains(out, tc.first) {
			t.Errorf("%s: validate exit %d, output lacks %q:\n%s", name, code, tc.first, out)
		}
		requireNoControl(t, name+": validate", out+errOut)
		for _, args := range [][]string{{"show", "one"}, {"show", "one", "--width", "30"}, {"list"}, {"list", "--json"},
			{"version"}, {"progress"}, {"progress", "--csv"}, {"progress", "--json"}, {"review"}, {"review", "--due"},
			{"review", "--practice"}} {
			out, errOut, code := runCLI(t, append([]string{"--lessons", dir}, args...)...)
			want := 1
			if args[0] == "version" {
				want = 0 // version names the course when it can, and says nothing of a broken one
			}
			if code != want || (want == 1 && !strings.Contains(errOut, "problem(s); run 'aieng validate")) {
				t.Errorf("%s: %v: exit %d\n%s", name, args, code, errOut)
			}
			requireNoControl(t, name+": "+strings.Join(args, " "), out+errOut)
		}
	}
}

func TestShowWidthIsHeldToASaneRange(t *testing.T) {
	dir := writeCourse(t, "id: c\ntitle: C\n", map[string]string{
		"01-one.md": "---\nid: one\ntitle: T\nobjectives: [x]\n---\n\n" + strings.Repeat("words of a paragraph ", 200) + "\n" + quizPart})
	widest := func(s string) int {
		w := 0
		for _, l := range strings.Split(s, "\n") {
			w = max(w, len([]rune(l)))
		}
		return w
	}
	// The review's --width 10000000 rendered for more than 60 s.
	for width, want := range map[string][2]int{"10000000": {400, 500}, "500": {400, 500}, "5": {10, 20}, "20": {10, 20}} {
		out, errOut, code := runCLI(t, "--lessons", dir, "show", "one", "--width", width)
		if code != 0 {
			t.Fatalf("--width %s: exit %d: %s", width, code, errOut)
		}
		if w := widest(out); w < want[0] || w > want[1] {
			t.Errorf("--width %s: widest line %d columns, want %d to %d", width, w, want[0], want[1])
		}
	}
}

// TestDumbTerminalGetsAMessage: under TERM=dumb the interface would print its cursor movements
// as garbage (reliability review, finding 14).
func TestDumbTerminalGetsAMessage(t *testing.T) {
	t.Setenv("TERM", "dumb")
	out, errOut, code := runCLI(t, "--lessons", fixtureCourse)
	want := "aieng: the interactive course needs a terminal that can move the cursor, and TERM=dumb says this one cannot.\n" +
		"'aieng list' prints the outline and 'aieng show ID' prints a lesson; or set TERM to your terminal's type (for example xterm-256color).\n"
	if code != 1 || out != "" || errOut != want {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
