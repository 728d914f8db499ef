package progress

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/internal/srs"
)

// reviewCourse is a course of two lessons with two questions each, as the review rules see it.
func reviewCourse() CourseInfo {
	return CourseInfo{ID: "c", Lessons: []LessonInfo{
		{ID: "l1", Questions: 2, QuestionHashes: map[string]string{"q1": "h1", "q2": "h2"}},
		{ID: "l2", Questions: 2, QuestionHashes: map[string]string{"q3": "h3", "q4": "h4"}},
	}}
}

func reviewSchedule(t testing.TB, info CourseInfo) *Schedule {
	t.Helper()
	s, err := NewSchedule(info, time.UTC)
	must(t, err)
	return s
}

func day(n int) time.Time { return t0.Add(time.Duration(n) * 24 * time.Hour) }

func answer(q, hash string, when time.Time, correct bool) Answer {
	return Answer{QuestionID: q, Hash: hash, Given: []string{"x"}, Correct: correct, At: when}
}

func review(lesson string, a Answer) ReviewAnswer {
	return ReviewAnswer{Lesson: lesson, Answer: a, Source: srs.SourceReview}
}

// status reopens the file, as another aieng would, and says where the learner stands at now.
func status(t *testing.T, path string, sched *Schedule, now time.Time) ReviewStatus {
	t.Helper()
	p := openClean(t, path).Course("c")
	log := sched.Log(p)
	return sched.Status(sched.Deck(log), log, now)
}

// TestMissedIsDueTheNextDay: a question missed in a quiz is not due again the same day, and is
// due the next day, through the real store, a session and a second process reading the file.
func TestMissedIsDueTheNextDay(t *testing.T) {
	info := reviewCourse()
	sched := reviewSchedule(t, info)
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openClean(t, path)
	clock := day(0)
	s := NewSession("c", store, SessionOptions{Now: func() time.Time { return clock }, Schedule: sched})
	s.RecordAttempt("l1", Attempt{ID: "a1", Correct: 1, Total: 2, Percent: 50,
		Answers: []Answer{answer("q1", "h1", clock, false), answer("q2", "h2", clock, true)}})
	must(t, s.Close(5*time.Second))

	if st := s.ReviewStatus(); st.Cards != 2 || st.Due != 0 || !sameDay(st.Next, day(1)) || st.NextCount != 1 {
		t.Errorf("in the session, right after the quiz: %+v", st)
	}
	if st := status(t, path, sched, day(0).Add(time.Hour)); st.Due != 0 || st.Cards != 2 {
		t.Errorf("the same day: %+v", st)
	}
	st := status(t, path, sched, day(1))
	if st.Due != 1 {
		t.Fatalf("the next day, %d due, want the missed question: %+v", st.Due, st)
	}
	p := openClean(t, path).Course("c")
	if due := sched.Due(sched.Deck(p.Reviews), p.Reviews, day(1), false); len(due) != 1 || due[0].QuestionID != "q1" {
		t.Errorf("due = %+v", due)
	}
	if len(p.Reviews) != 2 || p.Reviews[0].Lesson != "l1" || p.Reviews[0].Source != srs.SourceQuiz {
		t.Errorf("log = %+v", p.Reviews)
	}
}

// TestRightThreeTimesGoesFurther: each right answer, given when the question comes due, puts
// the next one further out.
func TestRightThreeTimesGoesFurther(t *testing.T) {
	info := reviewCourse()
	sched := reviewSchedule(t, info)
	path := filepath.Join(t.TempDir(), "progress.json")
	when := day(0)
	var intervals []int
	for range 4 {
		must(t, openClean(t, path).RecordReviews("c", sched, []ReviewAnswer{review("l1", answer("q1", "h1", when, true))}))
		p := openClean(t, path).Course("c")
		last := p.Reviews[len(p.Reviews)-1]
		intervals = append(intervals, last.ScheduledDays)
		if st := status(t, path, sched, last.Due); st.Due != 1 {
			t.Fatalf("not due on its due day %v: %+v", last.Due, st)
		}
		when = last.Due.Add(10 * time.Hour)
	}
	for i := 1; i < len(intervals); i++ {
		if intervals[i] <= intervals[i-1] {
			t.Fatalf("intervals %v do not grow", intervals)
		}
	}
	t.Logf("intervals after each right answer: %v days", intervals)
}

