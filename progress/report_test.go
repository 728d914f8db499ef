package progress

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
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

// update rewrites the golden reports in testdata: go test ./progress -run Report -update
var update = flag.Bool("update", false, "rewrite the golden reports in testdata")

// requireGolden compares got with testdata/name, or writes it there with -update.
func requireGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		must(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	must(t, err)
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./progress -run Report -update rewrites it):\n%s", name, got)
	}
}

// reportCourse is the course the fixtures' progress belongs to, as the reports see it now:
// the-role/q1 has been edited since its first answer, the-role draws 3 of its 4 questions, and
// it has two labs (the schema-2 fixture passed one of them).
var reportCourse = CourseInfo{ID: "what-ai-engineers-do", Title: "What AI Engineers Actually Do", Version: "1.0.0", PassMark: 70,
	Lessons: []LessonInfo{
		{ID: "the-role", Title: "The role", Section: "Foundations", Questions: 4, Draw: 3,
			QuestionHashes: map[string]string{"the-role/q1": "h1", "the-role/q2": "h2", "areas": "h-areas", "the-role/q4": "h4"},
			Labs:           []LabInfo{{ID: "roles-lab", Title: "Who does what"}, {ID: "tools-lab", Title: "Pick the tools"}}},
		{ID: "designing-models", Title: "Designing models", Section: "The work", Questions: 5},
		{ID: "wrap-up", Title: "Wrap-up", Section: "Next steps", Questions: 0},
	}}

func reportOf(t *testing.T, fixture string) Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", fixture))
	must(t, err)
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.WriteFile(path, data, 0o600))
	now := time.Date(2026, 11, 27, 10, 15, 0, 0, time.UTC)
	return NewReport(reportCourse, openClean(t, path).Course(reportCourse.ID), now)
}

// TestReport: the report of a schema-1 file (full attempts only) as JSON and CSV.
func TestReport(t *testing.T) {
	r := reportOf(t, "progress-v1.json")
	var out bytes.Buffer
	must(t, r.WriteJSON(&out))
	requireGolden(t, "report-v1.json", out.Bytes())
	out.Reset()
	must(t, r.WriteCSV(&out))
	requireGolden(t, "report-v1.csv", out.Bytes())
	rows, err := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll()
	must(t, err)
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("CSV rows = %q", rows)
	}
	if got := strings.Join(rows[3], ","); !strings.Contains(got, ",wrap-up,Wrap-up,Next steps,not_started,false,false,,0,,false,,0,,,0,0,0,,0,0") {
		t.Errorf("CSV row of a lesson not started: %s", got)
	}
}

// TestReportOfQuizRules: practice does not count, the first and best full attempts, overrides,
// a drawn pool, answers to an edited question, partial credit and hints, all in the report.
func TestReportOfQuizRules(t *testing.T) {
	r := reportOf(t, "progress-v2.json")
	role := r.Lessons[0]
	if role.Attempts != 2 || role.PracticeAttempts != 1 || *role.FirstAttemptPercent != 44.4 || *role.BestPercent != 100 ||
		role.Overrides != 1 || role.QuestionsPerAttempt != 3 || len(role.History) != 3 {
		t.Errorf("the-role: %+v", role)
	}
	first := role.History[0]
	if !first.Answers[0].QuestionChanged || first.Answers[1].QuestionChanged || !first.Answers[1].Hinted ||
		first.Answers[1].Credit == nil || *first.Answers[2].AcceptedAs != "integrable" {
		t.Errorf("first attempt's answers: %+v", first.Answers)
	}
	if role.History[1].Kind != PracticeAttempt || !role.History[2].Answers[2].Overridden {
		t.Errorf("history: %+v", role.History)
	}
	var out bytes.Buffer
	must(t, r.WriteJSON(&out))
	requireGolden(t, "report-v2.json", out.Bytes())
	out.Reset()
	must(t, r.WriteCSV(&out))
	requireGolden(t, "report-v2.csv", out.Bytes())
}

func TestReportCountsAReadLessonWithoutQuizAsComplete(t *testing.T) {
	s := openClean(t, filepath.Join(t.TempDir(), "progress.json"))
	must(t, s.MarkRead("c", "no-quiz", at(0)))
	must(t, s.RecordAttempt("c", "quiz", attempt("a", at(1), 5, 7, true)))
	course := CourseInfo{ID: "c", Lessons: []LessonInfo{{ID: "no-quiz"}, {ID: "quiz", Questions: 7}, {ID: "later", Questions: 1}}}
	r := NewReport(course, s.Course("c"), at(2))
	if got := r.Totals; got != (ReportTotals{Lessons: 3, Complete: 2, Passed: 1, Read: 1, PercentComplete: 66.7, StreakDays: 1, ActiveDays: 1}) {
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
