package progress

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Storage is what a Session loads from and saves to. *Store is one; tests put others in its
// place (a full disk, a slow disk).
type Storage interface {
	Course(courseID string) CourseProgress
	OpenLesson(courseID, lessonID string, now time.Time) error
	SetPosition(courseID, lessonID string, pos float64, now time.Time) error
	MarkRead(courseID, lessonID string, now time.Time) error
	RecordAttempt(courseID, lessonID string, a Attempt) error
	PassLab(courseID, lessonID, labID string, values map[string]float64, now time.Time) error
	SaveOpenAttempt(courseID, lessonID string, open *OpenAttempt, now time.Time) error
	MarkWelcomed(courseID string, now time.Time) error
	RecordReviews(courseID string, sched *Schedule, answers []ReviewAnswer) error
	SetTimeSpent(courseID, lessonID string, span TimeSpan, now time.Time) error
}

// SessionOptions tune a Session. The zero value is ready to use.
type SessionOptions struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// PositionDelay is how long reading positions (and time spent) must stop changing before
	// they are written (FlushPositions and Close write them at once); 0 means 500ms.
	PositionDelay time.Duration
	// Schedule rates the learner's answers for review (sessionreview.go); nil: answers are
	// not logged for review.
	Schedule *Schedule
}

// SaveResult reports the latest save: Err nil means everything recorded so far is saved.
type SaveResult struct{ Err error }

// Session is a learner's progress in one course while an interface runs. A change applies at
// once to the session's own copy, so screens show it immediately, and is handed to a save queue
// that writes it to the Storage in a goroutine of its own, in order, off the event loop.
//
// A Session is used from one goroutine (the interface's event loop); its save queue is what
// runs concurrently.
type Session struct {
	courseID string
	now      func() time.Time
	course   CourseProgress
	queue    *saveQueue // nil without storage: nothing is saved

	reviews reviewState // sessionreview.go
	time    timeState   // sessionreview.go
}

// NewSession starts a session of a course, with the progress storage has for it (a snapshot in
// memory: no file I/O). storage may be nil: the progress is then kept in memory only.
func NewSession(courseID string, storage Storage, opts SessionOptions) *Session {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.PositionDelay <= 0 {
		opts.PositionDelay = 500 * time.Millisecond
	}
	s := &Session{courseID: courseID, now: opts.Now}
	if storage != nil {
		s.course = storage.Course(courseID)
		s.queue = newSaveQueue(storage, courseID, opts.PositionDelay, opts.Schedule)
	}
	if s.course.Lessons == nil {
		s.course.Lessons = map[string]LessonProgress{}
	}
	s.time = timeState{id: randomID(), spans: map[string]*timeSpan{}}
	s.startReviews(opts.Schedule)
	return s
}

// Progress is the course's progress as the session has it. It is a view, not a copy: it must not
// be changed, and it holds until the next change.
func (s *Session) Progress() CourseProgress { return s.course }

// Lesson is the progress of one lesson.
func (s *Session) Lesson(id string) LessonProgress { return s.course.Lessons[id] }

func (s *Session) update(id string, f func(*LessonProgress)) {
	lp := s.course.Lessons[id]
	f(&lp)
	s.course.Lessons[id] = lp
}

// OpenLesson records that the learner opened a lesson (the one "continue" opens from now).
func (s *Session) OpenLesson(id string) {
	now := s.now()
	s.update(id, func(lp *LessonProgress) {
		if lp.FirstOpened.IsZero() {
			lp.FirstOpened = now
		}
		lp.LastOpened = now
	})
	s.course.LastLesson = id
	s.enqueue(saveOp{kind: opOpen, lesson: id, at: now})
}

// SetPosition records the reading position (clamped to 0..1); it is written once the position
// has stopped changing for a while, so a held scroll key does not write the file per line.
func (s *Session) SetPosition(id string, pos float64) {
	pos = clamp(pos, 0, 1)
	if s.Lesson(id).Position == pos {
		return
	}
	now := s.now()
	s.update(id, func(lp *LessonProgress) { lp.Position = pos })
	s.enqueue(saveOp{kind: opPosition, lesson: id, pos: pos, at: now})
}

// MarkRead records that the learner read the lesson to its end; the first time counts.
func (s *Session) MarkRead(id string) {
	if s.Lesson(id).Read {
		return
	}
	now := s.now()
	s.update(id, func(lp *LessonProgress) { lp.Read, lp.ReadAt = true, now })
	s.enqueue(saveOp{kind: opRead, lesson: id, at: now})
}

