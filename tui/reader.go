package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
)

// readerModel shows one lesson, rendered by Glamour off the event loop, in a scrolling view
// with search. It keeps the reading position as a fraction of the lesson, so a new width (a
// reload shows a new version of the lesson (the course folder changed) at the same reading
// position, keeping the old text on screen until the new one is rendered.
func (r *readerModel) reload(i int) tea.Cmd {
	r.index, r.lesson = i, r.c.course.Lessons[i]
	r.width = 0 // forces a rendering of the new version
	return r.resize()
}

// resize re-wraps the lesson) lands on the same place.
//
// It keeps the rendered lines itself rather than in a bubbles viewport: the viewport measures
// every line again on each SetContent and pads them in View, and search highlighting needs the
// visible lines anyway. Scrolling is a matter of an offset (scroller).
type readerModel struct {
	c *common

	index  int
	lesson *lessons.Lesson

	lines []string // the rendered lesson and the end-of-lesson banner
	ready bool     // lines hold this lesson (possibly at an older width while a new one renders)
	width int      // the width lines were rendered at
	err   error

	scroll scroller
	pos    float64 // reading position: the top line as a fraction of the lesson

	search search
}

// scroller is the scrolling state of a list of lines shown height at a time.
type scroller struct {
	offset, height, total int
}

func (s *scroller) maxOffset() int { return max(s.total-s.height, 0) }
func (s *scroller) set(n int)      { s.offset = min(max(n, 0), s.maxOffset()) }
func (s *scroller) by(n int)       { s.set(s.offset + n) }
func (s *scroller) atBottom() bool { return s.offset >= s.maxOffset() }

