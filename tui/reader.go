package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// readerModel shows one lesson, rendered by Glamour off the event loop, in a scrolling view
// with search. It keeps the reading position as a fraction of the lesson, so a new width (a
// resize re-wraps the lesson) lands on the same place.
type readerModel struct {
	c *common

	index  int
	lesson *lessons.Lesson

	doc   *render.Doc // the rendered lesson: its lines, code blocks and links
	lines []string    // the rendered lesson as shown (code scrolled, links made) and the end-of-lesson banner
	ready bool        // lines hold this lesson (possibly at an older width while a new one renders)
	width int         // the width lines were rendered at
	err   error

	scroll scroller
	pos    float64 // reading position: the top line as a fraction of the lesson
	// posWidth is the width the reading position was taken at in this session, 0 when it is
	// not known (the saved position a lesson opens at): at another width, restore moves the
	// view to the start of the paragraph the fraction lands in.
	posWidth int

	cards cardLines // where the lesson's labs are drawn (readerlabs.go)
	code  codeView  // code scrolled sideways, and a block number typed before c (readercode.go)

	search      search
	findPending bool // jump to the first match of search once the lesson is rendered
	// searchFrom is the reading position when / was pressed, and searchMoved says a match
	// found while typing moved the view since: a query that ends with no match puts it back.
	searchFrom  float64
	searchMoved bool
}

func newReader(c *common) *readerModel {
	r := &readerModel{c: c, search: newSearch(c)}
	r.search.place = r.placeMatch
	return r
}

// enter opens a lesson (openLessonMsg), unless there is none or it is locked, or comes back
// to the lesson from its quiz (backToLessonMsg).
func (r *readerModel) enter(msg navMsg) (tea.Cmd, bool) {
	open, ok := msg.(openLessonMsg)
	if !ok {
		cmd := r.sync()
		r.refresh() // the quiz may have been passed or left half-way, a lab passed
		return cmd, true
	}
	if open.index < 0 || open.index >= len(r.c.course.Lessons) {
		return nil, false
	}
	if r.c.locked(open.index) {
		r.c.setFlash("That lesson is locked until you finish the one before it.", true)
		return nil, false
	}
	cmd := r.open(open.index, open.resume)
	if open.search != "" {
		r.find(open.search)
	}
	return cmd, true
}

// open shows lesson i, at the saved reading position when resume is set.
func (r *readerModel) open(i int, resume bool) tea.Cmd {
	r.index, r.lesson = i, r.c.course.Lessons[i]
	r.doc, r.lines, r.ready, r.width, r.err = nil, nil, false, 0, nil
	r.cards = cardLines{}
	r.code = codeView{}
	r.scroll = scroller{}
	r.pos, r.posWidth = 0, 0
	if resume {
		r.pos = r.c.prog.Lesson(r.lesson.ID).Position
	}
	r.search.reset()
	r.c.prog.OpenLesson(r.lesson.ID)
	return r.resize()
}

// leave saves the reading position at once: the learner goes elsewhere.
func (r *readerModel) leave() {
	if r.lesson != nil {
		r.c.prog.FlushPositions()
	}
}

// courseChanged shows the new version of the lesson at the same reading position, or goes
// back to the outline when the lesson is gone.
func (r *readerModel) courseChanged() tea.Cmd {
	if r.c.course.Index(r.lesson.ID) < 0 {
		r.c.setFlash(fmt.Sprintf("The lesson %q is gone from the course.", r.lesson.ID), true)
		r.c.goTo(showOutlineMsg{})
		return nil
	}
	return r.sync()
}

// sync finds the lesson in the course, which may have been reloaded since it was opened: the
// new version is shown at the same reading position, the old text staying on screen until the
// new one is rendered.
func (r *readerModel) sync() tea.Cmd {
	if i := r.c.course.Index(r.lesson.ID); i >= 0 && r.c.course.Lessons[i] != r.lesson {
		r.index, r.lesson = i, r.c.course.Lessons[i]
		r.width = 0 // forces a rendering of the new version
	}
	return r.resize()
}

func (r *readerModel) resize() tea.Cmd {
	r.scroll.height = r.c.bodyHeight()
	r.search.input.Width = max(r.c.readWidth()-30, 8) // room for the match count at the right
	want := r.c.readWidth()
	if r.ready && r.width == want {
		r.restore()
		return nil
	}
	if doc, ok := r.c.render.cached(r.lesson, want); ok {
		r.setContent(doc, want)
		return nil
	}
	if r.ready {
		r.restore() // keep showing the old width until the new one arrives
	}
	return r.c.render.start(r.lesson, want)
}

