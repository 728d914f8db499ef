package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

const longQuote = "> Beyond the article: a common format for this is the model card, proposed in a 2019 paper on model reporting. A model card is a short document that travels with a model and covers its intended use and limits.\n"

// TestQuoteKeepsItsBar: at every width, each line of a wrapped quote keeps its bar and fits the
// width (Glamour alone budgeted one column for a two-column bar, glamour #172).
func TestQuoteKeepsItsBar(t *testing.T) {
	for _, style := range []Style{Dark, Light, Mono, NoTTY} {
		for width := 30; width <= 100; width++ {
			out, err := markdown(longQuote, Options{Width: width, Style: style, Profile: termenv.Ascii})
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				if bar := strings.TrimLeft(ansi.Strip(line), " "); !strings.HasPrefix(bar, "│ ") && !strings.HasPrefix(bar, "| ") {
					t.Fatalf("%s at width %d: quote line lost its bar: %q", style, width, line)
				}
				if w := ansi.StringWidth(strings.TrimRight(line, " ")); w > width {
					t.Fatalf("%s at width %d: line is %d columns: %q", style, width, w, line)
				}
			}
		}
	}
}

func TestNoTTYHasNoEscapes(t *testing.T) {
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons {
		out, err := Lesson(l, Options{Width: 80, Style: NoTTY, Profile: termenv.TrueColor})
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("%s: plain output contains an escape sequence", l.ID)
		}
		if !strings.Contains(out, l.Title) {
			t.Errorf("%s: title missing from the rendering", l.ID)
		}
		for _, q := range l.Quiz {
			if strings.Contains(out, q.Explanation) {
				t.Errorf("%s: the rendering shows the answer's explanation of %s", l.ID, q.ID)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if line != strings.TrimRight(line, " ") {
				t.Fatalf("%s: plain output keeps trailing spaces: %q", l.ID, line)
			}
		}
	}
}

func TestColourFollowsProfile(t *testing.T) {
	md := "# Title\n\nSome `code` and **bold**.\n"
	colour, err := markdown(md, Options{Width: 60, Style: Dark, Profile: termenv.ANSI256})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.ContainsRune(colour, '\x1b') {
		t.Error("dark style with a colour profile rendered no escape sequences")
	}
	plain, err := markdown(md, Options{Width: 60, Style: Dark, Profile: termenv.Ascii})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "\x1b[38;5") {
		t.Error("the ASCII profile still rendered 256-colour codes")
	}
}

func TestLessonMarkdown(t *testing.T) {
	l := &lessons.Lesson{Title: "T", Section: "S", Minutes: 5, Objectives: []string{"one"}, Body: "Body.\n",
		Quiz: []*lessons.Question{{}, {}}}
	got := lessonMarkdown(l)
	want := "# T\n\n*S · about 5 min · quiz of 2 questions*\n\n**In this lesson you will learn to:**\n\n- one\n\nBody.\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
