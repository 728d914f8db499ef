package render

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/muesli/termenv"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
)

// prepared is a document rendered by Glamour block by block with wrapping off: everything of a
// rendering that does not depend on the width. Laying it out at a width reads it and changes
// nothing, so one prepared document serves every width and goroutine.
type prepared struct {
	src    []byte
	blocks []ast.Node // the top-level blocks, each the child of a document of its own
	rows   [][][]cell // each block's lines, parsed into cells, without the blank lines around
	urls   []string   // link targets, in reading order
}

// prepare parses a document and renders its blocks.
func prepare(md string, o Options) (*prepared, error) {
	src := []byte(normalizeNewlines(md))
	root := markdownParser.Parse(text.NewReader(src))
	joinSoftBreaks(root, src)
	p := &prepared{src: src, urls: collectLinks(root, src)}
	for n := root.FirstChild(); n != nil; n = root.FirstChild() {
		doc := ast.NewDocument() // each block a document of its own: Glamour renders documents
		doc.AppendChild(doc, n)
		p.blocks = append(p.blocks, n)
	}
	var err error
	p.rows, err = renderBlocks(p.blocks, src, o)
	return p, err
}

// layoutMarkdown lays out a document at o.Width, preparing it first unless it was prepared for
// the same style and profile not long ago (a window being resized lays out the same lesson at
// one width after another).
func layoutMarkdown(md string, o Options) (*Doc, error) {
	key := prepKey{md: md, style: o.Style, profile: profileFor(o)}
	p, ok := preparedDocs.get(key)
	if !ok {
		var err error
		if p, err = prepare(md, o); err != nil {
			return nil, err
		}
		preparedDocs.put(key, p)
	}
	return p.layout(o)
}

// layout lays a prepared document out at o.Width.
func (p *prepared) layout(o Options) (*Doc, error) {
	l := newLayout(o)
	for i, n := range p.blocks {
		l.gap = true
		var err error
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			l.codeBlock(n, p.src, p.rows[i])
		case *east.Table:
			err = l.table(n, p.src, p.rows[i])
		default:
			l.prose(n, p.src, p.rows[i])
		}
		if err != nil {
			return nil, err
		}
	}
	l.lines = append(l.lines, "")
	return &Doc{Lines: l.lines, Code: l.code, Links: placeLinks(p.urls, l.lines), wrapped: l.wrapped}, nil
}

// renderBlocks renders every block with Glamour and parses its lines into cells. Highlighting
// code is most of the cost of a lesson in colour, and the blocks do not depend on each other:
// then they are rendered on every core. Without highlighting one goroutine is quicker.
func renderBlocks(blocks []ast.Node, src []byte, o Options) ([][][]cell, error) {
	out := make([][][]cell, len(blocks))
	errs := make([]error, len(blocks))
	workers := 1
	if highlights(styleConfig(o.Style), profileFor(o)) {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(blocks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := newBlockRenderer(o)
			for i := int(next.Add(1) - 1); i < len(blocks); i = int(next.Add(1) - 1) {
				out[i], errs[i] = safeBlockRows(r, blocks[i], src, o)
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// safeBlockRows is blockRows on a worker of renderBlocks: a panic there is the block's error.
// The render guard (guard.go) recovers only its own goroutine, not these workers.
func safeBlockRows(r *blockRenderer, n ast.Node, src []byte, o Options) (rows [][]cell, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, fmt.Errorf("render: %v", p)
		}
	}()
	return blockRows(r, n, src, o)
}

// blockRows renders one block. Code that Glamour does not highlight is laid out from its text:
// Glamour would print it through its Markdown unescaping ("\\[" shows as "[").
func blockRows(r *blockRenderer, n ast.Node, src []byte, o Options) ([][]cell, error) {
	cfg := styleConfig(o.Style)
	chroma := highlights(cfg, profileFor(o))
	if !isCode(n) {
		lines, err := r.render(n.Parent(), src)
		return unstyled(rows(lines), profileFor(o)), err
	}
	raw, _ := codeSource(n, src)
	var lines []string
	if chroma {
		var err error
		if lines, err = r.render(n.Parent(), src); err != nil {
			return nil, err
		}
		lines = codeRows(lines, raw)
	} else {
		lines = plainCode(raw, codeIndent(cfg))
	}
	out := make([][]cell, len(lines))
	state := ""
	for i, s := range lines {
		out[i], state = parseCells(s, state)
		out[i] = trimRightSpace(out[i])
	}
	return unstyled(out, profileFor(o)), nil
}

// unstyled takes the styles out of freshly parsed rows when the profile is Ascii: Glamour
// takes the colours out then, but still writes bold, italic and underline, and empty colour
// parameters ("\x1b[;;1m"). A cell keeps its bg mark, so a code chip wraps as in colour.
func unstyled(rows [][]cell, p termenv.Profile) [][]cell {
	if p != termenv.Ascii {
		return rows
	}
	for _, cells := range rows {
		for i := range cells {
			cells[i].sgr = ""
		}
	}
	return rows
}

func isCode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}

// blockRenderer renders documents with Glamour, one after another: it keeps its buffers
// between them. Glamour's renderer keeps state while it renders: one per goroutine.
type blockRenderer struct {
	glamour renderer.Renderer
	buf     bytes.Buffer
	w       *bufio.Writer // goldmark would make a new one for every document
}

func newBlockRenderer(o Options) *blockRenderer {
	r := &blockRenderer{glamour: newGlamour(o)}
	r.w = bufio.NewWriter(&r.buf)
	return r
}

// render renders one document and returns its lines. A panic in Glamour becomes an error: it
// runs on a goroutine of ours, where nothing else would catch it.
func (r *blockRenderer) render(doc ast.Node, src []byte) (lines []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("render: %v", p)
		}
	}()
	r.buf.Reset()
	r.w.Reset(&r.buf)
	if err := r.glamour.Render(r.w, src, doc); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return strings.Split(r.buf.String(), "\n"), nil
}