// rendered takes a rendering made off the event loop, unless it is stale: another lesson (or
// version of it), or another width, which it then asks for (one rendering of a lesson runs at
// a time: lessonRenderer).
func (r *readerModel) rendered(msg renderedMsg) tea.Cmd {
	if r.lesson == nil || msg.lesson != r.lesson {
		return nil
	}
	if msg.width != r.c.readWidth() {
		return r.resize()
	}
	if msg.err != nil {
		r.err = msg.err
		return nil
	}
	r.setContent(msg.doc, msg.width)
	return nil
}

// setContent takes a rendering of the lesson.
func (r *readerModel) setContent(doc *render.Doc, width int) {
	r.doc, r.width = doc, width
	r.code.offset = min(r.code.offset, doc.MaxOffset())
	r.ready, r.err = true, nil
	r.compose(true)
	r.settle()
}

// refresh lays out the lesson again, at the reading position: its end banner and lab cards
// change when the quiz is passed or left half-way, or a lab passed.
func (r *readerModel) refresh() {
	if !r.ready {
		return
	}
	r.compose(false)
	r.settle()
}

// settle puts the view back at the reading position, or at the first match of a search the
// outline asked for (find).
func (r *readerModel) settle() {
	r.restore()
	if r.findPending {
		r.findPending = false
		r.jumpToMatch(0)
	}
}

// compose lays out the lines shown: the lesson with its code scrolled sideways and its links
// made clickable (readercode.go), then the end-of-lesson banner; with newCards, the lab cards
// are looked for again (a new rendering).
func (r *readerModel) compose(newCards bool) {
	lesson, banner := r.lessonLines(), r.endBanner(r.width)
	r.lines = append(lesson, banner...)
	if newCards {
		r.cards = findCards(r.lines, len(r.lesson.Labs))
	}
	r.markCards()
	r.search.contentChanged(r.lines, r.searchText(len(lesson), banner))
}

// restore puts the view back at the reading position. At the width the position was taken
// at, that is the very view the learner left; at another, the fraction can land in the middle
// of a wrapped paragraph (its top line the tail of a sentence), and the view moves up to where
// the paragraph starts, by half a screen at most: it shows more of what the learner was
// reading, never less, and a long paragraph does not carry the view far from the place.
func (r *readerModel) restore() {
	r.scroll.resize(len(r.lines), r.c.bodyHeight())
	top := min(int(math.Round(r.pos*float64(r.scroll.total))), r.scroll.maxOffset())
	if r.width != r.posWidth && r.doc != nil && top < r.scroll.maxOffset() { // the end stays in view
		top = max(r.doc.BlockStart(top), top-r.scroll.height/2)
	}
	r.scroll.set(top)
	r.reachedEnd()
}

// endBanner closes the lesson with what to do next: its quiz (to take, to continue, or passed
// and open to a retake), and the next lesson.
func (r *readerModel) endBanner(width int) []string {
	st, k := r.c.st, r.c.keys
	w := max(width-4, 10)
	out := []string{"", "  " + st.Subtle.Render(strings.Repeat("─", min(w, 60))), "  " + st.Heading.Render(clip("End of “"+r.lesson.Title+"”", w))}
	passed := r.quizPassed()
	if n := len(r.lesson.Quiz); n > 0 {
		out = append(out, wrapLines(st.CallToAction.Render(r.quizLine(passed)), w, 2)...)
	}
	if r.index+1 < len(r.c.course.Lessons) {
		next := r.c.course.Lessons[r.index+1]
		keys := keyName(k.NextLesson)
		if passed || len(r.lesson.Quiz) == 0 {
			keys = fmt.Sprintf("%s (or %s)", keyName(k.NextLesson), keyName(k.Accept))
		}
		out = append(out, wrapLines(st.Subtle.Render(fmt.Sprintf("Press %s for the next lesson: “%s”.", keys, next.Title)), w, 2)...)
	} else {
		out = append(out, wrapLines(st.Subtle.Render("This is the last lesson of the course."), w, 2)...)
	}
	return append(out, "")
}