// RecordAttempt records a quiz attempt, made now; the lesson's best score and whether it is
// passed follow from it at once (a full attempt's: practice changes neither). An attempt that
// finishes the lesson's open attempt (the same ID) closes it. An empty Kind is a full attempt.
func (s *Session) RecordAttempt(id string, a Attempt) {
	a.Time = s.now()
	if a.Kind == "" {
		a.Kind = FullAttempt
	}
	a = cloneAttempt(a)
	s.update(id, func(lp *LessonProgress) { *lp = lp.withAttempt(a) })
	s.enqueue(saveOp{kind: opAttempt, lesson: id, attempt: a, at: a.Time})
	s.reviewAttempt(id, a)
}

// SaveOpenAttempt keeps the quiz attempt the learner is in the middle of, with the answers so
// far, so that leaving (or a crash) loses nothing: opening the quiz again offers to continue.
func (s *Session) SaveOpenAttempt(id string, open OpenAttempt) {
	now := s.now()
	o := cloneOpen(&open)
	s.update(id, func(lp *LessonProgress) { lp.Open = o })
	s.enqueue(saveOp{kind: opOpenAttempt, lesson: id, open: cloneOpen(o), at: now})
}

// DropOpenAttempt forgets the lesson's open attempt: the learner starts the quiz over.
func (s *Session) DropOpenAttempt(id string) {
	if s.Lesson(id).Open == nil {
		return
	}
	now := s.now()
	s.update(id, func(lp *LessonProgress) { lp.Open = nil })
	s.enqueue(saveOp{kind: opOpenAttempt, lesson: id, at: now})
}

// MarkWelcomed records that the learner has seen the course's first-start screen.
func (s *Session) MarkWelcomed() {
	if s.course.Welcomed {
		return
	}
	s.course.Welcomed = true
	s.enqueue(saveOp{kind: opWelcomed, at: s.now()})
}

func (s *Session) enqueue(op saveOp) {
	// Every change but the welcome and the replay of old answers is something the learner did.
	if op.kind != opWelcomed && (op.kind != opReviews || len(op.reviews) > 0) {
		s.course.Active = markActive(s.course.Active, op.at)
	}
	if s.queue != nil {
		s.queue.enqueue(op)
	}
}

// FlushPositions writes a pending reading position now (the learner leaves the lesson).
func (s *Session) FlushPositions() {
	if s.queue != nil {
		s.queue.flushPositions()
	}
}

// Results delivers the outcome of each save, the latest only: an unread older result is
// replaced. It is nil when nothing is saved, and closed once the session is closed.
func (s *Session) Results() <-chan SaveResult {
	if s.queue == nil {
		return nil
	}
	return s.queue.results
}

// Close writes everything queued and stops saving, waiting at most timeout. It returns the
// error of the last save, if it failed. Changes made after Close are kept in memory only.
func (s *Session) Close(timeout time.Duration) error {
	if s.queue == nil {
		return nil
	}
	return s.queue.close(timeout)
}

type opKind int

const (
	opOpen opKind = iota
	opPosition
	opRead
	opAttempt
	opPassLab
	opOpenAttempt
	opWelcomed
	opReviews
	opTime
)

type saveOp struct {
	kind     opKind
	lesson   string
	pos      float64
	attempt  Attempt
	lab      string // opPassLab: the lab's id; its values in values
	values   map[string]float64
	open     *OpenAttempt // opOpenAttempt: nil drops it
	reviews  []ReviewAnswer
	schedule *Schedule // opReviews: the rules the answers were given under
	span     TimeSpan
	at       time.Time
}

// coalesced reports whether a later change of the same kind to the same lesson replaces this
// one before it is written: reading positions and time spent, which change with every key.
func (op saveOp) coalesced() bool { return op.kind == opPosition || op.kind == opTime }

type coalesceKey struct {
	kind   opKind
	lesson string
}

// saveQueue writes a session's changes to its storage in one goroutine, in the order they were
// made. Reading positions and time spent are coalesced per lesson and written once they have
// not changed for posDelay (or at once on flushPositions or close). Everything else is written
// at once.
type saveQueue struct {
	storage  Storage
	courseID string
	posDelay time.Duration
	schedule *Schedule // for opReviews

	mu        sync.Mutex
	queue     []saveOp
	positions map[coalesceKey]saveOp // pending reading positions and times spent
	flushPos  bool
	closed    bool

	wake    chan struct{} // capacity 1: something was queued
	done    chan struct{} // closed when the goroutine ends
	results chan SaveResult
	lastErr error // read after done
}

