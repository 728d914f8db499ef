package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/lab"
	"github.com/aieng/aieng/internal/lab/command"
	"github.com/aieng/aieng/internal/lab/view"
	"github.com/aieng/aieng/lessons"
)

// labModel shows one lab of a lesson on a screen of its own: a built-in experiment (a
// lab.Session, whose knobs the keys move) or an instructor's command lab (labcommand.go). The
// lab opens off the event loop (its models train, or its workspace is copied); the first time
// its goal is met the lab is recorded as passed in progress; q goes back to the lesson, at the
// place the learner left it.
type labModel struct {
	c      *common
	styles *view.Styles

	index      int // the lesson, in the course
	lesson     *lessons.Lesson
	lab        *lessons.Lab
	fromReader bool // opened from the reader, which still shows the lesson
	gen        int  // counts openings: a late message from an earlier one is dropped

	sess *lab.Session // a built-in lab, once open
	cmd  *commandLab  // a command lab, once open
	err  error        // the lab could not open
	body string       // the view at the current size, drawn in update

	justPassed bool // the goal was met in this visit for the first time

	// sessions keeps each built-in lab opened in this run, so that going back to one finds the
	// knobs where the learner left them.
	sessions map[*lessons.Lab]*lab.Session
	// allowed holds the command labs (course/lab) whose check the learner agreed to run in this
	// run of aieng: the question is asked once.
	allowed map[string]bool
}

func newLab(c *common) *labModel {
	return &labModel{c: c, styles: view.NewStyles(c.opts.Look.Renderer(), !c.opts.Look.NoColor),
		sessions: map[*lessons.Lab]*lab.Session{}, allowed: map[string]bool{}}
}

// labOpenedMsg carries a lab opened off the event loop.
type labOpenedMsg struct {
	gen    int
	sess   *lab.Session
	cmdLab *command.Lab
	err    error
}

// labReadyMsg says a built-in lab's work in the background has ended (Session.Ready).
type labReadyMsg struct{ gen int }

// enter opens the lab an openLabMsg names, unless the lesson has no such lab or is locked.
func (m *labModel) enter(msg navMsg) (tea.Cmd, bool) {
	open, ok := msg.(openLabMsg)
	if !ok || open.index < 0 || open.index >= len(m.c.course.Lessons) {
		return nil, false
	}
	l := m.c.course.Lessons[open.index]
	lb := l.Lab(open.lab)
	switch {
	case lb == nil:
		m.c.setFlash(fmt.Sprintf("The lesson %q has no lab %q.", l.ID, open.lab), true)
		return nil, false
	case m.c.locked(open.index):
		m.c.setFlash("That lesson is locked until you finish the one before it.", true)
		return nil, false
	}
	m.index, m.lesson, m.lab, m.fromReader = open.index, l, lb, open.fromReader
	m.gen++
	m.sess, m.cmd, m.err, m.body, m.justPassed = nil, nil, nil, "", false
	if s := m.sessions[lb]; s != nil {
		m.sess = s
		m.redraw()
		return m.awaitReady(), true
	}
	return m.open(), true
}

// open opens the lab in a command: training a built-in lab's models, or copying a command
// lab's starter files, must not hold up the event loop.
func (m *labModel) open() tea.Cmd {
	gen, spec := m.gen, m.lab.Spec
	files, base, courseID := m.c.course.Files, m.c.opts.LabBase, m.c.course.ID
	if base == "" {
		base = command.DefaultBase()
	}
	return func() tea.Msg {
		if lab.OpensSession(spec.Kind) {
			s, err := lab.Open(spec)
			return labOpenedMsg{gen: gen, sess: s, err: err}
		}
		cl, err := lab.OpenCommand(spec, files, lessons.LessonDir, base, courseID)
		return labOpenedMsg{gen: gen, cmdLab: cl, err: err}
	}
}

// awaitReady waits, off the event loop, for the session's work in the background to end, so
// that the screen shows at once if it failed; nil when there is none left.
func (m *labModel) awaitReady() tea.Cmd {
	gen, ready := m.gen, m.sess.Ready()
	select {
	case <-ready:
		return nil
	default:
	}
	return func() tea.Msg {
		<-ready
		return labReadyMsg{gen: gen}
	}
}

// leave stops a command lab's watching and any check it runs.
func (m *labModel) leave() {
	if m.cmd != nil {
		m.cmd.stop()
	}
}

// courseChanged keeps the lab open while the course still has it (its knobs stay where they
// are); when it is gone, the outline is shown.
func (m *labModel) courseChanged() tea.Cmd {
	i := m.c.course.Index(m.lesson.ID)
	if i < 0 || m.c.course.Lessons[i].Lab(m.lab.ID) == nil {
		m.c.setFlash(fmt.Sprintf("The lab %q is gone from the course.", m.lab.ID), true)
		m.c.goTo(showOutlineMsg{})
		return nil
	}
	m.index, m.lesson = i, m.c.course.Lessons[i]
	return m.resize()
}

func (m *labModel) resize() tea.Cmd {
	m.redraw()
	return nil
}

func (m *labModel) typing() bool { return false }

func (m *labModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case labOpenedMsg:
		return m.opened(msg)
	case labReadyMsg:
		if msg.gen == m.gen {
			m.redraw()
		}
	case tea.KeyMsg:
		if key.Matches(msg, m.c.keys.Back) && (m.cmd == nil || !m.cmd.showSolution) {
			m.back()
			return nil
		}
		if m.sess != nil && m.sess.HandleKey(msg.String()) {
			m.checkGoal()
			m.redraw()
		}
		if m.cmd != nil {
			return m.cmd.key(msg)
		}
	default:
		if m.cmd != nil {
			return m.cmd.update(msg)
		}
	}
	return nil
}

