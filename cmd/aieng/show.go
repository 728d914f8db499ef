package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/export"
	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

func (a *app) showCmd() *cobra.Command {
	var width int
	var quiz bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one lesson, rendered for the terminal (plain text when piped or NO_COLOR is set)",
		Long: "Print one lesson, rendered for the terminal (plain text when piped or NO_COLOR is set).\n" +
			"With --quiz, print the lesson's quiz instead, for proofreading: every question with every\n" +
			"choice in written order, the right answers marked [x], feedback, hints and explanations,\n" +
			"as Markdown.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if width < 0 {
				return usageError("--width must be a positive number of columns")
			}
			load := a.loadCourse
			if quiz {
				load = func() (*lessons.Course, error) { return a.answersCourse("show --quiz") }
			}
			c, err := load()
			if err != nil {
				return err
			}
			l := c.Lesson(args[0])
			if l == nil {
				return usageError("no lesson %q in %s; '%s list' shows the lesson ids", args[0], c.Title, a.name)
			}
			if quiz {
				return a.showQuiz(l) // for authors, as aieng key is: not locked
			}
			if err := a.checkUnlocked(c, c.Index(l.ID)); err != nil {
				return err
			}
			// Guarded: a panic or a rendering past its deadline is this lesson's error, and
			// the output holds no escape sequence but styling.
			out, err := render.SafeLesson(l, termstyle.For(a.stdout, "").RenderOptions(a.printWidth(width)))
			if err != nil {
				return fmt.Errorf("cannot show the lesson %q: %w", l.ID, err)
			}
			_, err = fmt.Fprint(a.stdout, out)
			return err
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "wrap the text at `N` columns, 20 to 500 (default: the terminal's width, or 80)")
	cmd.Flags().BoolVar(&quiz, "quiz", false, "print the lesson's quiz with its answers (Markdown), for proofreading")
	return cmd
}

// showQuiz prints a lesson's quiz with its answers as Markdown, unrendered: it is for checking
// what was written, and copies cleanly into a review or a diff.
func (a *app) showQuiz(l *lessons.Lesson) error {
	var out bytes.Buffer
	if err := export.WriteLessonKey(&out, l); err != nil {
		return err
	}
	_, err := a.stdout.Write(out.Bytes())
	return err
}

// checkUnlocked refuses a lesson a sequential course keeps closed for this learner, as the
// interface does (progress.CourseInfo.Locked).
func (a *app) checkUnlocked(c *lessons.Course, i int) error {
	if !c.Sequential {
		return nil // no need to read the learner's progress
	}
	store, err := a.openProgress()
	if err != nil {
		return err
	}
	if !courseinfo.Of(c).Locked(store.Course(c.ID), i) {
		return nil
	}
	prev := c.Lessons[i-1]
	todo := fmt.Sprintf("pass the quiz of “%s” (%s) first", prev.Title, prev.ID)
	if len(prev.Quiz) == 0 {
		todo = fmt.Sprintf("read “%s” (%s) to its end first", prev.Title, prev.ID)
	}
	return fmt.Errorf("lesson %s is locked: %s opens its lessons in order; %s", c.Lessons[i].ID, c.Title, todo)
}

// The widths --width is held to: narrower, nothing fits beside the margins; wider, no line is
// read, and the rendering's cost grows with the width.
const (
	minPrintWidth = 20
	maxPrintWidth = 500
)

// printWidth is the width lessons are printed at: --width (held to 20 to 500), else the
// terminal's (at most 100), else 80.
func (a *app) printWidth(width int) int {
	if width > 0 {
		return min(max(width, minPrintWidth), maxPrintWidth)
	}
	if w := termstyle.Width(a.stdout); w > 0 {
		return min(w, 100)
	}
	return 80
}
