package progress

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/aieng/aieng/internal/srs"
)

// This file is the motivation that costs no noise (issue 12): the days a learner was active,
// for a day streak, and the time spent per lesson.
//
// A course keeps one time per day on which the learner did something (opened or read a lesson,
// answered a quiz, passed a lab, reviewed): the first thing of that day, in the time zone of
// the process that recorded it. A lesson keeps the time each aieng session spent on it: the
// learner's active time (keys pressed at most a few minutes apart while its text or quiz was on
// show), as a span per session that only grows, so that two processes' files merge without
// counting any of it twice.

// TimeSpan is the active time one aieng session spent on a lesson. A session is one run of the
// interface; its id is random.
type TimeSpan struct {
	Session string    `json:"session"`
	Started time.Time `json:"started"`
	Seconds int       `json:"seconds"`
}

// mergeSpans combines two sides' spans: one per session and start, with the most seconds.
// (The start is part of the identity, so that a reset, which drops the spans started before
// it, cuts the same spans whatever the order of merging.)
func mergeSpans(a, b []TimeSpan) []TimeSpan {
	var out []TimeSpan
	for _, s := range slices.Concat(a, b) {
		i := slices.IndexFunc(out, func(o TimeSpan) bool { return o.Session == s.Session && o.Started.Equal(s.Started) })
		if i < 0 {
			out = append(out, s)
		} else {
			out[i].Seconds = max(out[i].Seconds, s.Seconds)
		}
	}
	slices.SortFunc(out, func(x, y TimeSpan) int {
		return cmp.Or(x.Started.Compare(y.Started), cmp.Compare(x.Session, y.Session))
	})
	return out
}

// spansAfter keeps the spans started after cutoff (a reset).
func spansAfter(spans []TimeSpan, cutoff time.Time) []TimeSpan {
	if cutoff.IsZero() {
		return spans
	}
	var out []TimeSpan
	for _, s := range spans {
		if s.Started.After(cutoff) {
			out = append(out, s)
		}
	}
	return out
}

// sanitizeSpans keeps the spans this package could have written: a session id, a start within
// what JSON holds, no negative seconds.
func sanitizeSpans(spans []TimeSpan) []TimeSpan {
	var out []TimeSpan
	for _, s := range spans {
		s.Started = cleanTime(s.Started)
		if s.Session != "" && !s.Started.IsZero() {
			s.Seconds = max(s.Seconds, 0)
			out = append(out, s)
		}
	}
	return mergeSpans(out, nil)
}

// spent is the total time of a lesson's spans.
func spent(spans []TimeSpan) time.Duration {
	var d time.Duration
	for _, s := range spans {
		d += time.Duration(s.Seconds) * time.Second
	}
	return d
}

// SetTimeSpent records the active time a session spent on a lesson so far: span's seconds
// replace that session's earlier figure when larger (a session's time only grows).
func (s *Store) SetTimeSpent(courseID, lessonID string, span TimeSpan, now time.Time) error {
	if span.Session == "" || span.Started.IsZero() || !validTime(span.Started) || span.Seconds < 0 {
		return fmt.Errorf("time spent on lesson %s: a span needs a session, a start and seconds (got %+v)", lessonID, span)
	}
	span.Started = cleanTime(span.Started)
	return s.change(courseID, lessonID, now, func(_ *courseState, l *lessonState, _ time.Time) {
		l.TimeSpent = mergeSpans(l.TimeSpent, []TimeSpan{span})
	})
}

// markActive notes that the learner did something at t: kept unless the course already has
// a time on t's day, in t's time zone.
func markActive(active []time.Time, t time.Time) []time.Time {
	for _, a := range active {
		if sameDay(a.In(t.Location()), t) {
			return active
		}
	}
	return mergeTimes(active, []time.Time{cleanTime(t)})
}

// mergeTimes is the union of two sets of times, sorted, without repeats or zero times.
func mergeTimes(a, b []time.Time) []time.Time {
	ts := timesOf(time.Time{}, slices.Concat(a, b))
	if len(ts) == 0 {
		return nil
	}
	return ts
}

// activity is every time the learner is known to have done something in the course: the days
// recorded as active, and for files from before those were kept, the times of lessons opened
// and read, attempts and labs passed.
func (p CourseProgress) activity() []time.Time {
	times := slices.Clone(p.Active)
	for _, l := range p.Lessons {
		times = append(times, l.FirstOpened, l.LastOpened, l.ReadAt)
		for _, a := range l.Attempts {
			times = append(times, a.Time)
		}
		for _, pass := range l.Labs {
			times = append(times, pass.PassedAt)
		}
	}
	return times
}

// Streak counts the consecutive days, in now's time zone, on which the learner opened or read
// a lesson, answered a quiz, passed a lab or reviewed, ending today (or yesterday: a streak is
// not broken before the day is over). 0 means none.
func (p CourseProgress) Streak(now time.Time) int {
	return srs.DayStreak(p.activity(), now, now.Location())
}

// ActiveDays counts the days, in now's time zone, on which the learner did something in the
// course, up to now's.
func (p CourseProgress) ActiveDays(now time.Time) int {
	days := map[[3]int]bool{}
	for _, t := range p.activity() {
		if t.IsZero() || t.After(now) && !sameDay(t.In(now.Location()), now) {
			continue
		}
		y, m, d := t.In(now.Location()).Date()
		days[[3]int{y, int(m), d}] = true
	}
	return len(days)
}

// TimeSpent is the active time spent on the course's lessons (not on lessons it no longer has).
func (c CourseInfo) TimeSpent(p CourseProgress) time.Duration {
	var d time.Duration
	for _, l := range c.Lessons {
		d += p.Lessons[l.ID].TimeSpent
	}
	return d
}

// snapshot is a deep copy of the course's progress for the interface and the reports. Lessons
// that hold nothing (such as a lesson that was reset) are left out.
func (c *courseState) snapshot() CourseProgress {
	out := CourseProgress{Lessons: map[string]LessonProgress{}}
	if c == nil {
		return out
	}
	out.LastLesson = c.LastLesson
	out.Welcomed = !c.WelcomedAt.IsZero()
	out.Reviews = slices.Clone(c.ReviewLog)
	out.Active = slices.Clone(c.ActiveOn)
	for id, l := range c.Lessons {
		if l.empty() {
			continue
		}
		lp := LessonProgress{
			FirstOpened: l.firstOpening(), LastOpened: l.LastOpened,
			Position: l.Position, Read: l.Read, ReadAt: l.ReadAt,
			Best: l.Best, Passed: l.Passed, PassedAt: l.PassedAt, Open: l.openAttempt(),
			TimeSpent: spent(l.TimeSpent),
		}
		for _, a := range l.Attempts {
			lp.Attempts = append(lp.Attempts, cloneAttempt(a))
		}
		lp.Labs = firstPasses(l.Labs)
		out.Lessons[id] = lp
	}
	return out
}