// key scrolls for the movement keys (lines, pages, half pages, top and bottom) and reports
// whether km was one of them.
func (s *scroller) key(km tea.KeyMsg, k *KeyMap) bool {
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

// percent is how far the view is scrolled, 0 to 100.
func (s *scroller) percent() int {
	if s.maxOffset() == 0 {
		return 100
	}
	return int(math.Round(100 * float64(s.offset) / float64(s.maxOffset())))
}

func newReader(c *common) *readerModel {
	return &readerModel{c: c, search: newSearch(c)}
}

// open shows lesson i, at the saved reading position when resume is set.
func (r *readerModel) open(i int, resume bool) tea.Cmd {
	r.index, r.lesson = i, r.c.course.Lessons[i]
	r.lines, r.ready, r.width, r.err = nil, false, 0, nil
	r.scroll = scroller{}
	r.pos = 0
	if resume {
		r.pos = r.c.prog.Lesson(r.lesson.ID).Position
	}
	r.search.reset()
	r.c.prog.OpenLesson(r.lesson.ID)
	return r.resize()
}

func (r *readerModel) resize() tea.Cmd {
	r.scroll.height = r.c.bodyHeight()
	r.search.input.Width = max(r.c.bodyWidth()-4, 4)
	want := r.c.readWidth()
	if r.ready && r.width == want {
		r.restore()
		return nil
	}
	if out, ok := r.c.cachedLesson(r.lesson, want); ok {
		r.setContent(out, want)
		return nil
	}
	if r.ready {
		r.restore() // keep showing the old width until the new one arrives
	}
	return r.c.renderLesson(r.lesson, want)
}

// rendered takes a rendering made off the event loop, unless it is stale.
func (r *readerModel) rendered(msg renderedMsg) {
	if r.lesson == nil || msg.lesson != r.lesson || msg.width != r.c.readWidth() {
		return
	}
	if msg.err != nil {
		r.err = msg.err
		return
	}
	r.setContent(msg.out, msg.width)
}

func (r *readerModel) setContent(out string, width int) {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	r.lines = append(lines, r.endBanner(width)...)
	r.ready, r.width, r.err = true, width, nil
	r.search.contentChanged(r.lines)
	r.restore()
}

// restore puts the view back at the reading position.
func (r *readerModel) restore() {
	r.scroll.total = len(r.lines)
	r.scroll.height = r.c.bodyHeight()
	r.scroll.set(int(math.Round(r.pos * float64(r.scroll.total))))
	r.reachedEnd()
}

// endBanner closes the lesson with what to do next.
func (r *readerModel) endBanner(width int) []string {
	st := r.c.styles
	w := max(width-4, 10)
	out := []string{"", "  " + st.Subtle.Render(strings.Repeat("─", min(w, 60))), "  " + st.Heading.Render(clip("End of “"+r.lesson.Title+"”", w))}
	if n := len(r.lesson.Quiz); n > 0 {
		out = append(out, wrapLines(st.CallToAction.Render(fmt.Sprintf("Press t (or enter) to take the quiz: %d %s, pass mark %d%%.",
			n, plural(n, "question", "questions"), r.c.course.PassMark)), w, 2)...)
	}
	if r.index+1 < len(r.c.course.Lessons) {
		next := r.c.course.Lessons[r.index+1]
		out = append(out, wrapLines(st.Subtle.Render(fmt.Sprintf("Press ] for the next lesson: “%s”.", next.Title)), w, 2)...)
	} else {
		out = append(out, wrapLines(st.Subtle.Render("This is the last lesson of the course."), w, 2)...)
	}
	return append(out, "")
}

// wrapLines wraps s to w columns and indents each line by n.
func wrapLines(s string, w, n int) []string {
	if s == "" {
		return []string{""}
	}
	lines := strings.Split(render.Wrap(s, w), "\n")
	for i, l := range lines {
		lines[i] = strings.Repeat(" ", n) + l
	}
	return lines
}

// scrolled records the new reading position after the view moved.
func (r *readerModel) scrolled() {
	if !r.ready || r.scroll.total == 0 {
		return
	}
	r.pos = float64(r.scroll.offset) / float64(r.scroll.total)
	r.c.prog.SetPosition(r.lesson.ID, r.pos)
	r.reachedEnd()
}

func (r *readerModel) reachedEnd() {
	if r.ready && r.scroll.atBottom() {
		r.c.prog.MarkRead(r.lesson.ID)
	}
}

// leave saves the reading position at once: the learner goes elsewhere.
func (r *readerModel) leave() {
	if r.lesson != nil {
		r.c.prog.FlushPositions()
	}
}

func (r *readerModel) typing() bool { return r.search.typing }

func (r *readerModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		r.rendered(msg)
		return nil
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			return nil
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			r.scroll.by(-3)
		case tea.MouseButtonWheelDown:
			r.scroll.by(3)
		default:
			return nil
		}
		r.scrolled()
		return nil
	case tea.KeyMsg:
		if r.search.typing {
			jump, cmd := r.search.updateInput(msg)
			if jump {
				r.jumpToMatch(0)
			}
			return cmd
		}
		return r.updateKeys(msg)
	}
	return nil
}

func (r *readerModel) updateKeys(km tea.KeyMsg) tea.Cmd {
	k, s := r.c.keys, &r.scroll
	switch {
	case s.key(km, k):
	case key.Matches(km, k.Search):
		return r.search.start()
	case key.Matches(km, k.NextMatch):
		r.jumpToMatch(1)
		return nil
	case key.Matches(km, k.PrevMatch):
		r.jumpToMatch(-1)
		return nil
	case key.Matches(km, k.Cancel) && r.search.query != "":
		r.search.reset()
		return nil
	case key.Matches(km, k.Back):
		r.leave()
		return r.c.navigate(backMsg{})
	case key.Matches(km, k.NextLesson):
		return r.goTo(r.index + 1)
	case key.Matches(km, k.PrevLesson):
		return r.goTo(r.index - 1)
	case key.Matches(km, k.TakeQuiz), key.Matches(km, k.Accept) && r.ready && s.atBottom():
		if len(r.lesson.Quiz) == 0 {
			r.c.setFlash("This lesson has no quiz.", false)
			return nil
		}
		r.leave()
		return r.c.navigate(startQuizMsg{index: r.index})
	default:
		return nil
	}
	r.scrolled()
	return nil
}

