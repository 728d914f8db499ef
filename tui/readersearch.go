package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The reader's search (search.go finds): / starts a query, n and N go from match to match, esc
// clears it; the outline's filter opens a lesson at a match of its text (find).

// find searches the lesson for text found by the outline's filter, and shows the first match
// once the lesson is rendered.
func (r *readerModel) find(text string) {
	r.search.query, r.findPending = text, true
	r.refresh()
}

// searchKey handles the search keys outside the query's input; ok reports whether km was one.
func (r *readerModel) searchKey(km tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	k := r.c.keys
	switch {
	case key.Matches(km, k.Search):
		r.searchFrom, r.searchMoved = r.pos, false
		return r.search.start(), true
	case key.Matches(km, k.NextMatch):
		r.jumpToMatch(1)
	case key.Matches(km, k.PrevMatch):
		r.jumpToMatch(-1)
	case key.Matches(km, k.Cancel) && r.search.query != "":
		r.search.reset()
	default:
		return nil, false
	}
	return nil, true
}

// searchInput handles a key while the learner types a query: the view follows the first match.
// As in less and vim, a query that matches nothing (not found, emptied or cancelled) puts the
// view back where it was before the search began, not at a match of what was typed on the way.
func (r *readerModel) searchInput(km tea.KeyMsg) tea.Cmd {
	jump, cmd := r.search.updateInput(km)
	switch {
	case jump:
		r.jumpToMatch(0)
		r.searchMoved = true
	case len(r.search.matches) == 0 && r.searchMoved:
		r.searchMoved = false
		r.pos = r.searchFrom
		r.restore()
		r.scrolled()
	}
	return cmd
}

// jumpToMatch moves to the next (dir 1) or previous (-1) match, or with dir 0 to the first
// match at or below the top of the view.
func (r *readerModel) jumpToMatch(dir int) {
	line, ok := r.search.jump(dir, r.scroll.offset)
	if !ok {
		return
	}
	r.showMatchSideways()
	if line < r.scroll.offset || line >= r.scroll.offset+r.scroll.height || dir == 0 {
		r.scroll.set(line - r.scroll.height/3)
	}
	r.scrolled()
}
