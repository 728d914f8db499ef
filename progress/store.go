package progress

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
)

// EnvPath is the environment variable that names the progress file, overriding the default.
const EnvPath = "AIENG_PROGRESS"

// ErrReadOnly is returned by every change in a session that does not save: the file was
// written by a newer aieng. The change is kept in memory.
var ErrReadOnly = errors.New("progress is not saved in this session")

// Store is a learner's progress file, loaded. Its methods are safe to call from several
// goroutines. Every change is saved at once; a change whose save failed is kept in memory and
// saved with the next change that succeeds.
type Store struct {
	path string
	// given is set when the learner named the file (OpenGiven): one that is not a progress
	// file at all is then never moved aside or replaced.
	given bool

	// saveMu makes one save at a time per process (the file lock does so between processes,
	// but flock locks are per open file, so two saves in one process would not wait).
	saveMu sync.Mutex

	mu          sync.Mutex // guards the fields below; never held during file I/O
	state       *file
	readOnly    bool     // this session never saves
	readOnlyWhy string   // why, for the error of each change
	warnings    []string // what went wrong at Open or since, one line each
	saveErr     error    // why the last save failed; nil after a save succeeds
}

// DefaultPath returns where the progress file lives: $AIENG_PROGRESS, else
// $XDG_STATE_HOME/aieng/progress.json (~/.local/state/aieng/progress.json by default on Linux,
// the platform's equivalent elsewhere).
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", fmt.Errorf("progress file %s (from $%s): %w", p, EnvPath, err)
		}
		return abs, nil
	}
	if xdg.StateHome == "" {
		return "", fmt.Errorf("no state directory to keep progress in: set $XDG_STATE_HOME or $HOME, or use --progress FILE")
	}
	return filepath.Join(xdg.StateHome, "aieng", "progress.json"), nil
}

// Open loads the progress file at path. A missing file is a new learner: the directory (0700)
// and the file (0600) are created on the first save. Open itself never writes, moves or creates
// anything. Problems with the file do not fail Open, since the learner can still take the
// course; they are reported by Warnings:
//   - a corrupt, truncated or empty file is left as it is and the store starts empty; the first
//     save moves it aside as <path>.corrupt-<time>;
//   - a file of a newer or unknown schema is read as far as possible and never written
//     (ReadOnly), and so is a file over 10 MiB (not read at all) and, unless aieng runs as
//     root, a file that belongs to another user;
//   - a symbolic link is followed only to a file of the same user (see resolve); a link that is
//     not followed makes the session ReadOnly;
//   - a file that cannot be read (a directory, a FIFO or a device in its place, no permission)
//     is left as it is, and every save fails until that is fixed.
//
// Open fails only when path is empty or cannot be made absolute.
func Open(path string) (*Store, error) { return open(path, false) }

// OpenGiven is Open for a file the learner named (--progress, $AIENG_PROGRESS) rather than
// aieng's own default path, with one rule more: a file there that does not look like a
// progress file at all (not empty, and its first byte that is not a space, after an optional
// byte order mark, is not "{") is never moved aside or replaced, whatever the first save finds.
// It is a file of the learner's that the path names by mistake (--progress ~/.bashrc), or one
// a symbolic link leads to: the session is ReadOnly, with a warning naming the file. A damaged
// file that starts with "{" is treated as Open treats it (moved aside by the first save).
func OpenGiven(path string) (*Store, error) { return open(path, true) }

