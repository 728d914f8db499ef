package render

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/aieng/aieng/lessons"
)

// The layout's promises, tested as properties of the rendered text rather than by eye: for
// every built-in lesson and every lesson file in the parser's testdata, at every width from 30
// to 200 (a sample of widths under -short and under the race detector), in the dark, light and
// plain styles:
//
//   - width: no line is wider than the width;
//   - orphans: no line of a paragraph but its last is shorter than a third of the width when
//     the next word would have fitted;
//   - hanging indent: the wrapped lines of a list item start under the item's text;
//   - code: every code line is shown whole, or cut and ended with the cut marker, never split;
//   - cut cells: no "…" that the lesson does not have (tables are stacked, not cut).
//
// The checks read only the rendered text and the lesson's Markdown: they judge any renderer.
// Which line breaks are soft (a paragraph wrapped) is told by the Markdown: two words on
// either side of a break that stand side by side in a paragraph of the lesson.

// layoutSample is the widths checked under -short.
var layoutSample = []int{30, 31, 33, 40, 41, 47, 50, 55, 60, 64, 72, 79, 80, 81, 90, 96, 100, 110, 120, 133, 150, 160, 180, 200}

type layoutCase struct {
	name string
	md   string
}

// layoutCorpus returns the built-in lessons and the lesson files of the parser's testdata that
// have no text errors (invalid UTF-8 and control characters never reach a learner: the course
// does not load).
func layoutCorpus(t testing.TB) []layoutCase {
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var out []layoutCase
	for _, l := range c.Lessons {
		out = append(out, layoutCase{l.ID, lessonMarkdown(l)})
	}
	root := filepath.Join("..", "..", "lessons", "testdata")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		l, probs := lessons.ParseLesson(p, src)
		if l == nil || textErrors(probs) {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, layoutCase{"testdata/" + filepath.ToSlash(rel), lessonMarkdown(l)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func textErrors(probs lessons.Problems) bool {
	for _, p := range probs {
		if strings.Contains(p.Message, "UTF-8") || strings.Contains(p.Message, "control character") {
			return true
		}
	}
	return false
}

func TestLayoutProperties(t *testing.T) {
	widths := layoutSample
	if !testing.Short() && !raceBuild {
		widths = nil
		for w := 30; w <= 200; w++ {
			widths = append(widths, w)
		}
	}
	totals := map[string]int{}
	for _, c := range layoutCorpus(t) {
		facts := newSourceFacts(c.md)
		for _, style := range []Style{Dark, Light, NoTTY} {
			for _, w := range widths {
				out, err := markdown(c.md, Options{Width: w, Style: style, Profile: termenv.ANSI256})
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range checkLayout(out, w, style != NoTTY, facts) {
					totals[v.property]++
					if totals[v.property] <= 5 {
						t.Errorf("%s, %s, width %d: %s: %s", c.name, style, w, v.property, v.detail)
					}
				}
			}
		}
	}
	if len(totals) > 0 {
		t.Errorf("violations by property (first 5 of each shown): %v", totals)
	}
}

type violation struct{ property, detail string }

// sourceFacts is what the checks need to know of a lesson's Markdown.
type sourceFacts struct {
	pairs map[string]bool // "a b": words side by side in a paragraph, normalised
	words map[string]bool // every word of the prose, normalised
	chips map[string]bool // the text of inline code spans
	code  [][]string      // each code block's lines, tabs expanded, right-trimmed
	cuts  int             // "…" in the lesson
}

var factsParser = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

func newSourceFacts(md string) *sourceFacts {
	f := &sourceFacts{pairs: map[string]bool{}, words: map[string]bool{}, chips: map[string]bool{}, cuts: strings.Count(md, "…")}
	src := []byte(md)
	doc := factsParser.Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			var lines []string
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				lines = append(lines, strings.TrimRight(expandTabs(strings.TrimRight(string(seg.Value(src)), "\n")), " "))
			}
			f.code = append(f.code, lines)
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			f.chips[proseText(n, src)] = true
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			f.addProse(proseText(n, src))
		}
		return ast.WalkContinue, nil
	})
	return f
}

