package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// damagedWarning is the progress store's warning for a damaged file, as it reads on a
// learner's machine.
const damagedWarning = "progress file /home/learner/.local/state/aieng/progress.json is damaged (cut short after 26 bytes): " +
	"it is left as it is for now; the course starts afresh, and the first change saved moves the file aside to progress.json.corrupt-<time>"

// squeeze drops every space: a long word (the path) is broken across lines where the
// terminal ends, so the notice is compared without its line breaks and indentation.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// TestLoadWarningIsANotice is a QA finding: the warning of a damaged progress file was cut to
// one status line, and the first key replaced it, so the learner never read it. It is shown
// in full, wrapped, at the top of the first screen until dismissed or the screen is left.
func TestLoadWarningIsANotice(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		opts := testOptions()
		opts.Warnings = []string{damagedWarning}
		d := newDriverAtStart(t, opts, testCourse(t), nil, w, h)
		d.requireScreen("Welcome")
		requireFits(t, d.view(), w, h)
		if !strings.Contains(squeeze(strings.Join(d.body(), "\n")), squeeze("! "+damagedWarning+" (x hides this notice)")) {
			t.Fatalf("%dx%d: the warning is not shown in full:\n%s", w, h, d.view())
		}
		d.requireView("! progress file")
		if body := strings.Join(d.body(), "\n"); strings.Contains(body, "…") {
			t.Fatalf("%dx%d: the notice is cut:\n%s", w, h, d.view())
		}
		d.keys("j", "k", "?", "?") // scrolling and the help leave it
		d.requireView("! progress file", "x hides this notice")

		d.keys("x") // dismissed: the welcome has the whole body again
		d.rejectView("progress file", "corrupt")
		d.requireView("Welcome to Testing Course")
		requireFits(t, d.view(), w, h)

		// Shown on the outline, and gone once the learner leaves it.
		d = newDriverAtStart(t, opts, testCourse(t), nil, w, h)
		d.m.state = outlineScreen
		d.send(tea.WindowSizeMsg{Width: w, Height: h})
		d.requireOutline()
		d.requireView("! progress file")
		requireFits(t, d.view(), w, h)
		d.keys("enter")
		d.requireScreen("Welcome to the course")
		d.rejectView("progress file")
		d.keys("q")
		d.requireOutline()
		d.rejectView("progress file")
	}
}

// TestNoticeAtTheSmallestSize: where the notice cannot fit, it says that it is cut, and the
// screen keeps a line of its body.
func TestNoticeAtTheSmallestSize(t *testing.T) {
	opts := testOptions()
	opts.Warnings = []string{damagedWarning}
	d := newDriverAtStart(t, opts, testCourse(t), nil, 30, 8)
	requireFits(t, d.view(), 30, 8)
	body := d.body()
	if !strings.HasSuffix(strings.TrimRight(body[len(body)-2], " "), "…") {
		t.Fatalf("a cut notice does not say so:\n%s", d.view())
	}
	d.keys("x")
	d.rejectView("progress file")
}

// TestOneBlankLineAfterTheNotice is a QA finding: on the welcome, the notice's blank line and
// the welcome's own first (blank) line made two blank lines before the welcome's title. One
// parts them, on the welcome as on the outline; where the notice leaves the welcome a single
// line, that line is the title, not a blank one.
func TestOneBlankLineAfterTheNotice(t *testing.T) {
	opts := testOptions()
	opts.Warnings = []string{damagedWarning}
	blanksAfterNotice := func(d *driver, next string) int {
		t.Helper()
		lines := d.lines()
		for i, l := range lines {
			if strings.Contains(l, "hides this notice") {
				n := i + 1
				for n < len(lines) && strings.TrimSpace(lines[n]) == "" {
					n++
				}
				if n == len(lines) || !strings.Contains(lines[n], next) {
					t.Fatalf("no %q after the notice:\n%s", next, d.view())
				}
				return n - i - 1
			}
		}
		t.Fatalf("no notice:\n%s", d.view())
		return 0
	}
	d := newDriverAtStart(t, opts, testCourse(t), nil, 80, 24)
	if n := blanksAfterNotice(d, "Welcome to Testing Course"); n != 1 {
		t.Errorf("welcome: %d blank lines between the notice and the title, want 1:\n%s", n, d.view())
	}
	d.m.state = outlineScreen
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if n := blanksAfterNotice(d, "Progress"); n != 1 {
		t.Errorf("outline: %d blank lines between the notice and the progress bar, want 1:\n%s", n, d.view())
	}

	d = newDriverAtStart(t, opts, testCourse(t), nil, 40, 12)
	requireFits(t, d.view(), 40, 12)
	d.requireView("Welcome to Testing Course")
	d.keys("x") // without the notice, the welcome starts with its blank line again
	if l := d.body()[0]; strings.TrimSpace(l) != "" {
		t.Errorf("the welcome's first line is %q, want it blank", l)
	}
}
