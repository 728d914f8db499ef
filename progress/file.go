package progress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// schemaVersion is the version of the progress file this package reads and writes. A file with
// a higher version was written by a newer aieng and is never overwritten. Any change to the
// file's fields, even an added one, raises it, since an older aieng would drop what it does not
// know when it rewrites the file.
//
// Schema 2 added attempt kinds (full, practice), answer details (credit, accepted_as, hinted,
// overridden, at), the questions an attempt asked, the open attempt of a quiz left half-way,
// and the course's welcomed_at; it also holds the labs passed per lesson, and the later times
// of a lesson's first opening and reading that a reset may leave (times.go). A schema-1 file is
// read as schema 2 (its attempts are full ones, no labs passed) and written back as schema 2
// with the next change. Before schema 2 shipped, it also gained the course's review log and
// active days and the lessons' time spent (review.go, activity.go).
const schemaVersion = 2

// file is the progress file as stored: the public snapshot types plus what merging needs (the
// times at which last-writer-wins values were set, and the times of resets).
type file struct {
	Schema  int                     `json:"schema"`
	Courses map[string]*courseState `json:"courses"`
}

type courseState struct {
	LastLesson   string    `json:"last_lesson,omitempty"`
	LastLessonAt time.Time `json:"last_lesson_at,omitzero"`
	// ResetAt is when the whole course was last reset: anything recorded at or before it is
	// dropped when merging, so another process's older copy cannot bring it back.
	ResetAt time.Time `json:"reset_at,omitzero"`
	// WelcomedAt is when the learner first saw the course's first-start screen.
	WelcomedAt time.Time               `json:"welcomed_at,omitzero"`
	Lessons    map[string]*lessonState `json:"lessons,omitempty"`
	// ActiveOn holds a time of each day the learner did something in the course, and
	// ReviewLog every answer rated for review, in time order (activity.go, review.go).
	ActiveOn  []time.Time   `json:"active_on,omitempty"`
	ReviewLog []ReviewEntry `json:"review_log,omitempty"`
}

type lessonState struct {
	// FirstOpened and ReadAt are the earliest of their sets of times, the others of which are
	// in the ...Also lists (times.go).
	FirstOpened     time.Time   `json:"first_opened,omitzero"`
	FirstOpenedAlso []time.Time `json:"first_opened_also,omitempty"`
	LastOpened      time.Time   `json:"last_opened,omitzero"`
	Position        float64     `json:"position,omitempty"`
	PositionAt      time.Time   `json:"position_at,omitzero"`
	Read            bool        `json:"read,omitempty"`
	ReadAt          time.Time   `json:"read_at,omitzero"`
	ReadAtAlso      []time.Time `json:"read_at_also,omitempty"`
	Attempts        []Attempt   `json:"attempts,omitempty"`
	// Best, Passed and PassedAt are written for people reading the file; they are derived from
	// Attempts again on every load, so they cannot disagree with them.
	Best     float64   `json:"best,omitempty"`
	Passed   bool      `json:"passed,omitempty"`
	PassedAt time.Time `json:"passed_at,omitzero"`
	// ResetAt is when this lesson alone was last reset.
	ResetAt time.Time `json:"reset_at,omitzero"`
	// Labs are the passes of the lesson's labs, by lab id, in time order (labs.go).
	Labs map[string][]LabPass `json:"labs,omitempty"`
	// Open is the quiz attempt left half-way, and OpenAt when it was last saved or dropped (an
	// empty Open with a time records a drop, so another process's older copy cannot bring the
	// attempt back).
	Open   *OpenAttempt `json:"open_attempt,omitempty"`
	OpenAt time.Time    `json:"open_attempt_at,omitzero"`
	// TimeSpent is the active time each aieng session spent on the lesson (activity.go).
	TimeSpent []TimeSpan `json:"time_spent,omitempty"`
}

func newFile() *file {
	return &file{Schema: schemaVersion, Courses: map[string]*courseState{}}
}

// errCorrupt marks a file that is not a progress file: not JSON, cut short, empty, or without a
// schema version.
var errCorrupt = errors.New("not a valid progress file")

