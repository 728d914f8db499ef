package bundle

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// buildTiny builds a small Go program the way a base binary can be built, and returns its path.
func buildTiny(t *testing.T, src string, cgo bool, ldflags string, flags ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module tiny\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "tiny")
	cmd := exec.Command("go", append(append([]string{"build", "-ldflags", ldflags}, flags...), "-o", out, ".")...)
	cmd.Dir = dir
	env := "CGO_ENABLED=0"
	if cgo {
		env = "CGO_ENABLED=1"
	}
	cmd.Env = append(os.Environ(), env)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return out
}

const tinyMain = "package main\n\nvar Version = \"\"\n\nfunc main() { println(Version) }\n"

func TestInspectStaticAndVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries")
	}
	released := buildTiny(t, tinyMain, false, "-s -w -X main.Version=v1.2.3")
	b, err := Inspect(released)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" && b.Dynamic() {
		t.Errorf("a CGO_ENABLED=0 build reads as dynamic: %+v", b)
	}
	if b.Development() || b.Version != "v1.2.3" {
		t.Errorf("a release build: %+v, want version v1.2.3", b)
	}
	dev, err := Inspect(buildTiny(t, tinyMain, false, ""))
	if err != nil {
		t.Fatal(err)
	}
	if !dev.Development() {
		t.Errorf("a build without a version reads as a release: %+v", dev)
	}
	// Release builds use -trimpath, which keeps -ldflags out of the build information: such a
	// build is not called a development build, since its version cannot be seen.
	trimmed, err := Inspect(buildTiny(t, tinyMain, false, "-s -w -X main.Version=v1.2.3", "-trimpath"))
	if err != nil {
		t.Fatal(err)
	}
	if !trimmed.Trimmed || trimmed.Development() {
		t.Errorf("a -trimpath release build: %+v, want trimmed and not a development build", trimmed)
	}
}

func TestInspectDynamic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries")
	}
	if runtime.GOOS != "linux" {
		t.Skip("only ELF binaries are checked for dynamic linking")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler (gcc) to build a dynamically linked binary with")
	}
	src := "package main\n\nimport \"os/user\"\n\nfunc main() { _, _ = user.Current() }\n"
	b, err := Inspect(buildTiny(t, src, true, ""))
	if err != nil {
		t.Fatal(err)
	}
	if !b.Dynamic() || !strings.Contains(b.Interpreter, "ld") || !slices.ContainsFunc(b.Needed, func(s string) bool { return strings.HasPrefix(s, "libc.") }) {
		t.Errorf("a cgo build: %+v, want an interpreter and libc", b)
	}
}

func TestInspectNotAGoBinary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "script")
	if err := os.WriteFile(path, []byte("#!/bin/sh\necho hi\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := Inspect(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Dynamic() || b.Development() || b.BuildInfoErr == nil {
		t.Errorf("a shell script: %+v, want only a build-info error", b)
	}
}
