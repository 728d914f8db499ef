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
	// Style is the style of lessons: Dark or Light in colour, Mono with attributes but no
	// colour (NO_COLOR), NoTTY with neither (pipes, files, a dumb terminal).
	Style render.Style
	// Profile is the colour profile lessons are drawn with (Ascii for Mono and NoTTY).
	Profile termenv.Profile
	// Dark tells the interface's adaptive colours that the background is dark.
	Dark bool
	// NoColor draws the interface without colour: bold and reverse video only (Mono), or
	// nothing at all (NoTTY).
	NoColor bool
	// Hyperlinks makes links clickable with OSC 8 (see Hyperlinks).
	Hyperlinks bool
	// Mux is the terminal multiplexer a copy to the clipboard must pass through ("tmux",
	// "screen" or ""; see CopySequence).
	Mux string
}

// Plain is the look without any escape sequence: pipes, files, a dumb terminal.
func Plain() Look {
	return Look{Style: render.NoTTY, Profile: termenv.Ascii, Dark: true, NoColor: true}
}

// Mono is the look of a terminal without colour (NO_COLOR, a monochrome terminal): lessons and
// the interface in bold, italic, underline and reverse video, no colour, no Markdown markers.
func Mono() Look {
	return Look{Style: render.Mono, Profile: termenv.Ascii, Dark: true, NoColor: true}
}

// For returns the look for output w: Plain when w is not a terminal, else ForTerminal.
func For(w io.Writer, theme string) Look {
	f, ok := w.(*os.File)
	if !ok || !IsTerminal(f) {
		return Plain()
	}
	return ForTerminal(f, theme)
}

// The --color choices of the printing commands.
const (
	ColorAuto   = "auto"   // colour on a terminal, plain text into a pipe or a file
	ColorAlways = "always" // colour even into a pipe, for a pager that shows it (less -R)
	ColorNever  = "never"  // plain text
)

// ForColor returns the look for output w under a --color choice (ColorAuto when ""): Plain for
// never; For for auto; for always, the terminal's look even when w is a pipe, in colour even
// under NO_COLOR (the flag is the stronger wish) and at least the ANSI profile, but without
// hyperlinks when w is not the terminal (a pager may not pass them on). Into a pipe, with no
// theme given, the background is taken for dark: there is no terminal to ask.
func ForColor(w io.Writer, theme, color string) Look {
	switch color {
	case ColorNever:
		return Plain()
	case ColorAlways:
		c := Detect(os.Getenv)
		c.Attributes = true
		if c.Profile == termenv.Ascii {
			c.Profile = termenv.ANSI
		}
		f, _ := w.(*os.File)
		if !IsTerminal(f) {
			f = nil
		}
		l := lookFor(c, os.Getenv, theme, false, f)
		l.Hyperlinks = l.Hyperlinks && f != nil
		lipgloss.SetHasDarkBackground(l.Dark)
		return l
	}
	return For(w, theme)
}

// ForTerminal returns the look for a terminal f, as its environment describes it (Detect):
// Plain on a dumb terminal, Mono without colour (NO_COLOR, a monochrome terminal), else the
// colours for a dark or light background (theme "dark" or "light", or "auto" or "" for Dark to
// decide) in the terminal's colour profile. Only that last case can ask the terminal. Lip
// Gloss's default renderer is told the same background, so that nothing drawn with it asks the
// terminal later.
func ForTerminal(f *os.File, theme string) Look {
	l := lookFor(Detect(os.Getenv), os.Getenv, theme, termenv.EnvNoColor(), f) // NO_COLOR, CLICOLOR=0
	lipgloss.SetHasDarkBackground(l.Dark)
	return l
}

// lookFor returns the look for a terminal f that can show c, in env, with the colour left out
// when noColour is set. A look without colour has no background to decide: the terminal is
// not asked.
func lookFor(c Colours, env Env, theme string, noColour bool, f *os.File) Look {
	var l Look
	switch {
	case !c.Attributes:
		return Plain()
	case noColour || c.Profile == termenv.Ascii:
		l = Mono()
	default:
		l = Look{Style: render.Light, Profile: c.Profile, Dark: dark(f, theme, env)}
		if l.Dark {
			l.Style = render.Dark
		}
	}
	l.Hyperlinks, l.Mux = Hyperlinks(env), Multiplexer(env)
	return l
}

// dark reports whether to draw for a dark background on the terminal f: the theme as Theme
// resolves it in env (theme "dark" or "light" when given, else $AIENG_THEME), else the
// terminal's answer to the question, asked at most once per process (the interface and the
// printed lessons never ask twice). A terminal that does not answer costs termenv's timeout,
// 5 s. A nil f is no terminal: dark, without asking.
func dark(f *os.File, theme string, env Env) bool {
	if resolved, err := Theme(theme, env); err == nil {
		theme = resolved
	} // an invalid theme was reported by the command's flag check; here it is auto
	switch theme {
	case ThemeDark:
		return true
	case ThemeLight:
		return false
	}
	if f == nil {
		return true
	}
	return askDark(f)
}

// askDark asks the terminal f for its background, once per process. Tests replace it to count
// the questions.
var askDark = func() func(f *os.File) bool {
	var once sync.Once
	var dark bool
	return func(f *os.File) bool {
		once.Do(func() { dark = termenv.NewOutput(f).HasDarkBackground() })
		return dark
	}
}()

// Renderer returns a Lip Gloss renderer for the interface in this look, its colour profile
// and background set so that nothing asks the terminal while the program runs. Mono keeps the
// ANSI profile: its plain styles use bold and reverse video, no colour. NoTTY has none.
func (l Look) Renderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetHasDarkBackground(l.Dark)
	switch {
	case l.Style == render.NoTTY:
		r.SetColorProfile(termenv.Ascii)
	case l.NoColor:
		r.SetColorProfile(termenv.ANSI)
	default:
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

// Height returns the height in lines of the terminal v, or 0 when v is not one.
func Height(v any) int {
	f, ok := v.(*os.File)
	if !ok {
		return 0
	}
	_, h, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return h
}
