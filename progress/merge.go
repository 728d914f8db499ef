package progress

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// merge combines two versions of the progress file (what is on disk and what a process holds)
// so that neither loses anything: every attempt from both sides, deduplicated by ID; Read and
// Passed ORed; Best the maximum; the earliest FirstOpened, ReadAt and PassedAt (each of a set
// of times kept whole, so that a reset cuts it the same in any order: times.go); the latest
// LastOpened and WelcomedAt; Position, LastLesson and the open attempt from whichever side set
// them most recently. A reset on either side drops what both sides recorded at or before it.
//
// merge is commutative, associative and idempotent, so merging in any order, or merging the
// same thing twice, gives the same file. Either side may be nil. The result shares nothing with
// its inputs.
func merge(a, b *file) *file {
	out := newFile()
	for _, f := range []*file{a, b} {
		if f == nil {
			continue
		}
		for id := range f.Courses {
			if _, done := out.Courses[id]; done {
				continue
			}
			c := mergeCourse(courseOf(a, id), courseOf(b, id))
			if c != nil {
				out.Courses[id] = c
			}
		}
	}
	return out
}

func courseOf(f *file, id string) *courseState {
	if f == nil {
		return nil
	}
	return f.Courses[id]
}

func mergeCourse(a, b *courseState) *courseState {
	out := &courseState{Lessons: map[string]*lessonState{}}
	for _, c := range []*courseState{a, b} {
		if c != nil {
			out.ResetAt = latest(out.ResetAt, c.ResetAt)
		}
	}
	mergeLastLesson(out, a, b)
	mergeWelcome(out, a, b)
	for _, c := range []*courseState{a, b} {
		if c == nil {
			continue
		}
		for id := range c.Lessons {
			if _, done := out.Lessons[id]; done {
				continue
			}
			l := mergeLesson(lessonOf(a, id), lessonOf(b, id), out.ResetAt)
			// A lesson with nothing left is dropped, unless its own reset, or the drop of its
			// open attempt, is needed to keep another process's older copy from coming back.
			if !l.empty() || l.ResetAt.After(out.ResetAt) || !l.OpenAt.IsZero() {
				out.Lessons[id] = l
			}
		}
	}
	mergeActivity(out, a, b)
	if out.empty() {
		return nil
	}
	return out
}

// mergeActivity sets out's active days and review log: both sides', without what out's resets
// (its own, and its lessons', which are merged first) drop.
func mergeActivity(out, a, b *courseState) {
	for _, c := range []*courseState{a, b} {
		if c != nil {
			out.ActiveOn = mergeTimes(out.ActiveOn, timesAfter(slices.Clone(c.ActiveOn), out.ResetAt))
			out.ReviewLog = mergeReviews(out.ReviewLog, reviewsAfter(c.ReviewLog, out.ResetAt, out.Lessons))
		}
	}
}

// empty reports whether a merged course holds nothing worth keeping, not even a reset.
func (c *courseState) empty() bool {
	return c.LastLesson == "" && len(c.Lessons) == 0 && c.ResetAt.IsZero() && c.WelcomedAt.IsZero() &&
		len(c.ActiveOn) == 0 && len(c.ReviewLog) == 0
}

// mergeLastLesson sets out's last lesson from whichever side opened one most recently after
// out's reset.
func mergeLastLesson(out, a, b *courseState) {
	for _, c := range []*courseState{a, b} {
		if c == nil || c.LastLesson == "" || !after(c.LastLessonAt, out.ResetAt) {
			continue
		}
		if out.LastLesson == "" || newer(c.LastLessonAt, c.LastLesson, out.LastLessonAt, out.LastLesson) {
			out.LastLesson, out.LastLessonAt = c.LastLesson, c.LastLessonAt
		}
	}
}

