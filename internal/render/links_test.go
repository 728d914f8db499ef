package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// osc8 matches a hyperlink as Hyperlinked writes it: marked as aieng's (safetext.LinkStart).
var osc8 = regexp.MustCompile("\x1b]8;id=aieng-[0-9a-f]+;([^\x1b]+)\x1b\\\\(.*?)\x1b]8;id=aieng-[0-9a-f]+;\x1b\\\\")

// TestHyperlinked: every web link shown whole on a line is wrapped in OSC 8 around the URL the
// line shows; the text on screen does not change; relative links and links in code stay plain.
func TestHyperlinked(t *testing.T) {
	md := "Read [the guide](https://example.com/guide) and <https://example.org/faq> or [a lesson](other.md).\n\n" +
		"Then open `http://127.0.0.1:8000/docs` in a browser.\n\n" +
		"```sh\ncurl https://example.com/guide\n```\n"
	for _, style := range []Style{Dark, Mono, NoTTY} {
		d, err := markdownDoc(md, Options{Width: 40, Style: style, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		lines := d.Hyperlinked(d.Lines)
		var got []string
		for i, l := range lines {
			if ansi.Strip(l) != ansi.Strip(d.Lines[i]) {
				t.Errorf("%s: line %d shows %q, was %q", style, i, ansi.Strip(l), ansi.Strip(d.Lines[i]))
			}
			for _, m := range osc8.FindAllStringSubmatch(l, -1) {
				if ansi.Strip(m[2]) != m[1] {
					t.Errorf("%s: the link to %s is drawn around %q", style, m[1], ansi.Strip(m[2]))
				}
				got = append(got, m[1])
			}
		}
		want := []string{"https://example.com/guide", "https://example.org/faq", "http://127.0.0.1:8000/docs"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: links %q, want %q\n%s", style, got, want, strings.Join(lines, "\n"))
		}
	}
}

// TestHyperlinkedKeepsStyles: the parts of a line around a link keep their styles, and the
// line still resets what it sets.
func TestHyperlinkedKeepsStyles(t *testing.T) {
	line := render(append(cellsOf("\x1b[1mbold\x1b[0m see "), cellsOf("\x1b[4mhttps://a.example\x1b[0m ok")...))
	got := hyperlinkLine(line, []Link{{URL: "https://a.example", Line: 0, Col: 9}})
	open, _ := safetext.LinkStart("https://a.example")
	want := "\x1b[1mbold\x1b[0m see " + open + "\x1b[4mhttps://a.example\x1b[0m" + safetext.LinkEnd + " ok"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// A URL outside printable ASCII is percent-encoded; a control character is never sent.
	if uriBytes("https://é.example/a b") != "https://%C3%A9.example/a%20b" || clickable("https://a\x1b]8;;x") {
		t.Error("a URL is sent as it is")
	}
}

func cellsOf(s string) []cell {
	c, _ := parseCells(s, "")
	return c
}

// TestCodeMarks: a code block tells its fence's markers, so show --code can pick runnable
// samples.
func TestCodeMarks(t *testing.T) {
	md := "```python run file=train.py\nprint(1)\n```\n\n```text output\n1\n```\n\n- item\n\n  ```sh\n  ls\n  ```\n"
	d, err := markdownDoc(md, Options{Width: 40, Style: NoTTY})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Code {
		got = append(got, b.Lang+":"+strings.Join(b.Marks, ","))
	}
	if want := "python:run,file=train.py text:output sh:"; strings.Join(got, " ") != want {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestLessonLinksAreOnlyOurs: a lesson built past the loader, its text holding OSC 8 links as
// characters, as character references and as a C1 introducer, comes out of LessonDoc with none
// of them, and Hyperlinked then makes the one URL the lesson shows clickable, marked as aieng's:
// the last pass of a screen (safetext.StyledLinks) keeps exactly that link.
func TestLessonLinksAreOnlyOurs(t *testing.T) {
	ourLinks := regexp.MustCompile("\x1b]8;id=aieng-[0-9a-f]+;(https://example.com/good)?\x1b\\\\")
	l := &lessons.Lesson{ID: "l", Title: "T \x1b]8;;http://evil.example/t\x1b\\title\x1b]8;;\x1b\\", Section: "S",
		Body: "Evil &#27;]8;;http://evil.example/a&#7;ref&#27;]8;;&#7; and \x1b]8;;http://evil.example/b\x1b\\raw\x1b]8;;\x1b\\ " +
			"and \u009d8;;http://evil.example/c\u009cc1. Good: <https://example.com/good>.\n\n" +
			"```sh\necho \x1b]8;;http://evil.example/code\x07\n```\n"}
	for _, o := range []Options{{Width: 60, Style: Dark, Profile: termenv.TrueColor}, {Width: 60, Style: NoTTY}} {
		d, err := LessonDoc(l, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range d.Lines {
			requireOnlySGR(t, "lesson line", line)
		}
		for _, b := range d.Code {
			requireOnlySGR(t, "raw code", b.Raw)
			for _, line := range b.Lines(3) {
				requireOnlySGR(t, "scrolled code", line)
			}
		}
		screen := strings.Join(d.Hyperlinked(d.Lines), "\n")
		var got []string
		for _, m := range osc8.FindAllStringSubmatch(screen, -1) {
			got = append(got, m[1])
		}
		if len(got) != 1 || got[0] != "https://example.com/good" {
			t.Errorf("%s: links %q, want only the lesson's own URL", o.Style, got)
		}
		if kept := safetext.StyledLinks(screen); kept != screen {
			t.Errorf("%s: the last pass changes the screen:\n%q\n%q", o.Style, screen, kept)
		}
		requireOnlySGR(t, "hyperlinked lesson", ourLinks.ReplaceAllString(screen, ""))
	}
}
