package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// prefixRules says what may start a line of a block before its text: quote bars, list markers,
// heading markers. Only what the block holds is looked for, so a paragraph that starts with
// "1. " stays a paragraph.
type prefixRules struct {
	bars, lists, heading bool
}

func rulesFor(n ast.Node) prefixRules {
	var r prefixRules
	_, r.heading = n.(*ast.Heading)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c.(type) {
		case *ast.Blockquote:
			r.bars = true
		case *ast.List:
			r.lists = true
		}
		return ast.WalkContinue, nil
	})
	return r
}

// prefix returns where a line's lead (spaces and quote bars) ends and where the marker after it
// (bullet, number, task box, heading hashes), if any, ends.
func (r prefixRules) prefix(cells []cell) (lead, marker int) {
	i := 0
	for i < len(cells) && (cells[i].isSpace() || r.bars && isBar(cells[i].s)) {
		i++
	}
	return i, i + r.markerLen(cells[i:])
}

func isBar(s string) bool { return s == "│" || s == "|" || s == "▏" || s == "┃" }

// markerLen returns the number of cells of the marker at the start of cells, its trailing space
// included, or 0.
func (r prefixRules) markerLen(cells []cell) int {
	at := func(i int) string {
		if i < len(cells) {
			return cells[i].s
		}
		return ""
	}
	if r.heading {
		return runLen(at, "#", 1)
	}
	if !r.lists {
		return 0
	}
	switch {
	case at(0) == "•" && at(1) == " ": // a bullet
		return 2
	case at(0) == "[" && strings.Contains(" x✓", at(1)) && at(2) == "]" && at(3) == " ": // a task box
		return 4
	}
	n := 0
	for isDigit(at(n)) {
		n++
	}
	if n > 0 && at(n) == "." && at(n+1) == " " { // a number
		return n + 2
	}
	return 0
}

// runLen returns the length of a run of at least least cells s followed by a space, the space
// included, at the start of the cells at gives, or 0.
func runLen(at func(int) string, s string, least int) int {
	n := 0
	for at(n) == s {
		n++
	}
	if n >= least && at(n) == " " {
		return n + 1
	}
	return 0
}

func isDigit(s string) bool { return len(s) == 1 && s[0] >= '0' && s[0] <= '9' }

// item is an open list item: the column of its marker and the prefix its wrapped lines get.
type item struct {
	col  int
	hang []cell
}

// wrapper wraps the lines of one prose block.
type wrapper struct {
	l     *layout
	rules prefixRules
	items []item // open list items, outermost first
}

// add wraps one logical line (a paragraph, a list item, a heading) and adds its lines. Lines
// after the first start with the hanging prefix: the line's lead, and spaces where its marker
// was. A line of a list without a marker continues an item (a hard break, a second paragraph)
// and lines up with that item's text.
func (w *wrapper) add(cells []cell) {
	lead, marker := w.rules.prefix(cells)
	first, hang := cells[:marker], cells[:marker]
	col := width(cells[:lead])
	switch {
	case marker > lead:
		hang = append(append([]cell(nil), cells[:lead]...), spaces(width(cells[lead:marker]))...)
		if w.rules.lists {
			w.items = w.closeItems(col - 1)
			w.items = append(w.items, item{col: col, hang: hang})
		}
	case len(w.items) > 0:
		if w.items = w.closeItems(col); len(w.items) > 0 {
			first = w.items[len(w.items)-1].hang
			hang = first
		}
	}
	if width(hang) > w.l.limit/2 { // nesting too deep for the column: flatten it
		first = append(spaces(w.l.margin), cells[lead:marker]...)
		hang = spaces(w.l.margin + width(cells[lead:marker]))
	}
	rows := wrapWords(cells[marker:], w.l.limit-width(first), w.l.limit-width(hang))
	for i, row := range rows {
		if i == 0 {
			w.l.add(render(first, row))
			continue
		}
		w.l.wrapped = append(w.l.wrapped, w.l.add(render(hang, row)))
	}
}

