package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestFailedRetakeOfAPassedLesson is QA finding 1: a retake that fails after the lesson was
// passed says that this attempt did not pass and that the lesson stays passed (the best full
// attempt counts), rather than "not passed yet".
func TestFailedRetakeOfAPassedLesson(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(true)
	d.requireView("✓ Passed: Welcome to the course")
	d.keys("r")
	d.passWelcomeQuiz(false)
	if lp := d.lesson("welcome"); !lp.Passed || lp.Best != 100 {
		t.Fatalf("a failed retake changed the standing: %+v", lp)
	}
	d.rejectView("Not passed yet", "then retry")
	d.requireView("✗ This attempt did not pass · the lesson stays passed (best 100%)", "✗ 0%: the pass mark is 70%",
		"enter: next lesson")
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	d.requireView("✗ This attempt did not pass · the", "lesson stays passed (best 100%)")
	requireFits(t, d.view(), 40, 12)

	// A first attempt that fails still says the lesson is not passed yet.
	d = newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(false)
	d.requireView("✗ Not passed yet: Welcome to the course", "then retry")
	d.rejectView("stays passed")
}
