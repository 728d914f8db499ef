package render

import (
	"slices"
	"strings"
	"sync"

	"github.com/aieng/aieng/internal/safetext"
)

// Doc is a lesson laid out for one width and style: the lines a reader shows, and where its
// code blocks and links are, so the reader can scroll code sideways, copy it, and make links
// clickable without reading the Markdown again.
//
// The layout promises, for every width and style: no line is wider than the width; prose is
// wrapped once, at word boundaries, so no line ends early; wrapped list items line up under
// their text (hanging indent); a code line is never split: when it is wider than the column it
// is cut and ends with CutMarker; a table too wide for the column is shown as one block of
// "Header: value" lines per row instead of cutting its cells. Every line stands alone: it sets
// the styles it uses and resets them at its end.
type Doc struct {
	// Lines are the lines to show, styled, without newlines. The first and the last are empty:
	// the same framing Glamour gives a document.
	Lines []string
	// Code lists the code blocks, top to bottom, with their place in Lines.
	Code []CodeBlock
	// Links lists the links, in reading order.
	Links []Link

	wrapped  []int  // the lines that continue the line above (BlockStart), in order
	text     string // String's result, made once: a cached Doc is read on key presses
	textOnce sync.Once
}

// String returns the lines as one text, as the string API has always returned a rendering.
func (d *Doc) String() string {
	d.textOnce.Do(func() { d.text = strings.Join(d.Lines, "\n") + "\n" })
	return d.text
}

// neutralise keeps only text and SGR styling in the lines (safetext.Styled) and only text,
// newlines and tabs in the code as the lesson has it (safetext.Text). The layout keeps no other
// escape sequence already (parseCells); this pass also catches the C1 controls a lesson built
// without the loader can hold, and what a change to the layout would let through. A clean
// line is not copied.
func (d *Doc) neutralise() {
	for i, s := range d.Lines {
		d.Lines[i] = safetext.Styled(s)
	}
	for i := range d.Code {
		b := &d.Code[i]
		b.Raw = safetext.Text(b.Raw)
		for j, s := range b.full {
			b.full[j] = safetext.Styled(s)
		}
	}
}

// Scrolled returns the lines with every code block scrolled left by offset columns (see
// CodeBlock.Lines); prose does not move. Scrolled(0) is Lines. The reader keeps the result for
// as long as the offset stays: it costs a parse of every code line.
func (d *Doc) Scrolled(offset int) []string {
	if offset <= 0 || len(d.Code) == 0 {
		return d.Lines
	}
	out := append([]string(nil), d.Lines...)
	for i := range d.Code {
		b := &d.Code[i]
		copy(out[b.Start:b.End], b.Lines(offset))
	}
	return out
}

// BlockStart returns the first line of the paragraph or list item that line i is part of:
// i itself unless the layout wrapped a longer line there. A reading position kept as a
// fraction of the lesson lands anywhere in a paragraph at another width; the reader moves it
// to where the paragraph starts.
func (d *Doc) BlockStart(i int) int {
	for {
		if _, wrapped := slices.BinarySearch(d.wrapped, i); !wrapped {
			return i
		}
		i--
	}
}

// Uncut returns the lines with every code line whole, as wide as it is: the text to search, so
// a match is found in the part of a code line that is scrolled or cut out of view (see
// CodeBlock.Shown for where it is drawn). The result must not be modified.
func (d *Doc) Uncut() []string {
	if len(d.Code) == 0 {
		return d.Lines
	}
	out := append([]string(nil), d.Lines...)
	for i := range d.Code {
		b := &d.Code[i]
		copy(out[b.Start:b.End], b.full)
	}
	return out
}

// MaxOffset returns the largest offset at which scrolling still shows more of some code line:
// 0 when every code line fits.
func (d *Doc) MaxOffset() int {
	m := 0
	for i := range d.Code {
		m = max(m, d.Code[i].MaxOffset())
	}
	return m
}

// CutMarker ends a code line cut at the right edge; ScrollMarker starts a code line scrolled
// sideways, where its left part is hidden. Both are drawn in reverse video where the style
// allows it, so they do not read as code.
const (
	CutMarker    = "→"
	ScrollMarker = "←"
)

// CodeBlock is one code block of a Doc: where it is and what it holds.
type CodeBlock struct {
	// Start and End delimit the block's lines in Doc.Lines: [Start, End).
	Start, End int
	// Lang is the fence's language ("python"), empty when it names none.
	Lang string
	// Marks are the words after the language on the fence ("run", "output", "file=x.py"):
	// the markers of runnable samples.
	Marks []string
	// Raw is the code exactly as the lesson has it, every line ending in a newline: what to
	// copy to the clipboard or print with show --code.
	Raw string
	// Width is the width of the widest code line, in columns, indent not included.
	Width int

	full   []string // every line rendered whole, indent included, no cut
	indent int      // columns before the code on each line
	limit  int      // columns a line may take
	mark   string   // SGR state of the markers
}

