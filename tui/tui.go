// Package tui is the learner's interface: the course outline, the lesson reader and the quizzes,
// built with Bubble Tea. It knows screens and keys and calls the lessons package (what to show)
// and the progress store (what the learner did); cmd/aieng only wires them.
//
// One root Model routes messages to one small model per screen (outline, reader, quiz, course
// complete). The screens share a context (common) holding the course, the terminal size, one
// Styles, one KeyMap, the learner's progress and the rendering cache. Nothing slow happens on
// the event loop: lessons are rendered by Glamour in commands and cached, and progress is saved
// by a goroutine of its own.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// Options configures the interface. The zero value works: a colour interface (with whatever
// profile Lip Gloss has), plain Glamour output, a seed from the clock.
type Options struct {
	// Style and Profile are passed to Glamour for lessons: decide them once, before the program
	// starts (render.NoTTY and termenv.Ascii for NO_COLOR).
	Style   render.Style
	Profile termenv.Profile
	// NoColor draws the interface without colour (NO_COLOR): reverse video and bold only.
	NoColor bool
	// Renderer draws the interface; nil means Lip Gloss's default renderer. Set its colour
	// profile and background explicitly, so that nothing queries the terminal while running.
	Renderer *lipgloss.Renderer
	// Mouse scrolls lessons with the wheel (and takes the terminal's text selection away).
	Mouse bool
	// Seed shuffles the choices of quiz questions; 0 seeds from the clock. Tests fix it.
	Seed uint64
	// Now is the clock for progress; nil means time.Now.
	Now func() time.Time
	// Warnings are shown in the status line at start (for example the progress store's).
	Warnings []string
	// Cache holds rendered lessons; nil makes one.
	Cache *render.Cache
	// PositionDelay is how long scrolling must pause before the reading position is written
	// (it is also written when the learner leaves the lesson or quits); 0 means 500ms.
	PositionDelay time.Duration
	// Updates delivers new versions of the course while it runs (--watch); nil means none.
	Updates <-chan CourseUpdate
	// Input and Output are the terminal, for Run; nil means stdin and stdout.
	Input  io.Reader
	Output io.Writer
}

// CourseUpdate is a new version of the course, loaded after its files changed. When Err is set
// or Problems is not empty, the version is not used: the problems are shown and the last good
// version stays.
type CourseUpdate struct {
	Course   *lessons.Course
	Problems []string // path:line:col: message
	Err      error
}

type courseUpdateMsg CourseUpdate

// listenUpdates waits for the next course update.
func (m *Model) listenUpdates() tea.Cmd {
	ch := m.c.opts.Updates
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		u, ok := <-ch
		if !ok {
			return nil
		}
		return courseUpdateMsg(u)
	}
}

// Model is the root Bubble Tea model.
type Model struct {
	c        *common
	state    screenID
	outline  *outlineModel
	reader   *readerModel
	quiz     *quizModel
	complete *completeModel
	help     help.Model
	showHelp bool
	ready    bool // a window size arrived: lay out from now on
}

type screenID int

const (
	outlineScreen screenID = iota
	readerScreen
	quizScreen
	completeScreen
)

// New returns the interface for a course. store may be nil (nothing is saved); a
// *progress.Store is the real one.
func New(course *lessons.Course, store progress.Storage, opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Seed == 0 {
		opts.Seed = uint64(time.Now().UnixNano())
	}
	if opts.Cache == nil {
		opts.Cache = render.NewCache(64)
	}
	if opts.PositionDelay <= 0 {
		opts.PositionDelay = 500 * time.Millisecond
	}
	st := NewStyles(opts.Renderer, !opts.NoColor)
	c := &common{
		opts: opts, styles: st, keys: DefaultKeyMap(),
		prog:     progress.NewSession(course.ID, store, progress.SessionOptions{Now: opts.Now, PositionDelay: opts.PositionDelay}),
		cache:    opts.Cache,
		rng:      rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		md:       render.NewText(st.textStyles()),
		inflight: map[string]bool{},
	}
	c.setCourse(course)
	if len(opts.Warnings) > 0 {
		c.warning = opts.Warnings[0]
	}
	h := help.New()
	h.Styles = help.Styles{
		ShortKey: st.HelpKey, ShortDesc: st.HelpDesc, ShortSeparator: st.HelpSep, Ellipsis: st.HelpSep,
		FullKey: st.HelpKey, FullDesc: st.HelpDesc, FullSeparator: st.HelpSep,
	}
	h.ShortSeparator = " · "
	m := &Model{c: c, help: h}
	c.navigate = m.navigate
	m.outline = newOutline(c)
	m.reader = newReader(c)
	m.quiz = newQuiz(c)
	m.complete = newComplete(c)
	return m
}

