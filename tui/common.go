package tui

import (
	"math/rand/v2"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// common is the context every screen shares: the course, the size of the screen, the styles,
// the keys, the learner's progress and the rendering cache. The root model owns it and the
// screens hold a pointer to it.
type common struct {
	course *lessons.Course
	info   progress.CourseInfo // what the progress rules know of course
	opts   Options
	styles *Styles
	keys   *KeyMap
	prog   *progress.Session // the learner's progress: screens read and change it here, never the store
	cache  *render.Cache
	rng    *rand.Rand
	md     *render.Text // quiz text

	width, height int // the whole terminal

	// flash is a one-off message for the status line, cleared by the next key; warning stays
	// until the cause goes away (a save that succeeds).
	flash     string
	flashWarn bool
	warning   string

	// problems are why the course folder's latest edit was not loaded (--watch): shown above
	// every screen until an edit fixes them, while the last good version stays in use.
	problems []string

	renderSeq int // tags render requests, to drop stale results
	// navigate switches screens (set by the root model to its own navigate).
	navigate func(msg tea.Msg) tea.Cmd
	inflight map[string]bool // renders running, by renderKey
}

// Layout: a title bar at the top, the screen's body, a status line and the key help at the
// bottom.
const (
	titleHeight  = 1
	footerHeight = 2

	// MinWidth and MinHeight are the smallest terminal aieng draws in; below it says so.
	MinWidth  = 30
	MinHeight = 8

	// maxReadWidth caps the width lessons are wrapped at: long lines are hard to read.
	maxReadWidth = 100
)

func (c *common) bodyHeight() int {
	return max(c.height-titleHeight-footerHeight-c.problemsHeight(), 1)
}

// maxProblemLines is how many of a broken edit's problems the panel lists.
const maxProblemLines = 4

// problemsHeight is the height of the problems panel: a heading, the problems, a count of the
// rest; never more than a third of the screen.
func (c *common) problemsHeight() int {
	if len(c.problems) == 0 {
		return 0
	}
	n := 1 + min(len(c.problems), maxProblemLines)
	if len(c.problems) > maxProblemLines {
		n++
	}
	return max(min(n, c.height/3), 1)
}
func (c *common) bodyWidth() int { return max(c.width, 1) }

// readWidth is the width lessons and quizzes are laid out at: the terminal's width, capped.
func (c *common) readWidth() int { return max(min(c.width, maxReadWidth), 1) }

// leftPad centres the reading column in a wide terminal.
func (c *common) leftPad() int { return max((c.width-c.readWidth())/2, 0) }

func (c *common) renderOptions(width int) render.Options {
	return render.Options{Width: width, Style: c.opts.Style, Profile: c.opts.Profile}
}

func (c *common) setFlash(msg string, warn bool) { c.flash, c.flashWarn = msg, warn }

// setCourse switches to a version of the course, and the facts the progress rules need of it.
func (c *common) setCourse(course *lessons.Course) {
	c.course, c.info = course, courseinfo.Of(course)
}

// standing is the learner's standing in lesson i (progress.CourseInfo.Standing).
func (c *common) standing(i int) progress.Standing { return c.info.Standing(c.prog.Progress(), i) }

// locked reports whether a sequential course keeps lesson i closed (progress.CourseInfo.Locked).
func (c *common) locked(i int) bool { return c.info.Locked(c.prog.Progress(), i) }

// summary sums up the learner's standing in the course (progress.CourseInfo.Summary).
func (c *common) summary() progress.Summary { return c.info.Summary(c.prog.Progress()) }

// finishedWords are the words for a finished lesson: "passed" when every lesson has a quiz to
// pass, else "complete" (some lessons are finished by reading them).
type finishedWords struct{ adjective, verb string }

func (c *common) doneWords() finishedWords {
	for _, l := range c.course.Lessons {
		if len(l.Quiz) == 0 {
			return finishedWords{"complete", "completed"}
		}
	}
	return finishedWords{"passed", "passed"}
}

// screen is one screen of the interface. The root model routes messages to the active screen
// and draws the title bar, the status line and the key help around its body.
type screen interface {
	update(msg tea.Msg) tea.Cmd
	// view returns the body, at most bodyHeight lines of at most bodyWidth columns.
	view() string
	// crumbs name the screen in the title bar, after the course title; right is shown at the
	// right of the title bar.
	crumbs() (crumbs []string, right string)
	// status returns what the status line says.
	status() statusInfo
	help() help.KeyMap
	// resize lays the screen out again after the terminal's size changed.
	resize() tea.Cmd
	// typing reports whether a text input has the keys, so that ? and q are typed.
	typing() bool
}

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

// Navigation messages. A screen hands one to common.navigate, which switches screens at once
// (in the same Update): going through a command would let keys typed quickly after, say, t
// reach the reader instead of the quiz.
type (
	openLessonMsg struct {
		index  int
		resume bool // at the saved reading position (else at the top)
	}
	startQuizMsg    struct{ index int }
	backMsg         struct{} // one level up
	showOutlineMsg  struct{}
	showCompleteMsg struct{}
)

// fit truncates s to w columns (with an ellipsis) and pads it with spaces to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-sw)
}

// clip truncates s to w columns without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// block makes s exactly h lines, each clipped to w columns.
func block(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clip(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// progressBar draws a bar w cells wide, filled to frac.
func progressBar(st *Styles, frac float64, w int) string {
	if w <= 0 {
		return ""
	}
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(w) + 0.5)
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", w-full))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
