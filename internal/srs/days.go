package srs

import "time"

// dayNumber numbers t's calendar day in zone: consecutive days have consecutive numbers.
func dayNumber(t time.Time, zone *time.Location) int64 {
	y, m, d := t.In(zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// startOfNextDay returns when the day after now's local day begins.
func startOfNextDay(now time.Time, zone *time.Location) time.Time {
	y, m, d := now.In(zone).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, zone)
}

// wall returns t's wall-clock reading in zone as if it were UTC. go-fsrs counts elapsed days
// between UTC calendar dates; given wall times, it counts the learner's local days instead.
func wall(t time.Time, zone *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	l := t.In(zone)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}

// unwall undoes wall: it reads w's UTC wall clock as a time in zone, and returns it in UTC.
func unwall(w time.Time, zone *time.Location) time.Time {
	if w.IsZero() {
		return w
	}
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), zone).UTC()
}

// DayStreak counts the consecutive local days in zone with any activity, ending today or
// yesterday (a streak is not broken before the day is over). Activity after now's day is
// ignored. 0 means no streak.
func DayStreak(activity []time.Time, now time.Time, zone *time.Location) int {
	today := dayNumber(now, zone)
	days := make(map[int64]bool, len(activity))
	for _, t := range activity {
		if !t.IsZero() {
			days[dayNumber(t, zone)] = true
		}
	}
	day := today
	if !days[day] {
		day--
	}
	streak := 0
	for days[day] {
		streak++
		day--
	}
	return streak
}
