package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// prose lays out a block of text from Glamour's lines (rows): a paragraph, a heading, a list, a
// quote. Code blocks nested in it (a code sample inside a list item) are found by their text and
// follow the code rule.
func (l *layout) prose(n ast.Node, src []byte, rows [][]cell) {
	nested := nestedCode(n, src)
	level := 0
	if h, ok := n.(*ast.Heading); ok {
		level = h.Level
	}
	w := &wrapper{l: l, rules: rulesFor(n)}
	start := len(l.lines)
	for _, cells := range rows {
		switch {
		case len(cells) == 0:
			l.add("")
		case nested.match(l, cells):
		default:
			w.add(cells)
		}
	}
	if l.o.Style == NoTTY && level > 0 && level <= 2 {
		l.underline(start, "=-"[level-1:level])
	}
}

// underline adds a line of rule under the lines from start on, as wide as the widest: plain
// text's way to mark a heading.
func (l *layout) underline(start int, rule string) {
	w := 0
	for _, s := range l.lines[start:] {
		w = max(w, widthOf(s)-l.margin)
	}
	if w > 0 {
		l.add(strings.Repeat(" ", l.margin) + strings.Repeat(rule, w))
	}
}

// codeBlock lays out a top-level code block from its lines (rows, one per line of code): every
// line whole when it fits, else cut with the marker; the lines in full are kept for scrolling
// sideways.
func (l *layout) codeBlock(n ast.Node, src []byte, rows [][]cell) {
	raw, lang := codeSource(n, src)
	b := CodeBlock{Lang: lang, Raw: raw, indent: l.codeIndent, limit: l.limit, mark: l.mark, Start: -1}
	for _, cells := range rows {
		l.addCode(&b, cells)
	}
	if b.Start >= 0 {
		l.code = append(l.code, b)
	}
}

// addCode adds one line of a code block.
func (l *layout) addCode(b *CodeBlock, cells []cell) {
	shown, full := "", ""
	if len(cells) > 0 {
		full, shown = render(cells), ""
		if w := width(cells); w > b.limit {
			shown = render(b.view(cells, 0))
		} else {
			shown = full
		}
		b.Width = max(b.Width, width(cells)-b.indent)
	}
	i := l.add(shown)
	if b.Start < 0 {
		b.Start = i
	}
	for len(b.full) < i-b.Start { // blank lines between nested code lines
		b.full = append(b.full, "")
	}
	b.full = append(b.full, full)
	b.End = i + 1
}

// plainCode lays out code without highlighting: its lines as they are, indented.
func plainCode(raw string, indent int) []string {
	lines := strings.Split(strings.TrimSuffix(raw, "\n"), "\n")
	for i, s := range lines {
		lines[i] = strings.Repeat(" ", indent) + s
	}
	return lines
}

// codeRows picks a code block's lines out of Glamour's rendering: it frames them with blank
// lines, and its highlighter drops the code's trailing blank lines.
func codeRows(out []string, raw string) []string {
	lines := strings.Split(strings.TrimRight(raw, "\n"), "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	blank := func(s string) bool { return strings.TrimSpace(stripEscapes(s)) == "" }
	for len(out) > 0 && blank(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	for len(out) > len(lines) && blank(out[0]) {
		out = out[1:]
	}
	return out
}

// codeSource returns a code block's text as written and its language.
func codeSource(n ast.Node, src []byte) (string, string) {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	lang := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
	}
	return b.String(), lang
}

// codeMatcher recognises, in the rendering of a container, the lines of the code blocks inside
// it, in order, by their text.
type codeMatcher struct {
	blocks []*CodeBlock
	want   []codeLine // the non-blank code lines, in order
	next   int
}

type codeLine struct {
	block int
	text  string
}

func nestedCode(n ast.Node, src []byte) *codeMatcher {
	m := &codeMatcher{}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if entering {
				raw, lang := codeSource(c, src)
				m.blocks = append(m.blocks, &CodeBlock{Lang: lang, Raw: raw, Start: -1})
				for _, line := range strings.Split(raw, "\n") {
					if t := strings.TrimRight(expandTabs(line), " "); t != "" {
						m.want = append(m.want, codeLine{len(m.blocks) - 1, t})
					}
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return m
}

// match adds cells as a code line and reports true when they are the next code line expected:
// its text, after nothing but indent and quote bars.
func (m *codeMatcher) match(l *layout, cells []cell) bool {
	if m.next >= len(m.want) {
		return false
	}
	want := m.want[m.next]
	plain := plainText(cells)
	head, ok := strings.CutSuffix(plain, want.text)
	if !ok && !l.chroma { // Glamour printed it unescaped: show it as written
		head, ok = strings.CutSuffix(dropBackslashes(plain), dropBackslashes(want.text))
		kept, _ := splitColumns(cells, widthOf(head))
		text, _ := parseCells(want.text, "")
		cells = append(kept[:len(kept):len(kept)], text...)
	}
	if !ok || strings.Trim(head, " │|▏┃") != "" {
		return false
	}
	b := m.blocks[want.block]
	indent := widthOf(head)
	if b.Start < 0 {
		b.indent, b.limit, b.mark = indent, l.limit, l.mark
		if indent > l.limit/2 { // nesting too deep for the column: flatten it
			b.indent = l.margin
		}
	}
	if indent != b.indent {
		_, code := splitColumns(cells, indent)
		cells = append(spaces(b.indent), code...)
	}
	l.addCode(b, cells)
	if m.next++; m.next == len(m.want) || m.want[m.next].block != want.block {
		l.code = append(l.code, *b)
	}
	return true
}

func dropBackslashes(s string) string { return strings.ReplaceAll(s, "\\", "") }

// expandTabs expands tabs as parseCells does, to stops every tabWidth columns.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
