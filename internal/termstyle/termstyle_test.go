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

func TestForTerminalHonoursNoColorAndTheme(t *testing.T) {
	f := tempFile(t) // ForTerminal trusts its caller that f is a terminal
	t.Setenv("NO_COLOR", "1")
	if got := ForTerminal(f, "dark"); got != Plain() {
		t.Errorf("NO_COLOR: %+v", got)
	}
	t.Setenv("NO_COLOR", "")
	for theme, style := range map[string]render.Style{"dark": render.Dark, "light": render.Light} {
		got := ForTerminal(f, theme)
		if got.Style != style || got.Dark != (theme == "dark") || got.NoColor {
			t.Errorf("--theme %s: %+v", theme, got)
		}
	}
	if !Dark(f, "dark") || Dark(f, "light") {
		t.Error("Dark ignores the theme")
	}
}

// TestThemeFromTheEnvironment: AIENG_THEME answers for every command, so that nothing asks the
// terminal (which costs 5 s on a terminal that does not answer); --theme wins over it. The
// file is not a terminal: were it asked, the answer would be termenv's default, dark.
func TestThemeFromTheEnvironment(t *testing.T) {
	f := tempFile(t)
	t.Setenv("NO_COLOR", "")
	t.Setenv(EnvTheme, "light")
	if Dark(f, "") {
		t.Error("AIENG_THEME=light ignored")
	}
	if got := ForTerminal(f, ""); got.Dark || got.Style != render.Light {
		t.Errorf("AIENG_THEME=light: %+v", got)
	}
	if !Dark(f, "dark") {
		t.Error("--theme dark does not win over AIENG_THEME")
	}
	t.Setenv(EnvTheme, "dark")
	if !Dark(f, "") {
		t.Error("AIENG_THEME=dark ignored")
	}
}

func TestRendererDrawsTheLook(t *testing.T) {
	plain := Plain().Renderer()
	if plain.ColorProfile() != termenv.ANSI {
		t.Errorf("without colour the interface keeps bold and reverse (ANSI), got profile %v", plain.ColorProfile())
	}
	if got := plain.NewStyle().Reverse(true).Render("x"); !strings.Contains(got, "\x1b[7m") {
		t.Errorf("reverse video is lost: %q", got)
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
