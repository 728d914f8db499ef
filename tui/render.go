package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// renderedMsg carries a lesson rendered off the event loop. It is tagged with what it was
// rendered for, so the reader drops a result that no longer fits (another lesson, another width)
// or that an older request produced.
type renderedMsg struct {
	seq      int
	lesson   *lessons.Lesson // the version rendered: a reloaded course has new ones
	lessonID string
	width    int
	out      string
	err      error
}

// renderKey names a rendering in flight: a lesson version (a reloaded lesson is a new value)
// at a width.
func renderKey(l *lessons.Lesson, width int) string { return fmt.Sprintf("%s@%d@%p", l.ID, width, l) }

// cachedLesson returns the lesson rendered at width, if the cache has it. A map look-up: safe in
// Update.
func (c *common) cachedLesson(l *lessons.Lesson, width int) (string, bool) {
	return c.cache.Get(l, c.renderOptions(width))
}

// renderLesson returns a command rendering the lesson at width into the cache and reporting it
// with a renderedMsg, or nil when the same rendering is already running (its result will come).
func (c *common) renderLesson(l *lessons.Lesson, width int) tea.Cmd {
	k := renderKey(l, width)
	if c.inflight[k] {
		return nil
	}
	c.inflight[k] = true
	c.renderSeq++
	seq, opts, cache := c.renderSeq, c.renderOptions(width), c.cache
	return func() tea.Msg {
		out, err := cache.Lesson(l, opts)
		return renderedMsg{seq: seq, lesson: l, lessonID: l.ID, width: width, out: out, err: err}
	}
}

// prefetch renders a lesson in the background, so that opening it costs a cache look-up.
func (c *common) prefetch(i int) tea.Cmd {
	if i < 0 || i >= len(c.course.Lessons) || c.width == 0 {
		return nil
	}
	l := c.course.Lessons[i]
	if _, ok := c.cachedLesson(l, c.readWidth()); ok {
		return nil
	}
	return c.renderLesson(l, c.readWidth())
}