func newSaveQueue(storage Storage, courseID string, posDelay time.Duration, schedule *Schedule) *saveQueue {
	q := &saveQueue{storage: storage, courseID: courseID, posDelay: posDelay, schedule: schedule,
		positions: map[coalesceKey]saveOp{}, wake: make(chan struct{}, 1),
		done: make(chan struct{}), results: make(chan SaveResult, 1)}
	go q.run()
	return q
}

func (q *saveQueue) enqueue(op saveOp) {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return
	}
	if op.kind == opReviews {
		op.schedule = q.schedule
	}
	if op.coalesced() {
		q.positions[coalesceKey{op.kind, op.lesson}] = op
	} else {
		q.queue = append(q.queue, op)
	}
	q.mu.Unlock()
	q.signal()
}

func (q *saveQueue) setSchedule(schedule *Schedule) {
	q.mu.Lock()
	q.schedule = schedule
	q.mu.Unlock()
}

func (q *saveQueue) flushPositions() {
	q.mu.Lock()
	q.flushPos = true
	q.mu.Unlock()
	q.signal()
}

func (q *saveQueue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// errSlowSave is returned by close when the queue did not empty in time.
var errSlowSave = errors.New("saving progress is taking too long; the last changes may be lost")

func (q *saveQueue) close(timeout time.Duration) error {
	q.mu.Lock()
	already := q.closed
	q.closed = true
	q.mu.Unlock()
	if !already {
		q.signal()
	}
	select {
	case <-q.done:
		return q.lastErr
	case <-time.After(timeout):
		return errSlowSave
	}
}

func (q *saveQueue) run() {
	defer close(q.done)
	defer close(q.results)
	var timer <-chan time.Time
	for {
		select {
		case <-q.wake:
		case <-timer:
			timer = nil
			q.flushPositions()
			continue
		}
		ops, closed, waitForPositions := q.take(timer == nil)
		if waitForPositions {
			timer = time.After(q.posDelay)
		}
		if len(ops) > 0 {
			err := q.apply(ops)
			q.lastErr = err
			q.report(SaveResult{Err: err})
		}
		if closed {
			return
		}
	}
}

// take empties the queue: the changes to write now, whether the queue is closed, and whether
// positions wait to be written later (when no timer runs yet, idle).
func (q *saveQueue) take(idle bool) (ops []saveOp, closed, waitForPositions bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	ops, q.queue = q.queue, nil
	closed = q.closed
	if q.flushPos || closed {
		for _, op := range q.positions {
			ops = append(ops, op)
		}
		clear(q.positions)
		q.flushPos = false
	} else if len(q.positions) > 0 && idle {
		waitForPositions = true
	}
	return ops, closed, waitForPositions
}

// apply writes ops in order; the last error counts (later saves may have fixed earlier ones).
func (q *saveQueue) apply(ops []saveOp) (err error) {
	for _, op := range ops {
		if e := q.applyOne(op); e != nil {
			err = e
		}
	}
	return err
}

// applyOne writes one change. A panic in the storage is this change's error, which the
// interface shows; the changes after it are still written (a panic on this goroutine would end
// the program without restoring the terminal).
func (q *saveQueue) applyOne(op saveOp) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("saving progress failed (%v); please report it", p)
		}
	}()
	switch op.kind {
	case opOpen:
		return q.storage.OpenLesson(q.courseID, op.lesson, op.at)
	case opPosition:
		return q.storage.SetPosition(q.courseID, op.lesson, op.pos, op.at)
	case opRead:
		return q.storage.MarkRead(q.courseID, op.lesson, op.at)
	case opAttempt:
		return q.storage.RecordAttempt(q.courseID, op.lesson, op.attempt)
	case opPassLab:
		return q.storage.PassLab(q.courseID, op.lesson, op.lab, op.values, op.at)
	case opOpenAttempt:
		return q.storage.SaveOpenAttempt(q.courseID, op.lesson, op.open, op.at)
	case opWelcomed:
		return q.storage.MarkWelcomed(q.courseID, op.at)
	case opReviews:
		return q.storage.RecordReviews(q.courseID, op.schedule, op.reviews)
	case opTime:
		return q.storage.SetTimeSpent(q.courseID, op.lesson, op.span, op.at)
	}
	return nil
}

// report hands the latest result over; an older unread result is replaced.
func (q *saveQueue) report(r SaveResult) {
	for {
		select {
		case q.results <- r:
			return
		default:
		}
		select {
		case <-q.results:
		default:
		}
	}
}
