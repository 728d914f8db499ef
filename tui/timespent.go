package tui

import "time"

// Time spent per lesson (issue 12) is the learner's active time: the time between one key (or
// mouse wheel turn) and the next, counted to the lesson on show in between, each interval at
// most idleCap, so that a learner who walks away counts a few minutes, not the afternoon.

// idleCap is the most one interval between keys counts: reading a long section can take a
// few minutes without a key.
const idleCap = 3 * time.Minute

// lessonScreen is a screen that shows a lesson: its text, its quiz, a question of it in a
// review, or one of its labs. activeLesson is "" when it shows none at the moment.
type lessonScreen interface{ activeLesson() string }

// countTime counts the time since the previous key to the lesson on show. The router calls it
// for each key, before the key is handled: the time was spent on the screen the key leaves.
func (m *Model) countTime() {
	c := m.c
	now := c.opts.Now()
	if s, ok := m.active().(lessonScreen); ok && !c.lastKey.IsZero() && !m.showHelp {
		if id := s.activeLesson(); id != "" {
			c.prog.AddTime(id, min(max(now.Sub(c.lastKey), 0), idleCap))
		}
	}
	c.lastKey = now
}

func (r *readerModel) activeLesson() string {
	if r.lesson == nil {
		return ""
	}
	return r.lesson.ID
}

func (z *quizModel) activeLesson() string {
	if z.lesson == nil || z.rv != nil && z.phase == finished { // a review's summary is no lesson's
		return ""
	}
	return z.lesson.ID
}

func (l *labModel) activeLesson() string {
	if l.lesson == nil {
		return ""
	}
	return l.lesson.ID
}
