package srs

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// dueCards returns n cards due 1..n days before day0's evening, and n not yet due, shuffled.
func dueCards(n int) []Card {
	var cards []Card
	for i := range n {
		cards = append(cards,
			Card{Key: Key{fmt.Sprintf("due%03d", i), "h"}, State: StateReview, Due: at(-1-i, 9, 0).UTC()},
			Card{Key: Key{fmt.Sprintf("later%03d", i), "h"}, State: StateReview, Due: at(1+i, 9, 0).UTC()})
	}
	slices.Reverse(cards[n/2:])
	return cards
}

func TestDueOrdersMostOverdueFirst(t *testing.T) {
	s := newScheduler(t, Config{})
	today := Card{Key: Key{"today", "h"}, State: StateReview, Due: at(0, 23, 0).UTC()}
	fresh := NewCard(Key{"edited", "h2"}, day0)
	cards := append(dueCards(10), today, fresh)
	due := s.Due(cards, day0, 0)
	want := []string{"due009", "due008", "due007", "due006", "due005", "due004", "due003", "due002", "due001", "due000", "edited", "today"}
	var got []string
	for _, c := range due {
		got = append(got, c.QuestionID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("due order:\n got %v\nwant %v", got, want)
	}
	if n := s.DueCount(cards, day0, 0); n != len(want) {
		t.Errorf("due count %d, want %d", n, len(want))
	}
	if n := s.DueTotal(cards, day0); n != len(want) {
		t.Errorf("due total %d, want %d", n, len(want))
	}
	next, ok := s.NextDue(cards, day0)
	if !ok || !next.Equal(at(1, 9, 0)) {
		t.Errorf("next due %v, want %v", next, at(1, 9, 0))
	}
}

func TestDailyLimit(t *testing.T) {
	cards := dueCards(80)
	for _, c := range []struct {
		limit, done, want int
	}{
		{0, 0, DefaultDailyLimit},
		{0, 45, 5},
		{0, 50, 0},
		{0, 70, 0},
		{10, 3, 7},
		{200, 0, 80},
	} {
		s := newScheduler(t, Config{DailyLimit: c.limit})
		due := s.Due(cards, day0, c.done)
		if len(due) != c.want || s.DueCount(cards, day0, c.done) != c.want {
			t.Errorf("limit %d, %d done today: Due gave %d, DueCount %d, want %d",
				c.limit, c.done, len(due), s.DueCount(cards, day0, c.done), c.want)
		}
		if len(due) > 0 && due[0].QuestionID != "due079" {
			t.Errorf("limit %d: the limited list starts with %s, want the most overdue", c.limit, due[0].QuestionID)
		}
		if s.DueTotal(cards, day0) != 80 {
			t.Errorf("due total %d, want 80", s.DueTotal(cards, day0))
		}
	}
}

func TestCurrentDropsQuestionsGoneFromTheCourse(t *testing.T) {
	d := Deck{
		{"kept", "h"}:    {Key: Key{"kept", "h"}, State: StateReview, Due: day0},
		{"gone", "h"}:    {Key: Key{"gone", "h"}, State: StateReview, Due: day0},
		{"edited", "h1"}: {Key: Key{"edited", "h1"}, State: StateReview, Due: day0},
	}
	cur := d.Current(map[string]string{"kept": "h", "edited": "h2", "never": "h"}, day0)
	slices.SortFunc(cur, func(a, b Card) int { return compareKeys(a.Key, b.Key) })
	want := []Card{NewCard(Key{"edited", "h2"}, day0), d[Key{"kept", "h"}]}
	if !slices.Equal(cur, want) {
		t.Errorf("current cards:\n got %+v\nwant %+v", cur, want)
	}
}

func TestDueUsesLocalDays(t *testing.T) {
	// Due at 01:00 local tomorrow, which is 23:00 UTC today: not due today in the learner's zone.
	c := Card{Key: Key{"q", "h"}, State: StateReview, Due: at(1, 1, 0).UTC()}
	s := newScheduler(t, Config{})
	if n := s.DueCount([]Card{c}, at(0, 22, 0), 0); n != 0 {
		t.Errorf("due count in the learner's zone: %d, want 0", n)
	}
	utc := newScheduler(t, Config{Zone: time.UTC})
	if n := utc.DueCount([]Card{c}, at(0, 22, 0), 0); n != 1 {
		t.Errorf("due count in UTC: %d, want 1", n)
	}
}
