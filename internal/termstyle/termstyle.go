// Package termstyle decides, once and before any program starts, how to draw for a terminal:
// its colour profile and whether its background is dark. Querying the terminal later would
// make its replies arrive as key presses.
package termstyle

import (
	"os"

	"github.com/muesli/termenv"
	"golang.org/x/term"

	"github.com/aieng/aieng/internal/render"
)

// Detect returns the Glamour style and colour profile for output to f.
func Detect(f *os.File) (render.Style, termenv.Profile) {
	if os.Getenv("NO_COLOR") != "" || !term.IsTerminal(int(f.Fd())) {
		return render.NoTTY, termenv.Ascii
	}
	out := termenv.NewOutput(f)
	style := render.Light
	if out.HasDarkBackground() {
		style = render.Dark
	}
	return style, out.Profile
}

// Width returns the terminal's width in columns, or 0 when f is not a terminal.
func Width(f *os.File) int {
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
}
