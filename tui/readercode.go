package tui

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/atotto/clipboard"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
)

// Code in the reader. The layout cuts a code line wider than the column and ends it with a
// marker (render.CutMarker), never wrapping it into something that looks like more code; ← and
// → scroll every code block of the lesson sideways while the prose stays, and the status line
// says so when a cut block is in view. c copies a block to the clipboard, raw, as the lesson
// has it; `aieng show ID --code` prints them.

// codeView is the reader's state for code: how far code is scrolled sideways, and the block
// number being typed before c.
type codeView struct {
	offset int // columns every code block is scrolled left
	count  int // digits typed so far, 0 when none
}

// countKey takes a digit of a block number ("2" of 2c) and reports whether km was one.
func (v *codeView) countKey(km tea.KeyMsg, c *common) bool {
	if !key.Matches(km, c.keys.Count) || v.count == 0 && km.String() == "0" {
		return false
	}
	v.count = min(v.count*10+int(km.String()[0]-'0'), 9999)
	c.setFlash(fmt.Sprintf("%d: %s copies code block %d", v.count, keyName(c.keys.CopyCode), v.count), false)
	return true
}

// takeCount returns the block number typed and forgets it: it applies to the next key only.
func (v *codeView) takeCount() int {
	n := v.count
	v.count = 0
	return n
}

// lessonLines returns the lesson's lines as shown: code scrolled, links clickable where the
// terminal takes them, without the blank lines that end the rendering.
func (r *readerModel) lessonLines() []string {
	lines := r.doc.Scrolled(r.code.offset)
	if r.c.opts.Look.Hyperlinks {
		lines = r.doc.Hyperlinked(lines)
	}
	n := len(lines)
	for n > 0 && lines[n-1] == "" {
		n--
	}
	return lines[:n:n]
}

// searchText returns what the search reads, line for line with the lines shown (n lines of
// the lesson, then its end banner): the lesson with its code lines whole, so a match in a part
// of a line scrolled or cut out of view is found (and then shown: showMatchSideways); nil when
// the lesson has no code and the lines shown are the text.
func (r *readerModel) searchText(n int, banner []string) []string {
	if len(r.doc.Code) == 0 {
		return nil
	}
	return append(r.doc.Uncut()[:n:n], banner...)
}

// codeBlockAt returns the code block holding line i of the lesson, or nil.
func (r *readerModel) codeBlockAt(i int) *render.CodeBlock {
	if r.doc == nil {
		return nil
	}
	code := r.doc.Code
	j, _ := slices.BinarySearchFunc(code, i, func(b render.CodeBlock, i int) int { return cmp.Compare(b.End-1, i) })
	if j < len(code) && code[j].Start <= i {
		return &code[j]
	}
	return nil
}

// placeMatch tells where a part of a search match is drawn: code lines are searched whole but
// drawn scrolled sideways and cut, so part or all of a match there may be out of view.
func (r *readerModel) placeMatch(seg searchSeg) (start, end int, ok bool) {
	b := r.codeBlockAt(seg.line)
	if b == nil {
		return seg.start, seg.end, true
	}
	from, to, shift := b.Shown(seg.line-b.Start, r.code.offset)
	start, end = max(seg.start, from), min(seg.end, to)
	return start + shift, end + shift, start < end
}

// showMatchSideways scrolls code sideways, as less -S does, when the current match starts in a
// code line out of view: to the left of the offset, or past the cut.
func (r *readerModel) showMatchSideways() {
	s := &r.search
	line := s.matches[s.current].line
	b := r.codeBlockAt(line)
	if b == nil {
		return
	}
	for _, i := range s.byLine[line] {
		if seg := s.segs[i]; seg.match == s.current {
			offset := b.OffsetShowing(line-b.Start, seg.start, seg.end, r.code.offset)
			if offset != r.code.offset {
				r.code.offset = offset
				r.compose(false)
			}
			return
		}
	}
}

// codeKey handles the code keys: ← and → scroll, a number then c copies that block, c alone
// the one nearest the top of the view. ok reports whether km was one of them.
func (r *readerModel) codeKey(km tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	if r.code.countKey(km, r.c) {
		return nil, true // a digit of a block number, for c
	}
	n, k := r.code.takeCount(), r.c.keys
	switch {
	case key.Matches(km, k.ScrollLeft):
		r.scrollCode(-1)
	case key.Matches(km, k.ScrollRight):
		r.scrollCode(1)
	case key.Matches(km, k.CopyCode):
		return r.copyCode(n), true
	default:
		return nil, false
	}
	return nil, true
}

// scrollCode scrolls the code blocks a quarter of the column left (dir -1) or right (1).
func (r *readerModel) scrollCode(dir int) {
	if !r.ready {
		return
	}
	most := r.doc.MaxOffset()
	if most == 0 {
		r.c.setFlash("Every line of code in this lesson fits: there is nothing to scroll sideways.", false)
		return
	}
	offset := min(max(r.code.offset+dir*max(r.width/4, 4), 0), most)
	if offset == r.code.offset {
		return
	}
	r.code.offset = offset
	r.compose(false) // as many lines as before: the view stays where it is
}

