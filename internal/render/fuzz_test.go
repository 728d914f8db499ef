package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/safetext"
)

// FuzzLayout: whatever the Markdown, the layout does not fail, no line is wider than the
// width, no carriage return is left, and every line resets the styles it sets. Its links made
// clickable change no text on screen, and the last pass of a frame (safetext.StyledLinks)
// keeps every one of them: render writes no link that pass would take for a course's.
func FuzzLayout(f *testing.F) {
	f.Add(wideCode, uint8(40))
	f.Add("- a\n  - b\n    - c `code with spaces` and more words\n\n> > quote\n> > - x\n", uint8(20))
	f.Add("| a | b |\n|---|---|\n| long cell text here | x |\n\n```\n\tcode\r\n```\n", uint8(30))
	f.Add("# "+strings.Repeat("word ", 30)+"\n\n"+strings.Repeat("  ", 40)+"- deep\n", uint8(25))
	f.Add("See <https://example.com/a b> and [x](HTTPS://É.example/é?q=1;2) or <mailto:a@b.c>.\n", uint8(60))
	f.Fuzz(func(t *testing.T, md string, w uint8) {
		if !utf8.ValidString(md) || strings.ContainsFunc(md, isControl) {
			return // the loader refuses such lessons: they never reach the renderer
		}
		width := int(w)
		style := []Style{Dark, Light, Mono, NoTTY}[width%4]
		d, err := markdownDoc(md, Options{Width: width, Style: style, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range d.Lines {
			if lw := ansi.StringWidth(line); lw > max(width, minWidth) {
				t.Fatalf("%s, width %d: line %d is %d columns: %q", style, width, i, lw, line)
			}
			if strings.Contains(line, "\r") {
				t.Fatalf("line %d keeps a carriage return: %q", i, line)
			}
			if _, state := parseCells(line, ""); state != "" {
				t.Fatalf("line %d leaves a style set: %q", i, line)
			}
		}
		for i, line := range d.Hyperlinked(d.Lines) {
			if ansi.Strip(line) != ansi.Strip(d.Lines[i]) {
				t.Fatalf("line %d shows %q once linked, was %q", i, ansi.Strip(line), ansi.Strip(d.Lines[i]))
			}
			if kept := safetext.StyledLinks(line); kept != line {
				t.Fatalf("the last pass changes linked line %d:\n%q\n%q", i, line, kept)
			}
		}
	})
}

// isControl reports the control characters a lesson may not hold (tab and line endings may).
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f
}
