package tui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/progress"
)

// Store is what the interface needs of the progress store; *progress.Store satisfies it.
type Store interface {
	Course(courseID string) progress.CourseProgress
	OpenLesson(courseID, lessonID string, now time.Time) error
	SetPosition(courseID, lessonID string, pos float64, now time.Time) error
	MarkRead(courseID, lessonID string, now time.Time) error
	RecordAttempt(courseID, lessonID string, a progress.Attempt) error
}

// tracker is the interface's view of the learner's progress. Update changes it at once (so the
// screens show a change immediately) and queues the same change for the saver, which writes it
// to the store off the event loop. Screens read it, never the store.
type tracker struct {
	courseID string
	course   progress.CourseProgress
	saver    *saver
	now      func() time.Time
}

func newTracker(courseID string, store Store, now func() time.Time, posDelay time.Duration) *tracker {
	t := &tracker{courseID: courseID, now: now, course: progress.CourseProgress{Lessons: map[string]progress.LessonProgress{}}}
	if store != nil {
		t.course = store.Course(courseID) // in memory: no file I/O
		if t.course.Lessons == nil {
			t.course.Lessons = map[string]progress.LessonProgress{}
		}
		t.saver = newSaver(store, courseID, posDelay)
	}
	return t
}

func (t *tracker) lesson(id string) progress.LessonProgress { return t.course.Lessons[id] }

func (t *tracker) update(id string, f func(*progress.LessonProgress)) {
	lp := t.course.Lessons[id]
	f(&lp)
	t.course.Lessons[id] = lp
}

func (t *tracker) openLesson(id string) {
	now := t.now()
	t.update(id, func(lp *progress.LessonProgress) {
		if lp.FirstOpened.IsZero() {
			lp.FirstOpened = now
		}
		lp.LastOpened = now
	})
	t.course.LastLesson = id
	t.enqueue(saveOp{kind: opOpen, lesson: id, at: now})
}

// setPosition records the reading position; the saver writes it once scrolling pauses.
func (t *tracker) setPosition(id string, pos float64) {
	pos = min(max(pos, 0), 1)
	if t.lesson(id).Position == pos {
		return
	}
	now := t.now()
	t.update(id, func(lp *progress.LessonProgress) { lp.Position = pos })
	t.enqueue(saveOp{kind: opPosition, lesson: id, pos: pos, at: now})
}

func (t *tracker) markRead(id string) {
	if t.lesson(id).Read {
		return
	}
	now := t.now()
	t.update(id, func(lp *progress.LessonProgress) { lp.Read, lp.ReadAt = true, now })
	t.enqueue(saveOp{kind: opRead, lesson: id, at: now})
}

func (t *tracker) recordAttempt(id string, a progress.Attempt) {
	a.Time = t.now()
	t.update(id, func(lp *progress.LessonProgress) { *lp = lp.AddAttempt(a) })
	t.enqueue(saveOp{kind: opAttempt, lesson: id, attempt: a, at: a.Time})
}

func (t *tracker) enqueue(op saveOp) {
	if t.saver != nil {
		t.saver.enqueue(op)
	}
}

// flushPositions asks the saver to write a pending reading position now (leaving a lesson).
func (t *tracker) flushPositions() {
	if t.saver != nil {
		t.saver.flushPositions()
	}
}

// listen returns a command that waits for the saver's next report.
func (t *tracker) listen() tea.Cmd {
	if t.saver == nil {
		return nil
	}
	ch := t.saver.results
	return func() tea.Msg {
		r, ok := <-ch
		if !ok {
			return nil
		}
		return r
	}
}

// close writes everything queued and stops the saver; it returns the last save error.
func (t *tracker) close(timeout time.Duration) error {
	if t.saver == nil {
		return nil
	}
	return t.saver.close(timeout)
}

type opKind int

const (
	opOpen opKind = iota
	opPosition
	opRead
	opAttempt
)

type saveOp struct {
	kind    opKind
	lesson  string
	pos     float64
	attempt progress.Attempt
	at      time.Time
}

// saveResultMsg reports the outcome of the saver's latest write: err nil means everything
// queued so far is saved.
type saveResultMsg struct{ err error }

