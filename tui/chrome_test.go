package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
)

// TestChromeFollowsTheColumn: on a wide screen the bars span the screen, and their text lines
// up with the centred reading column: the position ends at the column's right edge, the key
// help starts at its left edge (learner review, finding 31: they sat 100 columns apart).
func TestChromeFollowsTheColumn(t *testing.T) {
	d := newDriverWith(t, noColorOptions(), testCourse(t), nil, 200, 40)
	d.keys("enter")
	pad, w := column(200)
	if pad != 50 || w != maxReadWidth {
		t.Fatalf("column(200) = %d, %d", pad, w)
	}
	title, status, help := ansi.Strip(d.title()), ansi.Strip(d.status()), ansi.Strip(d.lines()[len(d.lines())-1])
	for name, line := range map[string]string{"title bar": title, "status line": status} {
		if ansi.StringWidth(line) != 200 {
			t.Errorf("the %s is %d columns wide, want the screen's 200", name, ansi.StringWidth(line))
		}
		if right := strings.TrimRight(line, " "); ansi.StringWidth(right) > pad+w || ansi.StringWidth(right) < pad+w-2 {
			t.Errorf("the %s's text ends at column %d, want the column's edge %d: %q", name, ansi.StringWidth(right), pad+w, line)
		}
		if lead := len(line) - len(strings.TrimLeft(line, " ")); lead < pad {
			t.Errorf("the %s's text starts at column %d, left of the column (%d)", name, lead, pad)
		}
	}
	if lead := len(help) - len(strings.TrimLeft(help, " ")); lead != pad+1 {
		t.Errorf("the key help starts at column %d, want %d: %q", lead, pad+1, help)
	}
	body := d.body()[1]
	if lead := len(body) - len(strings.TrimLeft(body, " ")); lead < pad {
		t.Errorf("the lesson starts at column %d, left of the column", lead)
	}
	// The whole status line is one bar in reverse video, from the screen's left edge.
	if raw := d.status(); !strings.HasPrefix(raw, "\x1b[7m") {
		t.Errorf("the status line is not drawn in reverse video from its first column: %q", raw)
	}
}

// TestHelpFollowsTheColumn: on a wide screen the help screen sits in the centred reading column
// with the bars, not at the screen's left edge 50 columns away from them.
func TestHelpFollowsTheColumn(t *testing.T) {
	d := newDriverWith(t, noColorOptions(), testCourse(t), nil, 200, 40)
	d.keys("enter", "?")
	pad, _ := column(200)
	d.requireView("Keys", "close this help")
	for _, l := range d.body() {
		plain := ansi.Strip(l)
		if strings.TrimSpace(plain) == "" {
			continue
		}
		if lead := len(plain) - len(strings.TrimLeft(plain, " ")); lead < pad {
			t.Fatalf("a help line starts at column %d, left of the reading column (%d): %q", lead, pad, plain)
		}
	}
}

// TestNarrowHelpIsNotCut: at 40 columns the help lists its keys in one column with long
// descriptions wrapped, never cut with "…" (every line was, padded to the longest description).
func TestNarrowHelpIsNotCut(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 40, 60)
	d.keys("enter", "enter", "?")
	d.requireView("Keys", "take the quiz", "close this help")
	for _, l := range d.body() {
		if strings.Contains(l, "…") {
			t.Fatalf("a help line is cut at 40 columns: %q\n%s", l, d.view())
		}
	}
}

// TestStatusBarCannotVanish: in every tone and theme the status bar is drawn in reverse video,
// so its background is the terminal's own text colour, never a grey that matches the
// terminal's background (learner review, finding 31).
func TestStatusBarCannotVanish(t *testing.T) {
	for _, look := range []termstyle.Look{
		{Style: render.Dark, Profile: termenv.TrueColor, Dark: true},
		{Style: render.Light, Profile: termenv.ANSI256},
		{Style: render.Dark, Profile: termenv.ANSI, Dark: true},
		termstyle.Mono(),
	} {
		st := newStyleSheet(look.Renderer(), !look.NoColor)
		for tn := toneNormal; tn <= toneInfo; tn++ {
			if !st.statusTone(tn).GetReverse() {
				t.Errorf("%+v: the status bar in tone %d is not in reverse video", look, tn)
			}
		}
		if !st.StatusRight.GetReverse() {
			t.Errorf("%+v: the status bar's right part is not in reverse video", look)
		}
	}
}
