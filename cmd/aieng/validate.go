package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

func (a *app) validateCmd() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a course folder and report every problem (default: this folder, if it has course.yaml)",
		Long: "Check a course folder and report every problem at once, one per line, as\n" +
			"path:line:col: message. Exits 1 when there is an error (or, with --strict, a warning).\n" +
			"Without DIR it checks the course folder you are in (one with course.yaml), else the\n" +
			"course of this binary, and says which it checked.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, label := a.validateTarget(args)
			c, probs, err := a.load(dir)
			if err != nil {
				return err
			}
			if label == "" {
				label = a.courseLabel(c)
			}
			return a.reportProblems(label, c, probs, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

// validateTarget picks the course validate checks, and how to name it when it is not named by
// its own path: DIR, else --lessons DIR, else the folder the command runs in when it holds a
// manifest (an author at work), else the course of this binary.
func (a *app) validateTarget(args []string) (dir, label string) {
	switch {
	case len(args) == 1:
		return args[0], ""
	case a.lessonsDir != "":
		return a.lessonsDir, ""
	}
	if info, err := os.Stat(lessons.ManifestName); err == nil && info.Mode().IsRegular() {
		return ".", "the course in this folder"
	}
	return "", ""
}

// courseLabel names a loaded course for the summary line: its folder, or which course of the
// binary it is.
func (a *app) courseLabel(c *lessons.Course) string {
	switch {
	case a.bundled && c.Source == "bundled course":
		return "the bundled course"
	case c.Source == "lessons/course" && a.lessonsDir == "":
		return "the built-in course (lessons/course)"
	}
	return safetext.Quote(c.Source)
}

func (a *app) reportProblems(label string, c *lessons.Course, probs lessons.Problems, strict bool) error {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	errs, warns := len(probs.Errors()), len(probs.Warnings())
	failed := errs > 0 || (strict && warns > 0)
	if failed {
		fmt.Fprintf(&b, "%s: %d error%s, %d warning%s\n", label, errs, plural(errs), warns, plural(warns))
	} else {
		nl, nq, ns := len(c.Lessons), c.QuestionCount(), len(c.Sections())
		fmt.Fprintf(&b, "%s: ok: %d lesson%s, %d question%s, %d section%s", label, nl, plural(nl), nq, plural(nq), ns, plural(ns))
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
