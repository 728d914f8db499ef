package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/internal/watch"
	"github.com/aieng/aieng/tui"
)

// runInteractive starts the learner's TUI.
func (a *app) runInteractive(cmd *cobra.Command) error { return a.runCourse(cmd, tui.NoReview) }

// runCourse starts the learner's TUI, on a review session unless review is tui.NoReview.
func (a *app) runCourse(cmd *cobra.Command, review tui.ReviewMode) error {
	if err := a.checkInteractiveFlags(); err != nil {
		return err
	}
	if os.Getenv("TERM") == "dumb" {
		// A dumb terminal cannot move the cursor: the interface would print its escape
		// sequences as garbage.
		return &exitError{code: 1, msg: "the interactive course needs a terminal that can move the cursor, and TERM=dumb says this one cannot.\n" +
			"'aieng list' prints the outline and 'aieng show ID' prints a lesson; or set TERM to your terminal's type (for example xterm-256color)."}
	}
	in, out := a.terminal()
	if in == nil || out == nil {
		return &exitError{code: 1, msg: "the interactive course needs a terminal (stdin and stdout must both be one).\n" +
			fmt.Sprintf("Without one, '%s list' prints the outline and '%s show ID' prints a lesson.", a.name, a.name)}
	}
	now, err := a.clock()
	if err != nil {
		return err
	}
	course, store, err := a.courseAndProgress()
	if err != nil {
		return err
	}
	// The look is decided here, once, before the program starts: nothing asks the terminal
	// while it runs.
	opts := tui.Options{Look: termstyle.ForTerminal(out, a.theme), Input: in, Output: out, Mouse: a.mouse, Warnings: store.Warnings(),
		Lab: a.openLab, Review: review, Now: now}
	if a.watch {
		w, err := watch.Start(a.lessonsDir)
		if err != nil {
			return fmt.Errorf("cannot watch %s: %w", a.lessonsDir, err)
		}
		defer w.Close()
		opts.Updates = courseUpdates(w.C, a.lessonsDir)
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	return interfaceError(tui.Run(ctx, course, store, opts))
}

func (a *app) checkInteractiveFlags() error {
	theme, err := termstyle.Theme(a.theme, os.Getenv)
	if err != nil {
		return usageError("%v", err)
	}
	a.theme = theme
	if a.watch && a.lessonsDir == "" {
		return usageError("--watch needs --lessons DIR: the folder to watch")
	}
	return nil
}

// interfaceError turns the way the interface ended into the command's error.
func interfaceError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea restored the terminal and printed the panic; the progress saved so far
		// is on disk.
		return &exitError{code: 1, msg: "the interface stopped on an internal error (a bug, please report it); your progress is saved"}
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return &exitError{code: 130}
	}
	return err
}

// courseUpdates turns the watcher's reloads of the course in dir into the interface's course
// updates: a version with errors is reported by its problems, and warnings alone do not hold a
// version back. Problems name their files from the course folder ("01-intro.md:3:1: ..."), so
// the narrow panel shows the part that matters.
func courseUpdates(in <-chan watch.Result, dir string) <-chan tui.CourseUpdate {
	out := make(chan tui.CourseUpdate)
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	go func() {
		defer close(out)
		for r := range in {
			u := tui.CourseUpdate{Course: r.Course, Err: r.Err}
			for _, p := range r.Problems.Errors() {
				p.Path = strings.TrimPrefix(p.Path, prefix)
				u.Problems = append(u.Problems, p.String())
			}
			out <- u
		}
	}()
	return out
}

// terminal returns stdin and stdout when both are terminals, else nils.
func (a *app) terminal() (in, out *os.File) {
	if !termstyle.IsTerminal(a.stdin) || !termstyle.IsTerminal(a.stdout) {
		return nil, nil
	}
	return a.stdin.(*os.File), a.stdout.(*os.File)
}
