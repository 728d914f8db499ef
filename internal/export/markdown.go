package export

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// htmlMarkdown turns lesson Markdown into HTML for the LMS formats: the same block extensions
// the lesson parser uses (tables, strikethrough), XHTML so the result is also well-formed XML,
// and raw HTML shown as text. goldmark's default would drop raw HTML ("raw HTML omitted"), and
// passing it through would let a lesson inject markup into the LMS; an author who writes
// "<br>" in a prompt means those four characters, as the terminal shows them.
var htmlMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(
		html.WithXHTML(),
		renderer.WithNodeRenderers(util.Prioritized(literalHTML{}, 100)),
	),
)

// literalHTML renders raw HTML nodes as escaped text. Its priority (100) is ahead of goldmark's
// HTML renderer (1000), so its functions win for these two kinds.
type literalHTML struct{}

func (literalHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTMLAsText)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlockAsText)
}

func renderRawHTMLAsText(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := n.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			html.DefaultWriter.RawWrite(w, seg.Value(src))
		}
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlockAsText shows an HTML block as preformatted text, keeping its lines.
func renderHTMLBlockAsText(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	b := n.(*ast.HTMLBlock)
	if !entering {
		if b.HasClosure() {
			html.DefaultWriter.RawWrite(w, b.ClosureLine.Value(src))
		}
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<pre><code>")
	for i := 0; i < b.Lines().Len(); i++ {
		line := b.Lines().At(i)
		html.DefaultWriter.RawWrite(w, line.Value(src))
	}
	return ast.WalkContinue, nil
}

// markdownHTML converts a Markdown block (a question's detail, feedback, an explanation) to HTML.
func markdownHTML(md string) (string, error) {
	var buf bytes.Buffer
	if err := htmlMarkdown.Convert([]byte(clean(md)), &buf); err != nil {
		return "", err
	}
	return strings.TrimSpace(buf.String()), nil
}

// inlineHTML converts one line of inline Markdown (a prompt, a choice) to HTML without the
// paragraph around it. Characters that would start a block (a "#", "-" or "1." at the start)
// are escaped first: a heading's or a choice's text is never a heading or a list.
func inlineHTML(md string) (string, error) {
	out, err := markdownHTML(escapeBlockStart(md))
	if err != nil {
		return "", err
	}
	if inner, ok := strings.CutPrefix(out, "<p>"); ok && strings.Count(out, "<p>") == 1 {
		out = strings.TrimSuffix(inner, "</p>")
	}
	return out, nil
}

// blockStart matches what would make a line of inline text a block of its own: an ATX heading, a
// quote, a bullet or ordered list item, a thematic break, a code fence or an HTML block.
var blockStart = regexp.MustCompile(`^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|(\*\s*){3,}$|(-\s*){3,}$|(_\s*){3,}$|` + "```" + `|~~~|<)`)

func escapeBlockStart(s string) string {
	s = strings.TrimSpace(s)
	if blockStart.MatchString(s) {
		if i := strings.IndexAny(s, "#>-+*_`~<.)"); i >= 0 {
			return s[:i] + `\` + s[i:]
		}
	}
	return s
}

// questionHTML is a question's text: the prompt, then its detail.
func questionHTML(prompt, detail string) (string, error) {
	p, err := inlineHTML(prompt)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(detail) == "" {
		return "<p>" + p + "</p>", nil
	}
	d, err := markdownHTML(detail)
	if err != nil {
		return "", err
	}
	return "<p>" + p + "</p>\n" + d, nil
}

// plainText returns the text of inline Markdown without its markup: what a learner reads, and so
// what a learner types for a short answer (`overlap` is typed as overlap).
func plainText(md string) string {
	src := []byte(clean(escapeBlockStart(md)))
	doc := htmlMarkdown.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			writeText(&b, n, src)
		case *ast.String:
			b.Write(n.Value)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// writeText writes a text node as read: escapes and entities resolved, except in code spans,
// where a backslash is a backslash.
func writeText(b *strings.Builder, n *ast.Text, src []byte) {
	v := n.Segment.Value(src)
	if _, code := n.Parent().(*ast.CodeSpan); !code {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
	}
	b.Write(v)
	if n.SoftLineBreak() || n.HardLineBreak() {
		b.WriteByte(' ')
	}
}
