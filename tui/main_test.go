package tui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

func TestMain(m *testing.M) {
	// Colour detection differs between 'go test' and 'go test ./...': pin it.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	// Keep every test away from the real home.
	dir, err := os.MkdirTemp("", "aieng-tui-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	os.Setenv("AIENG_PROGRESS", filepath.Join(dir, "progress.json"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testCourse loads the small course in testdata: the built-in course is still being written, so
// it would make the golden files move.
func testCourse(t testing.TB) *lessons.Course {
	t.Helper()
	c, probs, err := lessons.LoadDir("testdata/course")
	if err != nil {
		t.Fatal(err)
	}
	if probs.HasErrors() {
		t.Fatalf("testdata course: %v", probs.Errors())
	}
	return c
}

// openStore opens a progress file in a temporary directory.
func openStore(t testing.TB, path string) *progress.Store {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "progress.json")
	}
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testClock returns times a second apart, from a fixed start.
func testClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

// testLook draws without escape codes (the ASCII profile) but with the colour styles, so the
// golden files show the layout; testNoColor is NO_COLOR's look, with its bold and reverse video.
var (
	testLook    = termstyle.Look{Style: render.NoTTY, Profile: termenv.Ascii, Dark: true}
	testNoColor = termstyle.Mono()
)

func testOptions() Options {
	return Options{Look: testLook, Seed: 1, Now: testClock(), PositionDelay: time.Millisecond, Zone: time.UTC}
}

// driver runs a model the way Bubble Tea does, but synchronously: each command's message is fed
// back to Update at once. The model's commands never block (no ticks; the saver's listener is
// only started by Init, which the driver does not call).
type driver struct {
	t    testing.TB
	m    *Model
	quit bool
}

// newDriver starts a model at a size; store may be nil (an untyped nil: nothing saved).
func newDriver(t testing.TB, c *lessons.Course, store progress.Storage, w, h int) *driver {
	t.Helper()
	return newDriverWith(t, testOptions(), c, store, w, h)
}

// newDriverWith starts a model past the first-start screen (TestFirstStartWelcomesOnce and
// TestGoldenWelcome drive that one).
func newDriverWith(t testing.TB, opts Options, c *lessons.Course, store progress.Storage, w, h int) *driver {
	t.Helper()
	d := newDriverAtStart(t, opts, c, store, w, h)
	if d.m.state == welcomeScreen && w >= minWidth && h >= minHeight {
		d.keys("enter")
	}
	return d
}

// newDriverAtStart starts a model as a learner sees it first: on a first start, the welcome.
func newDriverAtStart(t testing.TB, opts Options, c *lessons.Course, store progress.Storage, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(c, store, opts)}
	t.Cleanup(func() { _ = d.m.Close() })
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		d.send(msg)
	}
}

// keys sends key presses: names such as "enter", "down", "ctrl+c", "space", or text typed
// rune by rune.
func (d *driver) keys(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		for _, msg := range keyMsgs(k) {
			d.send(msg)
		}
	}
}

var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
	"left": tea.KeyLeft, "right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"home": tea.KeyHome, "end": tea.KeyEnd, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	"ctrl+c": tea.KeyCtrlC, "space": tea.KeySpace,
}

func keyMsgs(k string) []tea.KeyMsg {
	if t, ok := namedKeys[k]; ok {
		if t == tea.KeySpace {
			return []tea.KeyMsg{{Type: tea.KeySpace, Runes: []rune{' '}}}
		}
		return []tea.KeyMsg{{Type: t}}
	}
	var out []tea.KeyMsg
	for _, r := range k {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

func (d *driver) view() string { return d.m.View() }

// lines are the lines of the view: the title bar, the body (and the problems panel above it),
// the status line and the key help.
func (d *driver) lines() []string { return strings.Split(d.view(), "\n") }

// body is the screen's body: the lines between the title bar and the status line.
func (d *driver) body() []string {
	l := d.lines()
	return l[1 : len(l)-2]
}

// title is the title bar; status is the status line.
func (d *driver) title() string  { return d.lines()[0] }
func (d *driver) status() string { l := d.lines(); return l[len(l)-2] }

// requireLine fails unless some line of the view holds every string.
func (d *driver) requireLine(want ...string) string {
	d.t.Helper()
	for _, l := range d.lines() {
		all := true
		for _, w := range want {
			all = all && strings.Contains(l, w)
		}
		if all {
			return l
		}
	}
	d.t.Fatalf("no line holds all of %q:\n%s", want, d.view())
	return ""
}

// requireScreen fails unless the title bar names the screen (a lesson title, "Quiz", "Course
// complete"); the outline's title bar names the course only.
func (d *driver) requireScreen(crumb string) {
	d.t.Helper()
	if !strings.Contains(d.title(), crumb) {
		d.t.Fatalf("title bar %q lacks %q:\n%s", d.title(), crumb, d.view())
	}
}

// requireOutline fails unless the outline is on show.
func (d *driver) requireOutline() {
	d.t.Helper()
	if !strings.Contains(d.view(), "Progress") && !strings.Contains(d.view(), "Filter:") {
		d.t.Fatalf("not on the outline:\n%s", d.view())
	}
	if strings.Contains(d.title(), "›") {
		d.t.Fatalf("not on the outline (crumbs in the title bar):\n%s", d.view())
	}
}

// lesson is the learner's progress in a lesson, as the interface has it.
func (d *driver) lesson(id string) progress.LessonProgress { return d.m.c.prog.Lesson(id) }

// requireView fails unless the view holds every string.
func (d *driver) requireView(want ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			d.t.Fatalf("view lacks %q:\n%s", w, v)
		}
	}
}

func (d *driver) rejectView(unwanted ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range unwanted {
		if strings.Contains(v, w) {
			d.t.Fatalf("view has %q:\n%s", w, v)
		}
	}
}

// requireFits fails when the view is taller or wider than the terminal.
func requireFits(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: view has %d lines:\n%s", w, h, len(lines), view)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%dx%d: line %d is %d columns wide: %q", w, h, i+1, lw, l)
		}
	}
}

// passWelcomeQuiz answers the test course's first quiz (questions in written order, shuffle off),
// right when right is set, and stops on the result.
func (d *driver) passWelcomeQuiz(right bool) {
	d.t.Helper()
	if right {
		d.keys("2", "enter", "enter") // It turns inputs into outputs
		d.keys("2", "enter", "enter") // False
		d.keys("1", "2", "enter", "enter")
		d.keys("training data", "enter", "enter")
		return
	}
	d.keys("1", "enter", "enter")
	d.keys("1", "enter", "enter")
	d.keys("1", "enter", "enter")
	d.keys("nothing", "enter", "enter")
}
