package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/safetext"
)

// Model is the root Bubble Tea model: a router. It keeps the screens behind the screen
// interface, forwards each message to the screen on show, switches screens on a navigation
// request (one path: navigate), and draws the chrome around the screen's body. It never
// reaches into a screen.
type Model struct {
	c        *common
	screens  [numScreens]screen
	state    screenID // the screen on show
	footer   footer
	showHelp bool
	help     []string // the help screen's lines, laid out when it opens or the size changes
	helpView scroller
	ready    bool // a window size arrived: lay out from now on
}

func (m *Model) active() screen { return m.screens[m.state] }

// Update routes a message: window sizes, global keys, save results and course updates here;
// the rest to the screen on show. A navigation a screen asked for is made before Update
// returns.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		m.ready = true
		c.layoutNotice()
		cmd = m.active().resize()
		m.layoutHelp()
	case tea.KeyMsg:
		c.flash = ""
		m.countTime() // once per message: the keys of a burst arrived at one instant
		cmd = m.keyBurst(msg)
	case tea.MouseMsg:
		m.countTime()
		cmd = m.active().update(msg)
	case saveResultMsg:
		c.warning = ""
		if msg.err != nil {
			c.warning = saveWarning(msg.err)
		}
		return m, listenSaves(c.prog)
	case courseUpdateMsg:
		cmd = tea.Batch(m.applyUpdate(CourseUpdate(msg)), m.listenUpdates())
	case navMsg:
		c.goTo(msg)
	case renderedMsg:
		c.render.done(msg)
		cmd = m.active().update(msg)
	default:
		cmd = m.active().update(msg)
	}
	return m, tea.Batch(cmd, m.settle())
}

// settle makes the screen change a screen asked for with goTo, if any. Entering a screen may
// ask for another one (a lesson gone from a reloaded course): a few rounds are allowed.
func (m *Model) settle() tea.Cmd {
	var cmds []tea.Cmd
	for range 4 {
		next := m.c.nav
		if next == nil {
			break
		}
		m.c.nav = nil
		cmds = append(cmds, m.navigate(next))
	}
	return tea.Batch(cmds...)
}

// navigate shows the screen a navigation message is addressed to: the screen on show is left,
// the target entered with the message. A target that declines leaves things as they were.
func (m *Model) navigate(msg navMsg) tea.Cmd {
	to := msg.target()
	m.active().leave()
	notices := m.c.notices
	m.c.notices = nil // the notice stays on the screen it was shown on: the new one lays out without it
	m.c.layoutNotice()
	cmd, shown := m.screens[to].enter(msg)
	if shown {
		m.state = to
		m.showHelp = false
	} else if len(notices) > 0 {
		m.c.notices = notices
		m.c.layoutNotice()
		cmd = tea.Batch(cmd, m.active().resize())
	}
	return cmd
}

// keyBurst handles a key message that may hold several keys. Bubble Tea puts the printable
// characters it reads at once into one message ("jjjjj"): a held key, keys typed while a save
// or a garbage collection held the program, or sent together over SSH. Outside a text field
// each acts as a separate press, with any screen change it asks for made before the next; only
// a paste (bracketed) is taken as text, and so is the rest of a burst once a text field has
// the keys.
func (m *Model) keyBurst(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return m.key(msg)
	}
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		if m.active().typing() && !m.showHelp {
			rest := msg
			rest.Runes = msg.Runes[i:]
			return tea.Batch(append(cmds, m.key(rest))...)
		}
		one := msg
		one.Runes = []rune{r}
		cmds = append(cmds, m.key(one), m.settle())
	}
	return tea.Batch(cmds...)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys
	if key.Matches(msg, k.Quit) {
		m.active().leave()
		return tea.Quit
	}
	if m.tooSmall() {
		return nil // the learner cannot see what a key would do: an answer would be given blind
	}
	if m.showHelp {
		if key.Matches(msg, k.Help) || key.Matches(msg, k.Back) {
			m.showHelp = false
		} else {
			m.helpView.key(msg, k)
		}
		return nil
	}
	if cmd, ok := m.noticeKey(msg); ok {
		return cmd
	}
	if key.Matches(msg, k.Help) && !m.active().typing() {
		m.showHelp = true
		m.helpView.offset = 0
		m.layoutHelp()
		return nil
	}
	return m.active().update(msg)
}

