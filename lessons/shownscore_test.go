package lessons

import (
	"testing"

	"github.com/aieng/aieng/progress"
)

// TestShownScoreAgreesWithThePassRule: the whole percentage a learner sees beside a quiz
// result is at or above the pass mark exactly when the quiz passed. Half-up rounding broke
// this (16 of 23 right, 69.6%, read "70%" beside "not passed").
func TestShownScoreAgreesWithThePassRule(t *testing.T) {
	// Partial credit adds fractions of a point: thirds, quarters, fifths.
	fractions := []float64{0, 1.0 / 3, 0.5, 2.0 / 3, 0.25, 0.75, 0.2, 0.4}
	for total := 1; total <= 40; total++ {
		for correct := 0; correct <= total; correct++ {
			for _, f := range fractions {
				if correct == total && f > 0 {
					continue
				}
				s := Score{Correct: correct, Total: total, Points: float64(correct) + f}
				shown := progress.WholePercent(s.Percent())
				for mark := 0; mark <= 100; mark++ {
					if passes := s.Passes(mark); passes != (shown >= mark) {
						t.Fatalf("%v points of %d at pass mark %d%%: passes %v, shown as %d%%", s.Points, total, mark, passes, shown)
					}
				}
			}
		}
	}
}