// opened takes a lab opened off the event loop, unless the learner has gone elsewhere since.
func (m *labModel) opened(msg labOpenedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.err = msg.err
	var cmd tea.Cmd
	switch {
	case msg.sess != nil:
		m.sess = msg.sess
		m.sessions[m.lab] = msg.sess
		m.checkGoal()
		cmd = m.awaitReady()
	case msg.cmdLab != nil:
		if _, passed := m.c.prog.Progress().LabPassed(m.lesson.ID, m.lab.ID); passed {
			msg.cmdLab.MarkPassed() // the solution shows from the start
		}
		m.cmd = newCommandLab(m, msg.cmdLab)
		cmd = m.cmd.begin()
	}
	m.redraw()
	return cmd
}

// back goes to the lesson: the reader still shows it when the lab was opened from there.
func (m *labModel) back() {
	if m.fromReader {
		m.c.goTo(backToLessonMsg{})
		return
	}
	m.c.goTo(openLessonMsg{index: m.index, resume: true})
}

// checkGoal records the lab as passed the first time its goal is met.
func (m *labModel) checkGoal() {
	if m.sess != nil && m.sess.GoalMet() {
		m.passed(m.sess.Values())
	}
}

// passed records a pass with the values measured, unless the lab was passed before.
func (m *labModel) passed(values map[string]float64) {
	if _, done := m.c.prog.Progress().LabPassed(m.lesson.ID, m.lab.ID); done {
		return
	}
	m.c.prog.PassLab(m.lesson.ID, m.lab.ID, values)
	m.justPassed = true
}

// redraw draws the lab at the screen's size, so that view only returns it.
func (m *labModel) redraw() {
	c := m.c
	w, h := c.readWidth(), c.bodyHeight()
	var text string
	switch {
	case m.err != nil:
		text = m.failure("This lab could not open:", m.err, w)
	case m.sess != nil && m.sess.Err() != nil:
		text = m.failure("Part of this lab failed, so its measurements cannot be trusted:", m.sess.Err(), w)
	case m.sess != nil:
		text = labMargin(m.sess.View(w-len(labIndent), h, m.styles))
	case m.cmd != nil:
		text = labMargin(m.cmd.view(w-len(labIndent), h))
	default:
		text = "\n  " + c.st.Subtle.Render("Opening the lab…")
	}
	pad := strings.Repeat(" ", c.leftPad())
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = pad + lines[i]
	}
	m.body = strings.Join(lines, "\n")
}

func (m *labModel) view() string { return m.body }

// failure is the lab's body when it failed: what failed, then why, wrapped to w.
func (m *labModel) failure(what string, err error, w int) string {
	return "\n  " + m.c.st.Wrong.Render(what) + "\n" + strings.Join(wrapLines(err.Error(), max(w-4, 10), 2), "\n")
}

// labIndent is the lab's left margin, the reader's, so a lab does not start at the screen's edge
// while the lesson it comes from is indented.
const labIndent = "  "

// labMargin indents every line of a lab drawn labIndent narrower than the column.
func labMargin(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = labIndent + l
		}
	}
	return strings.Join(lines, "\n")
}

func (m *labModel) crumbs() ([]string, string) {
	right := ""
	if _, passed := m.c.prog.Progress().LabPassed(m.lesson.ID, m.lab.ID); passed {
		right = "lab passed ✓"
	}
	return []string{m.lesson.Title, "Lab: " + m.lab.Title}, right
}

func (m *labModel) status() statusInfo {
	pass, passed := m.c.prog.Progress().LabPassed(m.lesson.ID, m.lab.ID)
	switch {
	case m.err != nil:
		return statusInfo{left: "The lab could not open.", tone: toneBad}
	case m.cmd != nil:
		return m.cmd.status(passed)
	case m.sess == nil:
		return statusInfo{left: "Opening the lab…"}
	case m.sess.Err() != nil:
		return statusInfo{left: fmt.Sprintf("The lab failed; its goal is not checked. %s goes back to the lesson.", keyName(m.c.keys.Back)), tone: toneBad}
	case m.justPassed && m.sess.GoalMet():
		return statusInfo{left: "Goal met: lab passed, and saved to your progress.", tone: toneGood}
	case m.sess.GoalMet():
		return statusInfo{left: "Goal met.", tone: toneGood}
	case passed:
		return statusInfo{left: fmt.Sprintf("You passed this lab on %s. Try other settings, or %s to go back.",
			pass.PassedAt.Local().Format("2 Jan"), keyName(m.c.keys.Back))}
	}
	return statusInfo{left: "Move the knobs until every part of the goal holds.", tone: toneAction}
}

func (m *labModel) help() help.KeyMap {
	k := m.c.keys
	back := hint("lesson", k.Back)
	if m.cmd != nil {
		return m.cmd.help(back)
	}
	var keys, short []key.Binding
	if m.sess != nil {
		for _, lk := range m.sess.KeyHelp() {
			// Display only: the session matches the keys itself (HandleKey).
			keys = append(keys, key.NewBinding(key.WithKeys(lk.Keys), key.WithHelp(lk.Keys, lk.Help)))
		}
	}
	// The footer leaves out keys from the front when it is narrow: the session lists its keys
	// most important first, so the short help takes them in reverse.
	for i := len(keys) - 1; i >= 0; i-- {
		short = append(short, keys[i])
	}
	short = append(short, back, k.Help)
	return keyHelp{short: short, full: [][]key.Binding{keys, {back, k.Quit, hint("close help", k.Help)}}}
}
