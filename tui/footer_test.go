package tui

import (
	"strings"
	"testing"
)

// TestNarrowFooterKeepsTheWayOut is a QA finding: at 40x12 the quiz's footer dropped "q leave
// quiz" and the end of a lesson "q outline", keeping "? help". After the screen's main keys, a
// narrow footer keeps the key that leaves the screen.
func TestNarrowFooterKeepsTheWayOut(t *testing.T) {
	footer := func(d *driver) string { l := d.lines(); return l[len(l)-1] }
	requireFooter := func(d *driver, where string, want ...string) {
		t.Helper()
		f := footer(d)
		for _, w := range want {
			if !strings.Contains(f, w) {
				t.Errorf("%s: the footer at 40 columns lacks %q: %q", where, w, f)
			}
		}
		requireFits(t, d.view(), 40, 12)
	}
	d := newDriver(t, testCourse(t), nil, 40, 12)
	d.keys("enter", "G")
	d.requireView("End of the lesson")
	requireFooter(d, "the lesson's end", "t quiz", "q outline")
	d.keys("t")
	d.requireView("Question 1 of 4")
	requireFooter(d, "a choice question", "pick", "enter submit", "q leave quiz")
	d.keys("2", "enter", "G", "enter", "f", "enter", "G", "enter") // G: to the end of the feedback
	d.requireView("Question 3 of 4")
	requireFooter(d, "a multiple-select question", "tick", "enter submit", "q leave")

	o := newDriver(t, testCourse(t), nil, 40, 12)
	requireFooter(o, "the outline", "enter open", "q quit")
	w := newDriverAtStart(t, testOptions(), testCourse(t), nil, 40, 12)
	requireFooter(w, "the welcome", "enter see the lessons", "q quit")
}
