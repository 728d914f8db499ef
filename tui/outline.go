package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"

	"github.com/aieng/aieng/progress"
)

// outlineModel is the course outline: overall progress, a "continue" action and the lessons by
// section with their status, filterable with /.
type outlineModel struct {
	c *common

	rows   []outlineRow
	cursor int // index into rows; always a selectable row
	offset int // first row shown

	filter    textinput.Model
	filtering bool // the filter input has the keys
}

type rowKind int

const (
	rowContinue rowKind = iota // opens the last lesson where the learner left off
	rowComplete                // opens the course summary
	rowSection
	rowLesson
	rowBlank
	rowNoMatch
)

type outlineRow struct {
	kind    rowKind
	lesson  int    // rowLesson, rowContinue: index into the course
	section string // rowSection
	matched []int  // rowLesson while filtering: byte offsets of matched characters in the title
}

func (r outlineRow) selectable() bool {
	return r.kind == rowContinue || r.kind == rowComplete || r.kind == rowLesson
}

func newOutline(c *common) *outlineModel {
	o := &outlineModel{c: c, filter: newTextInput("Filter: ", "type part of a lesson title", 64, c.styles)}
	o.rebuild()
	return o
}

// newTextInput makes a text input with the interface's styles and a steady cursor (a blinking
// one redraws the screen twice a second for nothing).
func newTextInput(prompt, placeholder string, limit int, st *Styles) textinput.Model {
	ti := textinput.New()
	ti.Prompt, ti.Placeholder, ti.CharLimit = prompt, placeholder, limit
	ti.PromptStyle = st.Heading
	ti.PlaceholderStyle = st.Subtle
	ti.Cursor.Style = st.Cursor
	_ = ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// continueTarget is the lesson "continue" opens (progress.CourseInfo.Continue).
func (o *outlineModel) continueTarget() (index int, resume bool) {
	return o.c.info.Continue(o.c.prog.Progress())
}

// rebuild lays out the rows from the course, the progress and the filter, keeping the cursor
// on the same lesson when it can.
func (o *outlineModel) rebuild() {
	prevLesson := -1
	if o.cursor < len(o.rows) && o.rows[o.cursor].kind == rowLesson {
		prevLesson = o.rows[o.cursor].lesson
	}
	course := o.c.course
	var rows []outlineRow
	if q := strings.TrimSpace(o.filter.Value()); q != "" {
		titles := make([]string, len(course.Lessons))
		for i, l := range course.Lessons {
			titles[i] = l.Title
		}
		for _, m := range fuzzy.Find(q, titles) {
			rows = append(rows, outlineRow{kind: rowLesson, lesson: m.Index, matched: m.MatchedIndexes})
		}
		if len(rows) == 0 {
			rows = append(rows, outlineRow{kind: rowNoMatch})
		}
		prevLesson = -1 // the best match first
	} else {
		if o.c.summary().Done() {
			rows = append(rows, outlineRow{kind: rowComplete})
		}
		if len(course.Lessons) > 0 {
			i, _ := o.continueTarget()
			rows = append(rows, outlineRow{kind: rowContinue, lesson: i})
		}
		n := 0
		for _, s := range course.Sections() {
			rows = append(rows, outlineRow{kind: rowBlank})
			if s.Name != "" {
				rows = append(rows, outlineRow{kind: rowSection, section: s.Name})
			}
			for range s.Lessons {
				rows = append(rows, outlineRow{kind: rowLesson, lesson: n})
				n++
			}
		}
	}
	keep := o.cursor < len(o.rows) && o.cursor < len(rows) && o.rows[o.cursor].kind == rows[o.cursor].kind
	o.rows = rows
	if prevLesson >= 0 {
		for i, r := range rows {
			if r.kind == rowLesson && r.lesson == prevLesson {
				o.cursor = i
				keep = true
				break
			}
		}
	}
	if !keep || !rows[o.cursor].selectable() {
		o.cursor = o.nextSelectable(-1, 1)
	}
	o.scrollToCursor()
}

func (o *outlineModel) nextSelectable(from, dir int) int {
	for i := from + dir; i >= 0 && i < len(o.rows); i += dir {
		if o.rows[i].selectable() {
			return i
		}
	}
	if from >= 0 && from < len(o.rows) && o.rows[from].selectable() {
		return from
	}
	return max(min(from, len(o.rows)-1), 0)
}

// headerLines are the lines above the list: the progress bar, or the filter input.
func (o *outlineModel) headerLines() int {
	if o.c.bodyHeight() < 8 {
		return 1
	}
	return 3
}

func (o *outlineModel) listHeight() int { return max(o.c.bodyHeight()-o.headerLines(), 1) }

func (o *outlineModel) scrollToCursor() {
	h := o.listHeight()
	if o.cursor < o.offset {
		o.offset = o.cursor
		// show the section heading above the first lesson of a section
		for o.offset > 0 && !o.rows[o.offset-1].selectable() && o.cursor-o.offset+1 < h {
			o.offset--
			if o.rows[o.offset].kind == rowBlank {
				break
			}
		}
	}
	if o.cursor >= o.offset+h {
		o.offset = o.cursor - h + 1
	}
	o.offset = max(min(o.offset, len(o.rows)-h), 0)
}

func (o *outlineModel) move(dir, n int) {
	for range n {
		next := o.nextSelectable(o.cursor, dir)
		if next == o.cursor {
			break
		}
		o.cursor = next
	}
	o.scrollToCursor()
}

func (o *outlineModel) selectedLesson() int {
	if o.cursor >= len(o.rows) {
		return -1
	}
	r := o.rows[o.cursor]
	if r.kind == rowLesson || r.kind == rowContinue {
		return r.lesson
	}
	return -1
}

func (o *outlineModel) typing() bool { return o.filtering }

func (o *outlineModel) resize() tea.Cmd {
	o.filter.Width = max(o.c.bodyWidth()-14, 4)
	o.scrollToCursor()
	return o.c.prefetch(o.selectedLesson())
}

func (o *outlineModel) update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if o.filtering {
		return o.updateFilter(km)
	}
	k := o.c.keys
	switch {
	case key.Matches(km, k.Up):
		o.move(-1, 1)
	case key.Matches(km, k.Down):
		o.move(1, 1)
	case key.Matches(km, k.PageUp), key.Matches(km, k.HalfUp):
		o.move(-1, max(o.listHeight()-2, 1))
	case key.Matches(km, k.PageDown), key.Matches(km, k.HalfDown):
		o.move(1, max(o.listHeight()-2, 1))
	case key.Matches(km, k.Top):
		o.cursor = o.nextSelectable(-1, 1)
		o.offset = 0
	case key.Matches(km, k.Bottom):
		o.cursor = o.nextSelectable(len(o.rows), -1)
		o.scrollToCursor()
	case key.Matches(km, k.Open):
		return o.open(o.cursor)
	case key.Matches(km, k.Continue):
		i, resume := o.continueTarget()
		return o.c.navigate(openLessonMsg{index: i, resume: resume})
	case key.Matches(km, k.Filter):
		o.filtering = true
		return o.filter.Focus()
	case key.Matches(km, k.Cancel):
		if o.filter.Value() == "" {
			return nil
		}
		o.filter.SetValue("")
		o.rebuild()
	case key.Matches(km, k.Back):
		return tea.Quit
	default:
		return nil
	}
	return o.c.prefetch(o.selectedLesson())
}

