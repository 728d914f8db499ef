// Package classreport reads learners' hand-ins (the reports `aieng progress --json` prints)
// and sums them up for the instructor, per course version, lesson and question: how far the
// class got, which questions it missed at the first try, the wrong choices it picked, and the
// typed answers the course rejected (candidates for new accepted answers). It writes the sums
// as a terminal table, JSON, CSV or one self-contained HTML page with charts.
//
// Hand-ins are input from others: each is read with a size cap, one that cannot be read is
// skipped and named, and every text taken from one is cleaned of control characters before
// it reaches any output.
package classreport

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/aieng/aieng/internal/safetext"
)

// MaxHandInSize bounds one hand-in. A hand-in is the learner's progress file (at most 10 MiB)
// reported as indented JSON, which takes up to about twice as many bytes; a bigger file is not
// one aieng printed, and would cost the whole report its memory budget.
const MaxHandInSize = 32 << 20

// ReadVersion is the newest report_version this package reads (progress.ReportVersion).
const ReadVersion = 1

// HandIn is what a class report reads of one learner's hand-in. Fields the report does not
// use are not decoded; fields added within a report version are read when present.
type HandIn struct {
	// File names the hand-in as the instructor gave it, for messages.
	File string `json:"-"`

	ReportVersion int            `json:"report_version"`
	Course        HandInCourse   `json:"course"`
	Lessons       []HandInLesson `json:"lessons"`
	Totals        HandInTotals   `json:"totals"`
}

// HandInCourse names the course a hand-in is of.
type HandInCourse struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// HandInTotals are the totals of a hand-in the report reads. They are absent from hand-ins of
// an aieng that did not count them: nil, never zero.
type HandInTotals struct {
	TimeSpentSeconds *int64 `json:"time_spent_seconds"`
	StreakDays       *int64 `json:"streak_days"`
}

// HandInLesson is one lesson of a hand-in.
type HandInLesson struct {
	ID                  string          `json:"id"`
	Status              string          `json:"status"`
	Passed              bool            `json:"passed"`
	FirstAttemptPercent *float64        `json:"first_attempt_percent"`
	TimeSpentSeconds    *int64          `json:"time_spent_seconds"`
	History             []HandInAttempt `json:"history"`
}

// HandInAttempt is one attempt of a lesson's history, full or practice.
type HandInAttempt struct {
	Kind    string         `json:"kind"`
	Percent float64        `json:"percent"`
	Answers []HandInAnswer `json:"answers"`
}

// HandInAnswer is one answer of an attempt.
type HandInAnswer struct {
	QuestionID      string   `json:"question_id"`
	Hash            string   `json:"hash"`
	QuestionChanged bool     `json:"question_changed"`
	Given           []string `json:"given"`
	Correct         bool     `json:"correct"`
	Hinted          bool     `json:"hinted"`
	Overridden      bool     `json:"overridden"`
}

// Skip is a file the report left out, and why.
type Skip struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Files lists the hand-ins named by args: a file as it is, a folder as every *.json file
// directly in it (not in its subfolders), in name order. A file named twice is listed once.
// An argument that cannot be listed is a Skip, as is a folder without hand-ins.
func Files(args []string) ([]string, []Skip) {
	var files []string
	var skips []Skip
	seen := map[string]bool{}
	add := func(name string) {
		key := name
		if abs, err := filepath.Abs(name); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, name)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			add(arg) // ReadFile says what is wrong with it
			continue
		}
		names, err := jsonFiles(arg)
		switch {
		case err != nil:
			skips = append(skips, Skip{arg, "cannot list the folder: " + plainError(err)})
		case len(names) == 0:
			skips = append(skips, Skip{arg, "the folder holds no *.json file"})
		}
		for _, n := range names {
			add(n)
		}
	}
	return files, skips
}

// jsonFiles lists the *.json files directly in dir (any case of the suffix), sorted.
func jsonFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	slices.Sort(out)
	return out, nil
}

// ReadFile reads and decodes one hand-in. Only a regular file is read, and at most
// MaxHandInSize bytes of it. The error is a sentence for a Skip's reason. sum is the SHA-256
// of the file's bytes, so the same hand-in given twice under two names can be told.
func ReadFile(name string) (h HandIn, sum [32]byte, err error) {
	data, err := readCapped(name)
	if err != nil {
		return HandIn{}, sum, err
	}
	h, err = Decode(data)
	h.File = name
	return h, sha256.Sum256(data), err
}

