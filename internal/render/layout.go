package render

import (
	"strings"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// How a lesson is laid out, and why this way.
//
// Glamour v1 wraps text with muesli/reflow, whose word wrap writes a "-" without counting it:
// every hyphen lets a line run a column long, and Glamour's second pass over the document
// (x/ansi's word wrap) breaks it again, leaving one or two words alone on a line (glamour #451,
// reflow #77). The same document pass splits code lines that are too wide into lines that look
// like code, and list items wrap back to the bullet's column.
//
// So Glamour still renders every element (styles, colours, syntax highlighting, tables) but
// never wraps: each top-level block of the document is rendered on its own with word wrap off
// (WordWrap 0 turns off its wrapping and padding alike), which gives one line per paragraph or
// list item. This package then lays the lines out itself, on cells that know their width and
// style: prose is wrapped once with a hanging indent that follows the line's own prefix (quote
// bars, list markers), code lines are cut with a marker and never wrapped, and a table too
// wide for the column becomes "Header: value" records.

// markdownParser parses as Glamour's own renderer does (GFM and definition lists). A goldmark
// parser keeps no state between calls, so one serves every goroutine.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// layout lays out one document.
type layout struct {
	o          Options
	limit      int            // columns a line may take: the width less the right margin
	margin     int            // the document's left margin
	codeIndent int            // columns before a top-level code block's code
	chroma     bool           // code is highlighted by Glamour; else it is laid out from its text
	mark       string         // SGR state of the cut markers
	glamour    *blockRenderer // for the cells of stacked tables; built when first needed

	lines   []string
	code    []CodeBlock
	wrapped []int // the lines that continue the line above (a paragraph or list item wrapped), in order
	gap     bool  // a blank line goes before the next line added
}

func newLayout(o Options) *layout {
	cfg := styleConfig(o.Style)
	margin := uintValue(cfg.Document.Margin)
	profile := profileFor(o)
	return &layout{
		o:          o,
		limit:      max(o.Width, minWidth) - margin,
		margin:     margin,
		codeIndent: codeIndent(cfg),
		chroma:     highlights(cfg, profile),
		mark:       markerSGR(o.Style, profile),
		lines:      []string{""},
	}
}

// newGlamour returns a Glamour renderer with word wrap off. Glamour's renderer keeps state while
// it renders: one per goroutine.
func newGlamour(o Options) renderer.Renderer {
	ar := gansi.NewRenderer(gansi.Options{WordWrap: 0, ColorProfile: profileFor(o), Styles: styleConfig(o.Style)})
	return renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(ar, 1000)))
}

// highlights reports whether Glamour highlights code with Chroma.
func highlights(cfg gansi.StyleConfig, p termenv.Profile) bool {
	return cfg.CodeBlock.Chroma != nil && p != termenv.Ascii
}

// codeIndent returns the columns before a top-level code block's code.
func codeIndent(cfg gansi.StyleConfig) int {
	return uintValue(cfg.Document.Margin) + uintValue(cfg.CodeBlock.Margin) + uintValue(cfg.CodeBlock.Indent)
}

func uintValue(p *uint) int {
	if p == nil {
		return 0
	}
	return int(*p)
}

// add appends a line and returns its index.
func (l *layout) add(line string) int {
	if l.gap && len(l.lines) > 1 {
		l.lines = append(l.lines, "")
	}
	l.gap = false
	l.lines = append(l.lines, line)
	return len(l.lines) - 1
}

// rows returns Glamour's lines of a block as cells, right-trimmed, without the blank lines
// around them.
func rows(lines []string) [][]cell {
	out := make([][]cell, 0, len(lines))
	state := ""
	for _, s := range lines {
		var cells []cell
		cells, state = parseCells(s, state)
		out = append(out, trimRightSpace(cells))
	}
	for len(out) > 0 && len(out[0]) == 0 {
		out = out[1:]
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// renderNode renders a node outside the document (the cells of a stacked table) as rows.
func (l *layout) renderNode(n ast.Node, src []byte) ([][]cell, error) {
	if l.glamour == nil {
		l.glamour = newBlockRenderer(l.o)
	}
	doc := ast.NewDocument()
	doc.AppendChild(doc, n)
	lines, err := l.glamour.render(doc, src)
	return unstyled(rows(lines), profileFor(l.o)), err
}

// placeLinks finds where each link's URL is shown, searching on from the previous one.
func placeLinks(urls []string, lines []string) []Link {
	links := make([]Link, 0, len(urls))
	line, from := 0, 0
	// Each line's text is worked out once: a link that is not found (its URL broken over lines
	// in a narrow column) searches every line after it, which made this quadratic (a lesson of
	// 1 750 links: 8.5 s at 20 columns).
	plains, known := make([]string, len(lines)), make([]bool, len(lines))
	for _, u := range urls {
		link := Link{URL: u, Line: -1, Col: -1}
		for i := line; i < len(lines) && u != "" && !strings.HasPrefix(u, "#"); i++ {
			if !known[i] {
				plains[i], known[i] = stripEscapes(lines[i]), true
			}
			plain := plains[i]
			start := 0
			if i == line {
				start = min(from, len(plain))
			}
			if at := strings.Index(plain[start:], u); at >= 0 {
				link.Line, link.Col = i, widthOf(plain[:start+at])
				line, from = i, start+at+len(u)
				break
			}
		}
		links = append(links, link)
	}
	return links
}

// stripEscapes returns a styled line's text.
func stripEscapes(s string) string {
	cells, _ := parseCells(s, "")
	return plainText(cells)
}

// widthOf returns the width of plain text in columns.
func widthOf(s string) int {
	cells, _ := parseCells(s, "")
	return width(cells)
}
