package progress

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReadsSchema1Fixture loads a schema 1 file written by hand from the documented format, so
// that a change which would stop reading existing learners' files fails here.
func TestReadsSchema1Fixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "progress-v1.json"))
	must(t, err)
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.WriteFile(path, data, 0o600))
	s := openClean(t, path)
	c := s.Course("what-ai-engineers-do")
	role := c.Lessons["the-role"]
	if c.LastLesson != "designing-models" || role.Status() != Passed || len(role.Attempts) != 2 ||
		role.Best != 100 || role.Attempts[1].Answers[2].Given[3] != "Maintenance" {
		t.Errorf("the-role = %+v", role)
	}
	if p := c.Lessons["designing-models"].Position; p != 0.35 {
		t.Errorf("designing-models position = %v, want 0.35", p)
	}
	if !c.Lessons["lesson-removed-in-1.1"].Read {
		t.Error("progress of a lesson the course no longer has was not kept")
	}
	if _, ok := c.Lessons["data-management"]; ok {
		t.Error("a lesson holding only a reset time is shown as progress")
	}
}

func TestReport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "progress-v1.json"))
	must(t, err)
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.WriteFile(path, data, 0o600))
	course := CourseInfo{ID: "what-ai-engineers-do", Title: "What AI Engineers Actually Do", Version: "1.0.0", PassMark: 70,
		Lessons: []LessonInfo{
			{ID: "the-role", Title: "The role", Section: "Foundations", Questions: 4},
			{ID: "designing-models", Title: "Designing models", Section: "The work", Questions: 5},
			{ID: "wrap-up", Title: "Wrap-up", Section: "Next steps", Questions: 0},
		}}
	now := time.Date(2026, 11, 27, 10, 15, 0, 0, time.UTC)
	r := NewReport(course, openClean(t, path).Course(course.ID), now)

	var out bytes.Buffer
	must(t, r.WriteJSON(&out))
	want := `{
  "report_version": 1,
  "generated_at": "2026-11-27T10:15:00Z",
  "course": {
    "id": "what-ai-engineers-do",
    "title": "What AI Engineers Actually Do",
    "version": "1.0.0",
    "pass_mark": 70
  },
  "lessons": [
    {
      "id": "the-role",
      "title": "The role",
      "section": "Foundations",
      "status": "passed",
      "complete": true,
      "read": true,
      "read_at": "2026-11-20T17:20:00Z",
      "questions": 4,
      "best_percent": 100,
      "passed": true,
      "passed_at": "2026-11-20T17:40:00Z",
      "attempts": 2,
      "last_attempt_at": "2026-11-20T17:40:00Z",
      "last_attempt_percent": 100,
      "labs": []
    },
    {
      "id": "designing-models",
      "title": "Designing models",
      "section": "The work",
      "status": "in_progress",
      "complete": false,
      "read": false,
      "read_at": null,
      "questions": 5,
      "best_percent": null,
      "passed": false,
      "passed_at": null,
      "attempts": 0,
      "last_attempt_at": null,
      "last_attempt_percent": null,
      "labs": []
    },
    {
      "id": "wrap-up",
      "title": "Wrap-up",
      "section": "Next steps",
      "status": "not_started",
      "complete": false,
      "read": false,
      "read_at": null,
      "questions": 0,
      "best_percent": null,
      "passed": false,
      "passed_at": null,
      "attempts": 0,
      "last_attempt_at": null,
      "last_attempt_percent": null,
      "labs": []
    }
  ],
  "totals": {
    "lessons": 3,
    "complete": 1,
    "passed": 1,
    "read": 1,
    "percent_complete": 33.3,
    "labs": 0,
    "labs_passed": 0
  }
}
`
	if out.String() != want {
		t.Errorf("JSON report:\n%s\nwant:\n%s", out.String(), want)
	}
	out.Reset()
	must(t, r.WriteCSV(&out))
	rows, err := csv.NewReader(&out).ReadAll()
	must(t, err)
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("CSV rows = %q", rows)
	}
	wantRow := "1,2026-11-27T10:15:00Z,what-ai-engineers-do,1.0.0,the-role,The role,Foundations,passed,true,true," +
		"2026-11-20T17:20:00Z,4,100,true,2026-11-20T17:40:00Z,2,2026-11-20T17:40:00Z,100,0,0"
	if got := strings.Join(rows[1], ","); got != wantRow {
		t.Errorf("CSV row:\n got %s\nwant %s", got, wantRow)
	}
	if got := strings.Join(rows[3], ","); !strings.Contains(got, ",wrap-up,Wrap-up,Next steps,not_started,false,false,,0,,false,,0,,") {
		t.Errorf("CSV row of a lesson not started: %s", got)
	}
}

func TestReportCountsAReadLessonWithoutQuizAsComplete(t *testing.T) {
	s := openClean(t, filepath.Join(t.TempDir(), "progress.json"))
	must(t, s.MarkRead("c", "no-quiz", at(0)))
	must(t, s.RecordAttempt("c", "quiz", attempt("a", at(1), 5, 7, true)))
	course := CourseInfo{ID: "c", Lessons: []LessonInfo{{ID: "no-quiz"}, {ID: "quiz", Questions: 7}, {ID: "later", Questions: 1}}}
	r := NewReport(course, s.Course("c"), at(2))
	if got := r.Totals; got != (ReportTotals{Lessons: 3, Complete: 2, Passed: 1, Read: 1, PercentComplete: 66.7}) {
		t.Errorf("totals = %+v", got)
	}
	if p := r.Lessons[1].BestPercent; p == nil || *p != 71.4 {
		t.Errorf("best percent of 5/7 = %v, want 71.4", p)
	}
}

// TestDocsMatchTheReport keeps docs/progress.md honest: its JSON example has exactly the
// report's fields, and its CSV example starts with the real header.
func TestDocsMatchTheReport(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "progress.md"))
	must(t, err)
	_, section, ok := strings.Cut(string(doc), "## The report: `aieng progress --json`")
	if !ok {
		t.Fatal("docs/progress.md has no report section")
	}
	_, example, _ := strings.Cut(section, "```json\n")
	example, _, _ = strings.Cut(example, "```")
	dec := json.NewDecoder(strings.NewReader(example))
	dec.DisallowUnknownFields()
	var r Report
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("the documented JSON report does not match the Report type: %v", err)
	}
	var documented, real map[string]any
	must(t, json.Unmarshal([]byte(example), &documented))
	var buf bytes.Buffer
	must(t, r.WriteJSON(&buf))
	must(t, json.Unmarshal(buf.Bytes(), &real))
	if got, want := keysOf(documented), keysOf(real); got != want {
		t.Errorf("documented keys %s\nreport keys %s", got, want)
	}
	if !strings.Contains(section, strings.Join(CSVHeader, ",")+"\n") {
		t.Error("the documented CSV header is not the real one")
	}
}

// keysOf lists every key path in a decoded JSON value, including those of the first lesson.
func keysOf(v any) string {
	var keys []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				keys = append(keys, prefix+k)
				walk(prefix+k+".", x)
			}
		case []any:
			if len(v) > 0 {
				walk(prefix+"[].", v[0])
			}
		}
	}
	walk("", v)
	slices.Sort(keys)
	return strings.Join(keys, " ")
}
