package main

import (
	"bytes"
	"runtime/debug"

	"github.com/spf13/cobra"

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
		Long: "Print one lesson, rendered for the terminal: in colour on a terminal (through a pager,\n" +
			"$PAGER or less -R, when it is taller than the screen), plain text when piped. NO_COLOR\n" +
			"keeps bold and underline but no colour; --color always keeps colour in a pipe\n" +
			"(aieng show ID --color always | less -R). The theme is --theme, else $AIENG_THEME, else\n" +
			"what the terminal says of its background.\n" +
			"With --code, print only the lesson's code, raw, as the lesson has it: its runnable\n" +
			"samples (blocks marked run) when it has some, else every block but expected output;\n" +
			"--block N picks one block (numbered as the reader's \"code block N of M\"), --lang one\n" +
			"language. aieng show designing-models --code > train.py gives a script that runs.\n" +
			"With --quiz, print the lesson's quiz instead, for proofreading: every question with every\n" +
			"choice in written order, the right answers marked [x], feedback, hints and explanations,\n" +
			"as Markdown.",
		Args: cobra.ExactArgs(1),
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
			l := c.Lesson(args[0])
			if l == nil {
				return usageError("no lesson %q in %s; '%s list' shows the lesson ids", args[0], c.Title, a.name)
			}
			switch {
			case quiz:
				return a.showQuiz(l)
			case o.code:
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