// closeItems returns the open items whose marker is at col or left of it.
func (w *wrapper) closeItems(col int) []item {
	n := len(w.items)
	for n > 0 && w.items[n-1].col > col {
		n--
	}
	return w.items[:n]
}

// wrapWords breaks text into rows at spaces, greedily: the first row at most first columns
// wide, the others at most rest. A word wider than a row is broken where it must be: at a
// space inside it if it has one (a code chip, a heading's bar), else anywhere. Rows are slices
// of text, not copies: a lesson has thousands of them.
func wrapWords(text []cell, first, rest int) [][]cell {
	b := rowBuilder{text: text, start: -1, limit: max(first, 1), rest: max(rest, 1)}
	for i := 0; i < len(text); {
		gapStart, wordStart, wordEnd := nextWord(text, i)
		if wordStart == wordEnd {
			break
		}
		b.put(width(text[gapStart:wordStart]), wordStart, wordEnd)
		i = wordEnd
	}
	if b.start >= 0 {
		b.rows = append(b.rows, text[b.start:b.end:b.end])
	}
	if len(b.rows) == 0 {
		b.rows = append(b.rows, nil)
	}
	return b.rows
}

// nextWord returns where the spaces at text[i:] start, and where the word after them starts and
// ends.
func nextWord(text []cell, i int) (gapStart, wordStart, wordEnd int) {
	j := i
	for j < len(text) && breakable(text, j) {
		j++
	}
	k := j
	for k < len(text) && !breakable(text, k) {
		k++
	}
	return i, j, k
}

// rowBuilder fills rows word by word; the row being filled is text[start:end], or none when
// start is -1.
type rowBuilder struct {
	text        []cell
	rows        [][]cell
	start, end  int
	rowW        int
	limit, rest int // the width of the row being filled, and of the rows after the first
}

// put adds the word text[from:to], after gapW columns of space when it joins the current row.
func (b *rowBuilder) put(gapW, from, to int) {
	wordW := width(b.text[from:to])
	if b.start >= 0 && b.rowW+gapW+wordW <= b.limit {
		b.end, b.rowW = to, b.rowW+gapW+wordW
		return
	}
	if b.start >= 0 {
		b.rows, b.start, b.limit = append(b.rows, b.text[b.start:b.end:b.end]), -1, b.rest
	}
	if len(b.rows) > 0 { // a chip's padding does not push a wrapped line off its indent
		for from < to && b.text[from].s == " " {
			from, wordW = from+1, wordW-1
		}
	}
	if wordW > b.limit { // nor does it break a chip that fits without it
		for to > from && b.text[to-1].s == " " {
			to, wordW = to-1, wordW-1
		}
	}
	for wordW > b.limit {
		n := breakAt(b.text[from:to], b.limit)
		b.rows = append(b.rows, trimRightSpace(b.text[from:from+n:from+n]))
		from, wordW, b.limit = from+n, wordW-width(b.text[from:from+n]), b.rest
	}
	if from < to {
		b.start, b.end, b.rowW = from, to, wordW
	}
}

// breakable reports whether a line may break at text[i]: a space, but not the padding of a
// chip drawn on a background (inline code, the title), which stays with the chip's text. A
// space inside a chip ("pip install x") is a place to break.
func breakable(text []cell, i int) bool {
	c := text[i]
	switch {
	case c.s != " ":
		return false
	case !c.bg:
		return true
	}
	return i > 0 && i+1 < len(text) && text[i-1].bg && text[i+1].bg && text[i-1].s != " " && text[i+1].s != " "
}

// breakAt returns where to break a word too wide for limit columns: after its last inner space
// that fits, else after the cells that fit (at least one).
func breakAt(word []cell, limit int) int {
	w, fit, lastSpace := 0, 0, 0
	for i, c := range word {
		if w+int(c.w) > limit {
			break
		}
		w += int(c.w)
		fit = i + 1
		if c.s == " " && i > 0 {
			lastSpace = i + 1
		}
	}
	if lastSpace > 0 {
		return lastSpace
	}
	return max(fit, 1)
}
