package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/export"
	"github.com/aieng/aieng/lessons"
)

// The commands that show a course's answers (key, show --quiz, list --answers, export) are for
// instructors. They work on a course folder (--lessons DIR) and on the built-in course, whose
// answers are public in the repository, but not on a course attached with 'aieng bundle': that
// binary is handed to learners, and one command should not print them the answer key. It is
// no protection: the course is inside the binary, readable by anyone who unzips it.

// answersCourse loads the course for a command that shows answers (what names it in the
// refusal).
func (a *app) answersCourse(what string) (*lessons.Course, error) {
	c, err := a.loadCourse()
	if err != nil {
		return nil, err
	}
	if a.bundled && a.lessonsDir == "" {
		return nil, &exitError{code: 1, msg: fmt.Sprintf("%s shows the answers, so a course handed to learners does not offer it; "+
			"instructors: run it on the course folder (%s --lessons DIR ...)", what, a.name)}
	}
	return c, nil
}

func (a *app) keyCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "key [--format md|csv]",
		Short: "Print the course's answer key (Markdown or CSV), to proofread the quizzes",
		Long: "Print the whole course's answer key, in written order (not shuffled), for proofreading\n" +
			"and for teaching assistants: Markdown (--format md, the default) or CSV with one row\n" +
			"per choice or accepted answer (--format csv). Use --lessons DIR for a course folder.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := export.ParseKeyFormat(format)
			if err != nil {
				return usageError("--format: %v", err)
			}
			c, err := a.answersCourse("the answer key")
			if err != nil {
				return err
			}
			var out bytes.Buffer
			if err := export.WriteKey(&out, c, f); err != nil {
				return err
			}
			_, err = a.stdout.Write(out.Bytes())
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "`md` (Markdown) or csv")
	return cmd
}
