package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The tests' environment sets NO_COLOR (TestMain), and standard output is a buffer.

func TestShowColor(t *testing.T) {
	plain, _, code := runCLI(t, "--lessons", fixtureCourse, "show", "basics", "--color", "auto")
	never, _, _ := runCLI(t, "--lessons", fixtureCourse, "show", "basics", "--color", "never")
	if code != 0 || strings.ContainsRune(plain, '\x1b') || plain != never {
		t.Fatalf("--color auto into a pipe: exit %d, escape sequences or not plain text:\n%q", code, plain)
	}
	t.Setenv("TERM", "xterm-256color")
	dark, _, code := runCLI(t, "--lessons", fixtureCourse, "show", "basics", "--color", "always", "--theme", "dark")
	if code != 0 || !strings.Contains(dark, "\x1b[38;5;") {
		t.Fatalf("--color always into a pipe (and over NO_COLOR): exit %d, no 256-colour codes:\n%q", code, dark)
	}
	light, _, _ := runCLI(t, "--lessons", fixtureCourse, "show", "basics", "--color", "always", "--theme", "light")
	if light == dark || ansi.Strip(light) == "" {
		t.Error("--theme light draws as dark")
	}
	t.Setenv("AIENG_THEME", "light")
	kept, _, _ := runCLI(t, "--lessons", fixtureCourse, "show", "basics", "--color", "always")
	if kept != light {
		t.Error("AIENG_THEME=light is not the light theme")
	}
	if strings.Contains(dark, "\x1b]8;") {
		t.Error("hyperlinks into a pipe: a pager may not pass them on")
	}
}

func TestShowFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"--color", "sometimes"}, "", `--color must be auto, always or never, not "sometimes"`},
		{[]string{"--theme", "blue"}, "", `--theme must be dark, light or auto, not "blue"`},
		{nil, "solarized", `AIENG_THEME must be dark, light or auto, not "solarized"`},
		{[]string{"--block", "-1"}, "", "--block must be a code block's number"},
		{[]string{"--code", "--quiz"}, "", "--code and --quiz print different things"},
	}
	for _, tt := range tests {
		t.Setenv("AIENG_THEME", tt.env)
		args := append([]string{"--lessons", fixtureCourse, "show", "basics"}, tt.args...)
		_, stderr, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v (AIENG_THEME=%q): exit %d, stderr %q; want 2 and %q", tt.args, tt.env, code, stderr, tt.want)
		}
	}
}

// TestShowWidthClamped: --width is held to 20..500 columns, in show alone.
func TestShowWidthClamped(t *testing.T) {
	for _, tt := range []struct{ width, most int }{{1, 20}, {19, 20}, {100000, 500}} {
		out, _, code := runCLI(t, "--lessons", codeFixture, "show", "samples", "--width", fmt.Sprint(tt.width))
		if code != 0 {
			t.Fatalf("--width %d: exit %d", tt.width, code)
		}
		widest := 0
		for _, l := range strings.Split(out, "\n") {
			widest = max(widest, ansi.StringWidth(l))
		}
		if widest > tt.most || tt.most == 500 && widest < 100 {
			t.Errorf("--width %d: lines up to %d columns, want at most %d", tt.width, widest, tt.most)
		}
	}
}

// codeFixture is a course for the code options of show: a lesson with two runnable samples, their
// output, a helper module they import and a shell command, and a lesson without code.
const codeFixture = "testdata/code-course"