func (o *outlineModel) updateFilter(km tea.KeyMsg) tea.Cmd {
	k := o.c.keys
	switch {
	case key.Matches(km, k.Cancel):
		o.filtering = false
		o.filter.Blur()
		o.filter.SetValue("")
		o.rebuild()
		return nil
	case key.Matches(km, k.Accept):
		o.filtering = false
		o.filter.Blur()
		if o.selectedLesson() < 0 {
			return nil
		}
		cmd := o.open(o.cursor)
		o.filter.SetValue("")
		o.rebuild()
		return cmd
	case key.Matches(km, k.PrevItem):
		o.move(-1, 1)
		return nil
	case key.Matches(km, k.NextItem):
		o.move(1, 1)
		return nil
	}
	var cmd tea.Cmd
	before := o.filter.Value()
	o.filter, cmd = o.filter.Update(km)
	if o.filter.Value() != before {
		o.cursor = 0
		o.rebuild()
	}
	return cmd
}

// open acts on a row: a lesson opens (unless locked), continue resumes, complete shows the
// summary.
func (o *outlineModel) open(row int) tea.Cmd {
	if row >= len(o.rows) {
		return nil
	}
	r := o.rows[row]
	switch r.kind {
	case rowComplete:
		return o.c.navigate(showCompleteMsg{})
	case rowContinue:
		i, resume := o.continueTarget()
		return o.c.navigate(openLessonMsg{index: i, resume: resume})
	case rowLesson:
		if o.c.locked(r.lesson) {
			o.c.setFlash("Locked: "+o.unlockHint(r.lesson)+" to open this lesson.", true)
			return nil
		}
		lp := o.c.prog.Lesson(o.c.course.Lessons[r.lesson].ID)
		return o.c.navigate(openLessonMsg{index: r.lesson, resume: lp.Status() == progress.InProgress})
	}
	return nil
}

