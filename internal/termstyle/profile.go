package termstyle

import (
	"os"
	"strings"

	"github.com/muesli/termenv"
)

// Env reads an environment variable; os.Getenv is the real one, tests pass a map's.
type Env func(string) string

// Colours is what a terminal can show, as decided from its environment.
type Colours struct {
	// Profile is the colour profile: Ascii when the terminal shows no colour.
	Profile termenv.Profile
	// Attributes tells that the terminal shows bold, underline and reverse video: true for
	// every terminal but a dumb one, colour or not.
	Attributes bool
}

// Detect decides what the terminal described by env can show. It starts from termenv's rules
// (COLORTERM, CLICOLOR_FORCE, the TERM names it knows) and corrects the one that costs most:
// termenv gives every TERM it does not know the Ascii profile, which in Lip Gloss drops bold
// and reverse video along with colour, so TERM=screen (GNU screen, and tmux's default before
// 3.x) and TERM=tmux lost every style (learner review, finding 8). A real terminal whose name
// says nothing of colour still shows the 8 ANSI colours and the attributes; only TERM=dumb
// (or no TERM at all) shows neither, and the DEC VT terminals and "-mono" entries show
// attributes without colour. NO_COLOR is not read here: it is the caller's (ForTerminal).
func Detect(env Env) Colours {
	term := env("TERM")
	switch {
	case term == "" || term == "dumb":
		return Colours{Profile: termenv.Ascii}
	case monochrome(term) && env("COLORTERM") == "":
		return Colours{Profile: termenv.Ascii, Attributes: true}
	}
	out := termenv.NewOutput(os.Stdout, termenv.WithTTY(true), termenv.WithEnvironment(environ(env)))
	p := out.EnvColorProfile()
	if p == termenv.Ascii {
		p = termenv.ANSI // a terminal with a name it does not know: screen, tmux, rxvt, foot...
	}
	return Colours{Profile: p, Attributes: true}
}

// monochrome reports whether a terminfo name is of a terminal without colour: the DEC VT
// series and the "-mono" and "-m" variants of colour terminals (xterm-mono, vt100-am aside).
func monochrome(term string) bool {
	if strings.HasSuffix(term, "-mono") || strings.HasSuffix(term, "-m") {
		return true
	}
	for _, vt := range []string{"vt52", "vt100", "vt102", "vt220", "vt320", "vt420"} {
		if term == vt || strings.HasPrefix(term, vt+"-") {
			return true
		}
	}
	return false
}

// environ adapts an Env to termenv's interface for its profile rules (which only call Getenv),
// without the user's wish for no colour: Detect tells what the terminal can show.
type environ Env

func (e environ) Getenv(k string) string {
	if k == "NO_COLOR" || k == "CLICOLOR" {
		return ""
	}
	return e(k)
}
func (e environ) Environ() []string { return nil }

// Hyperlinks reports whether to make links clickable with OSC 8 on the terminal env describes.
// A terminal that does not know OSC 8 drops the sequence and shows the text (the URL stays on
// screen either way), which is why GNU ls, gcc and systemd emit it on any terminal. aieng does
// the same except on a dumb or monochrome terminal, the Linux console and GNU screen, which
// cannot open a link and whose handling of OSC strings they do not know has varied between
// versions. FORCE_HYPERLINKS=1 or 0 overrides the guess, as it does for the
// supports-hyperlinks family of tools.
func Hyperlinks(env Env) bool {
	switch env("FORCE_HYPERLINKS") {
	case "":
	case "0":
		return false
	default:
		return true
	}
	term := env("TERM")
	switch {
	case term == "" || term == "dumb" || term == "linux" || monochrome(term):
		return false
	case strings.HasPrefix(term, "screen") && env("TMUX") == "":
		return false
	}
	return true
}

// Multiplexer names the terminal multiplexer aieng runs in, which an OSC 52 copy must pass
// through: "tmux", "screen" or "".
func Multiplexer(env Env) string {
	switch {
	case env("TMUX") != "":
		return "tmux"
	case env("STY") != "" && strings.HasPrefix(env("TERM"), "screen"):
		return "screen"
	}
	return ""
}