// TestShowCodeRuns: --code prints a lesson's runnable samples raw and names the file they read;
// saved with it, they run and print what the lesson shows (checked with any python3).
func TestShowCodeRuns(t *testing.T) {
	script, stderr, code := runCLI(t, "--lessons", codeFixture, "show", "samples", "--code")
	want := "total = sum(range(1, 11))\nprint(f\"sum of 1 to 10: {total}\")\n\nfrom helpers import mean\n"
	if code != 0 || !strings.HasPrefix(script, want) || strings.Contains(script, "def mean") || strings.Contains(script, "55") {
		t.Fatalf("exit %d: --code printed more or less than the run samples, or indented them:\n%s", code, script)
	}
	if stderr != "aieng: the code also reads helpers.py (code block 3): aieng show samples --code --block 3 > helpers.py\n" {
		t.Errorf("the file the samples import is not named: %q", stderr)
	}
	helpers, _, _ := runCLI(t, "--lessons", codeFixture, "show", "samples", "--block", "3")
	out1, _, _ := runCLI(t, "--lessons", codeFixture, "show", "samples", "--block", "2")
	out2, _, _ := runCLI(t, "--lessons", codeFixture, "show", "samples", "--block", "5")
	if out1 != "sum of 1 to 10: 55\n" || out2 != "mean: 3.0\n" || !strings.HasPrefix(helpers, "def mean(values):\n") {
		t.Fatalf("--block 2, 3 and 5 are not the lesson's blocks: %q %q %q", out1, helpers, out2)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3: the saved samples are not run (apt-get install -y python3; .ci/run does)")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{"samples.py": script, "helpers.py": helpers} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(python, "samples.py")
	cmd.Dir = dir
	got, err := cmd.CombinedOutput()
	if err != nil || string(got) != out1+out2 {
		t.Errorf("the saved samples (%v) print\n%s\nthe lesson shows\n%s%s", err, got, out1, out2)
	}
}

// TestShowCode: the shipped course's model-training samples, printed by --code and saved to a
// file, run and print what the lesson shows (checked with python3 when it has scikit-learn).
func TestShowCode(t *testing.T) {
	requireShippedCourse(t)
	script, stderr, code := runCLI(t, "show", "designing-models", "--code")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(script, "from sklearn.datasets import load_breast_cancer\n") || strings.Contains(script, "ROC AUC: 0.996") {
		t.Fatalf("--code printed more or less than the samples, or indented them:\n%s", script)
	}
	out1, _, _ := runCLI(t, "show", "designing-models", "--code", "--block", "2")
	out2, _, _ := runCLI(t, "show", "designing-models", "--block", "4")
	if !strings.HasPrefix(out1, "cross-validated F1") || !strings.HasPrefix(out2, "threshold 0.5") {
		t.Fatalf("--block 2 and 4 are not the expected output blocks:\n%s\n%s", out1, out2)
	}
	python := codePython(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "train.py")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, path)
	cmd.Dir = dir
	var stdout, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("the saved script fails: %v\n%s", err, errOut.String())
	}
	if stdout.String() != out1+out2 {
		t.Errorf("the script prints\n%s\nthe lesson shows\n%s%s", stdout.String(), out1, out2)
	}
}

// codePython returns a python3 with the course's libraries ($AIENG_PYTHON first), or skips.
func codePython(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("AIENG_PYTHON"), "python3", "/usr/bin/python3"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		p, err := exec.LookPath(c)
		if err == nil && exec.Command(p, "-c", "import sklearn").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 with scikit-learn: the saved script is not run (apt-get install -y python3-sklearn; .ci/run does)")
	return ""
}

func TestShowCodeChoices(t *testing.T) {
	bash, _, code := runCLI(t, "--lessons", codeFixture, "show", "samples", "--lang", "bash")
	if code != 0 || bash != "python3 samples.py\n" {
		t.Errorf("--lang bash: exit %d: %q", code, bash)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"show", "samples", "--block", "9"}, 2, "--block 9: the lesson has 6 code blocks"},
		{[]string{"show", "samples", "--lang", "rust"}, 2, "--lang rust: the lesson has no code in that language"},
		{[]string{"show", "reading", "--code"}, 1, "lesson reading has no code"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, append([]string{"--lessons", codeFixture}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestPage: the pager is $PAGER's words (else less -R), with LESS=FRX when LESS is unset; a pager
// that cannot start leaves the printing to show.
func TestPage(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	var out bytes.Buffer
	if err := page("one\ntwo\n", &out, &out, env(map[string]string{"PAGER": "sed s/^/paged:/"})); err != nil {
		t.Fatal(err)
	}
	if out.String() != "paged:one\npaged:two\n" {
		t.Errorf("through $PAGER: %q", out.String())
	}
	out.Reset()
	if err := page("x\n", &out, &out, env(map[string]string{"PAGER": "env"})); err != nil || !strings.Contains(out.String(), "LESS=FRX\n") {
		t.Errorf("LESS is not set for the pager: %v\n%s", err, out.String())
	}
	if err := page("x\n", &out, &out, env(map[string]string{"PAGER": "/no/such/pager"})); err != errNoPager {
		t.Errorf("a missing pager: %v", err)
	}
}

// TestShowArgumentErrors is learner finding 23: a missing lesson, a word for a number and a
// lesson given by its number in the outline get a plain answer, not Cobra's or strconv's.
func TestShowArgumentErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "show needs a lesson"},
		{[]string{"basics", "extra"}, "show takes one lesson, not 2"},
		{[]string{"basics", "--width", "abc"}, `invalid argument "abc" for "--width" flag: a whole number is needed`},
		{[]string{"basics", "--width", "99999999999999999999"}, "the number is too large"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, append([]string{"--lessons", fixtureCourse, "show"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "strconv") || strings.Contains(stderr, "arg(s)") {
			t.Errorf("show %v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	byID, _, _ := runCLI(t, "--lessons", fixtureCourse, "show", "basics")
	byNumber, stderr, code := runCLI(t, "--lessons", fixtureCourse, "show", "2") // basics is lesson 2
	if code != 0 || byNumber != byID {
		t.Errorf("show 2: exit %d (%s), not lesson 2", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--lessons", fixtureCourse, "show", "0"); code != 2 || !strings.Contains(stderr, `no lesson "0"`) {
		t.Errorf("show 0: exit %d, stderr %q", code, stderr)
	}
}
