package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/bundle"
)

func TestInitNewValidateCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bootcamp")
	if _, stderr, code := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--lessons", dir, "new", "Feature stores"); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	// A fresh course validates, with a warning for each placeholder left to replace, so it
	// fails --strict until the author has written it.
	out, _, code := runCLI(t, "validate", dir)
	if code != 0 || !strings.Contains(out, "ok: 2 lessons, 6 questions, 1 section (9 warnings)") {
		t.Errorf("validate: exit %d: %s", code, out)
	}
	if out, _, code := runCLI(t, "validate", "--strict", dir); code != 1 || !strings.Contains(out, "placeholder from aieng new left unchanged") {
		t.Errorf("validate --strict of a fresh course: exit %d: %s", code, out)
	}
	if _, stderr, code := runCLI(t, "init", dir); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second init: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--lessons", dir, "new", "Feature stores"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("new with a taken title: exit %d, stderr %q", code, stderr)
	}
}

func TestBundle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	base := buildBinary(t)
	dir := filepath.Join(t.TempDir(), "tiny-course")
	if _, stderr, code := runCLI(t, "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(t.TempDir(), "tiny")
	_, stderr, code := runCLI(t, "bundle", dir, "-o", out, "--base", base)
	if code != 0 {
		t.Fatalf("bundle: exit %d: %s", code, stderr)
	}
	// The course's warnings are shown (here the placeholders init wrote), and the base is
	// judged as it is: a release build, static or not depending on how this machine builds.
	for _, want := range []string{"01-welcome.md:11:1: warning: placeholder from aieng init left unchanged",
		"course.yaml:4:14: warning: placeholder", "aieng: warning: the course has 2 warnings (listed above); it is bundled as it is"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("bundle's stderr lacks %q:\n%s", want, stderr)
		}
	}
	info, err := bundle.Inspect(base)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Contains(stderr, "is dynamically linked (it needs "); got != info.Dynamic() {
		t.Errorf("dynamic base %v, but the warning is shown: %v\n%s", info.Dynamic(), got, stderr)
	}
	if strings.Contains(stderr, "development build") {
		t.Errorf("a versioned base is called a development build:\n%s", stderr)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(out, args...)
		cmd.Env = append(os.Environ(), "AIENG_PROGRESS="+filepath.Join(t.TempDir(), "p.json"))
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", out, args, err, b)
		}
		return string(b)
	}
	if v := run("version"); !strings.Contains(v, "aieng v9.8.7") || !strings.Contains(v, "course: Tiny Course (tiny-course) version 0.1.0") {
		t.Errorf("version of the bundle: %q", v)
	}
	if l := run("list"); !strings.Contains(l, "Welcome to your course") || strings.Contains(l, "Command Test Course") {
		t.Errorf("list of the bundle shows the wrong course:\n%s", l)
	}
	// The bundle speaks its own name, says the same for version and --version, and does not
	// print its answers to the learners it is handed to.
	if h := run("--help"); !strings.HasPrefix(h, "tiny is an interactive course") || !strings.Contains(h, "tiny [command]") {
		t.Errorf("help of the bundle:\n%s", h)
	}
	if l := run("list"); !strings.Contains(l, "Read one with: tiny show ID") {
		t.Errorf("list of the bundle names another program:\n%s", l)
	}
	if v, f := run("version"), run("--version"); v != f {
		t.Errorf("version %q and --version %q differ", v, f)
	}
	for _, args := range [][]string{{"key"}, {"show", "welcome", "--quiz"}, {"list", "--json", "--answers"}, {"export", "moodle"}} {
		b, err := exec.Command(out, args...).CombinedOutput()
		if err == nil || !strings.Contains(string(b), "a course handed to learners does not offer it") || strings.Contains(string(b), "[x]") {
			t.Errorf("tiny %v: %v\n%s", args, err, b)
		}
	}
	// Bundling a bundle replaces its course rather than stacking a second one.
	second := filepath.Join(t.TempDir(), "again")
	if _, stderr, code := runCLI(t, "bundle", fixtureCourse, "-o", second, "--base", out); code != 0 {
		t.Fatalf("re-bundle: %s", stderr)
	}
	b, err := exec.Command(second, "list").CombinedOutput()
	if err != nil || !strings.Contains(string(b), "Command Test Course") || strings.Contains(string(b), "Tiny Course") {
		t.Errorf("re-bundled binary: %v\n%s", err, b)
	}
}

// TestBundleOnDevelopmentBuild bundles onto this test binary, which has no version stamped.
func TestBundleOnDevelopmentBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "course-bin")
	_, stderr, code := runCLI(t, "bundle", fixtureCourse, "-o", out, "--base", os.Args[0])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "aieng: warning: the base binary "+os.Args[0]+" is a development build (no version stamped): learners' 'course-bin version' will say \"dev\"") {
		t.Errorf("no development-build warning:\n%s", stderr)
	}
	if !strings.Contains(stderr, "02-basics.md:14:1: warning: the right choice is 28 characters") {
		t.Errorf("the course's warning is not shown:\n%s", stderr)
	}
	// Without --base the running binary is copied, and it knows its own version: none here.
	_, stderr, code = runCLI(t, "bundle", fixtureCourse, "-o", out)
	if code != 0 || !strings.Contains(stderr, "is a development build") {
		t.Errorf("bundle onto this binary: exit %d, stderr:\n%s", code, stderr)
	}
}

func TestBundleRefusesBrokenCourse(t *testing.T) {
	out := filepath.Join(t.TempDir(), "broken")
	_, stderr, code := runCLI(t, "bundle", "../../lessons/testdata/problems/no-explanation", "-o", out, "--base", os.Args[0])
	if code != 1 || !strings.Contains(stderr, "question has no explanation") || !strings.Contains(stderr, "not bundled") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused bundle still wrote a file")
	}
	if _, stderr, code := runCLI(t, "bundle", fixtureCourse); code != 2 || !strings.Contains(stderr, "-o FILE") {
		t.Errorf("without -o: exit %d, stderr %q", code, stderr)
	}
}

// TestInitNextHintPastes: the "Next:" line init prints names the folder so that it can be
// pasted into a shell, for a path with spaces or quotes too (it was printed bare).
func TestInitNextHintPastes(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to paste the hint into")
	}
	for _, name := range []string{"plain-course", "My Course 2026", "Ann's course"} {
		dir := filepath.Join(t.TempDir(), name)
		out, stderr, code := runCLI(t, "init", dir)
		if code != 0 {
			t.Fatalf("init %q: exit %d: %s", name, code, stderr)
		}
		_, hint, ok := strings.Cut(out, "Next: aieng --lessons ")
		word, _, ok2 := strings.Cut(hint, " new ")
		if !ok || !ok2 {
			t.Fatalf("init %q printed no Next hint: %s", name, out)
		}
		got, err := exec.Command(sh, "-c", "printf %s "+word).Output()
		if err != nil || string(got) != dir {
			t.Errorf("init %q: the hint's folder %s reads in sh as %q (error %v), want %q", name, word, got, err, dir)
		}
		if name == "plain-course" && word != dir {
			t.Errorf("a plain path is quoted: %s", word)
		}
	}
}
