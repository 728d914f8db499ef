package lessons

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAuthoringExamplesValidate keeps docs/authoring.md honest: its example manifest, full
// example lesson and example of every question kind load with no problem at all.
func TestAuthoringExamplesValidate(t *testing.T) {
	doc, err := os.ReadFile("../docs/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	find := func(pattern string) string {
		t.Helper()
		m := regexp.MustCompile(`(?s)` + pattern).FindSubmatch(doc)
		if m == nil {
			t.Fatalf("docs/authoring.md has no block matching %q", pattern)
		}
		return string(m[1])
	}
	manifest := find("```yaml\n(id: intro-to-ml.*?)\n```")
	manifest = strings.Replace(manifest, "  - welcome\n", "", 1) + "\n  - kinds\n"
	lesson := find("````markdown\n(.*?)\n````")
	kinds := "---\ntitle: Kinds\nobjectives: [Tell the kinds apart]\n---\n\nBody.\n\n" +
		find("### Example of each kind\n\n```markdown\n(.*?)\n```\n")
	fsys := fstest.MapFS{
		"course.yaml":       {Data: []byte(manifest)},
		"02-first-steps.md": {Data: []byte(lesson + "\n")},
		"03-kinds.md":       {Data: []byte(kinds + "\n")},
	}
	c, probs, err := Load(fsys, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Fatalf("the documented examples have problems:\n%v", probs)
	}
	got := map[Kind]int{}
	for _, l := range c.Lessons {
		for k, n := range l.CountByKind() {
			got[k] += n
		}
	}
	for _, k := range Kinds {
		if got[k] == 0 {
			t.Errorf("the examples show no %s question", k)
		}
	}
}
