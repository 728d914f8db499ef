package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/progress"
)

// outlineModel is the course outline: overall progress, a "continue" action and the lessons by
// section with their standing, filterable with /. Its rows are drawn by outlinerows.go.
type outlineModel struct {
	c *common

	rows   []outlineRow
	cursor int // index into rows; always a selectable row
	offset int // first row shown

	filter    textinput.Model
	filtering bool // the filter input has the keys

	stats outlineStats // reviews due, streak, time spent (outlinestats.go)
}

type rowKind int

const (
	rowContinue rowKind = iota // opens the last lesson where the learner left off
	rowComplete                // opens the course summary
	rowSection
	rowLesson
	rowBlank
	rowNoMatch
	rowExcerpt // under a lesson found by its text: the text around the match
	rowReview  // opens a review session of the questions due
)

type outlineRow struct {
	kind    rowKind
	lesson  int    // rowLesson, rowContinue: index into the course
	section string // rowSection; rowExcerpt: the excerpt
	matched []int  // rowLesson while filtering: byte offsets of matched characters in the title
}

func (r outlineRow) selectable() bool {
	return r.kind == rowContinue || r.kind == rowComplete || r.kind == rowLesson || r.kind == rowReview
}

func newOutline(c *common) *outlineModel {
	o := &outlineModel{c: c, filter: newTextInput("Filter: ", "a word of a lesson's title or text", 64, c.st)}
	o.refreshStats()
	o.rebuild()
	return o
}

func (o *outlineModel) enter(navMsg) (tea.Cmd, bool) {
	o.refreshStats()
	o.rebuild()
	return o.resize(), true
}

func (o *outlineModel) leave() {}

func (o *outlineModel) courseChanged() tea.Cmd {
	o.refreshStats()
	o.rebuild()
	return o.resize()
}

// rebuild lays out the rows from the course, the progress and the filter, keeping the cursor
// on the same lesson when it can.
func (o *outlineModel) rebuild() {
	prevLesson := -1
	if o.cursor < len(o.rows) && o.rows[o.cursor].kind == rowLesson {
		prevLesson = o.rows[o.cursor].lesson
	}
	var rows []outlineRow
	if q := strings.TrimSpace(o.filter.Value()); q != "" {
		rows = o.matchingRows(q)
		prevLesson = -1 // the best match first
	} else {
		rows = o.courseRows()
	}
	keep := o.cursor < len(o.rows) && o.cursor < len(rows) && o.rows[o.cursor].kind == rows[o.cursor].kind
	o.rows = rows
	for i, r := range rows {
		if prevLesson >= 0 && r.kind == rowLesson && r.lesson == prevLesson {
			o.cursor, keep = i, true
			break
		}
	}
	if !keep || !rows[o.cursor].selectable() {
		o.cursor = o.nextSelectable(-1, 1)
	}
	o.scrollToCursor()
}

// matchingRows are the lessons that match the filter, best first (lessons.Course.Find): a
// lesson found by its text has the text around the match under it.
func (o *outlineModel) matchingRows(q string) []outlineRow {
	var rows []outlineRow
	for _, f := range o.c.course.Find(q) {
		rows = append(rows, outlineRow{kind: rowLesson, lesson: f.Lesson, matched: f.Title})
		if f.Excerpt != "" {
			rows = append(rows, outlineRow{kind: rowExcerpt, lesson: f.Lesson, section: f.Excerpt})
		}
	}
	if len(rows) == 0 {
		rows = append(rows, outlineRow{kind: rowNoMatch})
	}
	return rows
}

