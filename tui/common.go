package tui

import (
	"math/rand/v2"
	"time"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// common is the context every screen shares: the course, the size of the terminal, the styles,
// the keys, the learner's progress and the renderers. The root model owns it; screens hold a
// pointer to it and change the learner's progress, the status line's messages and nothing
// else of each other's. A screen asks for another screen with goTo.
type common struct {
	course *lessons.Course
	info   progress.CourseInfo // what the progress rules know of course
	opts   Options
	st     *styleSheet
	keys   *keyMap
	prog   *progress.Session // the learner's progress: screens read and change it here, never the store
	rng    *rand.Rand
	md     *render.Text // quiz text
	render *lessonRenderer

	width, height int // the whole terminal

	// flash is a one-off message for the status line, cleared by the next key; warning stays
	// until the cause goes away (a save that succeeds).
	flash     string
	flashWarn bool
	warning   string

	// notices are what went wrong while loading (notice.go), shown on the first screen until
	// dismissed; noticeLines are them laid out.
	notices     []string
	noticeLines []string

	// problems are why the course folder's latest edit was not loaded (--watch): shown above
	// every screen until an edit fixes them, while the last good version stays in use.
	problems []string

	// nav is the screen change a screen asked for while it handled a message; the root model
	// makes it as soon as the screen returns.
	nav navMsg

	lastKey time.Time // when the previous key came, for the time spent (timespent.go)
}

// goTo asks for another screen (a navigation message). The switch happens in the same Update,
// before any other key is handled: going through a command instead would let keys typed
// quickly after, say, t reach the reader rather than the quiz.
func (c *common) goTo(msg navMsg) { c.nav = msg }

// Layout: a title bar at the top, the screen's body, a status line and the key help at the
// bottom.
const (
	titleHeight  = 1
	footerHeight = 2

	// minWidth and minHeight are the smallest terminal aieng draws in; below it says so.
	minWidth  = 30
	minHeight = 8

	// maxReadWidth caps the width lessons are wrapped at: long lines are hard to read.
	maxReadWidth = 100

	// maxProblemLines is how many of a broken edit's problems the panel lists.
	maxProblemLines = 4
)

// bodyHeight is the height of a screen's body: what the title bar, the footer, the problems
// panel and the notice leave.
func (c *common) bodyHeight() int {
	return max(c.height-titleHeight-footerHeight-c.problemsHeight()-c.noticeHeight(), 1)
}

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
func (c *common) readWidth() int { _, w := column(c.width); return w }

// leftPad centres the reading column in a wide terminal (the bars line up with it: chrome.go).
func (c *common) leftPad() int { pad, _ := column(c.width); return pad }

func (c *common) setFlash(msg string, warn bool) { c.flash, c.flashWarn = msg, warn }

// setCourse switches to a version of the course, and the facts the progress rules need of it.
func (c *common) setCourse(course *lessons.Course) {
	c.course, c.info = course, courseinfo.Of(course)
	if c.prog != nil {
		c.prog.SetSchedule(c.schedule()) // the questions may have been edited
	}
}

// The rules about the learner's standing belong to the progress package; these only ask them
// about the course shown.

// standing is the learner's standing in lesson i (progress.CourseInfo.Standing).
func (c *common) standing(i int) progress.Standing { return c.info.Standing(c.prog.Progress(), i) }

// locked reports whether a sequential course keeps lesson i closed (progress.CourseInfo.Locked).
func (c *common) locked(i int) bool { return c.info.Locked(c.prog.Progress(), i) }

// summary sums up the learner's standing in the course (progress.CourseInfo.Summary).
func (c *common) summary() progress.Summary { return c.info.Summary(c.prog.Progress()) }

// continueAt is the lesson "continue" opens (progress.CourseInfo.Continue).
func (c *common) continueAt() (index int, resume bool) { return c.info.Continue(c.prog.Progress()) }

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
