package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitNewValidateCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bootcamp")
	if _, stderr, code := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--lessons", dir, "new", "Feature stores"); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	out, _, code := runCLI(t, "validate", "--strict", dir)
	if code != 0 || !strings.Contains(out, "ok: 2 lessons, 6 questions, 1 section") {
		t.Errorf("validate: exit %d: %s", code, out)
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
	if _, stderr, code := runCLI(t, "bundle", dir, "-o", out, "--base", base); code != 0 {
		t.Fatalf("bundle: exit %d: %s", code, stderr)
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
