// Package termstyle decides, once and before any program starts, how to draw for an output:
// the Look (colour profile, dark or light background, colour or none) that both the printed
// lessons (aieng show) and the interface use. Querying the terminal later would make its
// replies arrive as key presses.
package termstyle

import (
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

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
// hyperlinks when w is not the terminal (a pager may not pass them on).
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
		l := lookFor(c, os.Getenv, theme, false)
		l.Hyperlinks = l.Hyperlinks && IsTerminal(w)
		return l
	}
	return For(w, theme)
}

// ForTerminal returns the look for a terminal f, as its environment describes it (Detect):
// Plain on a dumb terminal, Mono without colour (NO_COLOR, a monochrome terminal), else the
// colours for a dark or light background (theme "dark" or "light", or "auto" or "" to ask the
// terminal, see Dark) in the terminal's colour profile.
func ForTerminal(f *os.File, theme string) Look {
	return lookFor(Detect(os.Getenv), os.Getenv, theme, termenv.EnvNoColor()) // NO_COLOR, CLICOLOR=0
}

// lookFor returns the look for a terminal that can show c, in env, with the colour left out
// when noColour is set.
func lookFor(c Colours, env Env, theme string, noColour bool) Look {
	var l Look
	switch {
	case !c.Attributes:
		return Plain()
	case noColour || c.Profile == termenv.Ascii:
		l = Mono()
	default:
		l = Look{Style: render.Light, Profile: c.Profile, Dark: Dark(theme)}
		if l.Dark {
			l.Style = render.Dark
		}
	}
	l.Hyperlinks, l.Mux = Hyperlinks(env), Multiplexer(env)
	return l
}

// Dark reports whether to draw for a dark background: theme "dark" or "light" when given,
// else the answer of Lip Gloss's default renderer, which asks the terminal at most once per
// process, so the interface and the printed lessons never ask twice.
func Dark(theme string) bool {
	switch theme {
	case ThemeDark:
		return true
	case ThemeLight:
		return false
	}
	return lipgloss.DefaultRenderer().HasDarkBackground()
}

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
