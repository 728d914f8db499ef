package main

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/export"
	"github.com/aieng/aieng/lessons"
)

func (a *app) showCmd() *cobra.Command {
	var width int
	var quiz bool
	var o showFlags
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one lesson, rendered for the terminal (plain text when piped or NO_COLOR is set)",
		Long: "Print one lesson (ID: its id, or its number in aieng list), rendered for the terminal:\n" +
			"in colour on a terminal (through a pager, $PAGER or less -R, when it is taller than the\n" +
			"screen), plain text when piped. NO_COLOR keeps bold and underline but no colour;\n" +
			"--color always keeps colour in a pipe (aieng show ID --color always | less -R). The\n" +
			"theme is --theme, else $AIENG_THEME, else what the terminal says of its background.\n" +
			"With --code, print only the lesson's code, raw, as the lesson has it: its runnable\n" +
			"samples (blocks marked run) when it has some, else every block but expected output;\n" +
			"--block N picks one block (numbered as the reader's \"code block N of M\"), --lang one\n" +
			"language. aieng show designing-models --code > train.py gives a script that runs.\n" +
			"With --quiz, print the lesson's quiz instead, for proofreading: every question with every\n" +
			"choice in written order, the right answers marked [x], feedback, hints and explanations,\n" +
			"as Markdown.\n" +
			"In a sequential course, a lesson opens once the one before it is done (--quiz excepted).",
		Args: a.oneLesson,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(&width, quiz); err != nil {
				return err
			}
			// show loads the course, renders one lesson and exits: the garbage collector would
			// spend a quarter of its time on memory the exit frees anyway (a lesson is at most a
			// few megabytes of work: the loader's limits).
			defer debug.SetGCPercent(debug.SetGCPercent(800))
			load := a.loadCourse
			if quiz {
				load = func() (*lessons.Course, error) { return a.answersCourse("show --quiz") }
			}
			c, err := load()
			if err != nil {
				return err
			}
			l := lessonByIDOrNumber(c, args[0])
			if l == nil {
				return usageError("no lesson %q in %s; '%s list' shows the lesson ids", args[0], c.Title, a.name)
			}
			if quiz {
				return a.showQuiz(l) // for authors, as aieng key is: not locked
			}
			if err := a.checkUnlocked(c, c.Index(l.ID)); err != nil {
				return err
			}
			if o.code {
				return a.showCode(l, o)
			}
			return a.showLesson(l, width, o)
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "wrap the text at `N` columns, 20 to 500 (default: the terminal's width up to 100, or 80)")
	cmd.Flags().BoolVar(&quiz, "quiz", false, "print the lesson's quiz with its answers (Markdown), for proofreading")
	o.define(cmd)
	return cmd
}

// oneLesson checks show's arguments: one lesson, said in words rather than Cobra's
// "accepts 1 arg(s)".
func (a *app) oneLesson(_ *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return usageError("show needs a lesson: %s show ID, or its number in the outline; '%s list' shows them", a.name, a.name)
	case len(args) > 1:
		return usageError("show takes one lesson, not %d: %s show ID", len(args), a.name)
	}
	return nil
}

// lessonByIDOrNumber finds a lesson by its id or, failing that, by its number in the outline
// and in aieng list (1 for the first): a learner reads the numbers, not the ids.
func lessonByIDOrNumber(c *lessons.Course, arg string) *lessons.Lesson {
	if l := c.Lesson(arg); l != nil {
		return l
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || n > len(c.Lessons) {
		return nil
	}
	return c.Lessons[n-1]
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
