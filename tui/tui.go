// Package tui is the learner's interface: the course outline, the lesson reader, the quizzes,
// the review sessions and the labs, built with Bubble Tea. It shows what the lessons package
// (what a course and a quiz mean) and the progress package (what the learner did, and where
// that leaves them) decide; it decides neither. cmd/aieng only wires it.
//
// The root Model (router.go) is a router over screens (screen.go): welcome.go, outline.go,
// reader.go, quiz.go (which also runs review sessions: review.go), complete.go and lab.go,
// sharing a context (common.go) that holds the course, the terminal size, one style sheet
// (styles.go), one key map (keys.go), the learner's progress.Session and the renderers. The
// chrome around every screen (chrome.go) and the scrolling (scroll.go) are components the
// screens share. Nothing slow happens on the event loop: lessons are rendered by Glamour in
// commands and cached (lessonrender.go), and progress is saved by the session's own goroutine.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// Options configures the interface. The zero value works: colours for a light background in
// the TrueColor profile, plain lessons, a seed from the clock.
type Options struct {
	// Look is how to draw, decided once before the program starts (termstyle.ForTerminal):
	// the lessons' Glamour style and profile, the background, colour or none (NO_COLOR).
	Look termstyle.Look
	// Mouse scrolls lessons with the wheel (and takes the terminal's text selection away).
	Mouse bool
	// Seed shuffles the choices of quiz questions; 0 seeds from the clock. Tests fix it.
	Seed uint64
	// Now is the clock for progress; nil means time.Now.
	Now func() time.Time
	// Warnings are what went wrong while loading (for example the progress store's): shown in
	// full at the top of the first screen until the learner dismisses them or leaves it, or in
	// the status line when the interface opens on a lab or a review.
	Warnings []string
	// Cache holds rendered lessons; nil makes one.
	Cache *render.Cache
	// PositionDelay is how long scrolling must pause before the reading position is written
	// (it is also written when the learner leaves the lesson or quits); 0 means 500ms.
	PositionDelay time.Duration
	// Updates delivers new versions of the course while it runs (--watch); nil means none.
	Updates <-chan CourseUpdate
	// LabBase is the folder of command labs' workspaces; "" means the XDG data directory's
	// (command.DefaultBase). Tests point it at a temporary folder.
	LabBase string
	// Lab opens the interface on a lab (`aieng lab open ID` of a built-in lab): the lesson's
	// index and the lab's id; q from the lab goes to its lesson. The zero value opens the outline.
	Lab LabRef
	// Input and Output are the terminal, for Run; nil means stdin and stdout.
	Input  io.Reader
	Output io.Writer
	// Clipboard puts copied code on the clipboard; nil means the terminal's (OSC 52, see
	// common.clipboard). Tests record it.
	Clipboard func(string) error
	// Review opens the interface on a review session (aieng review): ReviewDue or
	// ReviewPractice. The zero value opens the outline.
	Review ReviewMode
	// Zone is the learner's time zone, where their days begin (reviews, the streak); nil means
	// time.Local.
	Zone *time.Location
}

// ReviewMode says which review session the interface opens on.
type ReviewMode int

// The review modes.
const (
	NoReview       ReviewMode = iota
	ReviewDue                 // the questions due (aieng review)
	ReviewPractice            // every question answered, without changing the schedule (--practice)
)

// LabRef names a lab of the course: its lesson's index and its id. ID "" names none.
type LabRef struct {
	Lesson int
	ID     string
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
	if opts.Zone == nil {
		opts.Zone = time.Local
	}
	st := newStyleSheet(opts.Look.Renderer(), !opts.Look.NoColor)
	c := &common{
		opts: opts, st: st, keys: defaultKeyMap(),
		rng:    rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		md:     render.NewText(st.textStyles()),
		render: newLessonRenderer(opts.Cache, opts.Look),
	}
	c.setCourse(course)
	c.prog = progress.NewSession(course.ID, store, progress.SessionOptions{Now: opts.Now, PositionDelay: opts.PositionDelay,
		Schedule: c.schedule()})
	if opts.Review == NoReview && opts.Lab.ID == "" {
		c.notices = opts.Warnings
	} else if len(opts.Warnings) > 0 {
		c.warning = opts.Warnings[0] // the first screen comes at the first window size: no notice
	}
	m := &Model{c: c, footer: newFooter(st)}
	m.screens = [numScreens]screen{
		outlineScreen:  newOutline(c),
		readerScreen:   newReader(c),
		quizScreen:     newQuiz(c),
		completeScreen: newComplete(c),
		labScreen:      newLab(c),
		welcomeScreen:  newWelcome(c),
		reviewScreen:   newReview(c),
	}
	switch {
	case opts.Review != NoReview:
		c.goTo(startReviewMsg{practice: opts.Review == ReviewPractice}) // made at the first window size
	case opts.Lab.ID != "":
		// aieng lab open: the lab asked for, without the first-start screen (it shows the next
		// time the course opens).
		c.goTo(openLabMsg{index: opts.Lab.Lesson, lab: opts.Lab.ID}) // made at the first window size
	case c.prog.Progress().FirstStart():
		m.state = welcomeScreen
	}
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
