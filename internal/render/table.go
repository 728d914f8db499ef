package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// table lays out a table at its natural width when it fits the column. When it does not, its
// cells would have to be cut, so it is shown stacked instead: one block per row, one
// "Header: value" line per cell, wrapped under the value. lines are Glamour's rendering of the
// table at its natural width: with word wrap off, Glamour gives Lip Gloss no width to fit.
func (l *layout) table(t *east.Table, src []byte, lines [][]cell) error {
	wide := false
	for _, r := range lines {
		wide = wide || width(r) > l.limit
	}
	if !wide {
		for _, r := range lines {
			l.add(render(r))
		}
		return nil
	}
	return l.stacked(t, src)
}

// stacked lays out a table as records. Each cell is rendered by Glamour as a paragraph of its
// own, "**Header:** value", so its inline Markdown (code, emphasis, links) keeps its look.
func (l *layout) stacked(t *east.Table, src []byte) error {
	var header []string
	var records [][]string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, cellSource(c, src))
		}
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
		} else {
			records = append(records, cells)
		}
	}
	if len(records) == 0 { // a header alone: its names are the record
		records, header = [][]string{header}, nil
	}
	for _, rec := range records {
		l.gap = true
		for i, value := range rec {
			if strings.TrimSpace(value) == "" {
				continue
			}
			field, named := value, i < len(header) && strings.TrimSpace(header[i]) != ""
			if named {
				field = "**" + header[i] + ":** " + value
			}
			if err := l.field(field, named); err != nil {
				return err
			}
		}
	}
	return nil
}

// field lays out one "Header: value" line; its wrapped lines hang under the value, or two
// columns in when the header is too long for that to leave room.
func (l *layout) field(md string, named bool) error {
	src := []byte(md)
	root := markdownParser.Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; {
		next := n.NextSibling()
		lines, err := l.renderNode(n, src)
		if err != nil {
			return err
		}
		for _, cells := range lines {
			marker := 0
			for marker < len(cells) && cells[marker].isSpace() {
				marker++
			}
			hang := width(cells[:marker]) + 2
			if named {
				if end := afterColon(cells, marker); width(cells[marker:end]) <= l.limit/3 {
					marker, hang = end, width(cells[:end])
				}
			}
			first := wrapWords(cells[marker:], l.limit-width(cells[:marker]), l.limit-hang)
			for i, row := range first {
				p := spaces(hang)
				if i == 0 {
					p = cells[:marker]
				}
				l.add(render(p, row))
			}
		}
		n = next
	}
	return nil
}

// afterColon returns the index after the first ": " in cells from i on, or i.
func afterColon(cells []cell, i int) int {
	for j := i; j+1 < len(cells); j++ {
		if cells[j].s == ":" && cells[j+1].s == " " {
			return j + 2
		}
	}
	return i
}

// cellSource returns a table cell's Markdown as written.
func cellSource(c ast.Node, src []byte) string {
	lines := c.Lines()
	if lines.Len() == 0 {
		return ""
	}
	seg := lines.At(0)
	return string(seg.Value(src))
}
