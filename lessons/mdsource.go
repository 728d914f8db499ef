package lessons

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// This file finds, in a parsed lesson, where a block starts (for problems' positions) and the
// Markdown it was written as (quiz text is kept as Markdown, rendered later).

// posOf returns the line and column where a block's content starts.
func (p *lessonParser) posOf(n ast.Node) (int, int) {
	if h, ok := n.(*ast.Heading); ok {
		line, _ := p.idx.pos(p.base + p.nodeStart(h))
		return line, 1
	}
	return p.idx.pos(p.base + p.nodeStart(n))
}

// nodeStart finds the first byte of a block's content by descending to its first line.
func (p *lessonParser) nodeStart(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return 0
}

func (p *lessonParser) nodeEnd(n ast.Node) int {
	for c := n; c != nil; c = c.LastChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(c.Lines().Len() - 1).Stop
		}
	}
	return p.nodeStart(n)
}

// source returns a leaf block's lines as written, joined by newlines.
func (p *lessonParser) source(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(p.body()))
	}
	return strings.TrimRight(b.String(), "\n")
}

// inlineAfter returns the Markdown of a choice's text: its block's lines after the checkbox.
// The text starts right after the box's "]" on the first line, not at the first inline node
// after the box: that node's first text may sit inside markup ("`code`", "**bold**") whose
// opening marks would be lost.
func (p *lessonParser) inlineAfter(box ast.Node) string {
	parent := box.Parent()
	if box.NextSibling() == nil || parent.Lines().Len() == 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < parent.Lines().Len(); i++ {
		seg := parent.Lines().At(i)
		if i == 0 {
			if end := bytes.IndexByte(seg.Value(p.body()), ']'); end >= 0 {
				seg = text.NewSegment(seg.Start+end+1, seg.Stop)
			}
		}
		b.Write(bytes.TrimSpace(seg.Value(p.body())))
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// markdownOf rebuilds the Markdown of a block from its leaf blocks' lines. Container prefixes
// ("> ", list indentation) are not part of those lines, so the result is plain Markdown.
func (p *lessonParser) markdownOf(n ast.Node) string {
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		return "```" + string(n.Language(p.body())) + "\n" + p.source(n) + "\n```"
	case *ast.CodeBlock:
		return "```text\n" + p.source(n) + "\n```"
	case *ast.List:
		var items []string
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "- "
			if n.IsOrdered() {
				marker = fmt.Sprintf("%d. ", i)
				i++
			}
			items = append(items, marker+strings.ReplaceAll(p.markdownOf(item), "\n", "\n   "))
		}
		return strings.Join(items, "\n")
	case *ast.Heading:
		return strings.Repeat("#", n.Level) + " " + p.source(n)
	case *ast.ThematicBreak:
		return "---"
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return p.source(n)
	}
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := p.markdownOf(c); s != "" {
			parts = append(parts, s)
		}
	}
	sep := "\n\n"
	if item, ok := n.(*ast.ListItem); ok && item.Parent().(*ast.List).IsTight {
		sep = "\n"
	}
	return strings.Join(parts, sep)
}

// plain returns a node's text without Markdown markup, for comparisons.
func (p *lessonParser) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(p.body()))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
