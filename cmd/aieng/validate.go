package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

func (a *app) validateCmd() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a course folder (default: the built-in course) and report every problem",
		Long: "Check a course folder and report every problem at once, one per line, as\n" +
			"path:line:col: message. Exits 1 when there is an error (or, with --strict, a warning).",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.lessonsDir
			if len(args) == 1 {
				dir = args[0]
			}
			c, probs, err := a.load(dir)
			if err != nil {
				return err
			}
			return a.reportProblems(c, probs, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

func (a *app) reportProblems(c *lessons.Course, probs lessons.Problems, strict bool) error {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	errs, warns := len(probs.Errors()), len(probs.Warnings())
	failed := errs > 0 || (strict && warns > 0)
	if failed {
		fmt.Fprintf(&b, "%s: %d error%s, %d warning%s\n", safetext.Quote(c.Source), errs, plural(errs), warns, plural(warns))
	} else {
		nl, nq, ns := len(c.Lessons), c.QuestionCount(), len(c.Sections())
		fmt.Fprintf(&b, "%s: ok: %d lesson%s, %d question%s, %d section%s", safetext.Quote(c.Source), nl, plural(nl), nq, plural(nq), ns, plural(ns))
		if warns > 0 {
			fmt.Fprintf(&b, " (%d warning%s)", warns, plural(warns))
		}
		b.WriteByte('\n')
	}
	if _, err := fmt.Fprint(a.stdout, b.String()); err != nil {
		return err
	}
	if failed {
		return &exitError{code: 1}
	}
	return nil
}
