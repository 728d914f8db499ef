package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// screen is one screen of the interface. The root model (router.go) holds every screen as a
// screen and nothing more: it routes messages to the one on show, switches screens when one
// asks (common.goTo), and draws the title bar, the status line and the key help around the
// body the screen returns (chrome.go).
//
// A new screen is a type in a file of its own implementing this interface, a navigation
// message whose target is its screenID, and one line in New's list of screens.
type screen interface {
	// enter shows the screen for a navigation message addressed to it. shown false means the
	// screen declined (a locked lesson); the screen on show stays.
	enter(msg navMsg) (cmd tea.Cmd, shown bool)
	// leave is called before the screen stops being shown (another screen, or quitting).
	leave()
	// update handles a message while the screen is on show.
	update(msg tea.Msg) tea.Cmd
	// resize lays the screen out again: the terminal's size or the panels around it changed.
	resize() tea.Cmd
	// courseChanged tells the screen on show that a new version of the course replaced the old
	// (common.course): it keeps its place, or goes elsewhere when what it showed is gone.
	courseChanged() tea.Cmd

	// view returns the body, at most bodyHeight lines of at most bodyWidth columns. It only
	// lays out what update prepared: no rendering, no I/O.
	view() string
	// crumbs name the screen in the title bar, after the course title; right is shown at the
	// right of the title bar.
	crumbs() (crumbs []string, right string)
	// status returns what the status line says.
	status() statusInfo
	// help lists the keys that work now, for the footer and the help screen.
	help() help.KeyMap
	// typing reports whether a text input has the keys, so that ? and q are typed.
	typing() bool
}

type screenID int

const (
	outlineScreen screenID = iota
	readerScreen
	quizScreen
	completeScreen
	labScreen
	welcomeScreen
	reviewScreen
	numScreens
)

// navMsg asks for a screen: target is the screen that receives it in enter. Screens send one
// with common.goTo; one that arrives as a message goes the same way.
type navMsg interface {
	tea.Msg
	target() screenID
}

// The navigation messages.
type (
	openLessonMsg struct {
		index  int
		resume bool   // at the saved reading position (else at the top)
		search string // found in its text by the outline's filter: search for it
	}
	backToLessonMsg struct{} // from the quiz, back to the lesson it belongs to
	startQuizMsg    struct{ index int }
	showOutlineMsg  struct{}
	showCompleteMsg struct{}
)

func (openLessonMsg) target() screenID   { return readerScreen }
func (backToLessonMsg) target() screenID { return readerScreen }
func (startQuizMsg) target() screenID    { return quizScreen }
func (showOutlineMsg) target() screenID  { return outlineScreen }
func (showCompleteMsg) target() screenID { return completeScreen }

// openLabMsg opens lab of lesson index in the lab screen (lab.go); it returns to the lesson with
// backToLessonMsg, at the same place.
type openLabMsg struct {
	index      int
	lab        string
	fromReader bool // the reader shows the lesson: back returns there, at the same place
}

func (openLabMsg) target() screenID { return labScreen }

// startReviewMsg opens a review session (review.go): the questions due, or with practice every
// question answered, without changing the schedule.
type startReviewMsg struct{ practice bool }

func (startReviewMsg) target() screenID { return reviewScreen }

// statusInfo is the status line: a message on the left in a tone, a position on the right.
type statusInfo struct {
	left, right string
	tone        tone
}

type tone int

const (
	toneNormal tone = iota
	toneAction      // what to do next
	toneGood
	toneBad
	toneWarn
	toneInfo
	toneRaw // left is already styled (a text input)
)

// keyHelp is a help.KeyMap made of the bindings a screen lists at a given moment. The short
// list ends with the screen's main action, then back (q) and help (?): when the footer is too
// narrow, the root model leaves out keys from the front, so these stay. A screen that needs
// keys in the middle of the list kept (space ticks a choice: without it the quiz cannot be
// answered) ranks them: rank[i] is short[i]'s importance, and the least important go first.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
	rank  []int
}

// The ranks of keyHelp: a narrow footer leaves out the keys of the lowest rank first. The way
// out of a screen comes right after what the screen is for, so that a learner always sees how
// to leave (QA finding: at 40 columns the quiz dropped "q leave quiz" and kept "? help").
const (
	rankMinor  = 1 // obvious, or said elsewhere: the arrows, the code keys
	rankUseful = 2 // handy, but the screen works without: search, filter, help
	rankLeave  = 3 // the way out of the screen
	rankMain   = 4 // what the screen is for: it cannot be used without
)

func (k keyHelp) ShortHelp() []key.Binding  { return k.short }
func (k keyHelp) FullHelp() [][]key.Binding { return k.full }