// unlockHint says what opens the locked lesson i: finishing the one before it.
func (o *outlineModel) unlockHint(i int) string {
	prev := o.c.course.Lessons[i-1]
	if len(prev.Quiz) == 0 {
		return fmt.Sprintf("read “%s” to its end", prev.Title)
	}
	return fmt.Sprintf("pass the quiz of “%s”", prev.Title)
}

func (o *outlineModel) crumbs() ([]string, string) {
	n := len(o.c.course.Lessons)
	mins := 0
	for _, l := range o.c.course.Lessons {
		mins += l.Minutes
	}
	return nil, fmt.Sprintf("%d %s · %d min", n, plural(n, "lesson", "lessons"), mins)
}

func (o *outlineModel) status() statusInfo {
	if o.filtering {
		n := 0
		for _, r := range o.rows {
			if r.kind == rowLesson {
				n++
			}
		}
		return statusInfo{left: "Type part of a title, then enter to open", right: fmt.Sprintf("%d of %d", n, len(o.c.course.Lessons))}
	}
	i := o.selectedLesson()
	if i < 0 {
		if o.cursor < len(o.rows) && o.rows[o.cursor].kind == rowComplete {
			return statusInfo{left: "See your best score in every lesson", tone: toneGood}
		}
		return statusInfo{}
	}
	l := o.c.course.Lessons[i]
	if o.c.locked(i) {
		prev := o.c.course.Lessons[i-1]
		until := fmt.Sprintf("Locked until you pass “%s”", prev.Title)
		if len(prev.Quiz) == 0 {
			until = fmt.Sprintf("Locked until you read “%s”", prev.Title)
		}
		return statusInfo{left: until, tone: toneWarn}
	}
	q := len(l.Quiz)
	return statusInfo{left: fmt.Sprintf("%d. %s", i+1, l.Title), right: fmt.Sprintf("%d min · %d %s", l.Minutes, q, plural(q, "question", "questions"))}
}

func (o *outlineModel) help() help.KeyMap {
	k := o.c.keys
	if o.filtering {
		return keyHelp{
			short: []key.Binding{withHelp(k.PrevItem, "↑/↓", "choose"), withHelp(k.Accept, "enter", "open"), k.Cancel},
			full:  [][]key.Binding{{k.PrevItem, k.NextItem}, {withHelp(k.Accept, "enter", "open"), k.Cancel}},
		}
	}
	back := withHelp(k.Back, "q", "quit")
	return keyHelp{
		short: []key.Binding{withHelp(k.Up, "↑/↓", "move"), k.Filter, k.Continue, k.Open, back, k.Help},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Open, k.Continue, k.Filter, withHelp(k.Cancel, "esc", "clear filter")},
			{back, k.Quit, withHelp(k.Help, "?", "close help")},
		},
	}
}