// tooSmall reports whether the terminal is smaller than the interface draws in.
func (m *Model) tooSmall() bool { return m.c.width < minWidth || m.c.height < minHeight }

// layoutHelp lays out the help screen of the screen on show, when it is open.
func (m *Model) layoutHelp() {
	if !m.showHelp {
		return
	}
	m.help = m.footer.full(m.c, m.active().help().FullHelp())
	m.helpView.resize(len(m.help), m.c.bodyHeight())
}

// helpStatus is the status line under the help screen: what closes it, and whether more of
// it is below.
func (m *Model) helpStatus() statusInfo {
	k := m.c.keys
	info := statusInfo{left: fmt.Sprintf("Keys: %s or %s closes", keyName(k.Help), keyName(k.Back)), tone: toneInfo}
	if !m.helpView.atBottom() {
		info.right = fmt.Sprintf("%s more", keyName(k.Down))
	}
	return info
}

// applyUpdate switches to a new version of the course; the screen on show keeps its place. A
// version with problems is not used: its problems are shown instead.
func (m *Model) applyUpdate(u CourseUpdate) tea.Cmd {
	c := m.c
	c.flash = "" // an earlier "reloaded" no longer holds
	switch {
	case u.Err != nil:
		c.problems = []string{"cannot reload the course: " + u.Err.Error()}
	case len(u.Problems) > 0:
		c.problems = u.Problems
	case u.Course == nil:
		return nil
	case u.Course.ID != c.course.ID:
		c.problems = []string{fmt.Sprintf("the course id changed from %q to %q: restart aieng to use the new id", c.course.ID, u.Course.ID)}
	default:
		c.problems = nil
		c.setCourse(u.Course)
		c.setFlash("Reloaded the course after a change to its files.", false)
		return m.active().courseChanged()
	}
	c.layoutNotice()
	return m.active().resize() // the problems panel takes room from the body
}

// View draws the title bar, the active screen and the footer. It only lays out text that
// Update prepared: no rendering, no I/O. What it returns holds no escape sequence but SGR
// styling (safetext.Styled) and, where the terminal takes them, the reader's own OSC 8 links
// (safetext.StyledLinks: only those marked as aieng's): the course's text was neutralised when
// it was loaded and each lesson when it was rendered, and this last pass, a few microseconds a
// frame, keeps whatever else slipped through from reaching the terminal.
func (m *Model) View() string {
	if m.c.opts.Look.Hyperlinks {
		return safetext.StyledLinks(m.view())
	}
	return safetext.Styled(m.view())
}

func (m *Model) view() string {
	c := m.c
	if !m.ready {
		return ""
	}
	if m.tooSmall() {
		return tooSmall(c.width, c.height)
	}
	s := m.active()
	body, status := s.view(), s.status()
	if m.showHelp {
		body, status = m.helpView.view(m.help, 0, c.bodyWidth(), nil), m.helpStatus()
	}
	crumbs, right := s.crumbs()
	mark := ""
	if c.opts.Updates != nil {
		mark = "[watching]" // --watch: saved edits show at once
	}
	var b strings.Builder
	b.WriteString(titleBar(c.st, c.width, mark, c.course.Title, crumbs, right))
	b.WriteByte('\n')
	if len(c.problems) > 0 {
		b.WriteString(problemsPanel(c))
		b.WriteByte('\n')
	}
	if len(c.noticeLines) > 0 {
		b.WriteString(noticePanel(c))
		b.WriteByte('\n')
	}
	b.WriteString(block(body, c.width, c.bodyHeight()))
	b.WriteByte('\n')
	b.WriteString(statusLine(c, status))
	b.WriteByte('\n')
	b.WriteString(m.footer.short(s.help(), c.width))
	return b.String()
}