// mergeWelcome keeps the latest welcome after out's reset. The latest, not the first: only the
// latest time is cut by a reset the same way whatever the order of merging (the earliest that
// survives a reset could already have been merged away).
func mergeWelcome(out, a, b *courseState) {
	for _, c := range []*courseState{a, b} {
		if c != nil && after(c.WelcomedAt, out.ResetAt) {
			out.WelcomedAt = latest(out.WelcomedAt, c.WelcomedAt)
		}
	}
}

func lessonOf(c *courseState, id string) *lessonState {
	if c == nil {
		return nil
	}
	return c.Lessons[id]
}

func mergeLesson(a, b *lessonState, courseReset time.Time) *lessonState {
	out := &lessonState{}
	for _, l := range []*lessonState{a, b} {
		if l != nil {
			out.ResetAt = latest(out.ResetAt, l.ResetAt)
		}
	}
	if !out.ResetAt.After(courseReset) {
		// The course's reset covers it: keeping it in some merge orders and not in others
		// would make merging depend on the order.
		out.ResetAt = time.Time{}
	}
	cutoff := latest(courseReset, out.ResetAt)
	seen := map[string]bool{}
	for _, l := range []*lessonState{a, b} {
		if l == nil {
			continue
		}
		// Each side is cut at the reset before combining: combining first would let an
		// older FirstOpened hide a newer one that survives the reset.
		p := l.since(cutoff)
		out.FirstOpened, out.FirstOpenedAlso = splitTimes(timesOf(out.FirstOpened,
			slices.Concat(out.FirstOpenedAlso, []time.Time{p.FirstOpened}, p.FirstOpenedAlso)))
		out.LastOpened = latest(out.LastOpened, p.LastOpened)
		if newerPosition(p, out) {
			out.Position, out.PositionAt = p.Position, p.PositionAt
		}
		if p.Read {
			out.Read = true
			out.ReadAt, out.ReadAtAlso = splitTimes(timesOf(out.ReadAt,
				slices.Concat(out.ReadAtAlso, []time.Time{p.ReadAt}, p.ReadAtAlso)))
		}
		out.Labs = mergeLabs(out.Labs, p.Labs)
		out.TimeSpent = mergeSpans(out.TimeSpent, p.TimeSpent)
		for _, at := range p.Attempts {
			if !seen[at.ID] {
				seen[at.ID] = true
				out.Attempts = append(out.Attempts, cloneAttempt(at))
			}
		}
		if newerOpen(p, out) {
			out.Open, out.OpenAt = cloneOpen(p.Open), p.OpenAt
		}
	}
	sortAttempts(out.Attempts)
	out.derive()
	return out
}

// newerOpen reports whether p's open attempt (or its drop) was saved after out's. Equal times
// are broken by the open attempt's content, so the result does not depend on the order of the
// sides. (Finishing an attempt records a drop at that time, which wins over the open attempt
// it finishes: see RecordAttempt.)
func newerOpen(p, out *lessonState) bool {
	if p.OpenAt.IsZero() && p.Open == nil {
		return false // nothing was ever saved or dropped
	}
	if out.OpenAt.IsZero() && out.Open == nil {
		return true
	}
	if c := p.OpenAt.Compare(out.OpenAt); c != 0 {
		return c > 0
	}
	return openKey(p.Open) > openKey(out.Open)
}

// openKey orders open attempts saved at the same time by their content; a drop comes last, so
// that finishing an attempt at the very time it was saved still closes it.
func openKey(o *OpenAttempt) string {
	if o == nil {
		return "\xff"
	}
	data, _ := json.Marshal(o) // cannot fail: plain data
	return string(data)
}