// TestEditedQuestionStartsFresh: once a question's content hash changes, the learner's history
// with the old version no longer schedules it: it is due at once, as a new card.
func TestEditedQuestionStartsFresh(t *testing.T) {
	info := reviewCourse()
	path := filepath.Join(t.TempDir(), "progress.json")
	before := reviewSchedule(t, info)
	must(t, openClean(t, path).RecordReviews("c", before, []ReviewAnswer{review("l1", answer("q1", "h1", day(0), true))}))
	if st := status(t, path, before, day(1)); st.Due != 0 {
		t.Fatalf("a question answered right is due the next day: %+v", st)
	}
	info.Lessons[0].QuestionHashes["q1"] = "h1-edited"
	after := reviewSchedule(t, info)
	st := status(t, path, after, day(1))
	if st.Due != 1 || st.Cards != 1 {
		t.Fatalf("the edited question: %+v", st)
	}
	must(t, openClean(t, path).RecordReviews("c", after, []ReviewAnswer{review("l1", answer("q1", "h1-edited", day(1), true))}))
	log := openClean(t, path).Course("c").Reviews
	if last := log[len(log)-1]; last.Hash != "h1-edited" || last.State != srs.StateNew || last.ElapsedDays != 0 {
		t.Errorf("the edited question's first review: %+v", last)
	}
}

// oldHistory is a learner's attempts from before the review log: missed, practised, passed.
func oldHistory() CourseProgress {
	return CourseProgress{Lessons: map[string]LessonProgress{
		"l1": {Attempts: []Attempt{
			{ID: "a1", Kind: FullAttempt, Time: day(0), Answers: []Answer{answer("q1", "h1", day(0), false), answer("q2", "", time.Time{}, true)}},
			{ID: "p1", Kind: PracticeAttempt, Time: day(0).Add(time.Minute), Answers: []Answer{answer("q1", "h1", day(0).Add(time.Minute), true)}},
			{ID: "a2", Kind: FullAttempt, Time: day(2), Answers: []Answer{answer("q1", "h1", day(2), true), answer("q2", "h2", day(2), true)}},
		}},
		"l2": {Attempts: []Attempt{{ID: "b1", Kind: FullAttempt, Time: day(1), Answers: []Answer{{QuestionID: "q3", Hinted: true, Correct: true}}}}},
	}}
}

// TestReplayIsStable: replaying the same history twice gives the same log and schedule; an
// answer saved without a hash or a time is taken as given to the question now, at its attempt's
// time; a practice round's answer the same day as the quiz's does not count.
func TestReplayIsStable(t *testing.T) {
	sched := reviewSchedule(t, reviewCourse())
	first, second := sched.Log(oldHistory()), sched.Log(oldHistory())
	if !slices.Equal(first, second) || len(first) != 5 {
		t.Fatalf("replays differ or hold %d entries:\n%+v\n%+v", len(first), first, second)
	}
	d := sched.Deck(first)
	for _, k := range []srs.Key{{QuestionID: "q2", Hash: "h2"}, {QuestionID: "q3", Hash: "h3"}} {
		if _, ok := d[k]; !ok {
			t.Errorf("no card for %v: %+v", k, d)
		}
	}
	ratings := map[string][]srs.Rating{}
	for _, e := range first {
		ratings[e.QuestionID] = append(ratings[e.QuestionID], e.Rating)
	}
	if !slices.Equal(ratings["q1"], []srs.Rating{srs.Again, srs.Good}) || !slices.Equal(ratings["q3"], []srs.Rating{srs.Hard}) {
		t.Errorf("ratings %v", ratings)
	}
	if st, again := sched.Status(d, first, day(3)), sched.Status(sched.Deck(second), second, day(3)); st != again {
		t.Errorf("schedules differ: %+v %+v", st, again)
	}
}

// TestFirstUseReplaysAndSaves: a learner with attempts and no log gets the replayed log saved
// at the session's start; a learner without answers gets nothing written.
func TestFirstUseReplaysAndSaves(t *testing.T) {
	sched := reviewSchedule(t, reviewCourse())
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openClean(t, path)
	for id, lp := range oldHistory().Lessons {
		for _, a := range lp.Attempts {
			must(t, store.RecordAttempt("c", id, a))
		}
	}
	if log := openClean(t, path).Course("c").Reviews; len(log) != 0 {
		t.Fatalf("attempts alone wrote a log: %+v", log)
	}
	s := NewSession("c", openClean(t, path), SessionOptions{Now: func() time.Time { return day(3) }, Schedule: sched})
	must(t, s.Close(5*time.Second))
	saved := openClean(t, path).Course("c").Reviews
	if want := sched.Log(oldHistory()); !slices.Equal(saved, want) {
		t.Errorf("saved log:\n%+v\nwant the replay:\n%+v", saved, want)
	}

	empty := filepath.Join(t.TempDir(), "progress.json")
	s = NewSession("c", openClean(t, empty), SessionOptions{Schedule: sched})
	must(t, s.Close(5*time.Second))
	if _, err := readFileForTest(empty); err == nil {
		t.Error("a session without answers wrote a file")
	}
}

