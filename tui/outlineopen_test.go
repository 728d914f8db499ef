package tui

import "testing"

// TestOutlineShowsAQuizLeftHalfWay is a QA finding: the outline row of a lesson whose quiz was
// left half-way said only "in progress" or "read"; it says how far the quiz got, so the
// learner sees there is a quiz to finish.
func TestOutlineShowsAQuizLeftHalfWay(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "f", "enter", "enter")
	d.keys("q", "q", "q") // leave the quiz (it asks first), then the lesson
	d.requireOutline()
	d.requireLine("1. Welcome to the course", "quiz 2/4")
	d.rejectView("in progress")

	d.keys("enter", "G", "q") // read to the end: read, and the quiz still to finish
	d.requireLine("1. Welcome to the course", "read · quiz 2/4")

	d.keys("enter", "t", "enter") // continue the quiz, and finish it: the row gives the score
	d.keys("1", "2", "enter", "enter", "training data", "enter", "enter")
	d.requireView("✓ Passed")
	d.keys("q", "q")
	d.requireLine("1. Welcome to the course", "passed 100%")
	d.rejectView("quiz 2/4")
}
