package progress

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingStorage remembers every write, in order; fail makes the writes of one lesson fail,
// block holds every write until it is closed, and panicOn panics on a lesson's write.
type recordingStorage struct {
	mu      sync.Mutex
	writes  []string
	fail    string
	panicOn string
	block   chan struct{}
	initial CourseProgress
}

func (s *recordingStorage) Course(string) CourseProgress { return s.initial }

func (s *recordingStorage) write(what, lesson string) error {
	if s.block != nil {
		<-s.block
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if lesson == s.panicOn {
		panic("storage broke")
	}
	s.writes = append(s.writes, what+" "+lesson)
	if lesson == s.fail {
		return fmt.Errorf("cannot save %s: no space left on device", lesson)
	}
	return nil
}

func (s *recordingStorage) OpenLesson(_, l string, _ time.Time) error { return s.write("open", l) }
func (s *recordingStorage) SetPosition(_, l string, p float64, _ time.Time) error {
	return s.write(fmt.Sprintf("position %.2f", p), l)
}
func (s *recordingStorage) MarkRead(_, l string, _ time.Time) error { return s.write("read", l) }
func (s *recordingStorage) RecordAttempt(_, l string, a Attempt) error {
	return s.write(fmt.Sprintf("attempt %.0f%%", a.Percent), l)
}

func (s *recordingStorage) PassLab(_, l, lab string, _ map[string]float64, _ time.Time) error {
	return s.write("lab "+lab, l)
}

func (s *recordingStorage) SaveOpenAttempt(_, l string, o *OpenAttempt, _ time.Time) error {
	if o == nil {
		return s.write("drop open", l)
	}
	return s.write(fmt.Sprintf("open attempt %s with %d answers", o.ID, len(o.Answers)), l)
}
func (s *recordingStorage) MarkWelcomed(string, time.Time) error {
	return s.write("welcomed", "course")
}

func (s *recordingStorage) RecordReviews(_ string, _ *Schedule, answers []ReviewAnswer) error {
	return s.write(fmt.Sprintf("%d reviews", len(answers)), "course")
}

func (s *recordingStorage) SetTimeSpent(_, l string, span TimeSpan, _ time.Time) error {
	return s.write(fmt.Sprintf("time %ds", span.Seconds), l)
}

func (s *recordingStorage) log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.writes)
}