// proseText returns a paragraph's words as a reader sees them, one line per hard break.
func proseText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			switch {
			case t.HardLineBreak():
				b.WriteByte('\n')
			case t.SoftLineBreak():
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func (f *sourceFacts) addProse(s string) {
	for _, line := range strings.Split(s, "\n") {
		words := strings.Fields(line)
		for i, w := range words {
			f.words[norm(w)] = true
			if i > 0 {
				f.pairs[norm(words[i-1])+" "+norm(w)] = true
			}
		}
	}
}

// norm strips a word of the punctuation and markers around it.
func norm(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// padding returns the columns a style that draws inline code as chips adds to a word that
// starts a line: 2 for a whole chip, 1 for the first word of one.
func (f *sourceFacts) padding(word string) int {
	if f.chips[word] {
		return 2
	}
	for c := range f.chips {
		if strings.HasPrefix(c, word+" ") {
			return 1
		}
	}
	return 0
}

// softBreak reports whether the break between two lines falls inside a paragraph of the lesson.
func (f *sourceFacts) softBreak(last, first string) bool {
	if last == "" || first == "" || norm(last) == "" || norm(first) == "" {
		return false
	}
	if f.pairs[norm(last)+" "+norm(first)] {
		return true
	}
	return strings.HasSuffix(last, "-") && f.words[norm(last+first)] // "big-" / "data"
}

var (
	leadRe   = regexp.MustCompile(`^[ │|▏┃]*`)
	markerRe = regexp.MustCompile(`^[ │|▏┃]*(• |\d{1,2}\. |\[[ x✓]\] )`)
)

// checkLayout returns every way out breaks the layout's promises at width w. padded tells that
// the style draws inline code as a chip one column wider on each side (dark, light).
func checkLayout(out string, w int, padded bool, f *sourceFacts) []violation {
	lines := strings.Split(ansi.Strip(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	var vs []violation
	vs = append(vs, checkWidths(lines, w)...)
	vs = append(vs, checkWraps(lines, w, padded, f)...)
	vs = append(vs, checkCode(lines, f)...)
	if n := strings.Count(out, "…") - f.cuts; n > 0 {
		vs = append(vs, violation{"cut cells", fmt.Sprintf("%d × …", n)})
	}
	return vs
}

func checkWidths(lines []string, w int) []violation {
	var vs []violation
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			vs = append(vs, violation{"width", fmt.Sprintf("%d columns: %q", lw, l)})
		}
	}
	return vs
}

// checkWraps checks the orphan and hanging-indent promises on every soft break. Text may take
// the width less the right margin, the 2 columns Glamour's styles keep on either side.
func checkWraps(lines []string, w int, padded bool, f *sourceFacts) []violation {
	var vs []violation
	textWidth := w - 2
	hang, cont := -1, false // hang: the text column of the list item being wrapped, or -1
	for i := 0; i+1 < len(lines); i++ {
		cur, next := lines[i], lines[i+1]
		if !cont { // a line that starts a paragraph or an item, not one that continues it
			hang = -1
			if m := markerRe.FindString(cur); m != "" {
				hang = ansi.StringWidth(m)
			}
		}
		curFields, nextFields := strings.Fields(cur), strings.Fields(next)
		cont = len(curFields) > 0 && len(nextFields) > 0 && f.softBreak(curFields[len(curFields)-1], nextFields[0])
		if !cont {
			continue
		}
		first := nextFields[0]
		firstW := ansi.StringWidth(first)
		if padded {
			firstW += f.padding(first)
		}
		textW := ansi.StringWidth(cur) - ansi.StringWidth(leadRe.FindString(cur))
		if textW < w/3 && ansi.StringWidth(cur)+1+firstW <= textWidth {
			vs = append(vs, violation{"orphans", fmt.Sprintf("%q / %q", cur, next)})
		}
		if indent := ansi.StringWidth(leadRe.FindString(next)); hang >= 0 && indent != hang {
			vs = append(vs, violation{"hanging indent", fmt.Sprintf("text at column %d, wrapped line at %d: %q / %q", hang, indent, cur, next)})
		}
	}
	return vs
}

// checkCode finds every code line, in order: whole, or cut with the marker.
func checkCode(lines []string, f *sourceFacts) []violation {
	var vs []violation
	at := 0
	for _, block := range f.code {
		for _, want := range block {
			if want == "" {
				continue
			}
			found := -1
			for i := at; i < len(lines) && found < 0; i++ {
				if codeShown(lines[i], want) {
					found = i
				}
			}
			if found < 0 {
				vs = append(vs, violation{"code", fmt.Sprintf("line not shown whole or cut: %q", want)})
				continue
			}
			at = found + 1
		}
	}
	return vs
}

// codeShown reports whether a rendered line shows a code line: whole after its indent, or its
// beginning followed by the cut marker.
func codeShown(line, want string) bool {
	if head, ok := strings.CutSuffix(line, want); ok && strings.Trim(head, " │|▏┃") == "" {
		return true
	}
	cut, ok := strings.CutSuffix(line, CutMarker)
	if !ok {
		return false
	}
	if strings.Trim(cut, " │|▏┃") == "" { // only the code's own indent fits before the marker
		return strings.HasPrefix(want, " ")
	}
	for i, r := range cut { // the indent ends somewhere in the leading spaces and bars
		if rest := strings.TrimRight(cut[i:], " "); strings.HasPrefix(want, rest) {
			return true
		}
		if !strings.ContainsRune(" │|▏┃", r) {
			return false
		}
	}
	return false
}