func open(path string, given bool) (*Store, error) {
	if path == "" {
		return nil, errors.New("no progress file given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("progress file %s: %w", path, err)
	}
	s := &Store{path: abs, given: given, state: newFile()}
	// Saves replace the file by renaming over it, which would turn a symbolic link (dotfile
	// managers use them) into a plain file: write to where the link points instead.
	if s.path, err = resolve(abs); err != nil {
		s.stopSaving(oneLine(err), oneLine(err)+"; this session will not save progress")
		return s, nil
	}
	s.load()
	return s, nil
}

// load reads the file at Open. It takes no lock and writes nothing: a damaged file is moved
// aside by the first save (readLocked), so that a command that only reads moves nothing.
func (s *Store) load() {
	data, meta, err := readFile(s.path)
	var tooLarge *tooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return
	case errors.As(err, &tooLarge):
		s.stopSaving(err.Error(), fmt.Sprintf("progress file %v: it is left as it is, and this session will not save progress", err))
		return
	case err != nil:
		s.warnings = append(s.warnings, fmt.Sprintf("cannot read progress file: %s; progress cannot be saved until that is fixed",
			oneLine(unreadable(s.path, err))))
		return
	}
	if s.foreign(data) {
		return
	}
	notMine := checkMine(s.path, meta)
	if notMine != nil {
		s.stopSaving(notMine.Error(), fmt.Sprintf("progress file %v; this session will not save progress", notMine))
	}
	f, err := decode(data)
	var schema *schemaError
	switch {
	case err == nil:
		s.state = f
	case errors.As(err, &schema):
		s.state = f
		s.markSchema(schema)
	case notMine != nil: // never moved aside: it is not this user's
		s.warnings = append(s.warnings, fmt.Sprintf("progress file %s is damaged (%s)", s.path, damage(err)))
	default:
		s.warnings = append(s.warnings, fmt.Sprintf(
			"progress file %s is damaged (%s): it is left as it is for now; the course starts afresh, and the first change saved moves the file aside to %s.corrupt-<time>",
			s.path, damage(err), filepath.Base(s.path)))
	}
}

// foreign reports whether data, read from a file the learner named, is not a progress file at
// all, and then makes the session one that does not save, with a warning naming the file.
func (s *Store) foreign(data []byte) bool {
	if !s.given || looksLikeProgress(data) {
		return false
	}
	why := fmt.Sprintf("%s is not a progress file (a progress file starts with \"{\"), and aieng does not replace a file it did not write", s.path)
	s.stopSaving(why, fmt.Sprintf("%s is not a progress file (a progress file starts with \"{\"): aieng leaves it as it is, "+
		"and this session will not save progress; check the path given with --progress or $%s", s.path, EnvPath))
	return true
}

// looksLikeProgress reports whether data could be a progress file, whole or damaged: empty or
// blank, or starting with "{" after an optional byte order mark and white space. Anything
// else is some other file, which only a mistaken path leads to.
func looksLikeProgress(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, byteOrderMark), " \t\r\n")
	return len(data) == 0 || data[0] == '{'
}

// Path returns the absolute path of the progress file.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether this session never saves: the file was written by a newer aieng
// (or has an unknown schema), is over 10 MiB, belongs to another user, is reached through a
// symbolic link that aieng does not follow, or, at a path the learner gave (OpenGiven), is not
// a progress file at all. Warnings says which.
func (s *Store) ReadOnly() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly
}

// Warnings returns one-line messages for the learner: what happened to the file at Open or
// since (moved aside as corrupt, newer schema), and why the last save failed, if it did.
func (s *Store) Warnings() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := slices.Clone(s.warnings)
	if s.saveErr != nil && !s.readOnly {
		w = append(w, s.saveErr.Error()+"; your progress is kept until aieng quits and saved with the next change that succeeds")
	}
	return w
}

// Course returns a snapshot of a course's progress. Lessons that hold nothing (such as a lesson
// that was reset) are left out.
func (s *Store) Course(courseID string) CourseProgress {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.Courses[courseID].snapshot()
}

// OpenLesson records that the learner opened a lesson: its first and last opening, and the
// course's last lesson (for "continue").
func (s *Store) OpenLesson(courseID, lessonID string, now time.Time) error {
	return s.change(courseID, lessonID, now, func(c *courseState, l *lessonState, now time.Time) {
		if l.FirstOpened.IsZero() {
			l.FirstOpened = l.firstOpening() // an opening after a reset counts, if there was one
		}
		if l.FirstOpened.IsZero() || now.Before(l.FirstOpened) {
			l.FirstOpened, l.FirstOpenedAlso = splitTimes(timesOf(now, slices.Concat(l.FirstOpenedAlso, []time.Time{l.FirstOpened})))
		}
		l.LastOpened = latest(l.LastOpened, now)
		if !now.Before(c.LastLessonAt) {
			c.LastLesson, c.LastLessonAt = lessonID, now
		}
	})
}

// SetPosition records the reading position, a fraction 0..1 of the lesson (clamped). It saves
// at once like every change, so call it when the reader leaves the lesson or pauses scrolling,
// not on every key press.
func (s *Store) SetPosition(courseID, lessonID string, pos float64, now time.Time) error {
	if math.IsNaN(pos) || math.IsInf(pos, 0) {
		return fmt.Errorf("reading position %v of lesson %s is not a number between 0 and 1", pos, lessonID)
	}
	return s.change(courseID, lessonID, now, func(_ *courseState, l *lessonState, now time.Time) {
		if !now.Before(l.PositionAt) {
			l.Position, l.PositionAt = clamp(pos, 0, 1), now
		}
	})
}