// TestResetDropsReviews: a lesson's reset drops its questions' entries made before it, and a
// course's reset every entry before it; entries another process makes after a reset stay.
func TestResetDropsReviews(t *testing.T) {
	sched := reviewSchedule(t, reviewCourse())
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openClean(t, path)
	old := time.Now().Add(-72 * time.Hour)
	must(t, store.RecordReviews("c", sched, []ReviewAnswer{
		review("l1", answer("q1", "h1", old, true)), review("l2", answer("q3", "h3", old, false))}))
	other := openClean(t, path) // another aieng, started before the resets
	if _, err := store.Reset("c", "l1"); err != nil {
		t.Fatal(err)
	}
	if log := openClean(t, path).Course("c").Reviews; len(log) != 1 || log[0].QuestionID != "q3" {
		t.Fatalf("after the lesson's reset: %+v", log)
	}
	later := time.Now().Add(time.Hour)
	must(t, other.RecordReviews("c", sched, []ReviewAnswer{review("l1", answer("q2", "h2", later, true))}))
	log := openClean(t, path).Course("c").Reviews
	if got := questionsOf(log); !slices.Equal(got, []string{"q3", "q2"}) {
		t.Fatalf("after another process reviewed: %v", got)
	}
	if _, err := store.Reset("c", ""); err != nil {
		t.Fatal(err)
	}
	if log := openClean(t, path).Course("c").Reviews; !slices.Equal(questionsOf(log), []string{"q2"}) {
		t.Errorf("after the course's reset, entries after it stay, the others go: %v", questionsOf(log))
	}
}

func questionsOf(log []ReviewEntry) []string {
	var ids []string
	for _, e := range log {
		ids = append(ids, e.QuestionID)
	}
	return ids
}

// TestRerateReplacesItsEntry: an answer rated again (the learner's "I was right" after its
// feedback) keeps its entry's id and takes the place of its first rating, rated from the card as
// it was before the answer; another aieng that saves later with the first rating in memory does
// not bring it back.
func TestRerateReplacesItsEntry(t *testing.T) {
	sched := reviewSchedule(t, reviewCourse())
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openClean(t, path)
	must(t, store.RecordReviews("c", sched, []ReviewAnswer{review("l1", answer("q1", "h1", day(0), true))}))
	wrong := answer("q1", "h1", day(3), false)
	must(t, store.RecordReviews("c", sched, []ReviewAnswer{review("l1", wrong)}))
	first := openClean(t, path).Course("c").Reviews
	other := openClean(t, path) // another aieng, holding the first rating

	right := wrong
	right.Correct, right.Overridden = true, true
	again := review("l1", right)
	again.RatedAt = day(3).Add(time.Minute)
	must(t, store.RecordReviews("c", sched, []ReviewAnswer{again}))
	must(t, other.RecordReviews("c", sched, []ReviewAnswer{review("l2", answer("q3", "h3", day(4), true))}))

	log := openClean(t, path).Course("c").Reviews
	if len(first) != 2 || len(log) != 3 || log[1].ID != first[1].ID || log[1].Rating != srs.Hard || !log[1].RatedAt.Equal(again.RatedAt) {
		t.Fatalf("first rating %+v\nlog after the second %+v", first, log)
	}
	// The second rating is the one the card before the answer would give: as if it came first.
	fresh := sched.Deck(first[:1])
	want, ok := sched.sched.Record(fresh, srs.Event{QuestionID: "q1", Hash: "h1", Time: day(3), Overridden: true, Source: srs.SourceReview})
	if !ok || log[1].Due != want.Due || log[1].Stability != want.Stability || log[1].ElapsedDays != 3 {
		t.Errorf("second rating %+v\nwant as rated first %+v", log[1].LogEntry, want)
	}
}

