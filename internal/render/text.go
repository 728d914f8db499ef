package render

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/aieng/aieng/internal/safetext"
)

// Quiz text (prompts, choices, explanations, hints, feedback) is short Markdown: mostly
// paragraphs with `code` and *emphasis*, sometimes a list or a code block. Glamour would take a
// few milliseconds per piece and add margins meant for documents, so quiz text is drawn by this
// small renderer instead: it parses with goldmark (which the lessons package uses too) and
// styles with the interface's own styles, in microseconds.

// Role is what a piece of quiz text is; it decides the base style the text is drawn in.
type Role int

// The roles of quiz text.
const (
	RolePlain    Role = iota // explanations, choices
	RolePrompt               // a question
	RoleFocus                // the choice under the cursor
	RoleCorrect              // a right answer, shown after an answer
	RoleHint                 // a question's hint
	RoleFeedback             // a choice's own feedback
)

// TextStyles are the styles of quiz text: a base style for each role, and the styles of the
// Markdown inside it (inherited over the base).
type TextStyles struct {
	Roles     map[Role]lipgloss.Style
	Strong    lipgloss.Style // **strong** and headings
	Emphasis  lipgloss.Style
	Code      lipgloss.Style // `code`
	CodeBlock lipgloss.Style
	Rule      lipgloss.Style // a thematic break
}

var textParser = goldmark.New().Parser()

type textKey struct {
	src   string
	width int
	role  Role
}

// Text draws quiz text, memoized by text, width and role: a role always has the same style, so
// a memoized result cannot come back in another style. It is meant for one goroutine (the
// interface's event loop).
type Text struct {
	st   TextStyles
	memo map[textKey]string
}

// NewText returns a renderer of quiz text in these styles.
func NewText(st TextStyles) *Text { return &Text{st: st, memo: map[textKey]string{}} }

// Render draws Markdown wrapped to width columns (at least 8), in the role's style.
func (t *Text) Render(src string, width int, role Role) string {
	width = max(width, 8)
	k := textKey{src, width, role}
	if out, ok := t.memo[k]; ok {
		return out
	}
	if len(t.memo) > 2000 { // a course has a few hundred pieces: this only bounds a resize storm
		clear(t.memo)
	}
	r := textRenderer{st: &t.st, src: []byte(src)}
	doc := textParser.Parse(text.NewReader(r.src))
	out := r.blocks(doc, width, t.st.Roles[role])
	t.memo[k] = out
	return out
}

type textRenderer struct {
	st  *TextStyles
	src []byte
}

// blocks renders the children of a block node, separated by blank lines.
func (r textRenderer) blocks(parent ast.Node, width int, base lipgloss.Style) string {
	var parts []string
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if s := r.block(n, width, base); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

func (r textRenderer) block(n ast.Node, width int, base lipgloss.Style) string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return Wrap(r.inlines(n, base), width)
	case *ast.Heading:
		return Wrap(r.inlines(n, r.st.Strong.Inherit(base)), width)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.codeBlock(n, width)
	case *ast.List:
		return r.list(n, width, base)
	case *ast.Blockquote:
		body := r.blocks(n, max(width-2, 4), base)
		return "│ " + strings.ReplaceAll(body, "\n", "\n│ ")
	case *ast.ThematicBreak:
		return r.st.Rule.Render(strings.Repeat("─", min(width, 20)))
	case *ast.HTMLBlock:
		var b strings.Builder
		segs := n.Lines()
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			b.Write(seg.Value(r.src))
		}
		return Wrap(base.Render(safetext.Text(strings.TrimSpace(b.String()))), width)
	default:
		if n.HasChildren() {
			return r.blocks(n, width, base)
		}
		return ""
	}
}

// codeBlock draws a code block's lines as written, indented, each cut to the width.
func (r textRenderer) codeBlock(n ast.Node, width int) string {
	var lines []string
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		line := safetext.Line(strings.TrimRight(strings.ReplaceAll(string(seg.Value(r.src)), "\t", "    "), "\n"))
		if w := max(width-2, 1); ansi.StringWidth(line) > w {
			line = ansi.Truncate(line, w, "…")
		}
		lines = append(lines, "  "+r.st.CodeBlock.Render(line))
	}
	return strings.Join(lines, "\n")
}

// list draws a list's items behind their bullets or numbers, wrapped under them.
func (r textRenderer) list(n *ast.List, width int, base lipgloss.Style) string {
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
		items = append(items, bullet+strings.ReplaceAll(body, "\n", "\n"+strings.Repeat(" ", w)))
	}
	sep := "\n"
	if !n.IsTight {
		sep = "\n\n"
	}
	return strings.Join(items, sep)
}

// inlines renders a block's inline content on one logical line (wrap breaks it).
func (r textRenderer) inlines(parent ast.Node, style lipgloss.Style) string {
	var b strings.Builder
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			b.WriteString(style.Render(decodedText(n.Segment.Value(r.src))))
			switch {
			case n.HardLineBreak():
				b.WriteString("\n")
			case n.SoftLineBreak():
				b.WriteString(" ")
			}
		case *ast.String:
			b.WriteString(style.Render(safetext.Line(string(n.Value))))
		case *ast.CodeSpan:
			b.WriteString(r.st.Code.Inherit(style).Render(r.codeText(n)))
		case *ast.Emphasis:
			s := r.st.Emphasis
			if n.Level >= 2 {
				s = r.st.Strong
			}
			b.WriteString(r.inlines(n, s.Inherit(style)))
		case *ast.Link:
			b.WriteString(r.inlines(n, style.Underline(true)))
		case *ast.AutoLink:
			b.WriteString(style.Underline(true).Render(safetext.Line(string(n.URL(r.src)))))
		case *ast.Image:
			b.WriteString(r.inlines(n, style))
		case *ast.RawHTML:
			b.WriteString(style.Render(safetext.Line(string(n.Segments.Value(r.src)))))
		default:
			b.WriteString(r.inlines(n, style))
		}
	}
	return b.String()
}

// codeText is the text of a code span, as written (Markdown decodes nothing in code).
func (r textRenderer) codeText(n *ast.CodeSpan) string {
	var code strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			code.Write(c.Segment.Value(r.src))
		case *ast.String:
			code.Write(c.Value)
		}
	}
	return safetext.Line(code.String())
}

// decodedText is the text of a Markdown text node as a reader sees it: backslash escapes and
// character references (\*, &lt;, &#8212;) decoded, as CommonMark has them, and any control
// character this decodes to (&#27;) neutralised: validation reports those, and a course may
// not have been validated.
func decodedText(b []byte) string {
	if bytes.IndexByte(b, '\\') >= 0 {
		b = util.UnescapePunctuations(b)
	}
	if bytes.IndexByte(b, '&') >= 0 {
		b = util.ResolveEntityNames(util.ResolveNumericReferences(b))
	}
	return safetext.Line(string(b))
}

// Wrap breaks text at spaces to fit width, and breaks words longer than the width. Each line
// comes out self-contained: it reopens the styles open at its start and closes them at its end,
// since the screen redraws lines one by one.
func Wrap(s string, width int) string {
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
