package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
)

func (a *app) showCmd() *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one lesson, rendered for the terminal (plain text when piped or NO_COLOR is set)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if width < 0 {
				return usageError("--width must be a positive number of columns")
			}
			c, err := a.loadCourse()
			if err != nil {
				return err
			}
			l := c.Lesson(args[0])
			if l == nil {
				return usageError("no lesson %q in %s; 'aieng list' shows the lesson ids", args[0], c.Title)
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
	return cmd
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