// normalizeNewlines turns CRLF and lone CR line endings into LF: a carriage return on screen
// sends the cursor back over the line.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// joinSoftBreaks turns the soft line breaks of the document into spaces, in the AST and in src
// (the parser is done with it): with wrapping off, Glamour would keep them as line breaks.
// Hard breaks stay.
func joinSoftBreaks(root ast.Node, src []byte) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan: // a line ending inside a code span is a space (CommonMark 6.1)
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					for i := t.Segment.Start; i < t.Segment.Stop; i++ {
						if src[i] == '\n' {
							src[i] = ' '
						}
					}
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			stop := n.Segment.Stop
			if n.SoftLineBreak() && stop < len(src) && (src[stop] == '\n' || src[stop] == ' ') {
				src[stop] = ' '
				n.Segment = n.Segment.WithStop(stop + 1)
				n.SetSoftLineBreak(false)
			}
		}
		return ast.WalkContinue, nil
	})
}

// collectLinks returns the targets of the document's links, in reading order.
func collectLinks(root ast.Node, src []byte) []string {
	var urls []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			urls = append(urls, string(n.Destination))
		case *ast.AutoLink:
			urls = append(urls, string(n.URL(src)))
		case *ast.CodeSpan: // `http://127.0.0.1:8000/docs`: a URL to open, written as code
			if u := spanText(n, src); isWebURL(u) {
				urls = append(urls, u)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return urls
}

// spanText returns the text of a code span.
func spanText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.String()
}

// isWebURL reports whether s is one http or https URL and nothing else.
func isWebURL(s string) bool {
	lower := strings.ToLower(s)
	return (strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")) && !strings.ContainsAny(s, " \t\n<>\"`")
}

// prepKey names a prepared document: the same Markdown, style and profile render the same.
type prepKey struct {
	md      string
	style   Style
	profile termenv.Profile
}

// prepCache keeps the last few prepared documents. A prepared lesson holds its Glamour lines,
// about ten times the size of its Markdown: a handful is enough for resizing and for moving
// between neighbouring lessons.
type prepCache struct {
	mu    sync.Mutex
	keys  []prepKey // most recently used last
	items map[prepKey]*prepared
}

const prepCacheSize = 8

var preparedDocs = &prepCache{items: map[prepKey]*prepared{}}

func (c *prepCache) get(k prepKey) (*prepared, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.items[k]
	if ok {
		c.touch(k)
	}
	return p, ok
}

func (c *prepCache) put(k prepKey, p *prepared) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; !ok && len(c.keys) == prepCacheSize {
		delete(c.items, c.keys[0])
		c.keys = c.keys[1:]
	}
	c.items[k] = p
	c.touch(k)
}

// touch moves k to the most recently used end.
func (c *prepCache) touch(k prepKey) {
	for i, key := range c.keys {
		if key == k {
			c.keys = append(c.keys[:i], c.keys[i+1:]...)
			break
		}
	}
	c.keys = append(c.keys, k)
}
