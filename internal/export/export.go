// Package export turns a loaded course into what an instructor needs outside aieng: an answer key
// (Markdown or CSV) and quiz packages for learning-management systems (a Canvas QTI 1.2 zip and
// Moodle XML).
//
// Every writer builds its whole output in memory and writes it with one call, so an error never
// leaves half a file behind. The output is deterministic: the same course gives the same bytes
// (fixed zip timestamps, course order, identifiers derived from course, lesson and question ids),
// so exports can be diffed and tested.
package export

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aieng/aieng/lessons"
)

// itemKind is how the exports see a question. It is separate from lessons.Kind so that every
// format handles a closed set of kinds, and a new lessons kind fails loudly in newItem until it
// is mapped, instead of being written out wrong.
type itemKind int

const (
	kindSingle itemKind = iota
	kindMultiple
	kindTrueFalse
	kindShort
	kindNumeric
)

// item is one question ready for export.
type item struct {
	q    *lessons.Question
	kind itemKind
	// numeric is the accepted answer of a kindNumeric question.
	numeric *numericAnswer
}

// numericAnswer is a numeric question's answer: a value and the inclusive range around it that
// is accepted. A tolerance form (42 ± 0.5) and a range form ([41.5, 42.5]) both fit: for a range,
// Value is its midpoint.
type numericAnswer struct {
	Value, Min, Max float64
}

// newItem maps a question to its export kind.
func newItem(q *lessons.Question) (item, error) {
	it := item{q: q}
	switch q.Kind {
	case lessons.SingleChoice:
		it.kind = kindSingle
	case lessons.MultipleSelect:
		it.kind = kindMultiple
	case lessons.TrueFalse:
		it.kind = kindTrueFalse
	case lessons.ShortAnswer:
		it.kind = kindShort
	case lessons.Numeric:
		// The writers take one number and the range around it; aieng accepts any of several.
		if len(q.Numbers) != 1 {
			return it, fmt.Errorf("question %s: a numeric question with %d accepted answers cannot be exported: "+
				"Canvas and Moodle take one number with its tolerance", q.ID, len(q.Numbers))
		}
		n := q.Numbers[0]
		it.kind = kindNumeric
		it.numeric = &numericAnswer{Value: n.Value, Min: n.Min, Max: n.Max}
	default:
		return it, fmt.Errorf("question %s: the %q kind cannot be exported yet", q.ID, q.Kind)
	}
	return it, nil
}

// lessonItems maps every question of a lesson, in written order.
func lessonItems(l *lessons.Lesson) ([]item, error) {
	items := make([]item, 0, len(l.Quiz))
	for _, q := range l.Quiz {
		it, err := newItem(q)
		if err != nil {
			return nil, fmt.Errorf("lesson %s: %w", l.ID, err)
		}
		items = append(items, it)
	}
	return items, nil
}

// String is how the answer key names a kind.
func (k itemKind) String() string {
	switch k {
	case kindSingle:
		return "single choice"
	case kindMultiple:
		return "multiple select"
	case kindTrueFalse:
		return "true/false"
	case kindShort:
		return "short answer"
	case kindNumeric:
		return "numeric"
	}
	return "unknown"
}

// canvasID derives a stable identifier from the course id and the given parts. It has the shape
// of Canvas's own identifiers ("g" and 32 hex digits, from CC::CCHelper#create_key), which also
// keeps it a valid XML NMTOKEN that QTIMigrationTool leaves alone: a question id such as
// "lesson/q2" would not be one.
func canvasID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return "g" + hex.EncodeToString(sum[:16])
}

// answerIdent is the QTI ident of choice i of a question: a number, as in Canvas's exports, whose
// importer reads answer ids as integers (AssessmentItemConverter#get_or_generate_answer_id) and
// finds per-answer feedback by digits ("feedback_(\d*)_fb"). The base comes from the question id
// so it stays the same when questions move; i keeps the choices of one question apart.
func answerIdent(questionID string, i int) string {
	sum := sha256.Sum256([]byte(questionID))
	base := binary.BigEndian.Uint32(sum[:4])%9000 + 1000
	return strconv.Itoa(int(base)*100 + i + 1)
}

// clean removes characters that must not reach a terminal, a spreadsheet or an XML file:
// C0 controls except tab and newline, DEL and C1 controls. The lesson loader already rejects
// them in lesson files; this keeps a course built another way from slipping them through.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return -1
		}
		return r
	}, s)
}

// formatNumber writes a number without an exponent, which Canvas's and Moodle's parsers and
// people all read the same way.
func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// writeAll writes out to w in one call, so a failure before it leaves nothing half-written.
func writeAll(w io.Writer, out []byte) error {
	_, err := w.Write(out)
	return err
}