// TestMergeReviewsIsAJoin checks merging on random files with review logs, active days and
// time spent, with resets of courses and lessons: commutative, associative and idempotent.
func TestMergeReviewsIsAJoin(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	sched := reviewSchedule(t, reviewCourse())
	// A pool of entries, each id always with the same content, as in real use.
	var pool []ReviewEntry
	for i := range 12 {
		lesson, q := fmt.Sprint("l", i%2), fmt.Sprint("q", i%4)
		e, _ := sched.sched.Record(srs.Deck{}, srs.Event{QuestionID: q, Hash: "h", Time: at(i), Correct: i%3 > 0, Source: srs.SourceReview})
		pool = append(pool, ReviewEntry{LogEntry: e, Lesson: lesson})
		if i%3 == 0 { // rated again: the same id, a later rating
			again, _ := sched.sched.Record(srs.Deck{}, srs.Event{QuestionID: q, Hash: "h", Time: at(i), Overridden: true,
				Source: srs.SourceReview, RatedAt: at(i).Add(time.Duration(i+1) * time.Minute)})
			pool = append(pool, ReviewEntry{LogEntry: again, Lesson: lesson})
		}
	}
	random := func() *file {
		f := newFile()
		c := &courseState{Lessons: map[string]*lessonState{}}
		if rng.IntN(3) == 0 {
			c.ResetAt = at(rng.IntN(12))
		}
		for range rng.IntN(5) {
			c.ReviewLog = mergeReviews(c.ReviewLog, []ReviewEntry{pool[rng.IntN(len(pool))]})
			c.ActiveOn = mergeTimes(c.ActiveOn, []time.Time{at(rng.IntN(12))})
		}
		for range rng.IntN(3) {
			l := &lessonState{}
			if rng.IntN(3) == 0 {
				l.ResetAt = at(rng.IntN(12))
			}
			for range rng.IntN(3) {
				l.TimeSpent = mergeSpans(l.TimeSpent, []TimeSpan{{Session: fmt.Sprint("s", rng.IntN(2)), Started: at(rng.IntN(12)), Seconds: rng.IntN(100)}})
			}
			c.Lessons[fmt.Sprint("l", rng.IntN(2))] = l
		}
		f.Courses["c"] = c
		return f
	}
	enc := func(f *file) string {
		data, err := encode(f)
		must(t, err)
		return string(data)
	}
	for i := range 3000 * *randomScale {
		a, b, c := random(), random(), random()
		if x, y := enc(merge(a, b)), enc(merge(b, a)); x != y {
			t.Fatalf("case %d: not commutative:\n%s\n%s", i, x, y)
		}
		if x, y := enc(merge(merge(a, b), c)), enc(merge(a, merge(b, c))); x != y {
			t.Fatalf("case %d: not associative:\n%s\n%s", i, x, y)
		}
		if ab := merge(a, b); enc(merge(ab, ab)) != enc(ab) || enc(merge(ab, b)) != enc(ab) {
			t.Fatalf("case %d: not idempotent", i)
		}
	}
}

// TestTimeSpentAddsSessions: two sessions' time on a lesson adds up; the same session saved
// twice counts once, at its latest figure.
func TestTimeSpentAddsSessions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	a, b := openClean(t, path), openClean(t, path)
	must(t, a.SetTimeSpent("c", "l1", TimeSpan{Session: "A", Started: at(0), Seconds: 60}, at(1)))
	must(t, b.SetTimeSpent("c", "l1", TimeSpan{Session: "B", Started: at(0), Seconds: 30}, at(1)))
	must(t, a.SetTimeSpent("c", "l1", TimeSpan{Session: "A", Started: at(0), Seconds: 90}, at(2)))
	must(t, b.SetTimeSpent("c", "l1", TimeSpan{Session: "B", Started: at(0), Seconds: 20}, at(2))) // never less
	if got := openClean(t, path).Course("c").Lessons["l1"].TimeSpent; got != 120*time.Second {
		t.Errorf("time spent = %v, want 2m0s", got)
	}
	if err := a.SetTimeSpent("c", "l1", TimeSpan{Started: at(0), Seconds: 1}, at(3)); err == nil {
		t.Error("a span without a session was taken")
	}
}

