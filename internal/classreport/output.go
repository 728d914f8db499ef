package classreport

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
)

// WriteJSON writes the report as indented JSON (docs/lms.md documents every field).
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// CSVTop is how many wrong choices and rejected answers a CSV row has columns for.
const CSVTop = 3

// CSVHeader is the CSV report's first row. A row is a lesson or a question (row_kind): a
// lesson row fills the lesson columns, a question row the question columns; both name the
// version, the lesson and the number of learners.
var CSVHeader = func() []string {
	h := []string{"class_report_version", "course_id", "course_version", "current", "learners", "row_kind",
		"lesson_number", "lesson_id", "lesson_title", "handed_in", "started", "passed", "first_attempts",
		"median_first_attempt_percent", "time_spent_learners", "median_time_spent_seconds",
		"question_id", "kind", "prompt", "in_course", "first_tries", "missed", "miss_percent", "hinted",
		"overridden", "older_version"}
	for i := 1; i <= CSVTop; i++ {
		n := strconv.Itoa(i)
		h = append(h, "wrong_choice_"+n, "wrong_choice_"+n+"_learners")
	}
	for i := 1; i <= CSVTop; i++ {
		n := strconv.Itoa(i)
		h = append(h, "rejected_answer_"+n, "rejected_answer_"+n+"_learners")
	}
	return h
}()

// WriteCSV writes the report as CSV (RFC 4180): the header, then per version each lesson's
// row followed by its questions' rows. Empty cells stand for JSON's nulls. A learner's typed
// answer that a spreadsheet would take for a formula is prefixed with an apostrophe.
func (r Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, v := range r.Versions {
		head := []string{strconv.Itoa(r.FormatVersion), r.Course.ID, v.Version, strconv.FormatBool(v.Current), strconv.Itoa(v.Learners)}
		for _, l := range v.Lessons {
			if err := cw.Write(lessonRow(head, l)); err != nil {
				return err
			}
			for _, q := range l.QuestionStats {
				if err := cw.Write(questionRow(head, l, q)); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func lessonRow(head []string, l Lesson) []string {
	row := append(append([]string{}, head...), "lesson", strconv.Itoa(l.Number), l.ID, spreadsheetSafe(l.Title),
		strconv.Itoa(l.HandedIn), strconv.Itoa(l.Started), strconv.Itoa(l.Passed), strconv.Itoa(l.FirstAttempts),
		floatCell(l.MedianFirstAttemptPercent))
	if t := l.TimeSpent; t != nil {
		row = append(row, strconv.Itoa(t.Learners), strconv.FormatFloat(t.Median, 'f', -1, 64))
	} else {
		row = append(row, "", "")
	}
	return append(row, make([]string, len(CSVHeader)-len(row))...)
}

func questionRow(head []string, l Lesson, q Question) []string {
	row := append(append([]string{}, head...), "question", strconv.Itoa(l.Number), l.ID, spreadsheetSafe(l.Title))
	row = append(row, make([]string, slices.Index(CSVHeader, "question_id")-len(row))...) // the lesson columns
	row = append(row, q.ID, q.Kind, spreadsheetSafe(q.Prompt), strconv.FormatBool(q.InCourse),
		strconv.Itoa(q.FirstTries), strconv.Itoa(q.Missed), floatCell(q.MissPercent), strconv.Itoa(q.Hinted),
		strconv.Itoa(q.Overridden), strconv.Itoa(q.OlderVersion))
	row = appendTallies(row, q.WrongChoices)
	return appendTallies(row, q.RejectedAnswers)
}

func appendTallies(row []string, ts []Tally) []string {
	for i := range CSVTop {
		if i < len(ts) {
			row = append(row, spreadsheetSafe(ts[i].Text), strconv.Itoa(ts[i].Learners))
		} else {
			row = append(row, "", "")
		}
	}
	return row
}

func floatCell(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