// schemaError marks a file this aieng must not write: one written by a newer aieng (a whole
// schema number above schemaVersion), or one whose schema is a number but no version at all
// (2.5, 1e400, or too many digits). Either is kept as it is, not moved aside as damaged.
type schemaError struct {
	schema string // as written in the file
	newer  bool
}

func (e *schemaError) Error() string {
	if e.newer {
		return fmt.Sprintf("written by a newer aieng (schema %s; this one reads schema %d)", e.schema, schemaVersion)
	}
	return fmt.Sprintf("of unknown schema %s (this aieng reads schema %d)", e.schema, schemaVersion)
}

// why says why changes are not saved, for the error of each change.
func (e *schemaError) why(path string) string {
	if e.newer {
		return path + " was written by a newer aieng; upgrade aieng to save progress"
	}
	return fmt.Sprintf("%s has schema %s, which is not a schema version", path, e.schema)
}

// warning is the learner's one line about the file.
func (e *schemaError) warning(path string) string {
	if e.newer {
		return fmt.Sprintf("progress file %s was %v: upgrade aieng; this session will not save progress", path, e)
	}
	return fmt.Sprintf("progress file %s has schema %s, which is not a schema version this aieng knows (it reads schema %d): "+
		"it is left as it is, and this session will not save progress", path, e.schema, schemaVersion)
}

// byteOrderMark is what some editors put at the start of a UTF-8 file; JSON has no use for it.
var byteOrderMark = []byte("\xef\xbb\xbf")

// decode parses a progress file. A file of a newer or unknown schema returns a *schemaError
// together with whatever could be read of it (shown read-only, never written back); any other
// failure wraps errCorrupt.
func decode(data []byte) (*file, error) { return decodeAs(data, schemaVersion) }

// decodeAs is decode by an aieng that reads schema version: a file of a higher schema is one it
// must not write. (Tests use it to apply an older aieng's rule to this one's files.)
func decodeAs(data []byte, version int) (*file, error) {
	data = bytes.TrimPrefix(data, byteOrderMark)
	f := &file{}
	if err := json.Unmarshal(data, f); err != nil {
		// A newer aieng may have changed the shape of fields this one knows, and a schema that
		// is a number but not a whole one fails to decode: read the version alone, so that such
		// a file is left untouched rather than moved aside as damaged.
		var probe struct {
			Schema json.RawMessage `json:"schema"`
		}
		if json.Unmarshal(data, &probe) == nil {
			if e := checkSchemaFor(probe.Schema, version); e != nil {
				return newFile(), e
			}
		}
		return nil, fmt.Errorf("%w: %s", errCorrupt, describeJSONError(err, data))
	}
	switch {
	case f.Schema == 0:
		return nil, fmt.Errorf("%w: no schema version", errCorrupt)
	case f.Schema < 0:
		return nil, fmt.Errorf("%w: bad schema version %d", errCorrupt, f.Schema)
	}
	schema := f.Schema
	f.sanitize()
	f = merge(f, nil) // derives Best and Passed, drops duplicates, applies resets, sorts attempts
	if schema > version {
		return f, &schemaError{schema: strconv.Itoa(schema), newer: true}
	}
	return f, nil
}

// checkSchemaFor returns a *schemaError for a schema field that is a JSON number an aieng
// reading schema version cannot write back: a whole number above version, or any other number
// that is not a whole one within an int. It returns nil for anything else (no field, a string,
// a known version), which leaves the decision to the caller.
func checkSchemaFor(raw json.RawMessage, version int) *schemaError {
	text := string(bytes.TrimSpace(raw))
	if text == "" || !(text[0] == '-' || text[0] >= '0' && text[0] <= '9') {
		return nil
	}
	n, err := strconv.Atoi(text)
	switch {
	case err != nil:
		return &schemaError{schema: text}
	case n > version:
		return &schemaError{schema: text, newer: true}
	}
	return nil
}

// damage says in a few words what is wrong with a file decode refused.
func damage(err error) string {
	return strings.TrimPrefix(oneLine(err), errCorrupt.Error()+": ")
}

