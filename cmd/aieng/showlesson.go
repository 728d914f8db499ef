package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

// showFlags are show's flags about how a lesson is printed.
type showFlags struct {
	color, theme string
	noPager      bool
	code         bool
	block        int
	lang         string
}

// The widths show lays a lesson out at: narrower, no word would fit beside a list's indent;
// wider, a line is too long to read and a hostile --width would cost memory for nothing.
const (
	minShowWidth = 20
	maxShowWidth = 500
)

func (o *showFlags) define(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.color, "color", termstyle.ColorAuto, "`WHEN` to use colour: auto (on a terminal), always (also into a pipe) or never")
	f.StringVar(&o.theme, "theme", "", "colours for a `dark|light` terminal background, or auto (default: $AIENG_THEME, else detected)")
	f.BoolVar(&o.noPager, "no-pager", false, "print straight to the terminal, without a pager, however long the lesson")
	f.BoolVar(&o.code, "code", false, "print only the lesson's code, raw (its runnable samples when it has some)")
	f.IntVar(&o.block, "block", 0, "with --code: only code block `N` (1 is the first)")
	f.StringVar(&o.lang, "lang", "", "with --code: only the blocks in `LANGUAGE` (python, sh, ...)")
}

// check validates the flags, and clamps the width to the range show lays out (the one place
// it is clamped).
func (o *showFlags) check(width *int, quiz bool) error {
	if *width < 0 {
		return usageError("--width must be a positive number of columns")
	}
	if *width > 0 {
		*width = min(max(*width, minShowWidth), maxShowWidth)
	}
	switch o.color {
	case termstyle.ColorAuto, termstyle.ColorAlways, termstyle.ColorNever:
	default:
		return usageError("--color must be auto, always or never, not %q", o.color)
	}
	theme, err := termstyle.Theme(o.theme, os.Getenv)
	if err != nil {
		return usageError("%v", err)
	}
	o.theme = theme
	if o.block < 0 {
		return usageError("--block must be a code block's number: 1 for the first")
	}
	o.code = o.code || o.block > 0 || o.lang != ""
	if o.code && quiz {
		return usageError("--code and --quiz print different things: choose one")
	}
	return nil
}

// showLesson prints a lesson for standard output: through a pager when it is a terminal and
// the lesson is taller than it, as glow and git do. The rendering is guarded (a panic or a
// rendering past its deadline is this lesson's error), and what is printed holds no escape
// sequence but styling and the links aieng made.
func (a *app) showLesson(l *lessons.Lesson, width int, o showFlags) error {
	look := termstyle.ForColor(a.stdout, o.theme, o.color)
	height := a.pagerHeight(o)
	if height > 0 {
		look.Hyperlinks = false // a pager may show OSC 8 as text
	}
	doc, err := render.SafeLessonDoc(l, look.RenderOptions(a.printWidth(width)))
	if err != nil {
		return fmt.Errorf("cannot show the lesson %q: %w", l.ID, err)
	}
	text := safetext.Styled(doc.String())
	if look.Hyperlinks {
		text = safetext.StyledLinks(strings.Join(doc.Hyperlinked(doc.Lines), "\n") + "\n")
	}
	lines := strings.Count(text, "\n")
	if height > 0 && lines > height {
		if err := page(text, a.stdout, a.stderr, os.Getenv); !errors.Is(err, errNoPager) {
			return err
		}
	}
	_, err = io.WriteString(a.stdout, text)
	return err
}

// pagerHeight returns the height of the terminal a pager would show the lesson on, or 0 when
// no pager is wanted: --no-pager, or standard output is not a terminal.
func (a *app) pagerHeight(o showFlags) int {
	if o.noPager || !a.stdoutIsTerminal() {
		return 0
	}
	return termstyle.Height(a.stdout)
}

// printWidth is the width lessons are printed at: --width, else the terminal's (at most 100),
// else 80.
func (a *app) printWidth(width int) int {
	if width > 0 {
		return width
	}
	if w := termstyle.Width(a.stdout); w > 0 {
		return min(w, 100)
	}
	return 80
}

// errNoPager tells that no pager could be started: the text is printed directly instead.
var errNoPager = errors.New("no pager")

// page shows text through $PAGER (its words: a program and its arguments, no shell), else
// less -R. The pager gets LESS=FRX when LESS is unset, as git gives it: colour shown (R), the last
// page left on the screen after quitting (X).
// While the pager runs, an interrupt is the pager's to handle: aieng waits for it to end.
func page(text string, stdout, stderr io.Writer, env termstyle.Env) error {
	args := strings.Fields(env("PAGER"))
	if len(args) == 0 {
		args = []string{"less", "-R"}
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(text), stdout, stderr
	cmd.Env = os.Environ()
	if env("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	stop := ignoreInterrupts()
	defer stop()
	if err := cmd.Start(); err != nil {
		return errNoPager
	}
	_ = cmd.Wait() // quitting the pager early is no failure of show's
	return nil
}

// ignoreInterrupts ignores Ctrl-C until the returned function is called.
func ignoreInterrupts() (stop func()) {
	signal.Ignore(os.Interrupt)
	return func() { signal.Reset(os.Interrupt) }
}
