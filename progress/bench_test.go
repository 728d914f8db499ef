package progress

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// realisticStore returns a store holding a course of 10 lessons, each read, with 3 attempts of
// 8 answers: a learner who has finished a course.
func realisticStore(b *testing.B) *Store {
	b.Helper()
	s := openClean(b, filepath.Join(b.TempDir(), "progress.json"))
	for l := range 10 {
		lesson := fmt.Sprintf("lesson-%02d", l)
		must(b, s.OpenLesson("course", lesson, at(l*60)))
		must(b, s.MarkRead("course", lesson, at(l*60+20)))
		for n := range 3 {
			a := Attempt{ID: fmt.Sprintf("%s-attempt-%d", lesson, n), Time: at(l*60 + 30 + n), Correct: 5 + n, Total: 8, Passed: n > 0}
			for q := range 8 {
				a.Answers = append(a.Answers, Answer{
					QuestionID: fmt.Sprintf("%s/q%d", lesson, q+1), Hash: "3b7e1c0d9a2f5e6d",
					Given: []string{"A stratified split keeps the class balance"}, Correct: q < a.Correct,
				})
			}
			must(b, s.RecordAttempt("course", lesson, a))
		}
	}
	return s
}

// BenchmarkSave measures one save of a realistic file: lock, read, decode, merge, encode,
// write a temporary file, fsync, rename, fsync the directory.
func BenchmarkSave(b *testing.B) {
	s := realisticStore(b)
	for i := 0; b.Loop(); i++ {
		if err := s.SetPosition("course", "lesson-05", float64(i%100)/100, at(1000+i)); err != nil {
			b.Fatal(err)
		}
	}
	info, err := os.Stat(s.Path())
	must(b, err)
	b.ReportMetric(float64(info.Size()), "file-bytes")
}