func describeJSONError(err error, data []byte) string {
	if len(data) == 0 {
		return "empty file"
	}
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) && syntax.Offset >= int64(len(data)) {
		return fmt.Sprintf("cut short after %d bytes", len(data))
	}
	return err.Error()
}

// encode renders the file. Indented, with keys in a fixed order, so a person can read it and a
// diff of two saves shows what changed.
func encode(f *file) ([]byte, error) {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// sanitize brings a decoded file within the values this package writes, so that a hand-edited
// file can always be written back: times in UTC and within what JSON can hold, fractions and
// percents in range, and an ID for every attempt.
func (f *file) sanitize() {
	f.Schema = schemaVersion
	if f.Courses == nil {
		f.Courses = map[string]*courseState{}
	}
	for id, c := range f.Courses {
		if c == nil {
			delete(f.Courses, id)
			continue
		}
		c.LastLessonAt = cleanTime(c.LastLessonAt)
		c.ResetAt = cleanTime(c.ResetAt)
		c.ActiveOn = mergeTimes(cleanTimeList(c.ActiveOn), nil)
		c.ReviewLog = sanitizeReviews(c.ReviewLog)
		for lid, l := range c.Lessons {
			if l == nil {
				delete(c.Lessons, lid)
				continue
			}
			l.FirstOpened, l.FirstOpenedAlso = cleanTimes(l.FirstOpened, l.FirstOpenedAlso)
			l.LastOpened = cleanTime(l.LastOpened)
			l.Position = clamp(l.Position, 0, 1)
			l.PositionAt = cleanTime(l.PositionAt)
			l.ReadAt, l.ReadAtAlso = cleanTimes(l.ReadAt, l.ReadAtAlso)
			l.PassedAt = cleanTime(l.PassedAt)
			l.ResetAt = cleanTime(l.ResetAt)
			l.Labs = sanitizeLabs(l.Labs)
			l.TimeSpent = sanitizeSpans(l.TimeSpent)
			l.sanitizeAttempts()
		}
	}
}

// sanitizeAttempts cleans the lesson's attempts and its open attempt. An attempt without a kind
// comes from a schema-1 file, which had full attempts only.
func (l *lessonState) sanitizeAttempts() {
	for i := range l.Attempts {
		a := &l.Attempts[i]
		a.Time = cleanTime(a.Time)
		a.Percent = clamp(a.Percent, 0, 100)
		if a.ID == "" {
			a.ID = contentID(*a) // before the kind is set, so the ID does not depend on the migration
		}
		if a.Kind == "" {
			a.Kind = FullAttempt
		}
		sanitizeAnswers(a.Answers)
	}
	l.OpenAt = cleanTime(l.OpenAt)
	if o := l.Open; o != nil {
		o.Started = cleanTime(o.Started)
		if o.ID == "" {
			l.Open = nil
		} else {
			sanitizeAnswers(o.Answers)
		}
	}
}

func sanitizeAnswers(answers []Answer) {
	for i := range answers {
		answers[i].At = cleanTime(answers[i].At)
		if c := answers[i].Credit; c != nil {
			v := clamp(*c, 0, 1)
			answers[i].Credit = &v
		}
	}
}

// contentID names an attempt that came without an ID by its content, so the same attempt gets
// the same ID in every process and merging does not duplicate it.
func contentID(a Attempt) string {
	data, _ := json.Marshal(a) // cannot fail: the attempt was just decoded from JSON
	sum := sha256.Sum256(data)
	return "sha-" + hex.EncodeToString(sum[:8])
}

// cleanTime returns t in UTC without a monotonic reading, or the zero time when t cannot be
// written as JSON (a year outside 0..9999, which a time zone offset can push it to).
func cleanTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return time.Time{}
	}
	return t
}

func cleanTimeList(ts []time.Time) []time.Time {
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = cleanTime(t)
	}
	return out
}

func validTime(t time.Time) bool {
	y := t.UTC().Year()
	return y >= 0 && y <= 9999
}

func clamp(v, lo, hi float64) float64 {
	switch {
	case math.IsNaN(v):
		return lo
	case v < lo:
		return lo
	case v > hi:
		return hi
	}
	return v
}
