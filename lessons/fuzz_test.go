package lessons

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseLesson feeds the parser arbitrary files, starting from the built-in lessons: it must
// never panic, and must return either a lesson or at least one error, every problem positioned
// inside the file.
func FuzzParseLesson(f *testing.F) {
	seeds, _ := fs.Glob(builtinFS, "course/*.md")
	for _, name := range seeds {
		src, err := fs.ReadFile(builtinFS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(sampleLesson))
	f.Add([]byte("---\ntitle: x\n---\n## Quiz\n### {kind=short}\n- [x]\n"))
	// The shapes the validator's holes rebuild (holesquiz.go): split, nested and indented
	// choices, and a quiz heading in the body.
	f.Add([]byte("---\ntitle: x\n---\nA.\n## Quiz\n### Q\n* [ ] a\n> f\n- [x] b\n\t- [ ] c\n\n> E\n## Q2\n- [x] y\n"))
	f.Add([]byte("---\ntitle: x\n---\n## Quiz:\n### Q {kind=short}\n\n\t- [x] a\u200b\n- [x] ![i](x.png)\n> Tip: t\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, probs := parseFile("f.md", src)
		if l == nil && !probs.HasErrors() {
			t.Fatal("no lesson and no error")
		}
		lines := strings.Count(string(src), "\n") + 1
		for _, p := range probs {
			if p.Path != "f.md" || p.Line < 1 || p.Col < 1 || p.Line > lines+1 || p.Message == "" {
				t.Fatalf("badly positioned problem %q in a file of %d lines", p.String(), lines)
			}
		}
		if l != nil && utf8.Valid(src) && !utf8.ValidString(l.Body) {
			t.Fatal("valid input gave an invalid body")
		}
	})
}