// Lines returns the block's lines scrolled left by offset columns: the indent stays, the code
// moves, a line whose first offset columns are hidden starts with ScrollMarker, then shows the
// code from column offset on, and one still too wide ends with CutMarker. A line with nothing
// past column offset (empty, or shorter) shows blank, as in less -S or vim: a lone marker there
// would say text is hidden to its left where the line simply ended. Lines(0) is what Doc.Lines
// holds for the block.
func (b *CodeBlock) Lines(offset int) []string {
	out := make([]string, len(b.full))
	for i, s := range b.full {
		if s == "" {
			continue
		}
		cells, _ := parseCells(s, "")
		out[i] = render(b.view(cells, max(offset, 0)))
	}
	return out
}

// Cut reports whether some line of the block is cut at offset 0.
func (b *CodeBlock) Cut() bool { return b.indent+b.Width > b.limit }

// MaxOffset returns the offset that shows the end of the widest line, or 0 when every line
// fits.
func (b *CodeBlock) MaxOffset() int {
	if !b.Cut() {
		return 0
	}
	return b.indent + b.Width - b.limit + 1 // + 1: the column ScrollMarker takes
}

// Shown tells where line i of the block (0 is its first) is drawn at offset (as Lines draws
// it): the columns [from, to) of the whole line (Doc.Uncut) that are in view, and shift, to add
// to one of those columns for the column it is drawn at (the indent, drawn as it is, aside).
func (b *CodeBlock) Shown(i, offset int) (from, to, shift int) {
	cells, _ := parseCells(b.full[i], "")
	w, avail := width(cells), b.limit-b.indent
	if offset <= 0 {
		if w > b.limit {
			return 0, b.limit - 1, 0 // the last column is the cut marker
		}
		return 0, w, 0
	}
	from = b.indent + offset
	if _, rest := splitColumns(cells, from); len(trimRightSpace(rest)) == 0 {
		return 0, 0, 0 // nothing past the offset: the line shows blank
	}
	to = w
	if w-from+1 > avail { // the scroll marker, then the code, cut with the cut marker
		to = from + avail - 2
	}
	return from, to, 1 - offset
}

// OffsetShowing returns an offset at which the columns [start, end) of line i are in view: the
// offset given when they are, else 0 when they are at it, else one that puts them a little
// way into the column (the whole of them when they fit), as less -S does for a match.
func (b *CodeBlock) OffsetShowing(i, start, end, offset int) int {
	if from, to, _ := b.Shown(i, offset); start >= from && end <= to {
		return offset
	}
	if from, to, _ := b.Shown(i, 0); start >= from && end <= to {
		return 0
	}
	room := b.limit - b.indent - 2 // columns of code between the two markers
	lead := min(room/4, max(room-(end-start), 0))
	return min(max(start-b.indent-lead, 1), b.MaxOffset())
}

// view shifts one line's code left by offset columns and cuts it to the limit.
func (b *CodeBlock) view(cells []cell, offset int) []cell {
	head, code := splitColumns(cells, b.indent)
	head = append([]cell(nil), head...)
	if offset > 0 {
		_, code = splitColumns(code, offset)
		if len(trimRightSpace(code)) == 0 {
			return head
		}
		code = append([]cell{{s: ScrollMarker, w: 1, sgr: b.mark, bg: b.mark != ""}}, code...)
	}
	avail := b.limit - width(head)
	if width(code) > avail {
		kept, _ := splitColumns(code, max(avail-1, 0))
		kept = append(kept, spaces(max(avail-1, 0)-width(kept))...) // a wide character that did not fit
		code = append(kept, cell{s: CutMarker, w: 1, sgr: b.mark, bg: b.mark != ""})
	}
	return append(head, code...)
}

// splitColumns splits cells after n columns. A wide character across the boundary goes to
// neither side: each side gets spaces in its place, so columns stay where they were. The left
// part has no room to grow: appending to it never writes over cells, which a prepared document
// shares between layouts.
func splitColumns(cells []cell, n int) ([]cell, []cell) {
	w := 0
	for i, c := range cells {
		if w+int(c.w) > n {
			if w < n {
				return append(cells[:i:i], spaces(n-w)...), append(spaces(w+int(c.w)-n), cells[i+1:]...)
			}
			return cells[:i:i], cells[i:]
		}
		w += int(c.w)
	}
	return cells[:len(cells):len(cells)], nil
}

// Link is a link of a Doc and where its target is shown.
type Link struct {
	// URL is the target, as the lesson gives it.
	URL string
	// Line and Col place the shown URL in Doc.Lines (Col in columns), Line is -1 when it is
	// not shown whole on one line (an anchor link, a URL wider than the column).
	Line, Col int
}