// BenchmarkDecode measures reading the same file, the part of a save that grows with it.
func BenchmarkDecode(b *testing.B) {
	data, err := os.ReadFile(realisticStore(b).Path())
	must(b, err)
	for b.Loop() {
		if _, err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// benchAttempt is attempt i of lesson-05: eight answers, five right.
func benchAttempt(i int) Attempt {
	a := Attempt{ID: fmt.Sprintf("bench-%d", i), Time: at(2000 + i), Correct: 5, Total: 8, Percent: 62.5}
	for q := range 8 {
		a.Answers = append(a.Answers, Answer{QuestionID: fmt.Sprintf("lesson-05/q%d", q+1), Hash: "3b7e1c0d9a2f5e6d",
			Given: []string{"A stratified split keeps the class balance"}, Correct: q < 5, At: at(2000 + i)})
	}
	return a
}

// BenchmarkSaveAttempt is a quiz attempt saved, as before reviews (the store's RecordAttempt:
// lock, read, merge, write, fsync), on the realistic file: the budget's reference. Run with a
// fixed count (-benchtime=300x): each save adds an attempt.
func BenchmarkSaveAttempt(b *testing.B) {
	s := realisticStore(b)
	for i := 0; b.Loop(); i++ {
		if err := s.RecordAttempt("course", "lesson-05", benchAttempt(i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveReview is one review answer saved (RecordReviews: lock, read, merge, rate
// against the merged log, write, fsync) on the realistic file with its review log. Budget:
// within 2x of BenchmarkSaveAttempt. Each save adds an entry: run with -benchtime=300x.
func BenchmarkSaveReview(b *testing.B) {
	s := realisticStore(b)
	sched, err := NewSchedule(CourseInfo{}, time.UTC)
	must(b, err)
	must(b, s.RecordReviews("course", sched, nil)) // the learner's history, replayed into the log
	b.ReportMetric(float64(len(s.Course("course").Reviews)), "log-entries")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		when := at(2000).Add(time.Duration(i) * 24 * time.Hour)
		a := ReviewAnswer{Lesson: "lesson-05", Source: "review", Answer: Answer{QuestionID: fmt.Sprintf("lesson-05/q%d", i%8+1),
			Hash: "3b7e1c0d9a2f5e6d", Given: []string{"A stratified split keeps the class balance"}, Correct: i%4 > 0, At: when}}
		if err := s.RecordReviews("course", sched, []ReviewAnswer{a}); err != nil {
			b.Fatal(err)
		}
	}
}

// bench10k is a learner with 10,000 cards: 1,000 lessons of 10 questions, each answered five
// times over the past year, three in four right.
func bench10k(b *testing.B) (*Schedule, CourseProgress) {
	b.Helper()
	info := CourseInfo{ID: "c"}
	p := CourseProgress{Lessons: map[string]LessonProgress{}}
	r := rand.New(rand.NewPCG(5, 6))
	for l := range 1000 {
		li := LessonInfo{ID: fmt.Sprintf("lesson-%03d", l), Questions: 10, QuestionHashes: map[string]string{}}
		var lp LessonProgress
		for q := range 10 {
			li.QuestionHashes[fmt.Sprintf("%s/q%d", li.ID, q)] = "h"
		}
		for n := range 5 {
			a := Attempt{ID: fmt.Sprintf("%s-%d", li.ID, n), Kind: FullAttempt, Time: t0.Add(-time.Duration(r.IntN(365*24)) * time.Hour)}
			for q := range 10 {
				a.Answers = append(a.Answers, Answer{QuestionID: fmt.Sprintf("%s/q%d", li.ID, q), Hash: "h", Correct: r.IntN(4) > 0, At: a.Time})
			}
			lp.Attempts = append(lp.Attempts, a)
		}
		info.Lessons = append(info.Lessons, li)
		p.Lessons[li.ID] = lp
	}
	sched, err := NewSchedule(info, time.UTC)
	must(b, err)
	p.Reviews = sched.Log(p)
	return sched, p
}

// BenchmarkReviewStatus10k is what the outline's header asks of a learner with 10,000 cards at
// each refresh: the review status (due now within the limit, due in all, the next review) and
// the streak, from the session. Budget: under 5 ms.
func BenchmarkReviewStatus10k(b *testing.B) {
	sched, p := bench10k(b)
	s := NewSession("c", &recordingStorage{initial: p}, SessionOptions{Schedule: sched, Now: func() time.Time { return t0 }})
	defer s.Close(time.Second)
	st := s.ReviewStatus()
	b.Logf("%d cards, %d entries: %d due today (%d without the limit)", st.Cards, len(p.Reviews), st.Due, st.Waiting)
	b.ResetTimer()
	for b.Loop() {
		s.ReviewStatus()
		s.Progress().Streak(t0)
	}
}

// BenchmarkReviewStatus10kAfterAnswer is the same refresh right after an answer, when the
// session works out the current cards again: the worst case.
func BenchmarkReviewStatus10kAfterAnswer(b *testing.B) {
	sched, p := bench10k(b)
	s := NewSession("c", &recordingStorage{initial: p}, SessionOptions{Schedule: sched, Now: func() time.Time { return t0 }})
	defer s.Close(time.Second)
	for i := 0; b.Loop(); i++ {
		s.RecordReview("lesson-005", Answer{QuestionID: fmt.Sprintf("lesson-005/q%d", i%10), Hash: "h", Correct: true,
			At: t0.Add(time.Duration(i) * 24 * time.Hour)})
		s.ReviewStatus()
		s.Progress().Streak(t0)
	}
}

// BenchmarkReviewStatus10kCold is the first refresh of a session (or of a new version of the
// course): the current cards worked out from the deck.
func BenchmarkReviewStatus10kCold(b *testing.B) {
	sched, p := bench10k(b)
	s := NewSession("c", &recordingStorage{initial: p}, SessionOptions{Schedule: sched, Now: func() time.Time { return t0 }})
	defer s.Close(time.Second)
	for b.Loop() {
		s.reviews.fresh = false
		s.ReviewStatus()
		s.Progress().Streak(t0)
	}
}

// BenchmarkReviewDue10k is the start of a review session with 10,000 cards: the due questions,
// sorted, within the limit.
func BenchmarkReviewDue10k(b *testing.B) {
	sched, p := bench10k(b)
	deck := sched.Deck(p.Reviews)
	b.ResetTimer()
	for b.Loop() {
		sched.Due(deck, p.Reviews, t0, false)
	}
}