// goTo opens another lesson of the course, unless there is none or it is locked.
func (r *readerModel) goTo(i int) tea.Cmd {
	switch {
	case i < 0:
		r.c.setFlash("This is the first lesson.", false)
		return nil
	case i >= len(r.c.course.Lessons):
		r.c.setFlash("This is the last lesson: q goes back to the outline.", false)
		return nil
	case r.c.locked(i) && len(r.lesson.Quiz) == 0:
		r.c.setFlash("The next lesson opens once you have read this lesson to its end.", true)
		return nil
	case r.c.locked(i):
		r.c.setFlash("The next lesson opens once you pass this lesson's quiz (t).", true)
		return nil
	}
	r.leave()
	return r.c.navigate(openLessonMsg{index: i})
}

// jumpToMatch moves to the next (dir 1) or previous (-1) match, or with dir 0 to the first
// match at or below the top of the view.
func (r *readerModel) jumpToMatch(dir int) {
	line, ok := r.search.jump(dir, r.scroll.offset)
	if !ok {
		return
	}
	if line < r.scroll.offset || line >= r.scroll.offset+r.scroll.height || dir == 0 {
		r.scroll.set(line - r.scroll.height/3)
	}
	r.scrolled()
}

func (r *readerModel) crumbs() ([]string, string) {
	return []string{r.lesson.Title}, fmt.Sprintf("Lesson %d of %d", r.index+1, len(r.c.course.Lessons))
}

func (r *readerModel) status() statusInfo {
	if r.search.typing {
		return statusInfo{left: r.search.input.View(), right: r.search.count(), tone: toneRaw}
	}
	pct := fmt.Sprintf("%3d%%", r.scroll.percent())
	if !r.ready {
		pct = ""
	}
	if r.search.query != "" {
		return statusInfo{left: r.search.summary(), right: pct, tone: toneInfo}
	}
	if r.ready && r.scroll.atBottom() && len(r.lesson.Quiz) > 0 {
		return statusInfo{left: "End of the lesson: press t to take the quiz", right: pct, tone: toneAction}
	}
	return statusInfo{left: fmt.Sprintf("%d/%d %s", r.index+1, len(r.c.course.Lessons), r.lesson.Title), right: pct}
}

func (r *readerModel) help() help.KeyMap {
	k := r.c.keys
	if r.search.typing {
		b := []key.Binding{withHelp(k.Accept, "enter", "search"), k.Cancel}
		return keyHelp{short: b, full: [][]key.Binding{b}}
	}
	back := withHelp(k.Back, "q", "outline")
	var short []key.Binding
	if r.search.query != "" {
		short = []key.Binding{withHelp(k.TakeQuiz, "t", "quiz"), withHelp(k.Cancel, "esc", "clear search"), k.NextMatch, back, k.Help}
	} else {
		short = []key.Binding{withHelp(k.Down, "↓/space", "scroll"), k.Search,
			withHelp(k.NextLesson, "[/]", "prev/next lesson"), withHelp(k.TakeQuiz, "t", "quiz"), back, k.Help}
	}
	return keyHelp{
		short: short,
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
			{k.Search, withHelp(k.NextMatch, "n", "next match"), k.PrevMatch, withHelp(k.Cancel, "esc", "clear search")},
			{k.NextLesson, k.PrevLesson, k.TakeQuiz, back, k.Quit, withHelp(k.Help, "?", "close help")},
		},
	}
}

func (r *readerModel) view() string {
	c := r.c
	h := c.bodyHeight()
	if !r.ready {
		msg := "Rendering the lesson…"
		if r.err != nil {
			msg = "Could not render this lesson: " + r.err.Error()
		}
		return block("\n  "+c.styles.Subtle.Render(msg), c.bodyWidth(), h)
	}
	pad := strings.Repeat(" ", c.leftPad())
	var b strings.Builder
	end := min(r.scroll.offset+h, len(r.lines))
	for i := r.scroll.offset; i < end; i++ {
		line := r.lines[i]
		if ms := r.search.byLine[i]; len(ms) > 0 {
			line = r.search.highlight(line, ms)
		}
		b.WriteString(pad)
		b.WriteString(clip(line, c.bodyWidth()-len(pad)))
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
