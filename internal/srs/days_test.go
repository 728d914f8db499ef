package srs

import (
	"testing"
	"time"
)

func TestDayStreak(t *testing.T) {
	now := at(0, 12, 0)
	for _, c := range []struct {
		name     string
		activity []time.Time
		want     int
	}{
		{"none", nil, 0},
		{"today only", []time.Time{at(0, 9, 0)}, 1},
		{"yesterday only: the streak holds until today ends", []time.Time{at(-1, 9, 0)}, 1},
		{"two days ago: broken", []time.Time{at(-2, 9, 0)}, 0},
		{"three days running, several a day", []time.Time{at(0, 8, 0), at(-1, 9, 0), at(-1, 10, 0), at(-2, 23, 59)}, 3},
		{"a gap", []time.Time{at(0, 8, 0), at(-1, 9, 0), at(-3, 9, 0), at(-4, 9, 0)}, 2},
		{"up to yesterday, unordered", []time.Time{at(-3, 9, 0), at(-1, 9, 0), at(-2, 9, 0)}, 3},
		{"future ignored", []time.Time{at(1, 9, 0)}, 0},
		{"local midnight, not UTC's", []time.Time{at(0, 0, 30).UTC(), at(-1, 23, 30).UTC()}, 2},
		{"zero times ignored", []time.Time{{}, at(0, 9, 0)}, 1},
	} {
		if got := DayStreak(c.activity, now, zone); got != c.want {
			t.Errorf("%s: streak %d, want %d", c.name, got, c.want)
		}
	}
}
