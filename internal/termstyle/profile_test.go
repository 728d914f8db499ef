package termstyle

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
)

func envOf(vars map[string]string) Env { return func(k string) string { return vars[k] } }

// TestDetect: the colours and attributes of the TERM values people really run. termenv alone
// gives TERM=screen, tmux and any name it does not know the Ascii profile, in which every style
// is lost (learner review, finding 8); aieng keeps colour and attributes there.
func TestDetect(t *testing.T) {
	none, mono := Colours{Profile: termenv.Ascii}, Colours{Profile: termenv.Ascii, Attributes: true}
	colour := func(p termenv.Profile) Colours { return Colours{Profile: p, Attributes: true} }
	tests := []struct {
		term, colorterm string
		want            Colours
		style           render.Style // of the look, with a dark theme
	}{
		{"xterm", "", colour(termenv.ANSI), render.Dark},
		{"xterm-256color", "", colour(termenv.ANSI256), render.Dark},
		{"xterm-256color", "truecolor", colour(termenv.TrueColor), render.Dark},
		{"screen", "", colour(termenv.ANSI), render.Dark},
		{"screen-256color", "", colour(termenv.ANSI256), render.Dark},
		{"screen-256color", "truecolor", colour(termenv.ANSI256), render.Dark}, // GNU screen shows 256 at most
		{"tmux", "", colour(termenv.ANSI), render.Dark},
		{"tmux-256color", "", colour(termenv.ANSI256), render.Dark},
		{"tmux-256color", "truecolor", colour(termenv.TrueColor), render.Dark},
		{"linux", "", colour(termenv.ANSI), render.Dark},
		{"rxvt-unicode", "", colour(termenv.ANSI), render.Dark},
		{"xterm-kitty", "", colour(termenv.TrueColor), render.Dark},
		{"vt100", "", mono, render.Mono},
		{"xterm-mono", "", mono, render.Mono},
		{"dumb", "", none, render.NoTTY},
		{"", "", none, render.NoTTY},
	}
	for _, tt := range tests {
		env := envOf(map[string]string{"TERM": tt.term, "COLORTERM": tt.colorterm})
		got := Detect(env)
		if got != tt.want {
			t.Errorf("TERM=%q COLORTERM=%q: %+v, want %+v", tt.term, tt.colorterm, got, tt.want)
		}
		if l := lookFor(got, env, "dark", false, nil); l.Style != tt.style {
			t.Errorf("TERM=%q: lessons in %s, want %s", tt.term, l.Style, tt.style)
		}
		if l := lookFor(got, env, "dark", true, nil); tt.want.Attributes && (l.Style != render.Mono || !l.NoColor) {
			t.Errorf("TERM=%q with NO_COLOR: %+v, want the mono look", tt.term, l)
		}
	}
}

// TestScreenKeepsStyles: under TERM=screen the interface's styles draw colour, bold and reverse
// video, as under xterm.
func TestScreenKeepsStyles(t *testing.T) {
	for _, term := range []string{"screen", "tmux", "screen-256color"} {
		env := envOf(map[string]string{"TERM": term})
		r := lookFor(Detect(env), env, "dark", false, nil).Renderer()
		got := r.NewStyle().Bold(true).Reverse(true).Foreground(lipgloss.Color("#ff0000")).Render("x")
		if !styled.MatchString(got) {
			t.Errorf("TERM=%s: %q, want bold, reverse and a red foreground", term, got)
		}
	}
}

// styled matches bold, reverse video and a red foreground, in 16 or 256 colours.
var styled = regexp.MustCompile(`^\x1b\[1;7;(31|91|38;5;196)mx\x1b\[0m$`)

func TestHyperlinksAndMultiplexer(t *testing.T) {
	tests := []struct {
		env   map[string]string
		links bool
		mux   string
	}{
		{map[string]string{"TERM": "xterm-256color"}, true, ""},
		{map[string]string{"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"}, true, "tmux"},
		{map[string]string{"TERM": "screen", "TMUX": "/tmp/tmux-0/default,1,0"}, true, "tmux"}, // tmux's old default TERM
		{map[string]string{"TERM": "screen", "STY": "1234.pts-0.host"}, false, "screen"},
		{map[string]string{"TERM": "linux"}, false, ""},
		{map[string]string{"TERM": "dumb"}, false, ""},
		{map[string]string{"TERM": "linux", "FORCE_HYPERLINKS": "1"}, true, ""},
		{map[string]string{"TERM": "xterm", "FORCE_HYPERLINKS": "0"}, false, ""},
	}
	for _, tt := range tests {
		env := envOf(tt.env)
		if got := Hyperlinks(env); got != tt.links {
			t.Errorf("%v: hyperlinks %v, want %v", tt.env, got, tt.links)
		}
		if got := Multiplexer(env); got != tt.mux {
			t.Errorf("%v: multiplexer %q, want %q", tt.env, got, tt.mux)
		}
	}
}

func TestTheme(t *testing.T) {
	tests := []struct {
		flag, env, want, err string
	}{
		{"", "", "auto", ""},
		{"light", "dark", "light", ""}, // the flag wins
		{"", "Light", "light", ""},
		{"", "auto", "auto", ""},
		{"AUTO", "", "auto", ""},
		{"blue", "", "", `--theme must be dark, light or auto, not "blue"`},
		{"", "solarized", "", `AIENG_THEME must be dark, light or auto, not "solarized"`},
	}
	for _, tt := range tests {
		got, err := Theme(tt.flag, envOf(map[string]string{ThemeEnv: tt.env}))
		if got != tt.want || fmt.Sprint(err) != map[bool]string{true: "<nil>", false: tt.err}[tt.err == ""] {
			t.Errorf("Theme(%q, AIENG_THEME=%q) = %q, %v; want %q, %q", tt.flag, tt.env, got, err, tt.want, tt.err)
		}
	}
}

func TestCopySequence(t *testing.T) {
	const b64 = "cHJpbnQoMSkK" // "print(1)\n"
	plain := "\x1b]52;c;" + b64 + "\a"
	if got := (Look{}).CopySequence("print(1)\n"); got != plain {
		t.Errorf("OSC 52: %q, want %q", got, plain)
	}
	tmux := (Look{Mux: "tmux"}).CopySequence("print(1)\n")
	if !strings.HasPrefix(tmux, plain) || !strings.Contains(tmux, "\x1bPtmux;\x1b\x1b]52;c;"+b64) {
		t.Errorf("in tmux: %q, want the sequence as it is and wrapped for passthrough", tmux)
	}
	if got := (Look{Mux: "screen"}).CopySequence("print(1)\n"); !strings.HasPrefix(got, "\x1bP\x1b]52;c;") {
		t.Errorf("in screen: %q, want it wrapped in DCS", got)
	}
}

// TestDetectIgnoresNoColor: what a terminal can show does not depend on the wish for no colour
// (ForTerminal reads that), so --color always still knows the profile.
func TestDetectIgnoresNoColor(t *testing.T) {
	env := envOf(map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1", "CLICOLOR": "0"})
	if got := Detect(env); got.Profile != termenv.ANSI256 {
		t.Errorf("NO_COLOR changed the detected profile: %+v", got)
	}
}