// TestSessionCountsTimeSpent: a session's time on a lesson shows at once and is saved as one
// span, coalesced, added to what other sessions saved.
func TestSessionCountsTimeSpent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, openClean(t, path).SetTimeSpent("c", "l1", TimeSpan{Session: "earlier", Started: at(0), Seconds: 100}, at(0)))
	s := NewSession("c", openClean(t, path), SessionOptions{Now: sessionClock()})
	for range 10 {
		s.AddTime("l1", 1500*time.Millisecond)
	}
	if got := s.Lesson("l1").TimeSpent; got != 115*time.Second {
		t.Errorf("in the session: %v", got)
	}
	must(t, s.Close(5*time.Second))
	if got := openClean(t, path).Course("c").Lessons["l1"].TimeSpent; got != 115*time.Second {
		t.Errorf("saved: %v", got)
	}
}

// TestStreak: consecutive active days up to today or yesterday, in the clock's time zone.
func TestStreak(t *testing.T) {
	p := CourseProgress{Active: []time.Time{day(0), day(1), day(3)}, Lessons: map[string]LessonProgress{
		"l1": {ReadAt: day(4).Add(time.Hour), Attempts: []Attempt{{Time: day(5)}}},
	}}
	for _, tt := range []struct {
		now  time.Time
		want int
	}{{day(5), 3}, {day(6), 3}, {day(7), 0}, {day(1), 2}} {
		if got := p.Streak(tt.now); got != tt.want {
			t.Errorf("streak on day %v = %d, want %d", tt.now, got, tt.want)
		}
	}
	if got := p.ActiveDays(day(5)); got != 5 {
		t.Errorf("active days = %d, want 5", got)
	}
	// Late in the evening in New York is the next day in UTC: the streak counts local days.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	evenings := CourseProgress{Active: []time.Time{
		time.Date(2025, 3, 10, 23, 30, 0, 0, ny), time.Date(2025, 3, 11, 23, 30, 0, 0, ny)}}
	if got := evenings.Streak(time.Date(2025, 3, 11, 23, 45, 0, 0, ny)); got != 2 {
		t.Errorf("streak of two evenings in New York = %d", got)
	}
}

// TestActivityIsRecorded: every change marks its day active, once a day.
func TestActivityIsRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.OpenLesson("c", "l1", day(0)))
	must(t, s.MarkRead("c", "l1", day(0).Add(time.Hour)))
	must(t, s.SetPosition("c", "l2", 0.5, day(1)))
	must(t, s.RecordReviews("c", reviewSchedule(t, reviewCourse()), []ReviewAnswer{review("l1", answer("q1", "h1", day(2), true))}))
	if got := openClean(t, path).Course("c").Active; len(got) != 3 || !got[2].Equal(day(2)) {
		t.Errorf("active days = %v", got)
	}
}

func readFileForTest(path string) ([]byte, error) { return os.ReadFile(path) }

// TestDocsMatchTheFile keeps docs/progress.md's example of the file honest: it has only fields
// the file has, it reads without a warning, and its review log entry is one aieng keeps.
func TestDocsMatchTheFile(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "progress.md"))
	must(t, err)
	_, section, ok := strings.Cut(string(doc), "## What is stored")
	if !ok {
		t.Fatal("docs/progress.md has no section on what is stored")
	}
	_, example, _ := strings.Cut(section, "```json\n")
	example, _, _ = strings.Cut(example, "```")
	dec := json.NewDecoder(strings.NewReader(example))
	dec.DisallowUnknownFields()
	var f file
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("the documented file does not match the file's fields: %v", err)
	}
	got, err := decode([]byte(example))
	must(t, err)
	c := got.Courses["what-ai-engineers-do"]
	if c == nil || len(c.ReviewLog) != 1 || len(c.ActiveOn) != 2 || spent(c.Lessons["the-role"].TimeSpent) != 1860*time.Second {
		t.Errorf("the documented file reads as %+v", c)
	}
}

// TestHandEditedLogStillSaves: a review entry with an absurd stability, kept because it is a
// number, does not stop the next review from being saved.
func TestHandEditedLogStillSaves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.WriteFile(path, []byte(`{"schema":2,"courses":{"c":{"review_log":[{"id":"rv-x","question_id":"q1","hash":"h1",`+
		`"time":"2025-03-14T09:00:00Z","rating":3,"state":2,"elapsed_days":1,"scheduled_days":3,"stability":1e308,"difficulty":5,`+
		`"due":"2025-03-17T09:00:00Z","lesson":"l1"}]}}}`), 0o600))
	s := openClean(t, path)
	must(t, s.RecordReviews("c", reviewSchedule(t, reviewCourse()), []ReviewAnswer{review("l1", answer("q1", "h1", day(5), true))}))
	if log := openClean(t, path).Course("c").Reviews; len(log) < 1 {
		t.Errorf("log = %+v", log)
	}
}