// readCapped reads a regular file of at most MaxHandInSize bytes. The type is checked before
// the file is opened, so a FIFO (which would never answer) is never opened.
func readCapped(name string) ([]byte, error) {
	info, err := os.Stat(name)
	switch {
	case err != nil:
		return nil, errors.New("cannot read: " + plainError(err))
	case info.IsDir():
		return nil, errors.New("a folder inside a folder: only *.json files directly in a folder are read")
	case !info.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case info.Size() > MaxHandInSize:
		return nil, fmt.Errorf("the file is %d bytes; a hand-in may be at most %d MiB", info.Size(), MaxHandInSize>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, errors.New("cannot read: " + plainError(err))
	}
	defer f.Close()
	// Read into a buffer of the size the file had, and one byte more to see it grew: a
	// thousand hand-ins are read at once, and a growing buffer would copy each several times.
	data := make([]byte, info.Size()+1)
	n, err := io.ReadFull(f, data)
	switch {
	case err == nil: // it grew since Stat: read on, up to the cap
		rest, err := io.ReadAll(io.LimitReader(f, MaxHandInSize+1-int64(n)))
		if err != nil {
			return nil, errors.New("cannot read: " + plainError(err))
		}
		data = append(data, rest...)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		data = data[:n]
	default:
		return nil, errors.New("cannot read: " + plainError(err))
	}
	if len(data) > MaxHandInSize {
		return nil, fmt.Errorf("the file holds more than %d MiB; a hand-in may be at most that", MaxHandInSize>>20)
	}
	return data, nil
}

// Decode reads a hand-in from its JSON. A file that is not a report of a version this package
// reads is an error saying so. The course's id and version are cleaned of control characters
// (safetext.Line): they are the learner's text, and messages and outputs show them.
//
// It decodes with encoding/json, which wrote the hand-in, and is as lenient: invalid UTF-8
// becomes U+FFFD, of a name given twice the last value is kept, and names match in any case.
// (go-json-experiment/json read a thousand hand-ins faster, but its API is not yet stable and
// it made every learner's binary 0.7 MB bigger; this stays within the budget, docs/lms.md.)
func Decode(data []byte) (HandIn, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // an editor's byte-order mark is not damage
	if len(bytes.TrimSpace(data)) == 0 {
		return HandIn{}, errors.New("not a hand-in: the file is empty")
	}
	var h HandIn
	if err := json.Unmarshal(data, &h); err != nil {
		// A newer report may have changed a field's type: say so when its version can be read.
		var probe struct {
			ReportVersion int `json:"report_version"`
		}
		if json.Unmarshal(data, &probe) == nil && probe.ReportVersion > ReadVersion {
			return HandIn{}, newerVersion(probe.ReportVersion)
		}
		return HandIn{}, errors.New("not a hand-in: " + jsonProblem(data, err))
	}
	switch {
	case h.ReportVersion == 0:
		return HandIn{}, errors.New("not a hand-in: no report_version (a hand-in is what 'aieng progress --json' prints)")
	case h.ReportVersion < 0:
		return HandIn{}, fmt.Errorf("not a hand-in: report_version %d", h.ReportVersion)
	case h.ReportVersion > ReadVersion:
		return HandIn{}, newerVersion(h.ReportVersion)
	case h.Course.ID == "":
		return HandIn{}, errors.New("not a hand-in: it names no course (course.id)")
	}
	h.Course.ID, h.Course.Version = safetext.Line(h.Course.ID), safetext.Line(h.Course.Version)
	return h, nil
}

func newerVersion(v int) error {
	return fmt.Errorf("report_version %d: this aieng reads version %d; was it made by a newer aieng?", v, ReadVersion)
}

// jsonProblem words a decoding error: where in the file, and what is wrong, without Go's
// type names.
func jsonProblem(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax) && strings.HasPrefix(syntax.Error(), "unexpected end of JSON"):
		return "the JSON is cut short"
	case errors.As(err, &syntax):
		// Offset counts the bytes read, the wrong one included: name the one before it.
		return fmt.Sprintf("invalid JSON after byte %d: %s", max(syntax.Offset-1, 0), syntax.Error())
	case errors.As(err, &typeErr) && typeErr.Type != nil:
		where, kind := valueAt(data, typeErr.Offset)
		if where == "" && typeErr.Field != "" { // not found again: the fields' path, without indexes
			where = "/" + strings.ReplaceAll(typeErr.Field, ".", "/")
		}
		if where == "" {
			where = "the file"
		}
		if kind == "" {
			kind = "a " + strings.Fields(typeErr.Value)[0] // "number 1.5", "string", "bool"
		}
		return fmt.Sprintf("%s is %s, where a hand-in has %s", where, kind, goKind(typeErr.Type))
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// valueAt finds the value that ends at offset (encoding/json's offset of a type error: after
// a scalar, after the opening bracket of an object or array) and returns its JSON Pointer
// (RFC 6901, "/lessons/0/id"; "" for the whole file) and its kind as a message says it. It is
// called only for a file that failed: it reads the tokens again.
func valueAt(data []byte, offset int64) (pointer, kind string) {
	type level struct {
		array   bool
		index   int
		key     string
		keyNext bool
	}
	var path []*level
	done := func() { // a value ended: the next is the next element or key
		if n := len(path); n > 0 {
			if path[n-1].array {
				path[n-1].index++
			} else {
				path[n-1].keyNext = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", ""
		}
		top := len(path) - 1
		switch {
		case tok == json.Delim('}') || tok == json.Delim(']'):
			path = path[:top]
			done()
			continue
		case top >= 0 && path[top].keyNext:
			path[top].key, path[top].keyNext = tok.(string), false
			continue
		case dec.InputOffset() >= offset:
			var b strings.Builder
			for _, l := range path {
				if l.array {
					fmt.Fprintf(&b, "/%d", l.index)
				} else {
					b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(safetext.Line(l.key)))
				}
			}
			return b.String(), tokenKind(tok)
		}
		if d, ok := tok.(json.Delim); ok {
			path = append(path, &level{array: d == '[', keyNext: d == '{'})
			continue
		}
		done()
	}
}

// tokenKind names a JSON value by its first token, as a message says it.
func tokenKind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return fmt.Sprint(v)
	}
	return "null"
}

// goKind names what a Go type holds in JSON's words.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Pointer:
		return goKind(t.Elem()) + " or null"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	}
	return "a number"
}

// plainError drops the file name an *os.PathError repeats: a Skip names the file already.
func plainError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