// quizLine says what the quiz key does at the end of the lesson.
func (r *readerModel) quizLine(passed bool) string {
	k, lp, n := r.c.keys, r.c.prog.Lesson(r.lesson.ID), len(r.lesson.Quiz)
	switch {
	case passed:
		return fmt.Sprintf("You passed this quiz (best %d%%). Press %s to take it again.", progress.WholePercent(lp.Best), keyName(k.TakeQuiz))
	case lp.Open != nil:
		a := len(lp.Open.Answers)
		return fmt.Sprintf("Press %s (or %s) to continue the quiz: %d of %d answered.", keyName(k.TakeQuiz), keyName(k.Accept), a, len(lp.Open.Questions))
	}
	asked := n
	if r.lesson.Draw > 0 && r.lesson.Draw < n {
		asked = r.lesson.Draw
	}
	count := fmt.Sprintf("%d %s", asked, plural(asked, "question", "questions"))
	if asked < n {
		count = fmt.Sprintf("%d questions drawn from %d", asked, n)
	}
	need := fmt.Sprintf("%d right", lessons.NeededToPass(asked, r.c.course.PassMark))
	if lessons.ScoredInPoints(r.lesson.Quiz) {
		need = passNeed(asked, r.c.course.PassMark, true)
	}
	return fmt.Sprintf("Press %s (or %s) to take the quiz: %s; you pass with %s (%d%%).", keyName(k.TakeQuiz), keyName(k.Accept),
		count, need, r.c.course.PassMark)
}

// quizPassed reports whether the learner has passed this lesson's quiz.
func (r *readerModel) quizPassed() bool {
	return len(r.lesson.Quiz) > 0 && r.c.prog.Lesson(r.lesson.ID).Passed
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
	r.pos, r.posWidth = float64(r.scroll.offset)/float64(r.scroll.total), r.width
	r.c.prog.SetPosition(r.lesson.ID, r.pos)
	r.reachedEnd()
}

func (r *readerModel) reachedEnd() {
	if r.ready && r.scroll.atBottom() {
		r.c.prog.MarkRead(r.lesson.ID)
	}
}

func (r *readerModel) typing() bool { return r.search.typing }

func (r *readerModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		return r.rendered(msg)
	case copiedMsg:
		r.copied(msg)
	case tea.MouseMsg:
		r.wheel(msg)
	case tea.KeyMsg:
		if !r.search.typing {
			return r.updateKeys(msg)
		}
		return r.searchInput(msg)
	}
	return nil
}

// wheel scrolls for the mouse wheel (--mouse).
func (r *readerModel) wheel(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		r.scroll.by(-3)
	case tea.MouseButtonWheelDown:
		r.scroll.by(3)
	default:
		return
	}
	r.scrolled()
}

func (r *readerModel) updateKeys(km tea.KeyMsg) tea.Cmd {
	if cmd, ok := r.codeKey(km); ok {
		return cmd
	}
	if cmd, ok := r.searchKey(km); ok {
		return cmd
	}
	k, s := r.c.keys, &r.scroll
	switch {
	case s.key(km, k):
		r.scrolled()
	case key.Matches(km, k.Back):
		r.c.goTo(showOutlineMsg{})
	case key.Matches(km, k.NextLesson):
		r.goTo(r.index + 1)
	case key.Matches(km, k.PrevLesson):
		r.goTo(r.index - 1)
	case key.Matches(km, k.TakeQuiz):
		r.takeQuiz()
	case key.Matches(km, k.OpenLab):
		r.openLab()
	case key.Matches(km, k.Accept) && r.ready && s.atBottom():
		r.next()
	}
	return nil
}

// next is what enter does at the end of the lesson: the quiz, or once it is passed (or when
// there is none), the next lesson.
func (r *readerModel) next() {
	if r.quizPassed() || len(r.lesson.Quiz) == 0 {
		r.goTo(r.index + 1)
		return
	}
	r.takeQuiz()
}

func (r *readerModel) takeQuiz() {
	if len(r.lesson.Quiz) == 0 {
		r.c.setFlash("This lesson has no quiz.", false)
		return
	}
	r.c.goTo(startQuizMsg{index: r.index})
}

// goTo opens another lesson of the course, unless there is none or it is locked.
func (r *readerModel) goTo(i int) {
	k := r.c.keys
	switch {
	case i < 0:
		r.c.setFlash("This is the first lesson.", false)
	case i >= len(r.c.course.Lessons):
		r.c.setFlash(fmt.Sprintf("This is the last lesson: %s goes back to the outline.", keyName(k.Back)), false)
	case r.c.locked(i) && len(r.lesson.Quiz) == 0:
		r.c.setFlash("The next lesson opens once you have read this lesson to its end.", true)
	case r.c.locked(i):
		r.c.setFlash(fmt.Sprintf("The next lesson opens once you pass this lesson's quiz (%s).", keyName(k.TakeQuiz)), true)
	default:
		r.c.goTo(openLessonMsg{index: i})
	}
}

