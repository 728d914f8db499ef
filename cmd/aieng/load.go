package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aieng/aieng/internal/bundle"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// Every command gets its course and progress file here: one loader, one way to refuse a
// course with problems, one way to open progress.

// load loads the course in the folder dir, or with dir "" the course this binary runs: the one
// attached by 'aieng bundle', else the built-in one. Problems in the course are returned, not
// reported: validate lists them, the other commands refuse the course (refuse).
func (a *app) load(dir string) (*lessons.Course, lessons.Problems, error) {
	if dir != "" {
		return lessons.LoadDir(dir)
	}
	fsys, err := bundle.FromExecutable()
	if err != nil {
		return nil, nil, err
	}
	if fsys != nil {
		a.bundled = true
		return lessons.Load(fsys, "bundled course")
	}
	return lessons.Builtin()
}

// refuse prints a course's errors on stderr, one path:line:col: message a line, and returns
// the error that stops the command with why (exit status 1).
func (a *app) refuse(probs lessons.Problems, why string) error {
	var b strings.Builder
	for _, p := range probs.Errors() {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	fmt.Fprint(a.stderr, b.String())
	return &exitError{code: 1, msg: why}
}

// loadCourse loads the course the learner's commands run on (--lessons DIR, or the course of
// this binary), once per process. A course with errors is refused, since running it would show
// learners broken lessons.
func (a *app) loadCourse() (*lessons.Course, error) {
	if a.course != nil {
		return a.course, nil
	}
	c, probs, err := a.load(a.lessonsDir)
	if err != nil {
		return nil, err
	}
	if probs.HasErrors() {
		hint := a.name + " validate"
		if a.lessonsDir != "" {
			hint += " " + a.lessonsDir
		}
		return nil, a.refuse(probs, fmt.Sprintf("the course in %s has %d problem(s); run '%s' for details", c.Source, len(probs.Errors()), hint))
	}
	a.course = c
	return c, nil
}

// progressPath returns the progress file: --progress, else $AIENG_PROGRESS, else the XDG
// state directory.
func (a *app) progressPath() (string, error) {
	if a.progressFile == "" {
		return progress.DefaultPath()
	}
	abs, err := filepath.Abs(a.progressFile)
	if err != nil {
		return "", fmt.Errorf("--progress %s: %w", a.progressFile, err)
	}
	return abs, nil
}

// openProgress opens the learner's progress file and prints each of its warnings on stderr, one
// line each. Problems with the file are warnings, not errors: the learner can go on. A path the
// learner gave (--progress, $AIENG_PROGRESS) is opened with progress.OpenGiven, which never
// moves or replaces a file there that is not a progress file.
func (a *app) openProgress() (*progress.Store, error) {
	path, err := a.progressPath()
	if err != nil {
		return nil, err
	}
	open := progress.Open
	if a.progressFile != "" || os.Getenv(progress.EnvPath) != "" {
		open = progress.OpenGiven // the learner's own path: a file there that is not progress is theirs
	}
	store, err := open(path)
	if err != nil {
		return nil, err
	}
	for _, w := range store.Warnings() {
		fmt.Fprintln(a.stderr, safetext.Text(a.name+": warning: "+w))
	}
	return store, nil
}

// courseAndProgress loads the course and opens the learner's progress, as every command that
// shows or changes progress starts.
func (a *app) courseAndProgress() (*lessons.Course, *progress.Store, error) {
	course, err := a.loadCourse()
	if err != nil {
		return nil, nil, err
	}
	store, err := a.openProgress()
	if err != nil {
		return nil, nil, err
	}
	return course, store, nil
}
