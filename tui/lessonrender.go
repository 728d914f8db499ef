package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

// lessonRenderer renders lessons with Glamour in commands, off the event loop, into the shared
// cache; each rendering comes back as a renderedMsg. It runs one rendering of a lesson version
// at a time, whatever the width: a resize while it runs waits for it, and the reader then asks
// for the width it needs (a lesson that renders slowly must not start a rendering per width).
// Each rendering is guarded (render.Cache.SafeLessonDoc): a panic or a deadline becomes the
// lesson's error, and its Doc holds no escape sequence but styling.
type lessonRenderer struct {
	cache    *render.Cache
	look     termstyle.Look
	inflight map[*lessons.Lesson]bool // lesson versions being rendered
}

func newLessonRenderer(cache *render.Cache, look termstyle.Look) *lessonRenderer {
	return &lessonRenderer{cache: cache, look: look, inflight: map[*lessons.Lesson]bool{}}
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

func (r *lessonRenderer) options(width int) render.Options { return r.look.RenderOptions(width) }

// cached returns the lesson rendered at width, if the cache has it. A map look-up: safe in
// Update. What the cache holds was neutralised when it was rendered (render.LessonDoc).
func (r *lessonRenderer) cached(l *lessons.Lesson, width int) (*render.Doc, bool) {
	return r.cache.GetDoc(l, r.options(width))
}

// start returns a command rendering the lesson at width into the cache and reporting it with a
// renderedMsg, or nil when a rendering of the lesson is already running: its result will come,
// and the reader asks again if it needs another width.
func (r *lessonRenderer) start(l *lessons.Lesson, width int) tea.Cmd {
	if r.inflight[l] {
		return nil
	}
	r.inflight[l] = true
	opts, cache := r.options(width), r.cache
	return func() tea.Msg {
		doc, err := cache.SafeLessonDoc(l, opts)
		return renderedMsg{lesson: l, width: width, doc: doc, err: err}
	}
}

// done notes that a rendering came back.
func (r *lessonRenderer) done(msg renderedMsg) { delete(r.inflight, msg.lesson) }

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
