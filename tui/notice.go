package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The notice shows what went wrong while loading (Options.Warnings: a damaged progress file,
// one aieng cannot save to) in full, at the top of the first screen's body. A status line cut
// them to one line and the next key replaced them, so the learner never read what happened to
// their progress (QA finding). It stays until the learner dismisses it (keyMap.Dismiss) or
// leaves the screen.

// layoutNotice wraps the notice to the terminal, before the screen on show lays out its body
// in what is left (bodyHeight). It leaves the screen at least one line of its body; when the
// room allows, a blank line parts the two.
func (c *common) layoutNotice() {
	c.noticeLines = nil
	if len(c.notices) == 0 {
		return
	}
	w := c.readWidth()
	var lines []string
	for i, n := range c.notices {
		if i == len(c.notices)-1 {
			n += fmt.Sprintf(" (%s hides this notice)", keyName(c.keys.Dismiss))
		}
		for j, l := range wrapLines(n, max(w-4, 10), 3) {
			if j == 0 {
				l = " " + c.st.StatusWarn.Render("!") + l[2:]
			}
			lines = append(lines, l)
		}
	}
	room := c.bodyHeight() - 1 // the body's height without a notice (noticeLines is nil), less its one line
	switch {
	case len(lines)+4 <= room+1:
		lines = append(lines, "")
	case len(lines) > room && room > 0: // a terminal too small for it all: say that more is cut
		lines = lines[:room]
		lines[room-1] = clip(lines[room-1], w-1) + "…"
	}
	c.noticeLines = lines[:min(len(lines), room)]
}

// noticeHeight is the height of the notice: none once dismissed.
func (c *common) noticeHeight() int { return len(c.noticeLines) }

// noticePanel draws the notice in the reading column.
func noticePanel(c *common) string {
	pad := strings.Repeat(" ", c.leftPad())
	lines := make([]string, len(c.noticeLines))
	for i, l := range c.noticeLines {
		lines[i] = pad + l
	}
	return block(strings.Join(lines, "\n"), c.width, len(lines))
}

// noticeKey dismisses the notice for its key; ok reports whether km was that key. A screen
// taking text gets the key as text.
func (m *Model) noticeKey(km tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	if len(m.c.notices) == 0 || m.active().typing() || !key.Matches(km, m.c.keys.Dismiss) {
		return nil, false
	}
	m.c.notices = nil
	m.c.layoutNotice()
	return m.active().resize(), true
}
