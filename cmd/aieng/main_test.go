package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aieng/aieng/lessons"
)

// runCLI runs the command line in-process and returns its output and exit code.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &errOut)
	code = exitCode(a, a.execute(args))
	return out.String(), errOut.String(), code
}

func TestMain(m *testing.M) {
	// Keep every test away from the real home: progress files go to a temporary state dir.
	dir, err := os.MkdirTemp("", "aieng-cmd-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	os.Setenv("AIENG_PROGRESS", filepath.Join(dir, "progress.json"))
	os.Setenv("NO_COLOR", "1")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixtureCourse is the course of the tests that need a course, but not the built-in one: the
// built-in lessons may be rewritten, or replaced by a bootcamp's, without breaking them.
const fixtureCourse = "testdata/course"

// requireShippedCourse skips a test of the shipped course's own content (its lessons' ids, code
// and labs) when lessons/course holds another course, and returns the built-in course.
func requireShippedCourse(t *testing.T) *lessons.Course {
	t.Helper()
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != lessons.ShippedCourseID {
		t.Skipf("lessons/course holds the course %q, not the shipped course %q: this test checks the shipped course's own content",
			c.ID, lessons.ShippedCourseID)
	}
	return c
}

// builtinSummary is the last line `aieng validate` prints for the built-in course: its verdict
// after any warning lines (a course other than the shipped one may have some).
func builtinSummary(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestList(t *testing.T) {
	out, _, code := runCLI(t, "--lessons", fixtureCourse, "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Command Test Course (version 1.2.0)", "Start", "Practice", " 1. Reading only", "intro",
		"3 min", "0 questions", "2 questions", "4 lessons, 4 questions, about 19 minutes"} {
		if !strings.Contains(out, want) {
			t.Errorf("list output lacks %q:\n%s", want, out)
		}
	}
}

func TestListJSON(t *testing.T) {
	out, _, code := runCLI(t, "--lessons", fixtureCourse, "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var o outlineJSON
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if o.ID != "cmd-test-course" || len(o.Lessons) != 4 || o.Questions != 4 || o.Minutes != 19 {
		t.Fatalf("unexpected outline: %+v", o)
	}
	first := o.Lessons[1]
	if first.ID != "basics" || first.Order != 2 || first.Words == 0 || first.Questions["total"] != 2 || first.Path != fixtureCourse+"/02-basics.md" {
		t.Errorf("first lesson: %+v", first)
	}
	sum := 0
	for _, k := range []string{"single", "multiple", "truefalse", "short"} {
		sum += first.Questions[k]
	}
	if sum != first.Questions["total"] {
		t.Errorf("question counts by kind %v do not add up to the total", first.Questions)
	}
}

func TestShow(t *testing.T) {
	out, _, code := runCLI(t, "--lessons", fixtureCourse, "show", "practice", "--width", "60")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("output to a non-terminal contains escape sequences")
	}
	if !strings.Contains(out, "In practice") || !strings.Contains(out, "watch its inputs for drift") {
		t.Errorf("show did not print the lesson:\n%s", out)
	}
	if strings.Contains(out, "Quiz") || strings.Contains(out, "[x]") || strings.Contains(out, "What is drift") {
		t.Error("show printed the quiz")
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 60 && !strings.HasPrefix(line, "    ") {
			t.Errorf("line of %d columns at --width 60: %q", n, line)
		}
	}
}

func TestErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"unknown lesson", []string{"--lessons", fixtureCourse, "show", "nope"}, 2, `no lesson "nope"`},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"list", "--frob"}, 2, "unknown flag"},
		{"missing argument", []string{"show"}, 2, "show needs a lesson"},
		{"bad width", []string{"--lessons", fixtureCourse, "show", "intro", "--width", "x"}, 2, "invalid argument"},
		{"negative width", []string{"--lessons", fixtureCourse, "show", "intro", "--width", "-3"}, 2, "--width must be a positive"},
		{"missing folder", []string{"--lessons", missing, "list"}, 1, "no course folder at"},
		{"broken course", []string{"--lessons", "../../lessons/testdata/problems/no-explanation", "list"}, 1, "question has no explanation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.inStderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stderr shows a stack trace: %s", stderr)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	out, _, code := runCLI(t, "validate")
	if code != 0 || !strings.HasPrefix(builtinSummary(out), "the built-in course (lessons/course): ok: ") {
		t.Errorf("built-in course: exit %d, output %q", code, out)
	}
	fixture := "../../lessons/testdata/problems/single-two-correct"
	out, _, code = runCLI(t, "validate", fixture)
	want := fixture + "/01-a.md:14:3: single-choice question has 2 correct answers; add {kind=multiple} to the heading if that is intended\n" +
		fixture + ": 1 error, 0 warnings\n"
	if code != 1 || out != want {
		t.Errorf("exit %d, output:\n%s\nwant:\n%s", code, out, want)
	}
	warnings := "../../lessons/testdata/problems/warnings"
	if _, _, code := runCLI(t, "validate", warnings); code != 0 {
		t.Errorf("warnings alone: exit %d, want 0", code)
	}
	if _, _, code := runCLI(t, "validate", "--strict", warnings); code != 1 {
		t.Errorf("warnings with --strict: exit %d, want 1", code)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "aieng ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	flag, _, _ := runCLI(t, "--version")
	if !strings.HasPrefix(out, flag) {
		t.Errorf("version %q does not start with --version's %q", out, flag)
	}
	builtin, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("course: %s (%s)", builtin.Title, builtin.ID); !strings.Contains(out, want) {
		t.Errorf("version does not name the built-in course (%q): %q", want, out)
	}
	out, _, _ = runCLI(t, "--lessons", fixtureCourse, "version")
	if !strings.Contains(out, "course: Command Test Course (cmd-test-course) version 1.2.0") {
		t.Errorf("version does not name the --lessons course: %q", out)
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildBinary builds aieng once per test run, with a version injected as releases do.
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "aieng-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "aieng")
		out, err := exec.Command("go", "build", "-ldflags", "-X main.Version=v9.8.7", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// TestVersionInjected builds the binary the way releases do and checks the -X path is right:
// a wrong path is silently ignored by the linker.
func TestVersionInjected(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := buildBinary(t)
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got, _, _ := strings.Cut(string(out), "\n"); got != "aieng v9.8.7" {
		t.Errorf("version = %q, want aieng v9.8.7", got)
	}
}
