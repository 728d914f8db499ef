package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// scroller is the scrolling state of lines shown height at a time: the welcome, the reader,
// the quiz and review, the course-complete screen, a command lab's output and the help screen
// each keep their lines in one and draw them with view.
//
// It keeps the lines' count rather than a bubbles viewport: the viewport measures every line
// again on each SetContent and pads them in View, and search highlighting needs the visible
// lines anyway.
type scroller struct {
	offset, height, total int
}

func (s *scroller) maxOffset() int { return max(s.total-s.height, 0) }
func (s *scroller) set(n int)      { s.offset = min(max(n, 0), s.maxOffset()) }
func (s *scroller) by(n int)       { s.set(s.offset + n) }
func (s *scroller) atBottom() bool { return s.offset >= s.maxOffset() }

// resize sets the number of lines and the height shown, keeping the offset in range.
func (s *scroller) resize(total, height int) {
	s.total, s.height = total, height
	s.set(s.offset)
}

// key scrolls for the movement keys (lines, pages, half pages, top and bottom) and reports
// whether km was one of them.
func (s *scroller) key(km tea.KeyMsg, k *keyMap) bool {
	page := max(s.height-2, 1)
	switch {
	case key.Matches(km, k.Up):
		s.by(-1)
	case key.Matches(km, k.Down):
		s.by(1)
	case key.Matches(km, k.PageUp):
		s.by(-page)
	case key.Matches(km, k.PageDown):
		s.by(page)
	case key.Matches(km, k.HalfUp):
		s.by(-max(s.height/2, 1))
	case key.Matches(km, k.HalfDown):
		s.by(max(s.height/2, 1))
	case key.Matches(km, k.Top):
		s.set(0)
	case key.Matches(km, k.Bottom):
		s.set(s.maxOffset())
	default:
		return false
	}
	return true
}

// view draws the visible lines, each indented by pad columns and clipped to width; decorate,
// when not nil, changes a line (by its index in lines) before it is clipped.
func (s *scroller) view(lines []string, pad, width int, decorate func(i int, line string) string) string {
	indent := strings.Repeat(" ", pad)
	var b strings.Builder
	end := min(s.offset+s.height, len(lines))
	for i := s.offset; i < end; i++ {
		line := lines[i]
		if decorate != nil {
			line = decorate(i, line)
		}
		b.WriteString(indent)
		b.WriteString(clip(line, width-pad))
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
