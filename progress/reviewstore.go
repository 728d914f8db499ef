package progress

import (
	"errors"
	"fmt"
	"slices"
)

// RecordReviews rates answers for review and adds them to the course's review log. The rating
// is made when the answers are saved, under the file's lock, against the log as every aieng
// process has saved it, so that a card answered in two terminals builds on both; an answer to a
// card already rated that day adds nothing (internal/srs). A course whose log is still empty
// first has the learner's attempt history replayed into it; with no answers, that replay is
// all RecordReviews does (a learner's first start after upgrading).
//
// When the save fails the answers are rated against this process's copy instead, and saved
// with the next change that succeeds.
func (s *Store) RecordReviews(courseID string, sched *Schedule, answers []ReviewAnswer) error {
	if courseID == "" || sched == nil {
		return errors.New("reviews need a course id and its schedule")
	}
	for _, a := range answers {
		if a.Lesson == "" || a.Answer.QuestionID == "" || a.Answer.At.IsZero() || !validTime(a.Answer.At) {
			return fmt.Errorf("review of %q in lesson %q: an answer needs a lesson, a question and a valid time", a.Answer.QuestionID, a.Lesson)
		}
	}
	answers = slices.Clone(answers)
	return s.changeFile(func(f *file) { f.recordReviews(courseID, sched, answers) })
}

// recordReviews applies RecordReviews to the file.
func (f *file) recordReviews(courseID string, sched *Schedule, answers []ReviewAnswer) {
	c := f.Courses[courseID]
	if c == nil {
		c = &courseState{}
		f.Courses[courseID] = c
	}
	if len(c.ReviewLog) == 0 {
		c.ReviewLog = sched.replay(c.snapshot())
	}
	if len(answers) == 0 {
		return
	}
	// Only the answered cards are needed: rebuilding those alone keeps a save's cost from
	// growing with the whole log.
	asked := map[string]bool{}
	for _, a := range answers {
		asked[a.Answer.QuestionID] = true
	}
	var theirs []ReviewEntry
	for _, e := range c.ReviewLog {
		if asked[e.QuestionID] {
			theirs = append(theirs, e)
		}
	}
	c.ReviewLog, _ = sched.record(sched.Deck(theirs), c.ReviewLog, answers)
	for _, a := range answers {
		c.ActiveOn = markActive(c.ActiveOn, a.Answer.At)
	}
}

// changeFile makes a change to the file as merged under the lock, so that it builds on what
// every process saved, and writes it. When the save fails, or the session does not save, the
// change is made to this process's copy, to be saved with the next change that succeeds.
func (s *Store) changeFile(apply func(*file)) error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	s.mu.Lock()
	readOnly := s.readOnly
	mine := s.state.clone()
	s.mu.Unlock()
	if readOnly {
		s.mu.Lock()
		apply(s.state)
		s.mu.Unlock()
		return s.readOnlyError()
	}
	saved, err := s.commit(func(disk *file) (*file, error) {
		f := merge(disk, mine)
		apply(f)
		return f, nil
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		apply(s.state)
		if !s.readOnly {
			s.saveErr = err
		}
		return err
	}
	s.state = merge(s.state, saved)
	s.saveErr = nil
	return nil
}
