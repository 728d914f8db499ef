package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// snapshotStore starts a session with a given progress and saves nothing.
type snapshotStore struct {
	countingStore
	p progress.CourseProgress
}

func (s *snapshotStore) Course(string) progress.CourseProgress { return s.p }

// bigCourse is a course of 1,000 lessons of 10 questions, and a learner who answered every
// question five times over the past year, three in four right: 10,000 cards.
func bigCourse(b *testing.B, now time.Time) (*lessons.Course, progress.CourseProgress) {
	b.Helper()
	c := &lessons.Course{ID: "big", Title: "Big", PassMark: 70}
	p := progress.CourseProgress{Welcomed: true, Lessons: map[string]progress.LessonProgress{}}
	r := rand.New(rand.NewPCG(5, 6))
	for l := range 1000 {
		lesson := &lessons.Lesson{ID: fmt.Sprintf("lesson-%03d", l), Title: fmt.Sprintf("Lesson %d", l), Section: "Lessons"}
		var lp progress.LessonProgress
		for q := range 10 {
			lesson.Quiz = append(lesson.Quiz, &lessons.Question{ID: fmt.Sprintf("%s/q%d", lesson.ID, q), Hash: "h"})
		}
		for n := range 5 {
			a := progress.Attempt{ID: fmt.Sprintf("%s-%d", lesson.ID, n), Kind: progress.FullAttempt, Time: now.Add(-time.Duration(1+r.IntN(365*24)) * time.Hour)}
			for _, q := range lesson.Quiz {
				a.Answers = append(a.Answers, progress.Answer{QuestionID: q.ID, Hash: q.Hash, Correct: r.IntN(4) > 0, At: a.Time})
			}
			lp.Attempts = append(lp.Attempts, a)
		}
		c.Lessons = append(c.Lessons, lesson)
		p.Lessons[lesson.ID] = lp
	}
	sched, err := progress.NewSchedule(courseinfo.Of(c), time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	p.Reviews = sched.Log(p)
	return c, p
}

// BenchmarkOutlineHeader10k is what the outline's header works out at each refresh (when it is
// shown) for a learner with 10,000 cards: the questions due, the streak, the time spent.
// Budget: under 5 ms.
func BenchmarkOutlineHeader10k(b *testing.B) {
	now := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	c, p := bigCourse(b, now)
	opts := testOptions()
	opts.Now = func() time.Time { return now }
	m := New(c, &snapshotStore{p: p}, opts)
	defer m.Close()
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	o := m.screens[outlineScreen].(*outlineModel)
	b.Logf("%d due: %q", o.stats.due, o.statsLine(80))
	for b.Loop() {
		o.refreshStats()
	}
}
