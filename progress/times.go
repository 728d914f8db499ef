package progress

import (
	"slices"
	"time"
)

// A lesson's first opening and its first reading to the end are the earliest of a set of
// times: each process that did not know of an earlier one adds its own. The whole set is kept,
// not only its earliest, because a reset drops the times at or before it: were the earliest
// alone kept, a merge before the reset is known would lose a later time that survives it, and
// merging would depend on its order (a reading at 1 and another at 5, a reset at 3: the
// reading at 5 must remain). The file holds the earliest in first_opened or read_at, as
// before, and the others, rarely any, in first_opened_also or read_at_also.

// timesOf is the set {first} ∪ also, sorted, without zero times or repeats.
func timesOf(first time.Time, also []time.Time) []time.Time {
	var ts []time.Time
	for _, t := range append([]time.Time{first}, also...) {
		if !t.IsZero() {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(ts, time.Time.Equal)
}

// splitTimes splits a sorted set into its earliest time and the others (nil when none).
func splitTimes(ts []time.Time) (first time.Time, also []time.Time) {
	if len(ts) == 0 {
		return time.Time{}, nil
	}
	if len(ts) > 1 {
		also = slices.Clone(ts[1:])
	}
	return ts[0], also
}

// timesAfter is what of ts is after cutoff.
func timesAfter(ts []time.Time, cutoff time.Time) []time.Time {
	return slices.DeleteFunc(ts, func(t time.Time) bool { return !t.After(cutoff) })
}

// cleanTimes cleans each time of a set (see cleanTime) and makes first its earliest.
func cleanTimes(first time.Time, also []time.Time) (time.Time, []time.Time) {
	ts := []time.Time{cleanTime(first)}
	for _, t := range also {
		ts = append(ts, cleanTime(t))
	}
	return splitTimes(timesOf(ts[0], ts[1:]))
}

// firstOpening is when the lesson counts as first opened: its earliest first opening, or, when
// a reset left none, its last opening.
func (l *lessonState) firstOpening() time.Time {
	if l.FirstOpened.IsZero() {
		return l.LastOpened
	}
	return l.FirstOpened
}
