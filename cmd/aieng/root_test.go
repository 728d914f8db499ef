package main

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/watch"
	"github.com/aieng/aieng/lessons"
)

func TestHelpListsEveryCommand(t *testing.T) {
	out, _, code := runCLI(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, name := range []string{"list", "show", "progress", "reset", "validate", "init", "new", "bundle", "key", "export", "version"} {
		if !strings.Contains(out, "\n  "+name+" ") {
			t.Errorf("--help does not list %q:\n%s", name, out)
		}
	}
}

func TestCourseUpdates(t *testing.T) {
	in := make(chan watch.Result, 2)
	good := &lessons.Course{ID: "c"}
	in <- watch.Result{Course: good, Problems: lessons.Problems{{Path: "a.md", Line: 1, Col: 1, Severity: lessons.Warning, Message: "w"}}}
	in <- watch.Result{Problems: lessons.Problems{{Path: "/home/me/course/a.md", Line: 2, Col: 3, Message: "missing title"}}}
	close(in)
	out := courseUpdates(in, "/home/me/course/")
	if u := <-out; u.Course != good || len(u.Problems) != 0 {
		t.Errorf("a version with warnings only: %+v", u)
	}
	if u := <-out; len(u.Problems) != 1 || u.Problems[0] != "a.md:2:3: missing title" {
		t.Errorf("a version with an error: %+v", u)
	}
	if _, open := <-out; open {
		t.Error("the updates stay open after the watcher closed")
	}
}

func TestInterfaceError(t *testing.T) {
	other := errors.New("boom")
	for _, tt := range []struct {
		in   error
		code int
	}{{nil, 0}, {tea.ErrProgramPanic, 1}, {tea.ErrInterrupted, 130}, {tea.ErrProgramKilled, 130}, {other, 1}} {
		if got := exitCode(newApp(nil, &strings.Builder{}, &strings.Builder{}), interfaceError(tt.in)); got != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.in, got, tt.code)
		}
	}
}

func TestWatchNeedsLessons(t *testing.T) {
	_, stderr, code := runCLI(t, "--watch")
	if code != 2 || !strings.Contains(stderr, "--watch needs --lessons DIR") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
