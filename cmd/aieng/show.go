package main

import (
	"fmt"
	"os"

	"github.com/muesli/termenv"
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
			opts := a.printOptions(width)
			out, err := render.Lesson(l, opts)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(a.stdout, out)
			return err
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "wrap the text at `N` columns (default: the terminal's width, or 80)")
	return cmd
}

// printOptions picks the style for text printed to stdout: colour only on a terminal without
// NO_COLOR, and a width that fits the terminal.
func (a *app) printOptions(width int) render.Options {
	f, isFile := a.stdout.(*os.File)
	tty := isFile && isTerminal(f)
	o := render.Options{Width: width, Style: render.NoTTY, Profile: termenv.Ascii}
	if tty {
		o.Style, o.Profile = termstyle.Detect(f, "")
	}
	if o.Width == 0 {
		o.Width = 80
		if tty {
			if w := termstyle.Width(f); w > 0 {
				o.Width = min(w, 100)
			}
		}
	}
	return o
}
