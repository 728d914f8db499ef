package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// topLine is the first line of the reader's body, without styles and spaces around it.
func (d *driver) topLine() string { return strings.TrimSpace(ansi.Strip(d.body()[0])) }

// TestNewWidthResumesAtParagraphStart is a QA finding: the reading position is a fraction of
// the lesson, so at another width it could put the top of the view in the middle of a wrapped
// paragraph, the tail of a sentence on the first line. At a width other than the one the
// position was taken at, the view starts at the paragraph; back at that width it is the very
// view the learner left, and resizing never changes the position saved.
func TestNewWidthResumesAtParagraphStart(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	for d.topLine() != "A model turns inputs into outputs. You train a model on data, then you check" {
		if d.keys("j"); d.reader().scroll.atBottom() {
			t.Fatalf("the paragraph is not in the lesson:\n%s", d.view())
		}
	}
	at80 := d.markReading()
	r := d.reader()
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	if unsnapped := int(r.pos*float64(r.scroll.total) + 0.5); r.doc.BlockStart(unsnapped) == unsnapped {
		t.Fatalf("at 40 columns the position lands on line %d, a paragraph's first: this test shows nothing", unsnapped)
	}
	if got := d.topLine(); got != "A model turns inputs into outputs." {
		t.Errorf("at 40 columns the view starts with %q, want the start of the paragraph:\n%s", got, d.view())
	}
	d.requireBackAt80(at80)
}

// TestSavedPositionResumesAtParagraphStart: a position saved in an earlier session was taken at
// a width the reader does not know; continue opens the lesson at the start of the paragraph
// the position falls in, not on the tail of one of its lines.
func TestSavedPositionResumesAtParagraphStart(t *testing.T) {
	store := openStore(t, "")
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	if err := store.OpenLesson("tui-test-course", "welcome", now); err != nil {
		t.Fatal(err)
	}
	if err := store.SetPosition("tui-test-course", "welcome", 0.25, now); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("c")
	d.requireView("Lesson 1 of 3")
	r := d.reader()
	if unsnapped := int(0.25*float64(r.scroll.total) + 0.5); r.doc.BlockStart(unsnapped) == unsnapped {
		t.Fatalf("the position lands on line %d, a paragraph's first: this test shows nothing", unsnapped)
	}
	if got := d.topLine(); got != "A model turns inputs into outputs. You train a model on data, then you check" {
		t.Errorf("continue shows %q first, want the start of the paragraph:\n%s", got, d.view())
	}
	if got := d.lesson("welcome").Position; got != 0.25 {
		t.Errorf("opening the lesson moved the saved position from 0.25 to %v", got)
	}
}

// TestResumeMovesHalfAScreenAtMost: deep in a paragraph longer than half a screen, the view
// moves up half a screen, not to the paragraph's start: it shows more of the paragraph without
// carrying the view far from the place.
func TestResumeMovesHalfAScreenAtMost(t *testing.T) {
	store := openStore(t, "")
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	const pos = 25.0 / 97 // the last line of the 6-line paragraph "A model turns inputs…" at 40 columns
	if err := store.OpenLesson("tui-test-course", "welcome", now); err != nil {
		t.Fatal(err)
	}
	if err := store.SetPosition("tui-test-course", "welcome", pos, now); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testCourse(t), store, 40, 12)
	d.keys("c")
	r := d.reader()
	unsnapped, half := int(pos*float64(r.scroll.total)+0.5), r.scroll.height/2
	if start := r.doc.BlockStart(unsnapped); unsnapped-start <= half {
		t.Fatalf("the position lands %d lines below its paragraph's start, within half a screen (%d): this test shows nothing", unsnapped-start, half)
	}
	if r.scroll.offset != unsnapped-half {
		t.Errorf("the view starts at line %d, want %d: half a screen above line %d\n%s", r.scroll.offset, unsnapped-half, unsnapped, d.view())
	}
}
