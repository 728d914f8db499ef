package lessons

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// This is the one place where the lessons package knows how lessons are drawn: Glamour keeps
// the source's line breaks inside list items and blockquotes when it wraps them, so the parser
// joins those lines once, when it makes Lesson.Body.

// joinListLines returns body[:end] with the soft line breaks inside list items and blockquotes
// turned into spaces, and the other edits made (the labs' cards, which stand at the top level).
// Glamour keeps those breaks when it wraps such text, so a list item or a quote wrapped over two
// source lines would show ragged; top-level paragraphs are unaffected.
func joinListLines(doc ast.Node, body []byte, end int, others ...edit) []byte {
	type span struct{ from, to int }
	var joins []span
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		default:
			return ast.WalkContinue, nil
		}
		if !insideContainer(n) {
			return ast.WalkSkipChildren, nil
		}
		lines := n.Lines()
		for i := 0; i+1 < lines.Len(); i++ {
			cur, next := lines.At(i), lines.At(i+1)
			if next.Start >= end {
				break
			}
			stop := cur.Stop
			for stop > cur.Start && strings.ContainsRune(" \t\r\n", rune(body[stop-1])) {
				stop--
			}
			trailing := body[stop:cur.Stop]
			hardBreak := (stop > cur.Start && body[stop-1] == '\\') || bytes.HasPrefix(trailing, []byte("  "))
			if !hardBreak {
				joins = append(joins, span{stop, next.Start})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	edits := slices.Clone(others)
	for _, j := range joins {
		edits = append(edits, edit{from: j.from, to: j.to, text: " "})
	}
	return applyEdits(body, end, edits)
}

// applyEdits returns body[:end] with the edits made; edits that do not end before end are
// left out, and they must not overlap.
func applyEdits(body []byte, end int, edits []edit) []byte {
	if len(edits) == 0 {
		return body[:end]
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.from - b.from })
	out := make([]byte, 0, end)
	last := 0
	for _, e := range edits {
		if e.to > end || e.from < last {
			continue
		}
		out = append(out, body[last:e.from]...)
		out = append(out, e.text...)
		last = e.to
	}
	return append(out, body[last:end]...)
}

func insideContainer(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem, *ast.Blockquote:
			return true
		}
	}
	return false
}
