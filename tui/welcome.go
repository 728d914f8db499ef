package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// welcomeModel is the first-start screen: what the course is about (its description) and, in
// a few lines, how it works. It is shown once: the learner's progress remembers it was seen,
// and later starts go straight to the outline.
type welcomeModel struct {
	c      *common
	lines  []string
	scroll scroller
}

func newWelcome(c *common) *welcomeModel { return &welcomeModel{c: c} }

func (m *welcomeModel) enter(navMsg) (tea.Cmd, bool) { return m.resize(), true }

// leave remembers that the learner has seen the welcome, however they leave it.
func (m *welcomeModel) leave()                 { m.c.prog.MarkWelcomed() }
func (m *welcomeModel) courseChanged() tea.Cmd { return m.resize() }
func (m *welcomeModel) typing() bool           { return false }

func (m *welcomeModel) resize() tea.Cmd {
	m.compose()
	return nil
}

func (m *welcomeModel) compose() {
	c, st := m.c, m.c.st
	w := max(c.readWidth()-4, 10)
	lines := []string{"", "  " + st.CallToAction.Render(clip("Welcome to "+c.course.Title, w)), ""}
	if c.noticeHeight() > 0 {
		// The notice above ends with its own blank line, or, short of room, leaves a line
		// or two of body, better spent on the title than on a blank one.
		lines = lines[1:]
	}
	if c.course.Description != "" {
		lines = append(lines, wrapLines(c.course.Description, w, 2)...)
		lines = append(lines, "")
	}
	lines = append(lines, "  "+st.Heading.Render("How it works"))
	for _, s := range m.howItWorks() {
		for i, l := range wrapLines(s, w-2, 4) {
			if i == 0 {
				l = "  • " + l[4:]
			}
			lines = append(lines, l)
		}
	}
	mins := 0
	for _, l := range c.course.Lessons {
		mins += l.Minutes
	}
	n := len(c.course.Lessons)
	lines = append(lines, "")
	lines = append(lines, wrapLines(st.Subtle.Render(fmt.Sprintf("%d %s · about %d minutes · %d questions",
		n, plural(n, "lesson", "lessons"), mins, c.course.QuestionCount())), w, 2)...)
	// The way on is the status line's ("Press enter to see the lessons"), in sight at every size.
	m.lines = lines
	m.scroll.resize(len(lines), c.bodyHeight())
}

// howItWorks says how the course works, in a few sentences: the pass mark, retakes, that
// progress is saved as one goes, and a sequential course's order.
func (m *welcomeModel) howItWorks() []string {
	c := m.c.course
	example, inPoints := 0, false
	for _, l := range c.Lessons {
		inPoints = inPoints || lessons.ScoredInPoints(l.Quiz)
		if len(l.Quiz) > 0 && example == 0 {
			example = len(l.Quiz)
			if l.Draw > 0 && l.Draw < example {
				example = l.Draw
			}
		}
	}
	out := []string{
		passSentence(c.PassMark, example, inPoints) + " Retake a quiz as often as you like: your best full attempt counts.",
		"Your progress is saved as you go, in the middle of a quiz too: quit at any time and carry on later.",
	}
	if c.Sequential {
		out = append(out, "The lessons open in order: finish one to open the next.")
	}
	return out
}

// passSentence says the pass rule for the welcome: in answers right, or in points when a
// quiz earns part of a point, with the first quiz of example questions as an example.
func passSentence(passMark, example int, inPoints bool) string {
	if !inPoints {
		s := fmt.Sprintf("Read each lesson, then take its quiz: you pass with %d%% of the answers right", passMark)
		if example > 0 {
			s += fmt.Sprintf(" (%d of %d)", lessons.NeededToPass(example, passMark), example)
		}
		return s + "."
	}
	s := fmt.Sprintf("Read each lesson, then take its quiz: you pass with %d%% of the points", passMark)
	if example > 0 {
		s += fmt.Sprintf(" (%s of %d)", points(lessons.PointsToPass(example, passMark)), example)
	}
	return s + ". A question is worth one point; a multiple-select one earns part of it for each right tick, less each wrong one."
}

func (m *welcomeModel) update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := m.c.keys
	switch {
	case key.Matches(km, k.Done):
		m.c.goTo(showOutlineMsg{})
	case key.Matches(km, k.Back):
		m.leave()
		return tea.Quit
	default:
		m.scroll.key(km, k)
	}
	return nil
}

func (m *welcomeModel) crumbs() ([]string, string) { return []string{"Welcome"}, "" }

func (m *welcomeModel) status() statusInfo {
	info := statusInfo{left: fmt.Sprintf("Press %s to see the lessons", keyName(m.c.keys.Done)), tone: toneAction}
	if !m.scroll.atBottom() {
		info.right = keyName(m.c.keys.Down) + " more below"
	}
	return info
}

func (m *welcomeModel) help() help.KeyMap {
	k := m.c.keys
	short := []key.Binding{hint("scroll", k.Down, k.Up), hint("see the lessons", k.Done), hint("quit", k.Back), k.Help}
	return keyHelp{short: short, full: [][]key.Binding{short, {k.Quit}}, rank: []int{rankMinor, rankMain, rankLeave, rankUseful}}
}

func (m *welcomeModel) view() string {
	return m.scroll.view(m.lines, m.c.leftPad(), m.c.bodyWidth(), nil)
}
