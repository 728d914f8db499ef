package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/progress"
)

// This file draws the outline: the progress line or the filter, then the rows.

func (o *outlineModel) view() string {
	c, st := o.c, o.c.st
	// The list keeps to the reading width, centred, so its columns stay close together.
	w, h := c.readWidth(), c.bodyHeight()
	pad := strings.Repeat(" ", c.leftPad())
	var b strings.Builder
	b.WriteString(pad)
	if o.filtering || o.filter.Value() != "" {
		line := "  " + o.filter.View()
		if !o.filtering {
			line = "  " + st.Heading.Render("Filter: ") + o.filter.Value() + st.Subtle.Render(fmt.Sprintf("  (%s clears)", keyName(o.c.keys.Cancel)))
		}
		b.WriteString(clip(line, w))
	} else {
		b.WriteString(o.progressLine(w))
	}
	switch o.headerLines() {
	case 4:
		b.WriteString("\n" + pad + o.statsLine(w) + "\n\n")
	case 3:
		b.WriteString("\n\n")
	default:
		b.WriteString("\n")
	}
	lh := o.listHeight()
	end := min(o.offset+lh, len(o.rows))
	for i := o.offset; i < end; i++ {
		b.WriteString(pad)
		b.WriteString(o.rowView(o.rows[i], i == o.cursor, w))
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	if cue := o.scrollCue(); cue != "" && lh < h-o.headerLines() {
		b.WriteString(strings.Repeat("\n", max(lh-(end-o.offset), 0)+1))
		b.WriteString(pad + clip("  "+st.Subtle.Render(cue), w))
	}
	return b.String()
}

func (o *outlineModel) progressLine(w int) string {
	c, st := o.c, o.c.st
	sum := c.summary()
	label := fmt.Sprintf("%d of %d %s", sum.Complete, sum.Lessons, c.doneWords().adjective)
	frac := sum.PercentComplete() / 100
	if o.headerLines() < 4 {
		label += o.dueNote() // no stats line: the questions due at least
	}
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
func renderRow(st *styleSheet, segs []seg, selected bool, w int) string {
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
	c, st := o.c, o.c.st
	cur := seg{"  ", st.Cursor}
	if selected {
		cur.s = "› "
	}
	switch r.kind {
	case rowBlank:
		return ""
	case rowNoMatch:
		return clip("  "+st.Subtle.Render(fmt.Sprintf("No lesson matches “%s”.", o.filter.Value())), w)
	case rowExcerpt:
		return clip("        "+st.Subtle.Render("“"+r.section+"”"), w)
	case rowSection:
		return clip("  "+st.Section.Render(r.section), w)
	case rowReview:
		return o.reviewRow(cur, selected, w)
	case rowComplete:
		return renderRow(st, []seg{cur, {"★ ", st.Passed}, {clip("Course complete: see your scores", w-4), st.Heading}}, selected, w)
	case rowContinue:
		l := c.course.Lessons[r.lesson]
		_, resume := c.continueAt()
		label, extra := "Start the course: ", ""
		switch {
		case resume:
			label = "Continue: "
			lp := c.prog.Lesson(l.ID)
			if lp.Position > 0 && !lp.Read {
				extra = fmt.Sprintf("  %d%% read", progress.WholePercent(lp.Position*100))
			}
		case c.prog.Progress().HasProgress(""):
			label = "Next: "
		}
		title := clip(l.Title, max(w-4-ansi.StringWidth(label)-ansi.StringWidth(extra), 1))
		return renderRow(st, []seg{cur, {"▶ ", st.Cursor}, {label, st.Heading}, {title, st.Prompt}, {extra, st.Subtle}}, selected, w)
	}
	return o.lessonRow(r, cur, selected, w)
}

func (o *outlineModel) lessonRow(r outlineRow, cur seg, selected bool, w int) string {
	c, st := o.c, o.c.st
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
	labs := c.labsCell(r.lesson)
	if labs.s != "" {
		avail -= ansi.StringWidth(labs.s)
	}
	segs = append(segs, titleSegs(l.Title, r.matched, max(avail, 1), titleStyle, st.Match.Inherit(titleStyle))...)
	if labs.s != "" {
		segs = append(segs, labs)
	}
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

// statusCell returns a lesson's symbol, its style and its status text for the outline. A quiz
// left half-way shows how far it got ("quiz 2/7") in place of the best score, so that the
// learner sees there is a quiz to finish.
func statusCell(st *styleSheet, s progress.Standing, lp progress.LessonProgress) (string, lipgloss.Style, string) {
	detail := ""
	switch {
	case s.Open.Started():
		detail = fmt.Sprintf("quiz %d/%d", s.Open.Answered, s.Open.Questions)
	case len(lp.Attempts) > 0:
		detail = fmt.Sprintf("best %d%%", progress.WholePercent(lp.Best))
	}
	switch {
	case s.Status == progress.Passed:
		return "✓", st.Passed, fmt.Sprintf("passed %d%%", progress.WholePercent(lp.Best))
	case s.Complete:
		return "✓", st.Passed, s.String()
	case s.Status == progress.Read:
		if detail != "" {
			return "●", st.Read, "read · " + detail
		}
		return "●", st.Read, "read"
	case s.Status == progress.InProgress:
		if detail != "" {
			return "◐", st.InProgress, detail
		}
		return "◐", st.InProgress, "in progress"
	}
	return "○", st.NotStarted, ""
}