func (r *readerModel) crumbs() ([]string, string) {
	return []string{r.lesson.Title}, fmt.Sprintf("Lesson %d of %d", r.index+1, len(r.c.course.Lessons))
}

func (r *readerModel) status() statusInfo {
	if r.search.typing {
		return statusInfo{left: r.search.input.View(), right: r.search.count(), tone: toneRaw}
	}
	pct := fmt.Sprintf("%3d%%", r.readPercent())
	if !r.ready {
		pct = ""
	}
	if r.search.query != "" {
		return statusInfo{left: r.search.summary(), right: pct, tone: toneInfo}
	}
	if r.ready && r.scroll.atBottom() && r.quizPassed() {
		return statusInfo{left: fmt.Sprintf("End of the lesson: quiz passed (%s takes it again)", keyName(r.c.keys.TakeQuiz)), right: pct, tone: toneGood}
	}
	if r.ready && r.scroll.atBottom() && r.c.prog.Lesson(r.lesson.ID).Open != nil {
		return statusInfo{left: fmt.Sprintf("End of the lesson: press %s to continue the quiz", keyName(r.c.keys.TakeQuiz)), right: pct, tone: toneAction}
	}
	if r.ready && r.scroll.atBottom() && len(r.lesson.Quiz) > 0 {
		return statusInfo{left: fmt.Sprintf("End of the lesson: press %s to take the quiz", keyName(r.c.keys.TakeQuiz)), right: pct, tone: toneAction}
	}
	if info, ok := r.codeStatus(pct); ok {
		return info
	}
	return statusInfo{left: fmt.Sprintf("%d/%d %s", r.index+1, len(r.c.course.Lessons), r.lesson.Title), right: pct}
}

// readPercent is how far the learner has read, as the outline shows it ("30% read"): the
// reading position, and 100 at the end.
func (r *readerModel) readPercent() int {
	if r.scroll.atBottom() {
		return 100
	}
	return progress.WholePercent(r.pos * 100)
}

func (r *readerModel) help() help.KeyMap {
	k := r.c.keys
	if r.search.typing {
		b := []key.Binding{hint("search", k.Accept), k.Cancel}
		return keyHelp{short: b, full: [][]key.Binding{b}}
	}
	back := hint("outline", k.Back)
	var short []key.Binding
	var rank []int
	if r.search.query != "" {
		short, rank = []key.Binding{hint("quiz", k.TakeQuiz), hint("clear search", k.Cancel), k.NextMatch, back, k.Help}, []int{rankMinor, rankUseful, rankMain, rankLeave, rankUseful}
	} else {
		short = []key.Binding{hint("scroll", k.Down, k.PageDown), k.Search,
			hint("prev/next lesson", k.PrevLesson, k.NextLesson), hint("quiz", k.TakeQuiz), back, k.Help}
		rank = []int{rankMain, rankUseful, rankMinor, rankMain, rankLeave, rankUseful}
	}
	if len(r.lesson.Labs) > 0 {
		// Before the way out and help, and given up before them on a narrow screen: the
		// lesson's cards say to press it, and ? lists it.
		short = slices.Insert(short, len(short)-2, hint("lab", k.OpenLab))
		rank = slices.Insert(rank, len(rank)-2, rankUseful)
	}
	if code := r.codeHelp(); len(code) > 0 {
		// Least important: the status line says it too while a code block is in view.
		short = slices.Insert(short, len(short)-2, code...)
		rank = slices.Insert(rank, len(rank)-2, slices.Repeat([]int{rankMinor}, len(code))...)
	}
	return keyHelp{
		short: short,
		rank:  rank,
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
			{k.Search, hint("next match", k.NextMatch), k.PrevMatch, hint("clear search", k.Cancel)},
			{k.NextLesson, k.PrevLesson, k.TakeQuiz, k.OpenLab, back, k.Quit, hint("close help", k.Help)},
			{k.ScrollLeft, k.ScrollRight, hint("copy the code block at the top", k.CopyCode), k.Count},
		},
	}
}

func (r *readerModel) view() string {
	c := r.c
	if !r.ready {
		msg := "Rendering the lesson…"
		if r.err != nil {
			msg = "Could not render this lesson: " + r.err.Error()
		}
		return block("\n  "+c.st.Subtle.Render(msg), c.bodyWidth(), c.bodyHeight())
	}
	return r.scroll.view(r.lines, c.leftPad(), c.bodyWidth(), func(i int, line string) string {
		if ms := r.search.byLine[i]; len(ms) > 0 {
			return r.search.highlight(line, ms)
		}
		return line
	})
}