// MarkRead records that the learner read the lesson to the end. The first time counts.
func (s *Store) MarkRead(courseID, lessonID string, now time.Time) error {
	return s.change(courseID, lessonID, now, func(_ *courseState, l *lessonState, now time.Time) {
		if !l.Read || l.ReadAt.IsZero() || now.Before(l.ReadAt) {
			l.ReadAt, l.ReadAtAlso = splitTimes(timesOf(now, slices.Concat(l.ReadAtAlso, []time.Time{l.ReadAt})))
		}
		l.Read = true
	})
}

// RecordAttempt adds a quiz attempt and updates the lesson's Best, Passed and PassedAt. An
// empty ID gets a random one and a zero Time the current time. Percent and Passed are recorded
// as given: scoring is the quiz's business (lessons.Score), not the store's. Recording an
// attempt whose ID is already there changes nothing.
func (s *Store) RecordAttempt(courseID, lessonID string, a Attempt) error {
	if a.ID == "" {
		a.ID = randomID()
	}
	if a.Time.IsZero() {
		a.Time = time.Now()
	}
	if a.Kind == "" {
		a.Kind = FullAttempt
	}
	if math.IsNaN(a.Percent) || math.IsInf(a.Percent, 0) {
		return fmt.Errorf("attempt %s of lesson %s: percent %v is not a number", a.ID, lessonID, a.Percent)
	}
	a.Percent = clamp(a.Percent, 0, 100)
	a = cloneAttempt(a)
	return s.change(courseID, lessonID, a.Time, func(_ *courseState, l *lessonState, now time.Time) {
		for _, old := range l.Attempts {
			if old.ID == a.ID {
				return
			}
		}
		a.Time = now
		l.Attempts = append(l.Attempts, a)
		sortAttempts(l.Attempts)
		l.derive()
		if l.Open != nil && l.Open.ID == a.ID {
			l.Open, l.OpenAt = nil, latest(l.OpenAt, now)
		}
	})
}

// change applies one change to the lesson in memory and saves. The change is kept even when
// the save fails.
func (s *Store) change(courseID, lessonID string, now time.Time, apply func(*courseState, *lessonState, time.Time)) error {
	if courseID == "" || lessonID == "" {
		return fmt.Errorf("progress needs a course id and a lesson id (got %q and %q)", courseID, lessonID)
	}
	if now.IsZero() || !validTime(now) {
		return fmt.Errorf("progress of lesson %s: invalid time %v", lessonID, now)
	}
	local := now
	now = cleanTime(now)
	s.mu.Lock()
	c := s.state.Courses[courseID]
	if c == nil {
		c = &courseState{}
		s.state.Courses[courseID] = c
	}
	c.ActiveOn = markActive(c.ActiveOn, local)
	if c.Lessons == nil {
		c.Lessons = map[string]*lessonState{}
	}
	l := c.Lessons[lessonID]
	if l == nil {
		l = &lessonState{}
		c.Lessons[lessonID] = l
	}
	apply(c, l, now)
	s.mu.Unlock()
	return s.save()
}

// save merges this process's progress with the file's and writes the result.
func (s *Store) save() error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	s.mu.Lock()
	if s.readOnly {
		s.mu.Unlock()
		return s.readOnlyError()
	}
	mine := s.state.clone()
	s.mu.Unlock()

	saved, err := s.commit(func(disk *file) (*file, error) { return merge(disk, mine), nil })
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		if !s.readOnly {
			s.saveErr = err
		}
		return err
	}
	// Merging (rather than replacing) keeps any change made by another goroutine meanwhile.
	s.state = merge(s.state, saved)
	s.saveErr = nil
	return nil
}