func sessionClock() func() time.Time {
	t := at(0)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func TestSessionAppliesChangesAtOnce(t *testing.T) {
	s := NewSession("c", nil, SessionOptions{Now: sessionClock()})
	s.OpenLesson("a")
	s.SetPosition("a", 1.7)
	s.MarkRead("a")
	s.RecordAttempt("a", Attempt{Correct: 1, Total: 2, Percent: 50})
	s.RecordAttempt("a", Attempt{Correct: 2, Total: 2, Percent: 100, Passed: true})
	lp := s.Lesson("a")
	if s.Progress().LastLesson != "a" || lp.FirstOpened.IsZero() || lp.Position != 1 || !lp.Read || lp.ReadAt.IsZero() {
		t.Errorf("lesson: %+v", lp)
	}
	if len(lp.Attempts) != 2 || lp.Best != 100 || !lp.Passed || !lp.PassedAt.Equal(lp.Attempts[1].Time) {
		t.Errorf("attempts: %+v", lp)
	}
	if s.Results() != nil || s.Close(time.Second) != nil {
		t.Error("a session without storage has save results")
	}
}

// TestSessionPracticeAndOpenAttempts: practice never raises the best score nor passes; the open
// attempt is kept as it grows, closed by the attempt that finishes it, and dropped on request;
// every change is written in order.
func TestSessionPracticeAndOpenAttempts(t *testing.T) {
	st := &recordingStorage{}
	s := NewSession("c", st, SessionOptions{Now: sessionClock()})
	s.MarkWelcomed()
	s.MarkWelcomed() // once
	open := OpenAttempt{ID: "x1", Questions: []string{"q1", "q2"}, Answers: []Answer{{QuestionID: "q1", Given: []string{"a"}}}}
	s.SaveOpenAttempt("a", open)
	if lp := s.Lesson("a"); lp.Open == nil || len(lp.Open.Answers) != 1 || lp.Status() != InProgress {
		t.Fatalf("open attempt not kept: %+v", lp)
	}
	open.Answers[0].Given[0] = "changed by the caller"
	if s.Lesson("a").Open.Answers[0].Given[0] != "a" {
		t.Fatal("the session shares the caller's open attempt")
	}
	s.RecordAttempt("a", Attempt{ID: "x1", Correct: 1, Total: 2, Percent: 50})
	s.RecordAttempt("a", Attempt{Kind: PracticeAttempt, Correct: 1, Total: 1, Percent: 100, Passed: true})
	lp := s.Lesson("a")
	if lp.Open != nil || lp.Best != 50 || lp.Passed || len(lp.Attempts) != 2 || lp.Attempts[0].Kind != FullAttempt {
		t.Fatalf("after a full attempt and practice: %+v", lp)
	}
	if lp.PracticeRounds() != 1 || len(lp.FullAttempts()) != 1 {
		t.Fatalf("practice rounds %d, full %d", lp.PracticeRounds(), len(lp.FullAttempts()))
	}
	s.SaveOpenAttempt("a", OpenAttempt{ID: "x2", Questions: []string{"q1"}})
	s.DropOpenAttempt("a")
	s.DropOpenAttempt("a") // nothing left to drop: not written
	if !s.Progress().Welcomed || s.Lesson("a").Open != nil {
		t.Fatal("welcome or drop not applied")
	}
	want := []string{"welcomed course", "open attempt x1 with 1 answers a", "attempt 50% a", "attempt 100% a",
		"open attempt x2 with 0 answers a", "drop open a"}
	if err := s.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	if got := st.log(); !slices.Equal(got, want) {
		t.Fatalf("writes %q, want %q", got, want)
	}
}

func TestSessionWritesInOrderAndCoalescesPositions(t *testing.T) {
	st := &recordingStorage{}
	s := NewSession("c", st, SessionOptions{Now: sessionClock(), PositionDelay: time.Hour})
	s.OpenLesson("a")
	for i := range 50 {
		s.SetPosition("a", float64(i)/100)
	}
	s.MarkRead("a")
	s.RecordAttempt("a", Attempt{Percent: 75})
	waitFor(t, func() bool { return len(st.log()) == 3 })
	if got := st.log(); !slices.Equal(got, []string{"open a", "read a", "attempt 75% a"}) {
		t.Fatalf("writes before the positions are flushed: %q", got)
	}
	s.FlushPositions()
	waitFor(t, func() bool { return len(st.log()) == 4 })
	if got := st.log()[3]; got != "position 0.49 a" {
		t.Errorf("fifty positions written as %q, want the last one once", got)
	}
	if err := s.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	s.OpenLesson("b") // after Close: memory only
	if got := st.log(); len(got) != 4 || !s.Progress().HasProgress("b") {
		t.Errorf("after Close: writes %q", got)
	}
}

func TestSessionWritesPositionsWhenTheyPause(t *testing.T) {
	st := &recordingStorage{}
	s := NewSession("c", st, SessionOptions{Now: sessionClock(), PositionDelay: time.Millisecond})
	defer s.Close(time.Second)
	s.SetPosition("a", 0.3)
	waitFor(t, func() bool { return slices.Contains(st.log(), "position 0.30 a") })
}

func TestSessionCloseWritesWhatIsQueued(t *testing.T) {
	st := &recordingStorage{}
	s := NewSession("c", st, SessionOptions{Now: sessionClock(), PositionDelay: time.Hour})
	s.SetPosition("a", 0.5)
	s.SetPosition("b", 0.25)
	if err := s.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	got := st.log()
	slices.Sort(got)
	if !slices.Equal(got, []string{"position 0.25 b", "position 0.50 a"}) {
		t.Errorf("Close wrote %q", got)
	}
	for range s.Results() { // the last result may be there; the channel is closed after it
	}
}

func TestSessionReportsTheLatestResult(t *testing.T) {
	st := &recordingStorage{fail: "bad"}
	s := NewSession("c", st, SessionOptions{Now: sessionClock()})
	s.OpenLesson("bad")
	r := <-s.Results()
	if r.Err == nil || r.Err.Error() != "cannot save bad: no space left on device" {
		t.Fatalf("result of a failed save: %+v", r)
	}
	s.OpenLesson("good")
	if r := <-s.Results(); r.Err != nil {
		t.Errorf("a save that succeeds reports %v", r.Err)
	}
	s.OpenLesson("bad")
	waitFor(t, func() bool { return len(st.log()) == 3 })
	if err := s.Close(5 * time.Second); err == nil {
		t.Error("Close hides the last save's error")
	}
}

func TestSessionSurvivesAPanickingStorage(t *testing.T) {
	st := &recordingStorage{panicOn: "a"}
	s := NewSession("c", st, SessionOptions{Now: sessionClock()})
	s.MarkRead("a")
	if r := <-s.Results(); r.Err == nil {
		t.Fatal("a panic while saving went unreported")
	}
	s.MarkRead("b")
	if r := <-s.Results(); r.Err != nil {
		t.Errorf("saving stopped after a panic: %v", r.Err)
	}
	_ = s.Close(5 * time.Second)
}

// TestSessionPanicLosesNoOtherChange: a panic on one change is reported, and the changes
// written with it in the same batch, after it, are still written.
func TestSessionPanicLosesNoOtherChange(t *testing.T) {
	st := &recordingStorage{panicOn: "a", block: make(chan struct{})}
	s := NewSession("c", st, SessionOptions{Now: sessionClock()})
	s.OpenLesson("x") // the queue waits in this write, so the next two go in one batch
	s.MarkRead("a")
	s.MarkRead("b")
	close(st.block)
	err := s.Close(5 * time.Second)
	if err == nil || !strings.Contains(err.Error(), "saving progress failed (storage broke); please report it") {
		t.Errorf("Close after a panic in the last batch: %v", err)
	}
	if got := st.log(); !slices.Equal(got, []string{"open x", "read b"}) {
		t.Errorf("written %q, want the change after the panic too", got)
	}
}

func TestSessionCloseGivesUpOnASlowStorage(t *testing.T) {
	st := &recordingStorage{block: make(chan struct{})}
	defer close(st.block)
	s := NewSession("c", st, SessionOptions{Now: sessionClock()})
	s.OpenLesson("a")
	if err := s.Close(10 * time.Millisecond); !errors.Is(err, errSlowSave) {
		t.Errorf("Close on a stuck storage: %v", err)
	}
}

// TestSessionOnAStore saves through a real store and reads it back from another one.
func TestSessionOnAStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	store := openClean(t, path)
	must(t, store.MarkRead("c", "earlier", at(0)))
	s := NewSession("c", store, SessionOptions{Now: sessionClock()})
	if !s.Lesson("earlier").Read {
		t.Fatal("the session does not start from the store's progress")
	}
	s.OpenLesson("a")
	s.SetPosition("a", 0.5)
	s.RecordAttempt("a", Attempt{Correct: 3, Total: 4, Percent: 75, Passed: true,
		Answers: []Answer{{QuestionID: "a/q1", Given: []string{"x"}, Correct: true}}})
	if err := s.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	got := openClean(t, path).Course("c")
	lp := got.Lessons["a"]
	if got.LastLesson != "a" || lp.Position != 0.5 || !lp.Passed || lp.Best != 75 || len(lp.Attempts) != 1 ||
		lp.Attempts[0].Answers[0].QuestionID != "a/q1" || !got.Lessons["earlier"].Read {
		t.Errorf("saved: %+v", got)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(time.Millisecond)
	}
}