// Run runs the interface until the learner quits, then writes what is left to save. The
// terminal is restored even after a panic (Bubble Tea recovers it).
func Run(ctx context.Context, course *lessons.Course, store progress.Storage, opts Options) error {
	m := New(course, store, opts)
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx)}
	if opts.Input != nil {
		popts = append(popts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		popts = append(popts, tea.WithOutput(opts.Output))
	}
	if opts.Mouse {
		popts = append(popts, tea.WithMouseCellMotion())
	}
	_, err := tea.NewProgram(m, popts...).Run()
	if cerr := m.Close(); cerr != nil && !errors.Is(cerr, progress.ErrReadOnly) {
		err = errors.Join(err, fmt.Errorf("progress: %w", cerr))
	}
	return err
}

// Close writes the progress still queued (the reading position) and stops the saver. It
// returns the last error saving met.
func (m *Model) Close() error {
	m.c.prog.FlushPositions()
	return m.c.prog.Close(10 * time.Second)
}

// Init starts listening for the saver's reports and for new versions of the course.
func (m *Model) Init() tea.Cmd { return tea.Batch(listenSaves(m.c.prog), m.listenUpdates()) }

func (m *Model) active() screen {
	switch m.state {
	case readerScreen:
		return m.reader
	case quizScreen:
		return m.quiz
	case completeScreen:
		return m.complete
	}
	return m.outline
}

// Update routes a message: window sizes and global keys here, the rest to the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		m.ready = true
		return m, m.active().resize()
	case tea.KeyMsg:
		c.flash = ""
		return m, m.key(msg)
	case saveResultMsg:
		c.warning = ""
		if msg.err != nil {
			c.warning = saveWarning(msg.err)
		}
		return m, listenSaves(c.prog)
	case courseUpdateMsg:
		return m, tea.Batch(m.applyUpdate(CourseUpdate(msg)), m.listenUpdates())
	case renderedMsg:
		delete(c.inflight, renderKey(msg.lesson, msg.width))
		if m.state == readerScreen {
			m.reader.rendered(msg)
		}
		return m, nil
	case openLessonMsg, startQuizMsg, backMsg, showOutlineMsg, showCompleteMsg:
		return m, m.navigate(msg)
	}
	return m, m.active().update(msg)
}

// applyUpdate switches to a new version of the course and keeps the learner's place: the same
// lesson (found by id, as lessons may have moved) at the same reading position. A version with
// problems is not used; its problems are shown instead.
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
		return m.keepPlace()
	}
	return m.active().resize()
}

func (m *Model) keepPlace() tea.Cmd {
	c := m.c
	switch m.state {
	case readerScreen, quizScreen:
		id := m.reader.lesson.ID
		if m.state == quizScreen {
			id = m.quiz.lesson.ID
		}
		i := c.course.Index(id)
		if i < 0 {
			c.setFlash(fmt.Sprintf("The lesson %q is gone from the course.", id), true)
			return m.show(outlineScreen)
		}
		// A quiz under way keeps the questions it started with; the new version applies to
		// the next attempt.
		m.quiz.index = i
		cmd := m.reader.reload(i)
		if m.state == quizScreen {
			return tea.Batch(cmd, m.quiz.resize())
		}
		return cmd
	}
	m.outline.rebuild()
	return m.active().resize()
}

// navigate switches to the screen a navigation message names.
func (m *Model) navigate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case openLessonMsg:
		return m.openLesson(msg)
	case startQuizMsg:
		m.state = quizScreen
		m.showHelp = false
		cmd := m.quiz.start(msg.index, false)
		return tea.Batch(cmd, m.quiz.resize())
	case backMsg:
		if m.state == quizScreen {
			m.state = readerScreen
			return m.reader.resize()
		}
		return m.show(outlineScreen)
	case showOutlineMsg:
		return m.show(outlineScreen)
	case showCompleteMsg:
		return m.show(completeScreen)
	}
	return nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys
	if key.Matches(msg, k.Quit) {
		if m.state == readerScreen {
			m.reader.leave()
		}
		return tea.Quit
	}
	if m.showHelp {
		if key.Matches(msg, k.Help) || key.Matches(msg, k.Back) {
			m.showHelp = false
		}
		return nil
	}
	if key.Matches(msg, k.Help) && !m.active().typing() {
		m.showHelp = true
		return nil
	}
	return m.active().update(msg)
}

func (m *Model) show(s screenID) tea.Cmd {
	m.state = s
	m.showHelp = false
	if s == outlineScreen {
		m.outline.rebuild()
	}
	return m.active().resize()
}

func (m *Model) openLesson(msg openLessonMsg) tea.Cmd {
	if msg.index < 0 || msg.index >= len(m.c.course.Lessons) {
		return nil
	}
	if m.c.locked(msg.index) {
		m.c.setFlash("That lesson is locked until you finish the one before it.", true)
		return nil
	}
	m.state = readerScreen
	m.showHelp = false
	return m.reader.open(msg.index, msg.resume)
}