// saver writes progress changes to the store in one goroutine, in the order they were made.
// Reading positions are coalesced per lesson and written once scrolling has paused for
// posDelay (or at once when the learner leaves the lesson or quits), so holding a scroll key
// does not mean one file write per line. Everything else is written at once.
type saver struct {
	store    Store
	courseID string
	posDelay time.Duration

	mu        sync.Mutex
	queue     []saveOp
	positions map[string]saveOp // pending reading positions, by lesson
	flushPos  bool
	closed    bool

	wake    chan struct{} // capacity 1: something was queued
	done    chan struct{} // closed when the goroutine ends
	results chan saveResultMsg
	lastErr error // read after done
}

func newSaver(store Store, courseID string, posDelay time.Duration) *saver {
	s := &saver{store: store, courseID: courseID, posDelay: posDelay,
		positions: map[string]saveOp{}, wake: make(chan struct{}, 1),
		done: make(chan struct{}), results: make(chan saveResultMsg, 1)}
	go s.run()
	return s
}

func (s *saver) enqueue(op saveOp) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	if op.kind == opPosition {
		s.positions[op.lesson] = op
	} else {
		s.queue = append(s.queue, op)
	}
	s.mu.Unlock()
	s.signal()
}

func (s *saver) flushPositions() {
	s.mu.Lock()
	s.flushPos = true
	s.mu.Unlock()
	s.signal()
}

func (s *saver) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *saver) close(timeout time.Duration) error {
	s.mu.Lock()
	already := s.closed
	s.closed = true
	s.mu.Unlock()
	if !already {
		s.signal()
	}
	select {
	case <-s.done:
		return s.lastErr
	case <-time.After(timeout):
		return errors.New("saving progress is taking too long; the last changes may be lost")
	}
}

func (s *saver) run() {
	defer close(s.done)
	defer close(s.results)
	var timer <-chan time.Time
	for {
		select {
		case <-s.wake:
		case <-timer:
			timer = nil
			s.mu.Lock()
			s.flushPos = true
			s.mu.Unlock()
		}
		s.mu.Lock()
		ops := s.queue
		s.queue = nil
		closed := s.closed
		var positions []saveOp
		if s.flushPos || closed {
			for _, op := range s.positions {
				positions = append(positions, op)
			}
			clear(s.positions)
			s.flushPos = false
		} else if len(s.positions) > 0 && timer == nil {
			timer = time.After(s.posDelay)
		}
		s.mu.Unlock()

		if n := len(ops) + len(positions); n > 0 {
			err := s.apply(append(ops, positions...))
			s.lastErr = err
			s.report(saveResultMsg{err: err})
		}
		if closed {
			return
		}
	}
}

func (s *saver) apply(ops []saveOp) (err error) {
	defer func() {
		if r := recover(); r != nil { // a panic here would not restore the terminal
			err = fmt.Errorf("saving progress failed: %v", r)
		}
	}()
	var errs []error
	for _, op := range ops {
		var e error
		switch op.kind {
		case opOpen:
			e = s.store.OpenLesson(s.courseID, op.lesson, op.at)
		case opPosition:
			e = s.store.SetPosition(s.courseID, op.lesson, op.pos, op.at)
		case opRead:
			e = s.store.MarkRead(s.courseID, op.lesson, op.at)
		case opAttempt:
			e = s.store.RecordAttempt(s.courseID, op.lesson, op.attempt)
		}
		if e != nil {
			errs = append(errs, e)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs[len(errs)-1]
}

// report hands the latest result to the interface; an older unread result is replaced.
func (s *saver) report(r saveResultMsg) {
	for {
		select {
		case s.results <- r:
			return
		default:
		}
		select {
		case <-s.results:
		default:
		}
	}
}

// saveWarning turns a save error into one line for the status bar.
func saveWarning(err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if errors.Is(err, progress.ErrReadOnly) {
		// The store's message already says that progress is not saved, and why.
		return strings.ToUpper(msg[:1]) + msg[1:]
	}
	return "Progress not saved: " + msg
}
