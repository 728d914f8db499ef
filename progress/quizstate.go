package progress

import (
	"errors"
	"fmt"
	"time"
)

// This file holds the store's changes beyond lessons read and attempts made: the quiz attempt
// left half-way, and the course's first start.

// SaveOpenAttempt records the quiz attempt the learner is in the middle of, with the answers
// given so far, replacing the one saved before; nil drops it (the learner started over). The
// latest save wins when two processes' files are merged.
func (s *Store) SaveOpenAttempt(courseID, lessonID string, open *OpenAttempt, now time.Time) error {
	if open != nil && open.ID == "" {
		return fmt.Errorf("open attempt of lesson %s has no id", lessonID)
	}
	open = cloneOpen(open)
	if open != nil {
		open.Started = cleanTime(open.Started)
		sanitizeAnswers(open.Answers)
	}
	return s.change(courseID, lessonID, now, func(_ *courseState, l *lessonState, now time.Time) {
		if !now.Before(l.OpenAt) {
			l.Open, l.OpenAt = open, now
		}
	})
}

// MarkWelcomed records that the learner has seen the course's first-start screen.
func (s *Store) MarkWelcomed(courseID string, now time.Time) error {
	if courseID == "" {
		return errors.New("progress needs a course id")
	}
	if now.IsZero() || !validTime(now) {
		return fmt.Errorf("progress of course %s: invalid time %v", courseID, now)
	}
	now = cleanTime(now)
	s.mu.Lock()
	c := s.state.Courses[courseID]
	if c == nil {
		c = &courseState{}
		s.state.Courses[courseID] = c
	}
	c.WelcomedAt = latest(c.WelcomedAt, now)
	s.mu.Unlock()
	return s.save()
}

// openAttempt is the lesson's open attempt for a snapshot: a copy, and none when an attempt
// with its ID is already recorded (a hand-edited file could hold both).
func (l *lessonState) openAttempt() *OpenAttempt {
	if l.Open == nil {
		return nil
	}
	for _, a := range l.Attempts {
		if a.ID == l.Open.ID {
			return nil
		}
	}
	return cloneOpen(l.Open)
}