// sortAttempts puts attempts in time order, ties by ID, so both sides of a merge agree.
func sortAttempts(attempts []Attempt) {
	slices.SortFunc(attempts, func(x, y Attempt) int {
		if c := x.Time.Compare(y.Time); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
}

// since returns what of l was recorded after cutoff (a reset); l itself is not changed.
func (l *lessonState) since(cutoff time.Time) *lessonState {
	if cutoff.IsZero() {
		return l
	}
	p := *l
	// Opened before and again after the reset: no first opening is left, and the last counts
	// as the first (firstOpening); it is not stored as one, which would make merging depend on
	// its order.
	p.FirstOpened, p.FirstOpenedAlso = splitTimes(timesAfter(timesOf(l.FirstOpened, l.FirstOpenedAlso), cutoff))
	if !p.LastOpened.After(cutoff) {
		p.LastOpened = time.Time{}
	}
	if !p.PositionAt.After(cutoff) {
		p.Position, p.PositionAt = 0, time.Time{}
	}
	reads := timesAfter(timesOf(l.ReadAt, l.ReadAtAlso), cutoff)
	p.Read = l.Read && len(reads) > 0
	p.ReadAt, p.ReadAtAlso = splitTimes(reads)
	if !p.Read {
		p.ReadAt, p.ReadAtAlso = time.Time{}, nil
	}
	p.Labs = labsSince(l.Labs, cutoff)
	p.TimeSpent = spansAfter(l.TimeSpent, cutoff)
	p.Attempts = nil
	for _, at := range l.Attempts {
		if at.Time.After(cutoff) {
			p.Attempts = append(p.Attempts, at)
		}
	}
	if !p.OpenAt.After(cutoff) {
		p.Open, p.OpenAt = nil, time.Time{}
	}
	return &p
}

// derive sets Best, Passed and PassedAt from the attempts.
func (l *lessonState) derive() {
	l.Best, l.Passed, l.PassedAt = attemptsSummary(l.Attempts)
}

// empty reports whether the lesson holds no progress (a reset time alone is not progress).
func (l *lessonState) empty() bool {
	return l.FirstOpened.IsZero() && l.LastOpened.IsZero() && l.PositionAt.IsZero() &&
		l.Position == 0 && !l.Read && len(l.Attempts) == 0 && len(l.Labs) == 0 && l.Open == nil && len(l.TimeSpent) == 0
}

// newerPosition reports whether p's position was set after out's. Equal times are broken by
// the larger position, so the result does not depend on the order of the sides.
func newerPosition(p, out *lessonState) bool {
	if c := p.PositionAt.Compare(out.PositionAt); c != 0 {
		return c > 0
	}
	return p.Position > out.Position
}

// newer reports whether the value v set at t is newer than w set at u, ties broken by value.
func newer(t time.Time, v string, u time.Time, w string) bool {
	if c := t.Compare(u); c != 0 {
		return c > 0
	}
	return v > w
}

// after reports whether t survives a reset at cutoff. With no reset everything survives, even
// a value without a time (from a hand-edited file).
func after(t, cutoff time.Time) bool {
	return cutoff.IsZero() || t.After(cutoff)
}

func earliest(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	case b.Before(a):
		return b
	}
	return a
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// cloneAttempt returns a deep copy of a. No answers (or questions) is nil, as after a round
// trip through the file, so that a saved and reloaded attempt equals the original.
func cloneAttempt(a Attempt) Attempt {
	a.Answers = cloneAnswers(a.Answers)
	a.Questions = cloneStrings(a.Questions)
	return a
}

func cloneAnswers(in []Answer) []Answer {
	if len(in) == 0 {
		return nil
	}
	out := make([]Answer, len(in))
	for i, ans := range in {
		ans.Given = slices.Clone(ans.Given)
		if ans.Credit != nil {
			c := *ans.Credit
			ans.Credit = &c
		}
		out[i] = ans
	}
	return out
}

func cloneStrings(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	return slices.Clone(in)
}

// cloneOpen returns a deep copy of an open attempt (nil for nil).
func cloneOpen(o *OpenAttempt) *OpenAttempt {
	if o == nil {
		return nil
	}
	c := *o
	c.Questions = cloneStrings(o.Questions)
	c.Answers = cloneAnswers(o.Answers)
	return &c
}

// clone returns a deep copy of f.
func (f *file) clone() *file { return merge(f, nil) }