// Reset removes the progress of one lesson, or of the whole course when lessonID is "", and
// returns the path of a backup of the progress file taken just before. The backup is a whole
// progress file: copied over the progress file while aieng is not running, it restores
// everything. When there is nothing to reset, Reset writes nothing and returns "".
//
// The reset is recorded with its time, so an older copy held by another running aieng cannot
// bring the progress back; what that aieng records after the reset is kept.
func (s *Store) Reset(courseID, lessonID string) (backupPath string, err error) {
	if courseID == "" {
		return "", errors.New("reset needs a course id")
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	s.mu.Lock()
	if s.readOnly {
		s.mu.Unlock()
		return "", s.readOnlyError()
	}
	mine := s.state.clone()
	s.mu.Unlock()

	saved, err := s.commit(func(disk *file) (*file, error) {
		f := merge(disk, mine)
		if !f.hasProgress(courseID, lessonID) {
			return nil, nil
		}
		data, err := encode(f)
		if err != nil {
			return nil, err
		}
		backupPath = uniquePath(s.path + ".backup-" + fileStamp(time.Now()))
		if err := writeFileAtomic(backupPath, data, fileMeta{owner: ownerFor(s.path)}); err != nil {
			return nil, fmt.Errorf("cannot back up progress before the reset: %w", err)
		}
		f.reset(courseID, lessonID, cleanTime(time.Now()))
		return f, nil
	})
	if err != nil {
		return "", err
	}
	if saved != nil {
		s.mu.Lock()
		s.state = merge(s.state, saved)
		s.saveErr = nil
		s.mu.Unlock()
	}
	return backupPath, nil
}

// HasProgress reports whether anything is recorded for a lesson, or with lessonID "" for the
// course, the first-start screen seen and active days included: the rule Reset follows, so a
// caller that asks first says "nothing to reset" exactly when Reset would do nothing.
func (s *Store) HasProgress(courseID, lessonID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.hasProgress(courseID, lessonID)
}

func (f *file) hasProgress(courseID, lessonID string) bool {
	c := f.Courses[courseID]
	if c == nil {
		return false
	}
	if lessonID == "" {
		if c.LastLesson != "" || !c.WelcomedAt.IsZero() || len(c.ActiveOn) > 0 || len(c.ReviewLog) > 0 {
			return true
		}
		for _, l := range c.Lessons {
			if !l.empty() {
				return true
			}
		}
		return false
	}
	l := c.Lessons[lessonID]
	return l != nil && !l.empty() || slices.ContainsFunc(c.ReviewLog, func(e ReviewEntry) bool { return e.Lesson == lessonID })
}

// reset marks the course or lesson as reset at now and drops what it held.
func (f *file) reset(courseID, lessonID string, now time.Time) {
	c := f.Courses[courseID]
	if c == nil {
		return
	}
	if lessonID == "" {
		c.ResetAt = latest(c.ResetAt, now)
	} else {
		l := c.Lessons[lessonID]
		if l == nil { // a lesson with review log entries alone
			l = &lessonState{}
			c.Lessons[lessonID] = l
		}
		l.ResetAt = latest(l.ResetAt, now)
	}
	f.Courses[courseID] = mergeCourse(c, nil)
	if f.Courses[courseID] == nil {
		delete(f.Courses, courseID)
	}
}

func (s *Store) readOnlyError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Errorf("%w: %s", ErrReadOnly, s.readOnlyWhy)
}

// stopSaving makes the store read-only for the rest of the session and tells the learner why,
// once.
func (s *Store) stopSaving(why, warning string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.readOnly {
		s.readOnly, s.readOnlyWhy = true, why
		s.warnings = append(s.warnings, warning)
	}
}

// unreadable describes why the file could not be read, naming the case a learner can fix by
// hand most easily.
func unreadable(path string, err error) error {
	if info, statErr := os.Lstat(path); statErr == nil && errors.Is(err, fs.ErrPermission) {
		if e := checkMine(path, fileMeta{exists: true, owner: ownerOf(info)}); e != nil {
			return fmt.Errorf("%w; the file belongs to %s", err, e.(*notYoursError).ownedBy())
		}
	}
	return err
}

func (s *Store) addWarning(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.warnings = append(s.warnings, msg)
}

// oneLine keeps an error message on one line, fit for a status bar.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func randomID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// fileStamp is the time in names of files set aside: sortable, and valid on every platform.
func fileStamp(t time.Time) string {
	return t.UTC().Format("20060102T150405Z")
}

// uniquePath returns path, or path with "-2", "-3"... appended when it exists, so that two
// files set aside within one second do not replace each other. Callers hold the lock.
func uniquePath(path string) string {
	candidate := path
	for n := 2; ; n++ {
		if _, err := os.Lstat(candidate); errors.Is(err, fs.ErrNotExist) {
			return candidate
		}
		candidate = fmt.Sprintf("%s-%d", path, n)
	}
}