// View draws the title bar, the active screen and the footer. It only lays out text that
// Update prepared: no rendering, no I/O.
func (m *Model) View() string {
	c := m.c
	if !m.ready {
		return ""
	}
	w, h := c.width, c.height
	if w < MinWidth || h < MinHeight {
		msg := fmt.Sprintf("Terminal too small: need at least %dx%d (now %dx%d).", MinWidth, MinHeight, w, h)
		return block(render.Wrap(msg, max(w, 1)), max(w, 1), max(h, 1))
	}
	s := m.active()
	var body string
	if m.showHelp {
		body = m.helpView(s)
	} else {
		body = s.view()
	}
	var b strings.Builder
	b.WriteString(m.titleBar(s))
	b.WriteByte('\n')
	if len(c.problems) > 0 {
		b.WriteString(m.problemsPanel())
		b.WriteByte('\n')
	}
	b.WriteString(block(body, w, c.bodyHeight()))
	b.WriteByte('\n')
	b.WriteString(m.statusLine(s))
	b.WriteByte('\n')
	b.WriteString(m.shortHelp(s.help().ShortHelp()))
	return b.String()
}

// problemsPanel lists why the latest edit of the course was not loaded.
func (m *Model) problemsPanel() string {
	c, st := m.c, m.c.styles
	lines := []string{st.statusTone(toneWarn).Render(fit(" The last edit has problems; showing the last good version. Fix and save:", c.width))}
	for i, p := range c.problems {
		if i == maxProblemLines {
			lines = append(lines, st.Subtle.Render(clip(fmt.Sprintf("   …and %d more (aieng validate lists them all)", len(c.problems)-i), c.width)))
			break
		}
		lines = append(lines, clip("   "+p, c.width))
	}
	return block(strings.Join(lines, "\n"), c.width, c.problemsHeight())
}

// shortHelp fits the key help on one line. When it is too long it leaves out the first keys,
// which are the obvious ones (arrows), so that the screen's own actions, back and ? stay.
func (m *Model) shortHelp(bs []key.Binding) string {
	w := m.c.width - 1
	for {
		s := m.help.ShortHelpView(bs)
		if ansi.StringWidth(s) <= w || len(bs) <= 2 {
			return clip(" "+s, m.c.width)
		}
		bs = bs[1:]
	}
}

func (m *Model) titleBar(s screen) string {
	c, st := m.c, m.c.styles
	crumbs, right := s.crumbs()
	if right != "" {
		right = "  " + right + " "
	}
	if ansi.StringWidth(right) > c.width/2 {
		right = ""
	}
	avail := c.width - ansi.StringWidth(right)
	// When narrow, leave out the course title, then the outer crumbs: the current screen's
	// name matters most.
	parts := append([]string{c.course.Title}, crumbs...)
	left := " " + strings.Join(parts, " › ")
	for len(parts) > 1 && ansi.StringWidth(left) > avail {
		parts = parts[1:]
		left = " " + strings.Join(parts, " › ")
	}
	return st.TitleBar.Render(fit(left, avail) + right)
}

// statusLine draws the status bar: the screen's message (or a flash or a warning) on the left,
// its position on the right.
func (m *Model) statusLine(s screen) string {
	c, st := m.c, m.c.styles
	info := s.status()
	switch {
	case c.flash != "" && c.flashWarn:
		info.left, info.tone = "! "+c.flash, toneWarn
	case c.flash != "":
		info.left, info.tone = c.flash, toneInfo
	case c.warning != "":
		info.left, info.tone = "! "+c.warning, toneWarn
	}
	right := ""
	if info.right != "" {
		right = " " + info.right + " "
	}
	lw := max(c.width-ansi.StringWidth(right), 0)
	var left string
	if info.tone == toneRaw {
		left = clip(" "+info.left, lw)
		left += st.StatusBar.Render(strings.Repeat(" ", max(lw-ansi.StringWidth(left), 0)))
	} else {
		left = st.statusTone(info.tone).Render(fit(" "+info.left, lw))
	}
	return left + st.StatusRight.Render(right)
}

func (m *Model) helpView(s screen) string {
	c, st := m.c, m.c.styles
	groups := s.help().FullHelp()
	full := m.help.FullHelpView(groups)
	if ansi.StringWidth(strings.SplitN(full, "\n", 2)[0]) > c.width-2 {
		var all []key.Binding
		for _, g := range groups {
			all = append(all, g...)
		}
		full = m.help.FullHelpView([][]key.Binding{all})
	}
	lines := []string{"", "  " + st.Heading.Render("Keys"), ""}
	for _, l := range strings.Split(full, "\n") {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, "", "  "+st.Subtle.Render("Press ? or q to close this help. ctrl+c quits at any time."))
	return block(strings.Join(lines, "\n"), c.width, c.bodyHeight())
}
