// Package termstyle decides, once and before any program starts, how to draw for an output:
// the Look (colour profile, dark or light background, colour or none) that both the printed
// lessons (aieng show) and the interface use. Querying the terminal later would make its
// replies arrive as key presses.
package termstyle

import (
	"io"
	"os"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	// Imported for its init, which runs before Bubble Tea's and keeps it from asking the
	// terminal for its background at start-up (see there).
	_ "github.com/aieng/aieng/internal/quietinit"
	"github.com/aieng/aieng/internal/render"
)

// Look is how to draw for one output.
type Look struct {
	// Style is Glamour's style for lessons: Dark or Light, or NoTTY without colour.
	Style render.Style
	// Profile is the colour profile lessons are drawn with (Ascii for NoTTY).
	Profile termenv.Profile
	// Dark tells the interface's adaptive colours that the background is dark.
	Dark bool
	// NoColor draws the interface without colour (NO_COLOR): bold and reverse video only.
	NoColor bool
}

// Plain is the look without colour: pipes, files, and NO_COLOR.
func Plain() Look {
	return Look{Style: render.NoTTY, Profile: termenv.Ascii, Dark: true, NoColor: true}
}

// For returns the look for output w: Plain when w is not a terminal, else ForTerminal.
func For(w io.Writer, theme string) Look {
	f, ok := w.(*os.File)
	if !ok || !IsTerminal(f) {
		return Plain()
	}
	return ForTerminal(f, theme)
}

// ForTerminal returns the look for a terminal f: Plain with NO_COLOR, else the colours for a
// dark or light background (theme "dark" or "light", or "" for Dark to decide) in the colour
// profile the environment announces. Lip Gloss's default renderer is told the same background,
// so that nothing drawn with it asks the terminal later.
func ForTerminal(f *os.File, theme string) Look {
	if os.Getenv("NO_COLOR") != "" {
		return Plain()
	}
	l := Look{Style: render.Light, Profile: termenv.NewOutput(f).EnvColorProfile(), Dark: Dark(f, theme)}
	if l.Dark {
		l.Style = render.Dark
	}
	lipgloss.SetHasDarkBackground(l.Dark)
	return l
}

// EnvTheme names the environment variable that gives the background, dark or light, for
// every command: what --theme gives the interactive course.
const EnvTheme = "AIENG_THEME"

// Dark reports whether to draw for a dark background on the terminal f: theme "dark" or
// "light" when given, else $AIENG_THEME when it is one of those, else the terminal's answer
// to the question, asked at most once per process (the interface and the printed lessons never
// ask twice). A terminal that does not answer costs termenv's timeout, 5 s.
func Dark(f *os.File, theme string) bool {
	if theme == "" {
		theme = os.Getenv(EnvTheme)
	}
	switch theme {
	case "dark":
		return true
	case "light":
		return false
	}
	return askDark(f)
}

// askDark asks the terminal f for its background, once per process.
var askDark = func() func(f *os.File) bool {
	var once sync.Once
	var dark bool
	return func(f *os.File) bool {
		once.Do(func() { dark = termenv.NewOutput(f).HasDarkBackground() })
		return dark
	}
}()

// Renderer returns a Lip Gloss renderer for the interface in this look, its colour profile
// and background set so that nothing asks the terminal while the program runs. Without
// colour it keeps the ANSI profile: the plain styles use bold and reverse video, no colour.
func (l Look) Renderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetHasDarkBackground(l.Dark)
	if l.NoColor {
		r.SetColorProfile(termenv.ANSI)
	} else {
		r.SetColorProfile(l.Profile)
	}
	return r
}

// RenderOptions are the options to render lessons in this look at a width.
func (l Look) RenderOptions(width int) render.Options {
	return render.Options{Width: width, Style: l.Style, Profile: l.Profile}
}

// IsTerminal reports whether v is a terminal (an *os.File on one).
func IsTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Width returns the width in columns of the terminal v, or 0 when v is not one.
func Width(v any) int {
	f, ok := v.(*os.File)
	if !ok {
		return 0
	}
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
}
