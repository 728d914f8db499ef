package termstyle

import (
	"fmt"
	"strings"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
)

// The themes a learner can choose: colours for a dark or a light background, or "auto" to ask
// the terminal.
const (
	ThemeDark  = "dark"
	ThemeLight = "light"
	ThemeAuto  = "auto"
)

// ThemeEnv is the environment variable that keeps a theme for every command, so a learner
// whose terminal does not tell its background sets it once (in a shell profile) rather than
// typing --theme each time.
const ThemeEnv = "AIENG_THEME"

// Theme returns the theme to draw with: flag (--theme) when given, else $AIENG_THEME, else
// auto. Either must be dark, light or auto (any case); anything else is an error that names
// where it came from.
func Theme(flag string, env Env) (string, error) {
	from, value := "--theme", flag
	if value == "" {
		from, value = ThemeEnv, env(ThemeEnv)
	}
	switch t := strings.ToLower(strings.TrimSpace(value)); t {
	case ThemeDark, ThemeLight, ThemeAuto:
		return t, nil
	case "":
		return ThemeAuto, nil
	}
	return "", fmt.Errorf("%s must be dark, light or auto, not %q", from, value)
}

// CopySequence returns the escape sequence that puts text on the clipboard of the terminal
// (OSC 52), in this look's terminal. Inside tmux the sequence goes twice: as it is, which tmux
// takes and passes on when its set-clipboard option is on, and wrapped for passthrough, which
// reaches the outer terminal when allow-passthrough is on; the same text set twice does no
// harm. GNU screen needs it wrapped.
func (l Look) CopySequence(text string) string {
	s := osc52.New(text)
	switch l.Mux {
	case "tmux":
		return s.String() + s.Tmux().String()
	case "screen":
		return s.Screen().String()
	}
	return s.String()
}