func (o *outlineModel) view() string {
	c, st := o.c, o.c.styles
	// The list keeps to the reading width, centred, so its columns stay close together.
	w, h := c.readWidth(), c.bodyHeight()
	pad := strings.Repeat(" ", c.leftPad())
	var b strings.Builder
	b.WriteString(pad)
	if o.filtering || o.filter.Value() != "" {
		line := "  " + o.filter.View()
		if !o.filtering {
			line = "  " + st.Heading.Render("Filter: ") + o.filter.Value() + st.Subtle.Render("  (esc clears)")
		}
		b.WriteString(clip(line, w))
	} else {
		b.WriteString(o.progressLine(w))
	}
	if o.headerLines() == 3 {
		b.WriteString("\n\n")
	} else {
		b.WriteString("\n")
	}
	lh := h - o.headerLines()
	end := min(o.offset+lh, len(o.rows))
	for i := o.offset; i < end; i++ {
		b.WriteString(pad)
		b.WriteString(o.rowView(o.rows[i], i == o.cursor, w))
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func (o *outlineModel) progressLine(w int) string {
	c, st := o.c, o.c.styles
	sum := c.summary()
	label := fmt.Sprintf("%d of %d %s", sum.Complete, sum.Lessons, c.doneWords().adjective)
	frac := sum.PercentComplete() / 100
	head := "  " + st.Heading.Render("Progress") + "  "
	barW := min(w-ansi.StringWidth(head)-ansi.StringWidth(label)-4, 30)
	if barW < 5 {
		return clip("  "+st.Heading.Render(label), w)
	}
	return clip(head+progressBar(st, frac, barW)+"  "+st.Subtle.Render(label), w)
}

type seg struct {
	s  string
	st lipgloss.Style
}

// renderRow draws segments on one row of width w; a selected row gets the selection style
// across its whole width.
func renderRow(st *Styles, segs []seg, selected bool, w int) string {
	var b strings.Builder
	used := 0
	for _, s := range segs {
		style := s.st
		if selected {
			style = style.Inherit(st.Selected)
		}
		b.WriteString(style.Render(s.s))
		used += ansi.StringWidth(s.s)
	}
	if used < w {
		pad := strings.Repeat(" ", w-used)
		if selected {
			pad = st.Selected.Render(pad)
		}
		b.WriteString(pad)
	}
	return clip(b.String(), w)
}

func (o *outlineModel) rowView(r outlineRow, selected bool, w int) string {
	c, st := o.c, o.c.styles
	cur := seg{"  ", st.Cursor}
	if selected {
		cur.s = "› "
	}
	switch r.kind {
	case rowBlank:
		return ""
	case rowNoMatch:
		return clip("  "+st.Subtle.Render(fmt.Sprintf("No lesson title matches “%s”.", o.filter.Value())), w)
	case rowSection:
		return clip("  "+st.Section.Render(r.section), w)
	case rowComplete:
		return renderRow(st, []seg{cur, {"★ ", st.Passed}, {clip("Course complete: see your scores", w-4), st.Heading}}, selected, w)
	case rowContinue:
		l := c.course.Lessons[r.lesson]
		_, resume := o.continueTarget()
		label, extra := "Start the course: ", ""
		if resume {
			label = "Continue: "
			lp := c.prog.Lesson(l.ID)
			if lp.Position > 0 && !lp.Read {
				extra = fmt.Sprintf("  %d%% read", progress.WholePercent(lp.Position*100))
			}
		}
		title := clip(l.Title, max(w-4-ansi.StringWidth(label)-ansi.StringWidth(extra), 1))
		return renderRow(st, []seg{cur, {"▶ ", st.Cursor}, {label, st.Heading}, {title, st.Prompt}, {extra, st.Subtle}}, selected, w)
	}
	return o.lessonRow(r, cur, selected, w)
}

func (o *outlineModel) lessonRow(r outlineRow, cur seg, selected bool, w int) string {
	c, st := o.c, o.c.styles
	l := c.course.Lessons[r.lesson]
	symbol, symStyle, status := statusCell(st, c.standing(r.lesson), c.prog.Lesson(l.ID))
	if c.locked(r.lesson) {
		symbol, symStyle, status = "⊘", st.Locked, "locked"
	}
	numW := len(fmt.Sprint(len(c.course.Lessons)))
	num := fmt.Sprintf("%*d. ", numW, r.lesson+1)
	showStatus, showMinutes := w >= 60, w >= 44
	const statusW, minutesW = 16, 7
	avail := w - 4 - 2 - len(num) // cursor, indent, symbol and space, number
	if showStatus {
		avail -= statusW + 2
	}
	if showMinutes {
		avail -= minutesW
	}
	titleStyle := st.Choice
	if c.locked(r.lesson) {
		titleStyle = st.Locked
	}
	segs := []seg{cur, {"  ", st.Choice}, {symbol + " ", symStyle}, {num, st.Subtle}}
	segs = append(segs, titleSegs(l.Title, r.matched, max(avail, 1), titleStyle, st.Match.Inherit(titleStyle))...)
	if showStatus {
		segs = append(segs, seg{"  " + fmt.Sprintf("%-*s", statusW, status), symStyle})
	}
	if showMinutes {
		m := ""
		if l.Minutes > 0 {
			m = fmt.Sprintf("%d min", l.Minutes)
		}
		segs = append(segs, seg{fmt.Sprintf("%*s", minutesW, m), st.Subtle})
	}
	return renderRow(st, segs, selected, w)
}

// titleSegs truncates a title to w columns (padding it to w) and marks matched characters.
func titleSegs(title string, matched []int, w int, base, match lipgloss.Style) []seg {
	t := fit(title, w)
	if len(matched) == 0 {
		return []seg{{t, base}}
	}
	limit := len(title)
	if ansi.StringWidth(title) > w {
		limit = len(strings.TrimSuffix(strings.TrimRight(t, " "), "…"))
	}
	isMatch := make(map[int]bool, len(matched))
	for _, i := range matched {
		isMatch[i] = true
	}
	var segs []seg
	var run strings.Builder
	runMatch := false
	flush := func() {
		if run.Len() > 0 {
			s := base
			if runMatch {
				s = match
			}
			segs = append(segs, seg{run.String(), s})
			run.Reset()
		}
	}
	for i, r := range t {
		m := i < limit && isMatch[i]
		if m != runMatch {
			flush()
			runMatch = m
		}
		run.WriteRune(r)
	}
	flush()
	return segs
}

// statusCell returns a lesson's symbol, its style and its status text for the outline.
func statusCell(st *Styles, s progress.Standing, lp progress.LessonProgress) (string, lipgloss.Style, string) {
	best := ""
	if len(lp.Attempts) > 0 {
		best = fmt.Sprintf("best %d%%", progress.WholePercent(lp.Best))
	}
	switch {
	case s.Status == progress.Passed:
		return "✓", st.Passed, fmt.Sprintf("passed %d%%", progress.WholePercent(lp.Best))
	case s.Complete:
		return "✓", st.Passed, s.String()
	case s.Status == progress.Read:
		if best != "" {
			return "●", st.Read, "read · " + best
		}
		return "●", st.Read, "read"
	case s.Status == progress.InProgress:
		if best != "" {
			return "◐", st.InProgress, best
		}
		return "◐", st.InProgress, "in progress"
	}
	return "○", st.NotStarted, ""
}
