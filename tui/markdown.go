package tui

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Quiz text (prompts, choices, explanations, hints, feedback) is short Markdown: mostly
// paragraphs with `code` and *emphasis*, sometimes a list or a code block. Glamour would take a
// few milliseconds per piece and add margins meant for documents, so quiz text is drawn by this
// small renderer instead: it parses with goldmark (which the lessons package uses too) and
// styles with the interface's own styles, in microseconds. Results are memoized per text,
// width and style.

var mdParser = goldmark.New().Parser()

type mdKey struct {
	src   string
	width int
	base  string // the base style's identity
}

type mdCache struct {
	st   *Styles
	memo map[mdKey]string
}

func newMDCache(st *Styles) *mdCache { return &mdCache{st: st, memo: map[mdKey]string{}} }

// render draws Markdown wrapped to width columns, plain text in the base style.
func (m *mdCache) render(src string, width int, base lipgloss.Style, baseName string) string {
	width = max(width, 8)
	k := mdKey{src, width, baseName}
	if out, ok := m.memo[k]; ok {
		return out
	}
	if len(m.memo) > 2000 { // a course has a few hundred pieces: this only bounds a resize storm
		clear(m.memo)
	}
	r := mdRenderer{st: m.st, src: []byte(src)}
	doc := mdParser.Parse(text.NewReader(r.src))
	out := r.blocks(doc, width, base)
	m.memo[k] = out
	return out
}

type mdRenderer struct {
	st  *Styles
	src []byte
}

// blocks renders the children of a block node, separated by blank lines.
func (r mdRenderer) blocks(parent ast.Node, width int, base lipgloss.Style) string {
	var parts []string
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if s := r.block(n, width, base); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

func (r mdRenderer) block(n ast.Node, width int, base lipgloss.Style) string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return wrap(r.inlines(n, base), width)
	case *ast.Heading:
		return wrap(r.inlines(n, r.st.Strong.Inherit(base)), width)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var lines []string
		segs := n.Lines()
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			line := strings.TrimRight(strings.ReplaceAll(string(seg.Value(r.src)), "\t", "    "), "\n")
			lines = append(lines, "  "+r.st.CodeBlock.Render(clip(line, max(width-2, 1))))
		}
		return strings.Join(lines, "\n")
	case *ast.List:
		var items []string
		num := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			bullet := "• "
			if n.IsOrdered() {
				bullet = strconv.Itoa(num) + ". "
				num++
			}
			w := ansi.StringWidth(bullet)
			body := r.blocks(item, max(width-w, 4), base)
			body = indent(body, w)
			items = append(items, bullet+body[w:])
		}
		sep := "\n"
		if !n.IsTight {
			sep = "\n\n"
		}
		return strings.Join(items, sep)
	case *ast.Blockquote:
		body := r.blocks(n, max(width-2, 4), base)
		return "│ " + strings.ReplaceAll(body, "\n", "\n│ ")
	case *ast.ThematicBreak:
		return r.st.Subtle.Render(strings.Repeat("─", min(width, 20)))
	case *ast.HTMLBlock:
		var b strings.Builder
		segs := n.Lines()
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			b.Write(seg.Value(r.src))
		}
		return wrap(base.Render(strings.TrimSpace(b.String())), width)
	default:
		if n.HasChildren() {
			return r.blocks(n, width, base)
		}
		return ""
	}
}

// inlines renders a block's inline content on one logical line (wrap breaks it).
func (r mdRenderer) inlines(parent ast.Node, style lipgloss.Style) string {
	var b strings.Builder
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			b.WriteString(style.Render(string(n.Segment.Value(r.src))))
			switch {
			case n.HardLineBreak():
				b.WriteString("\n")
			case n.SoftLineBreak():
				b.WriteString(" ")
			}
		case *ast.String:
			b.WriteString(style.Render(string(n.Value)))
		case *ast.CodeSpan:
			var code strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code.Write(t.Segment.Value(r.src))
				} else if s, ok := c.(*ast.String); ok {
					code.Write(s.Value)
				}
			}
			b.WriteString(r.st.Code.Inherit(style).Render(code.String()))
		case *ast.Emphasis:
			s := r.st.Emphasis
			if n.Level >= 2 {
				s = r.st.Strong
			}
			b.WriteString(r.inlines(n, s.Inherit(style)))
		case *ast.Link:
			b.WriteString(r.inlines(n, style.Underline(true)))
		case *ast.AutoLink:
			b.WriteString(style.Underline(true).Render(string(n.URL(r.src))))
		case *ast.Image:
			b.WriteString(r.inlines(n, style))
		case *ast.RawHTML:
			segs := n.Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				b.WriteString(style.Render(string(seg.Value(r.src))))
			}
		default:
			b.WriteString(r.inlines(n, style))
		}
	}
	return b.String()
}

// wrap breaks text at spaces to fit width, and breaks words longer than the width. Each line
// comes out self-contained: it reopens the styles open at its start and closes them at its end,
// since the screen redraws lines one by one.
func wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	w := ansi.Wrap(s, width, "")
	if !strings.Contains(w, "\x1b[") || !strings.Contains(w, "\n") {
		return w
	}
	return strings.Join(balanceSGR(strings.Split(w, "\n")), "\n")
}

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// balanceSGR carries the text attributes (SGR sequences) open at the end of each line over to
// the start of the next one.
func balanceSGR(lines []string) []string {
	var open []string // sequences in effect since the last reset
	for i, l := range lines {
		prefix := strings.Join(open, "")
		for _, seq := range sgrRE.FindAllString(l, -1) {
			if seq == "\x1b[0m" || seq == "\x1b[m" {
				open = open[:0]
			} else {
				open = append(open, seq)
			}
		}
		if len(open) > 0 {
			l += "\x1b[0m"
		}
		lines[i] = prefix + l
	}
	return lines
}
