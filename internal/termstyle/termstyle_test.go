package termstyle

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
)

func tempFile(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestPlainWhereThereIsNoTerminal(t *testing.T) {
	want := Look{Style: render.NoTTY, Profile: termenv.Ascii, Dark: true, NoColor: true}
	if Plain() != want {
		t.Fatalf("Plain() = %+v", Plain())
	}
	for name, w := range map[string]io.Writer{"a buffer": &bytes.Buffer{}, "a file": tempFile(t)} {
		if got := For(w, "dark"); got != want {
			t.Errorf("For(%s) = %+v, want the plain look", name, got)
		}
		if IsTerminal(w) || Width(w) != 0 {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
	if IsTerminal(nil) || Width("not a file") != 0 {
		t.Error("a value that is no file is taken for a terminal")
	}
}

// colourTerminal sets the environment of a 256-colour terminal with no colour or theme wish,
// whatever the tests themselves run under (CI, NO_COLOR, CLICOLOR=0, a truecolor terminal).
func colourTerminal(t *testing.T) {
	t.Helper()
	for k, v := range map[string]string{"TERM": "xterm-256color", "COLORTERM": "", "NO_COLOR": "",
		"CLICOLOR": "", "CLICOLOR_FORCE": "", ThemeEnv: ""} {
		t.Setenv(k, v)
	}
}

func TestForTerminalHonoursNoColorAndTheme(t *testing.T) {
	f := tempFile(t) // ForTerminal trusts its caller that f is a terminal
	colourTerminal(t)
	t.Setenv("NO_COLOR", "1")
	if got := ForTerminal(f, "dark"); got.Style != render.Mono || !got.NoColor {
		t.Errorf("NO_COLOR: %+v, want the mono look", got)
	}
	t.Setenv("NO_COLOR", "")
	for theme, style := range map[string]render.Style{"dark": render.Dark, "light": render.Light} {
		got := ForTerminal(f, theme)
		if got.Style != style || got.Dark != (theme == "dark") || got.NoColor || got.Profile != termenv.ANSI256 {
			t.Errorf("--theme %s: %+v", theme, got)
		}
	}
	t.Setenv("TERM", "dumb")
	if got := ForTerminal(f, "dark"); got != Plain() {
		t.Errorf("TERM=dumb: %+v, want the plain look", got)
	}
	if !dark(f, "dark", os.Getenv) || dark(f, "light", os.Getenv) {
		t.Error("dark ignores the theme")
	}
}

// TestThemeFromTheEnvironment: AIENG_THEME answers for every command, so that nothing asks the
// terminal (which costs 5 s on a terminal that does not answer); --theme wins over it. The
// file is not a terminal: were it asked, the answer would be termenv's default, dark.
func TestThemeFromTheEnvironment(t *testing.T) {
	f := tempFile(t)
	colourTerminal(t)
	t.Setenv(ThemeEnv, "light")
	if dark(f, "", os.Getenv) {
		t.Error("AIENG_THEME=light ignored")
	}
	if got := ForTerminal(f, ""); got.Dark || got.Style != render.Light {
		t.Errorf("AIENG_THEME=light: %+v", got)
	}
	if !dark(f, "dark", os.Getenv) {
		t.Error("--theme dark does not win over AIENG_THEME")
	}
	t.Setenv(ThemeEnv, "dark")
	if !dark(f, "", os.Getenv) {
		t.Error("AIENG_THEME=dark ignored")
	}
}

// TestTheTerminalIsAskedOnlyWhenNothingElseAnswers: the question costs 5 s on a terminal that
// does not answer, so every look whose background is known without it, or that has no colour
// to choose, never asks; an auto theme on a colour terminal asks.
func TestTheTerminalIsAskedOnlyWhenNothingElseAnswers(t *testing.T) {
	f := tempFile(t)
	asked := 0
	saved := askDark
	askDark = func(*os.File) bool { asked++; return false }
	t.Cleanup(func() { askDark = saved })
	colourTerminal(t)
	cases := []struct {
		name           string
		env            map[string]string
		theme, color   string
		wantDark, asks bool
	}{
		{"--theme dark", nil, "dark", "", true, false},
		{"--theme light", nil, "light", "", false, false},
		{"AIENG_THEME=light", map[string]string{ThemeEnv: "light"}, "", "", false, false},
		{"AIENG_THEME=dark, --theme auto", map[string]string{ThemeEnv: "dark"}, "auto", "", false, true},
		{"NO_COLOR", map[string]string{"NO_COLOR": "1"}, "", "", true, false},
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, "", "", true, false},
		{"xterm-mono", map[string]string{"TERM": "xterm-mono"}, "", "", true, false},
		{"--color never", nil, "", ColorNever, true, false},
		{"--color always into a file", nil, "", ColorAlways, true, false},
		{"auto", nil, "", "", false, true},
		{"invalid AIENG_THEME", map[string]string{ThemeEnv: "purple"}, "", "", false, true},
	}
	for _, tc := range cases {
		for k, v := range tc.env {
			t.Setenv(k, v)
		}
		asked = 0
		var got Look
		if tc.color != "" {
			got = ForColor(f, tc.theme, tc.color)
		} else {
			got = ForTerminal(f, tc.theme)
		}
		if got.Dark != tc.wantDark || (asked > 0) != tc.asks {
			t.Errorf("%s: dark %v, asked %d times; want dark %v, asked: %v", tc.name, got.Dark, asked, tc.wantDark, tc.asks)
		}
		for k := range tc.env {
			t.Setenv(k, map[string]string{"TERM": "xterm-256color"}[k])
		}
	}
}

func TestRendererDrawsTheLook(t *testing.T) {
	mono := Mono().Renderer()
	if mono.ColorProfile() != termenv.ANSI {
		t.Errorf("without colour the interface keeps bold and reverse (ANSI), got profile %v", mono.ColorProfile())
	}
	if got := mono.NewStyle().Reverse(true).Render("x"); !strings.Contains(got, "\x1b[7m") {
		t.Errorf("reverse video is lost: %q", got)
	}
	if got := Plain().Renderer().NewStyle().Reverse(true).Bold(true).Render("x"); got != "x" {
		t.Errorf("the plain look draws %q", got)
	}
	light := Look{Style: render.Light, Profile: termenv.TrueColor, Dark: false}.Renderer()
	if light.ColorProfile() != termenv.TrueColor || light.HasDarkBackground() {
		t.Errorf("light look: profile %v, dark %v", light.ColorProfile(), light.HasDarkBackground())
	}
	if !(Look{Dark: true, Profile: termenv.ANSI256}).Renderer().HasDarkBackground() {
		t.Error("dark look drawn for a light background")
	}
}

func TestRenderOptions(t *testing.T) {
	l := Look{Style: render.Dark, Profile: termenv.ANSI256, Dark: true}
	if got := l.RenderOptions(72); got != (render.Options{Width: 72, Style: render.Dark, Profile: termenv.ANSI256}) {
		t.Errorf("RenderOptions = %+v", got)
	}
}
