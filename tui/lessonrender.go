package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

// lessonRenderer renders lessons with Glamour in commands, off the event loop, into the shared
// cache; each rendering comes back as a renderedMsg. It runs one rendering of a lesson version
// at a width at a time.
type lessonRenderer struct {
	cache    *render.Cache
	look     termstyle.Look
	inflight map[string]bool // renderings running, by renderKey
}

func newLessonRenderer(cache *render.Cache, look termstyle.Look) *lessonRenderer {
	return &lessonRenderer{cache: cache, look: look, inflight: map[string]bool{}}
}

// renderedMsg carries a lesson rendered off the event loop, with what it was rendered for: the
// lesson version (a reloaded course has new ones) and the width. The reader drops a result that
// no longer fits what it shows.
type renderedMsg struct {
	lesson *lessons.Lesson
	width  int
	doc    *render.Doc
	err    error
}

// renderKey names a rendering in flight: a lesson version (a reloaded lesson is a new value)
// at a width.
func renderKey(l *lessons.Lesson, width int) string { return fmt.Sprintf("%s@%d@%p", l.ID, width, l) }

func (r *lessonRenderer) options(width int) render.Options { return r.look.RenderOptions(width) }

// cached returns the lesson rendered at width, if the cache has it. A map look-up: safe in
// Update.
func (r *lessonRenderer) cached(l *lessons.Lesson, width int) (*render.Doc, bool) {
	return r.cache.GetDoc(l, r.options(width))
}

// start returns a command rendering the lesson at width into the cache and reporting it with a
// renderedMsg, or nil when the same rendering is already running (its result will come).
func (r *lessonRenderer) start(l *lessons.Lesson, width int) tea.Cmd {
	k := renderKey(l, width)
	if r.inflight[k] {
		return nil
	}
	r.inflight[k] = true
	opts, cache := r.options(width), r.cache
	return func() tea.Msg {
		doc, err := cache.Doc(l, opts)
		return renderedMsg{lesson: l, width: width, doc: doc, err: err}
	}
}

// done notes that a rendering came back.
func (r *lessonRenderer) done(msg renderedMsg) { delete(r.inflight, renderKey(msg.lesson, msg.width)) }

// prefetch renders lesson i in the background, so that opening it costs a cache look-up.
func (c *common) prefetch(i int) tea.Cmd {
	if i < 0 || i >= len(c.course.Lessons) || c.width == 0 {
		return nil
	}
	l := c.course.Lessons[i]
	if _, ok := c.render.cached(l, c.readWidth()); ok {
		return nil
	}
	return c.render.start(l, c.readWidth())
}