// courseRows are the whole outline: the course summary once it is complete, continue, and
// every lesson under its section.
func (o *outlineModel) courseRows() []outlineRow {
	var rows []outlineRow
	if o.c.summary().Done() {
		rows = append(rows, outlineRow{kind: rowComplete})
	}
	if len(o.c.course.Lessons) > 0 {
		i, _ := o.c.continueAt()
		rows = append(rows, outlineRow{kind: rowContinue, lesson: i})
	}
	if o.stats.due > 0 {
		rows = append(rows, outlineRow{kind: rowReview})
	}
	n := 0
	for _, s := range o.c.course.Sections() {
		rows = append(rows, outlineRow{kind: rowBlank})
		// A section of one lesson of the same name would say it twice.
		repeats := len(s.Lessons) == 1 && strings.EqualFold(strings.TrimSpace(s.Lessons[0].Title), strings.TrimSpace(s.Name))
		if s.Name != "" && !repeats {
			rows = append(rows, outlineRow{kind: rowSection, section: s.Name})
		}
		for range s.Lessons {
			rows = append(rows, outlineRow{kind: rowLesson, lesson: n})
			n++
		}
	}
	return rows
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

// headerLines are the lines above the list: the progress bar, or the filter input, and when
// there is room and something to say, the stats line under it (outlinestats.go).
func (o *outlineModel) headerLines() int {
	switch h := o.c.bodyHeight(); {
	case h < 8:
		return 1
	case h >= 12 && o.showStats():
		return 4
	}
	return 3
}

// showStats reports whether the header has a stats line to show.
func (o *outlineModel) showStats() bool {
	return !o.filtering && o.filter.Value() == "" && len(o.statsParts()) > 0
}

// listHeight is how many rows show. When they do not all fit, the last line of the body says
// how many lessons are hidden below (or above).
func (o *outlineModel) listHeight() int {
	h := max(o.c.bodyHeight()-o.headerLines(), 1)
	if len(o.rows) > h && h > 1 {
		return h - 1
	}
	return h
}

// scrollCue is the line under a list that does not fit: the lessons hidden below, else above.
func (o *outlineModel) scrollCue() string {
	below, above := 0, 0
	end := min(o.offset+o.listHeight(), len(o.rows))
	for i, r := range o.rows {
		if r.kind == rowLesson && i >= end {
			below++
		} else if r.kind == rowLesson && i < o.offset {
			above++
		}
	}
	k := o.c.keys
	switch {
	case below > 0:
		return fmt.Sprintf("%s %d more %s below", keyName(k.Down), below, plural(below, "lesson", "lessons"))
	case above > 0:
		return fmt.Sprintf("%s %d more %s above", keyName(k.Up), above, plural(above, "lesson", "lessons"))
	}
	return ""
}

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
		o.open(o.cursor)
		return nil
	case key.Matches(km, k.Continue, k.Review):
		o.jump(km)
		return nil
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

// jump goes where a shortcut leads: the lesson to continue, or a review session.
func (o *outlineModel) jump(km tea.KeyMsg) {
	if key.Matches(km, o.c.keys.Review) {
		o.c.goTo(startReviewMsg{})
		return
	}
	i, resume := o.c.continueAt()
	o.c.goTo(openLessonMsg{index: i, resume: resume})
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
		o.open(o.cursor)
		o.filter.SetValue("")
		o.rebuild()
		return nil
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
func (o *outlineModel) open(row int) {
	if row >= len(o.rows) {
		return
	}
	r := o.rows[row]
	switch r.kind {
	case rowComplete:
		o.c.goTo(showCompleteMsg{})
	case rowContinue:
		i, resume := o.c.continueAt()
		o.c.goTo(openLessonMsg{index: i, resume: resume})
	case rowReview:
		o.c.goTo(startReviewMsg{})
	case rowLesson:
		if o.c.locked(r.lesson) {
			o.c.setFlash("Locked: to open it, "+o.unlockHint(r.lesson)+".", true)
			return
		}
		lp := o.c.prog.Lesson(o.c.course.Lessons[r.lesson].ID)
		msg := openLessonMsg{index: r.lesson, resume: lp.Status() == progress.InProgress}
		if o.filter.Value() != "" && row+1 < len(o.rows) && o.rows[row+1].kind == rowExcerpt {
			msg.search = strings.TrimSpace(o.filter.Value()) // found in its text: show where
		}
		o.c.goTo(msg)
	}
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
		return statusInfo{left: fmt.Sprintf("Type a word of a lesson's title or text, then %s to open", keyName(o.c.keys.Accept)),
			right: fmt.Sprintf("%d of %d", n, len(o.c.course.Lessons))}
	}
	i := o.selectedLesson()
	if i < 0 {
		if o.cursor < len(o.rows) && o.rows[o.cursor].kind == rowComplete {
			return statusInfo{left: "See your best score in every lesson", tone: toneGood}
		}
		if o.cursor < len(o.rows) && o.rows[o.cursor].kind == rowReview {
			return o.reviewRowStatus()
		}
		return statusInfo{}
	}
	l := o.c.course.Lessons[i]
	if o.c.locked(i) {
		prev := o.c.course.Lessons[i-1]
		until := fmt.Sprintf("Locked: pass the quiz of “%s” first", prev.Title)
		if len(prev.Quiz) == 0 {
			until = fmt.Sprintf("Locked: read “%s” first", prev.Title)
		}
		return statusInfo{left: until, tone: toneWarn}
	}
	q := len(l.Quiz)
	right := fmt.Sprintf("%d min · %d %s", l.Minutes, q, plural(q, "question", "questions"))
	if s := spentText(o.c.prog.Lesson(l.ID).TimeSpent); s != "" {
		right += " · " + s + " spent"
	}
	return statusInfo{left: fmt.Sprintf("%d. %s", i+1, l.Title), right: right}
}

func (o *outlineModel) help() help.KeyMap {
	k := o.c.keys
	if o.filtering {
		return keyHelp{
			short: []key.Binding{hint("choose", k.PrevItem, k.NextItem), hint("open", k.Accept), k.Cancel},
			full:  [][]key.Binding{{k.PrevItem, k.NextItem}, {hint("open", k.Accept), k.Cancel}},
		}
	}
	back := hint("quit", k.Back)
	short, rank := []key.Binding{hint("move", k.Up, k.Down), k.Filter, k.Continue, k.Open, back, k.Help}, []int{rankMinor, rankUseful, rankUseful, rankMain, rankLeave, rankUseful}
	actions := []key.Binding{k.Open, k.Continue, k.Filter, hint("clear filter", k.Cancel)}
	if o.stats.due > 0 { // r says when nothing is due, but is worth listing only when something is
		short, rank = append([]key.Binding{k.Review}, short...), append([]int{rankUseful}, rank...)
		actions = append(actions, k.Review)
	}
	return keyHelp{
		short: short,
		rank:  rank,
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			actions,
			{back, k.Quit, hint("close help", k.Help)},
		},
	}
}
