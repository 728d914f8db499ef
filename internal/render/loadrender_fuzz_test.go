package render

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// requireOnlySGR fails unless out holds nothing but text, newlines, tabs and SGR sequences.
func requireOnlySGR(t *testing.T, what, out string) {
	t.Helper()
	rest := sgr.ReplaceAllString(out, "")
	if !utf8.ValidString(rest) {
		t.Fatalf("%s: invalid UTF-8 in %q", what, out)
	}
	for _, r := range rest {
		if safetext.IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("%s: %s reaches the terminal in %q", what, safetext.Name(r), out)
		}
	}
}

// FuzzLoadAndRender loads a lesson file as aieng does and, when it validates, renders it (a
// width and a style from the input), and its quiz text: nothing but text and SGR styling may
// come out, before the last filter (safetext.Styled) as after it. A lesson with problems is
// not rendered (a lesson past the limits may take seconds: that is what the limits are for),
// but what was loaded of it must hold no control character either.
func FuzzLoadAndRender(f *testing.F) {
	sources, _ := filepath.Glob("../../lessons/course/*.md")
	for _, p := range sources[:min(len(sources), 3)] {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"---\ntitle: \"T \\e]0;PWN\\a\"\nobjectives: [\"\\x9b2J\"]\n---\n\nBody &#27;]52;c;QQ==&#7; `&#x1b;[2J` &#155;6n\n",
		"---\ntitle: T\nobjectives: [x]\n---\n\n## H &#27\n\n> q\n\n- [a](<b> \"t\")\n\n## Quiz\n\n### P &#27;?\n\n- [x] C &lt;\n  > F\n- [ ] D\n\n> E &#x1B;\n",
		"---\ntitle: T\nobjectives: [x]\n---\n\n" + "*a **b** c* ~~d~~ <b>&amp;</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nx := \"\\x1b\"\n```\n",
	} {
		f.Add([]byte(s))
	}
	styles := []Options{{Style: NoTTY}, {Style: Dark, Profile: termenv.TrueColor}, {Style: Light, Profile: termenv.ANSI256}}
	quiz := NewText(TextStyles{Roles: map[Role]lipgloss.Style{RolePlain: lipgloss.NewStyle().Bold(true)}})
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 16<<10 {
			return // larger inputs only cost the fuzzer time: the limits are tested elsewhere
		}
		fsys := fstest.MapFS{lessons.ManifestName: {Data: []byte("id: c\ntitle: C\n")}, "01-f.md": {Data: src}}
		c, probs, err := lessons.Load(fsys, "c")
		if err != nil || len(c.Lessons) == 0 {
			return
		}
		l := c.Lessons[0]
		if probs.HasErrors() {
			requireOnlySGR(t, "loaded text", l.Title+l.Section+l.Body)
			return
		}
		o := styles[len(src)%len(styles)]
		o.Width = 20 + len(src)%481
		raw, err := Lesson(l, o)
		if err != nil {
			t.Fatal(err)
		}
		requireOnlySGR(t, "rendered lesson", raw)
		safe, err := SafeLesson(l, o)
		if err != nil {
			t.Fatal(err)
		}
		requireOnlySGR(t, "guarded lesson", safe)
		for _, q := range l.Quiz {
			for _, s := range []string{q.Prompt, q.Detail, q.Explanation, q.Hint} {
				requireOnlySGR(t, "quiz text", quiz.Render(s, o.Width, RolePlain))
			}
			for _, ch := range q.Choices {
				requireOnlySGR(t, "choice", quiz.Render(ch.Text, o.Width, RolePlain)+quiz.Render(ch.Feedback, o.Width, RolePlain))
			}
		}
	})
}
