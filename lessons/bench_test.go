package lessons

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// BenchmarkBuiltin loads and validates the built-in course, as every command does at start-up.
// Budget: under 10 ms.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, probs, err := Builtin(); err != nil || probs.HasErrors() {
			b.Fatal(err, probs[:min(len(probs), 3)])
		}
	}
}

// BenchmarkLoad1000 loads a generated course of 1,000 lessons of about 4 KB each.
// Budget: under 250 ms and 150 MB allocated.
func BenchmarkLoad1000(b *testing.B) {
	fsys := generatedCourse(1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c, probs, err := Load(fsys, "gen")
		if err != nil || probs.HasErrors() || len(c.Lessons) != 1000 {
			b.Fatal(err, len(probs), "problems, first:", probs[:min(len(probs), 3)])
		}
	}
}

func generatedCourse(n int) fstest.MapFS {
	fsys := fstest.MapFS{"course.yaml": {Data: []byte("id: gen\ntitle: Generated\n")}}
	para := strings.Repeat("Feature engineering turns raw columns into signals a model can learn from. ", 6)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Lesson %d\nsection: Part %d\norder: %d\nminutes: 10\nobjectives:\n  - Objective one\n  - Objective two\n---\n\n", i, i/50, i)
		for s := range 4 {
			fmt.Fprintf(&b, "## Heading %d\n\n%s\n\n- a point with `code`\n- another point\n\n", s, para)
		}
		b.WriteString("```python\nimport numpy as np\nprint(np.arange(3))\n```\n\n## Quiz\n\n")
		for q := range 4 {
			fmt.Fprintf(&b, "### Question %d about lesson %d?\n\n- [ ] Wrong answer\n  > Feedback.\n- [x] Right answer\n- [ ] Other answer\n\n> Because.\n\n", q, i)
		}
		fsys[fmt.Sprintf("%04d-lesson-%d.md", i, i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// BenchmarkFind is the outline's filter on the built-in course, run on every key typed in it.
// Budget: well under a frame (16 ms).
func BenchmarkFind(b *testing.B) {
	c, _, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(c.Find("leak")) == 0 {
			b.Fatal("nothing found")
		}
	}
}

// BenchmarkJudgeText judges a typed answer with a typo against four accepted answers (the
// slowest path: every normalisation and the edit distances). Budget: under 50 µs.
func BenchmarkJudgeText(b *testing.B) {
	q := &Question{Kind: ShortAnswer, Accepted: []string{"Retrieval-augmented generation", "Retrieval augmented generation (RAG)",
		"RAG", "retrieval-augmented-generation"}}
	b.ReportAllocs()
	for b.Loop() {
		if !q.CheckText("Retreival augmented generaton") {
			b.Fatal("not accepted")
		}
	}
}
