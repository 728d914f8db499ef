package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/aieng/aieng/progress"
)

// writeActivity adds to `aieng progress` the learner's streak, time spent and reviews.
func (a *app) writeActivity(b *strings.Builder, info progress.CourseInfo, p progress.CourseProgress, now time.Time) error {
	if n := p.Streak(now); n > 0 {
		fmt.Fprintf(b, "Streak: %d %s in a row with a lesson, quiz, lab or review.\n", n, pluralOf(n, "day", "days"))
	}
	if d := info.TimeSpent(p); d >= time.Minute {
		fmt.Fprintf(b, "Time spent on the lessons: %s.\n", strings.NewReplacer("h", " h ", "m", " min").Replace(shortDuration(d)))
	}
	sched, err := progress.NewSchedule(info, now.Location())
	if err != nil {
		return err
	}
	log := sched.Log(p)
	st := sched.Status(sched.Deck(log), log, now)
	switch {
	case st.Due > 0:
		fmt.Fprintf(b, "Review: %d %s due: run %s review.\n", st.Due, pluralOf(st.Due, "question", "questions"), a.name)
	case st.Waiting > 0:
		fmt.Fprintf(b, "Review: today's are done; %d more wait for tomorrow.\n", st.Waiting)
	case !st.Next.IsZero():
		fmt.Fprintf(b, "Review: nothing due; next on %s (%d %s).\n", st.Next.In(now.Location()).Format("Mon 2 Jan"),
			st.NextCount, pluralOf(st.NextCount, "question", "questions"))
	}
	return nil
}

// shortDuration shows time spent in a table cell: "-", "25m", "1h05m".
func shortDuration(d time.Duration) string {
	m := int(d / time.Minute)
	switch {
	case m < 1:
		return "-"
	case m < 60:
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dh%02dm", m/60, m%60)
}