// copiedMsg reports a copy to the clipboard: block (0-based) of total, its lines.
type copiedMsg struct {
	block, total, lines int
	err                 error
}

// copyCode returns a command copying code block n (1-based), or with n 0 the block nearest the
// top of the view, to the clipboard.
func (r *readerModel) copyCode(n int) tea.Cmd {
	if !r.ready {
		return nil
	}
	code := r.doc.Code
	i, _ := nearestBlock(code, r.scroll.offset, r.scroll.height)
	switch {
	case len(code) == 0:
		r.c.setFlash("This lesson has no code to copy.", false)
		return nil
	case n > len(code):
		r.c.setFlash(fmt.Sprintf("This lesson has %d code %s: 1%s to %d%s copy one.", len(code), plural(len(code), "block", "blocks"),
			keyName(r.c.keys.CopyCode), len(code), keyName(r.c.keys.CopyCode)), true)
		return nil
	case n > 0:
		i = n - 1
	}
	text, copyText := code[i].Raw, r.c.clipboard()
	total := len(code)
	return func() tea.Msg {
		return copiedMsg{block: i, total: total, lines: strings.Count(text, "\n"), err: copyText(text)}
	}
}

// copied says what was copied.
func (r *readerModel) copied(msg copiedMsg) {
	if msg.err != nil {
		r.c.setFlash("Could not copy the code: "+msg.err.Error(), true)
		return
	}
	r.c.setFlash(fmt.Sprintf("Copied %d %s (block %d of %d)", msg.lines, plural(msg.lines, "line", "lines"), msg.block+1, msg.total), false)
}

// nearestBlock returns the code block nearest the top of a view of height lines from top: the
// first one in view, else the nearest above or below it; inView tells whether it is in view.
func nearestBlock(code []render.CodeBlock, top, height int) (i int, inView bool) {
	best, dist := 0, -1
	for j, b := range code {
		d := 0
		switch {
		case b.End <= top:
			d = top - b.End + 1
		case b.Start >= top+height:
			d = b.Start - (top + height) + 1
		default:
			return j, true
		}
		if dist < 0 || d < dist {
			best, dist = j, d
		}
	}
	return best, false
}

// codeStatus is the status line while a code block is in view: its number, and the keys that
// copy and scroll it. pct is the reading position shown at the right.
func (r *readerModel) codeStatus(pct string) (statusInfo, bool) {
	if !r.ready || len(r.doc.Code) == 0 {
		return statusInfo{}, false
	}
	i, inView := nearestBlock(r.doc.Code, r.scroll.offset, r.scroll.height)
	if !inView {
		return statusInfo{}, false
	}
	k, n := r.c.keys, len(r.doc.Code)
	b := r.doc.Code[i]
	long := fmt.Sprintf("Code block %d of %d: %s copies it", i+1, n, keyName(k.CopyCode))
	short := fmt.Sprintf("Code %d/%d · %s copy", i+1, n, keyName(k.CopyCode))
	if b.Cut() || r.code.offset > 0 {
		long += fmt.Sprintf(", %s scroll it sideways", keysLabel(k.ScrollLeft, k.ScrollRight))
		short += fmt.Sprintf(" · %s scroll", keysLabel(k.ScrollLeft, k.ScrollRight))
	}
	if len(long)+len(pct)+4 > r.c.width {
		long = short
	}
	return statusInfo{left: long, right: pct}, true
}

// codeHelp returns the code keys for the footer while a code block is in view: the copy key
// (the status line names the scroll keys too, when they do something).
func (r *readerModel) codeHelp() []key.Binding {
	if _, ok := r.codeStatus(""); !ok {
		return nil
	}
	return []key.Binding{hint("copy code", r.c.keys.CopyCode)}
}

// clipboard returns how to put text on the clipboard: Options.Clipboard, else the terminal's
// own clipboard through OSC 52 (which reaches the learner's machine even over ssh) and, where
// the system has a clipboard tool (pbcopy, xclip, xsel, wl-copy), that too: some terminals
// (VTE's, GNOME Terminal) do not take OSC 52.
func (c *common) clipboard() func(string) error {
	if c.opts.Clipboard != nil {
		return c.opts.Clipboard
	}
	var out io.Writer = os.Stdout
	if c.opts.Output != nil {
		out = c.opts.Output
	}
	seq := c.opts.Look.CopySequence
	return func(text string) error {
		if _, err := io.WriteString(out, seq(text)); err != nil {
			return err
		}
		if !clipboard.Unsupported {
			_ = clipboard.WriteAll(text) // a tool that fails (no display) leaves OSC 52 to do it
		}
		return nil
	}
}
