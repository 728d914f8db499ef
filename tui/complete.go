package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/progress"
)

// completeModel is the summary shown once every lesson is complete: each lesson's best score.
type completeModel struct {
	c      *common
	lines  []string
	scroll scroller
}

func newComplete(c *common) *completeModel { return &completeModel{c: c} }

func (m *completeModel) enter(navMsg) (tea.Cmd, bool) { return m.resize(), true }
func (m *completeModel) leave()                       {}
func (m *completeModel) courseChanged() tea.Cmd       { return m.resize() }
func (m *completeModel) typing() bool                 { return false }

func (m *completeModel) resize() tea.Cmd {
	m.compose()
	return nil
}

func (m *completeModel) compose() {
	c, st := m.c, m.c.st
	w := max(c.readWidth()-4, 10)
	n, sum, words := len(c.course.Lessons), c.summary(), c.doneWords()
	lines := []string{"", "  " + st.CallToAction.Render(clip("★ Course complete: "+c.course.Title, w)), ""}
	intro := fmt.Sprintf("You %s all %d lessons. Your best score in each:", words.verb, n)
	if !sum.Done() {
		intro = fmt.Sprintf("You %s %d of %d lessons. Your best score in each:", words.verb, sum.Complete, n)
	}
	for _, l := range strings.Split(render.Wrap(intro, w), "\n") {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, "")
	lines = append(lines, m.scoreLines(w)...)
	if sum.Quizzes > 0 {
		avg := fmt.Sprintf("Average of your best scores: %d%%", progress.WholePercent(sum.AverageBest()))
		lines = append(lines, "", "  "+st.Heading.Render(clip(avg, w)))
	}
	lines = append(lines, "", "  "+st.Subtle.Render(clip("Any lesson can be read again and its quiz retaken from the outline.", w)))
	m.lines = lines
	m.scroll.resize(len(lines), c.bodyHeight())
}

// scoreLines list every lesson, marked ✓ when complete, with its best score ("-" for a lesson
// without a quiz).
func (m *completeModel) scoreLines(w int) []string {
	c, st := m.c, m.c.st
	numW := len(fmt.Sprint(len(c.course.Lessons)))
	const scoreW = 6
	titleW := max(w-numW-2-scoreW-2, 4)
	var lines []string
	for i, l := range c.course.Lessons {
		mark, style := "✓", st.Passed
		if !c.standing(i).Complete {
			mark, style = "·", st.Subtle
		}
		score := fmt.Sprintf("%*s", scoreW, "-")
		if len(l.Quiz) > 0 {
			score = fmt.Sprintf("%*d%%", scoreW-1, progress.WholePercent(c.prog.Lesson(l.ID).Best))
		}
		lines = append(lines, "  "+style.Render(mark)+" "+st.Subtle.Render(fmt.Sprintf("%*d.", numW, i+1))+" "+
			fit(l.Title, titleW)+style.Render(score))
	}
	return lines
}

func (m *completeModel) update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := m.c.keys
	switch {
	case key.Matches(km, k.Back), key.Matches(km, k.Done):
		m.c.goTo(showOutlineMsg{})
	case key.Matches(km, k.Up):
		m.scroll.by(-1)
	case key.Matches(km, k.Down):
		m.scroll.by(1)
	}
	return nil
}

func (m *completeModel) crumbs() ([]string, string) { return []string{"Course complete"}, "" }

func (m *completeModel) status() statusInfo {
	sum := m.c.summary()
	return statusInfo{"Well done!", fmt.Sprintf("%d/%d %s", sum.Complete, sum.Lessons, m.c.doneWords().adjective), toneGood}
}

func (m *completeModel) help() help.KeyMap {
	k := m.c.keys
	b := []key.Binding{hint("outline", k.Done, k.Back), hint("scroll", k.Down, k.Up), k.Quit, k.Help}
	return keyHelp{short: b, full: [][]key.Binding{b}}
}

func (m *completeModel) view() string {
	return m.scroll.view(m.lines, m.c.leftPad(), m.c.bodyWidth(), nil)
}
