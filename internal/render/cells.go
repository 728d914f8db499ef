package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cell is one grapheme cluster of styled text and the SGR state (colours, bold, ...) it is drawn
// in. Working on cells rather than on strings with escape sequences in them is what lets the
// layout measure, cut and wrap text exactly, and start every line with the style it needs.
type cell struct {
	s   string // the grapheme cluster
	sgr string // the SGR sequences in force, "" for the terminal's default
	w   int8   // its width in columns (a lesson has tens of thousands of cells: keep them small)
	bg  bool   // sgr paints the background (see shaded)
}

// isSpace reports whether a cell is a space a line may break at: a plain or coloured space,
// but not one drawn on a background or in reverse video, which belongs to the word beside it
// (the padding of an inline code chip, a heading's bar).
func (c cell) isSpace() bool { return c.s == " " && !c.bg }

// parseCells splits a styled line into cells. state is the SGR state in force at the start of
// the line (a token may span lines); the state at its end is returned. A tab becomes spaces to
// the next multiple of 4 columns (Glamour passes tabs through, and a terminal's tab stops are
// not ours to guess). Escape sequences other than SGR are dropped: Glamour and Chroma emit none.
func parseCells(s, state string) ([]cell, string) {
	cells := make([]cell, 0, len(s))
	bg := shaded(state)
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b == '\t':
			for n := tabWidth - width(cells)%tabWidth; n > 0; n-- {
				cells = append(cells, cell{s: " ", w: 1, sgr: state, bg: bg})
			}
			i++
		case b == ansi.ESC:
			n, seq := escapeLen(s[i:])
			if seq != "" {
				state = applySGR(state, seq)
				bg = shaded(state)
			}
			i += n
		case b < 0x20 || b == 0x7f:
			i++ // control characters never reach the screen
		case b < 0x80:
			cells = append(cells, cell{s: s[i : i+1], w: 1, sgr: state, bg: bg})
			i++
		default:
			g, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
			cells = append(cells, cell{s: g, w: int8(w), sgr: state, bg: bg})
			i += len(g)
		}
	}
	return cells, state
}

// tabWidth is the distance between tab stops.
const tabWidth = 4

// escapeLen returns the length of the escape sequence at the start of s, and the sequence
// itself when it is an SGR (CSI ... m) sequence.
func escapeLen(s string) (int, string) {
	if len(s) < 2 {
		return len(s), ""
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				if s[j] == 'm' {
					return j + 1, s[:j+1]
				}
				return j + 1, ""
			}
		}
		return len(s), ""
	case ']', 'P', '_', '^':
		if end := strings.IndexAny(s[2:], "\a\x1b"); end >= 0 {
			n := 2 + end + 1
			if s[2+end] == ansi.ESC && n < len(s) {
				n++ // ST is ESC \
			}
			return n, ""
		}
		return len(s), ""
	}
	return 2, ""
}

// applySGR returns the SGR state after seq: a reset clears it, anything else adds to it.
func applySGR(state, seq string) string {
	params := seq[2 : len(seq)-1]
	switch {
	case params == "" || params == "0":
		return ""
	case strings.HasPrefix(params, "0;"):
		return "\x1b[" + params[2:] + "m"
	}
	return state + seq
}

// shaded reports whether an SGR state paints the background: a background colour or reverse
// video. It allocates nothing: it runs on every style change of a rendering.
func shaded(sgr string) bool {
	for {
		start := strings.Index(sgr, "\x1b[")
		if start < 0 {
			return false
		}
		end := strings.IndexByte(sgr[start:], 'm')
		if end < 0 {
			return false
		}
		if paramsShaded(sgr[start+2 : start+end]) {
			return true
		}
		sgr = sgr[start+end+1:]
	}
}

// paramsShaded reports whether the parameters of one SGR sequence paint the background.
func paramsShaded(params string) bool {
	skip, afterFg := 0, false
	for params != "" {
		p := params
		if i := strings.IndexByte(params, ';'); i >= 0 {
			p, params = params[:i], params[i+1:]
		} else {
			params = ""
		}
		switch {
		case skip > 0:
			skip--
		case afterFg: // a foreground colour's own numbers (38;5;n, 38;2;r;g;b) are not attributes
			afterFg = false
			skip = 3
			if p == "5" {
				skip = 1
			}
		case p == "38":
			afterFg = true
		case p == "7" || p == "48" || len(p) == 2 && p[0] == '4' && p[1] != '9' || len(p) == 3 && p[:2] == "10":
			return true
		}
	}
	return false
}

// width returns the width of cells in columns.
func width(cells []cell) int {
	w := 0
	for _, c := range cells {
		w += int(c.w)
	}
	return w
}

// render returns cells, given in parts (a prefix and a row), as a styled string that stands
// alone: it sets the style each cell needs and resets it at the end, so a line shows right even
// when the lines above it are not shown (a scrolled viewport, a search result).
func render(parts ...[]cell) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n + 16)
	state := ""
	for _, cells := range parts {
		for _, c := range cells {
			if c.sgr != state {
				if strings.HasPrefix(c.sgr, state) {
					b.WriteString(c.sgr[len(state):])
				} else {
					if state != "" {
						b.WriteString("\x1b[0m")
					}
					b.WriteString(c.sgr)
				}
				state = c.sgr
			}
			b.WriteString(c.s)
		}
	}
	if state != "" {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// plainText returns the text of cells without styles.
func plainText(cells []cell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.s)
	}
	return b.String()
}

// trimRightSpace drops the spaces, styled or not, at the end of cells: Glamour's padding and
// the space before a line break are noise.
func trimRightSpace(cells []cell) []cell {
	n := len(cells)
	for n > 0 && cells[n-1].isSpace() {
		n--
	}
	return cells[:n]
}

// spaces returns n unstyled spaces as cells.
func spaces(n int) []cell {
	out := make([]cell, n)
	for i := range out {
		out[i] = cell{s: " ", w: 1}
	}
	return out
}
