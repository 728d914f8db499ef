// Package termstyle decides, once and before any program starts, how to draw for a terminal:
// its colour profile and whether its background is dark. Querying the terminal later would
// make its replies arrive as key presses.
package termstyle

import (
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"github.com/aieng/aieng/internal/render"
)

// Dark reports whether to draw for a dark background: theme "dark" or "light" when given,
// else the answer of Lip Gloss's default renderer, which asks the terminal at most once per
// process, so the interface and the printed lessons never ask twice.
func Dark(theme string) bool {
	switch theme {
	case "dark":
		return true
	case "light":
		return false
	}
	return lipgloss.DefaultRenderer().HasDarkBackground()
}

// Detect returns the Glamour style and colour profile for output to f: the notty style and no
// colour when f is not a terminal, else what ForTerminal says.
func Detect(f *os.File, theme string) (render.Style, termenv.Profile) {
	if !term.IsTerminal(int(f.Fd())) {
		return render.NoTTY, termenv.Ascii
	}
	return ForTerminal(f, theme)
}

// ForTerminal returns the Glamour style and colour profile for a terminal f: the notty style
// and no colour with NO_COLOR, else the dark or light style for theme (see Dark) and the
// profile the environment announces.
func ForTerminal(f *os.File, theme string) (render.Style, termenv.Profile) {
	if os.Getenv("NO_COLOR") != "" {
		return render.NoTTY, termenv.Ascii
	}
	style := render.Light
	if Dark(theme) {
		style = render.Dark
	}
	return style, termenv.NewOutput(f).EnvColorProfile()
}

// Width returns the terminal's width in columns, or 0 when f is not a terminal.
func Width(f *os.File) int {
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
}
