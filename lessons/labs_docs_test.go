package lessons_test

import (
	"github.com/muesli/termenv"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
)

// TestAuthoringLabExample: the lab example in docs/authoring.md loads without a problem, and the
// card the guide shows is the card the lesson gets.
func TestAuthoringLabExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## Labs\n")
	if !ok {
		t.Fatal("docs/authoring.md has no Labs section")
	}
	_, example, _ := strings.Cut(section, "````markdown\n")
	example, _, _ = strings.Cut(example, "\n````")
	fsys := fstest.MapFS{
		"course.yaml": {Data: []byte("id: labs\ntitle: Labs\n")},
		"01-a.md":     {Data: []byte("---\ntitle: Labs\nobjectives: [Try a lab]\n---\n\n" + example + "\n")},
	}
	c, probs, err := lessons.Load(fsys, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 || len(c.Lessons[0].Labs) != 1 {
		t.Fatalf("the documented lab: %v", probs)
	}
	_, card, _ := strings.Cut(section, "```text\n")
	card, _, _ = strings.Cut(card, "\n```")
	rendered, err := render.LessonDoc(c.Lessons[0], render.Options{Width: 80, Style: render.Dark, Profile: termenv.Ascii})
	if err != nil {
		t.Fatal(err)
	}
	out := rendered.String()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l) // the renderer's margin
	}
	if !strings.Contains(strings.Join(lines, "\n"), card) {
		t.Errorf("the rendered lesson lacks the documented card:\n%s\nrendered:\n%s", card, out)
	}
}
