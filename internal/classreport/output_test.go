package classreport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/lessons"
)

func fixtureReport(t *testing.T) Report {
	t.Helper()
	c := loadFixture(t)
	handIns, skips := Collect(c, []string{classFiles(t, c)})
	return Build(c, handIns, skips, reportTime)
}

func TestJSONParsesBack(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r) {
		t.Fatalf("the JSON read back differs from the report:\n%s", buf.String())
	}
	// Keys are always present: null stands for "none".
	for _, key := range []string{`"median_first_attempt_percent": null`, `"time_spent_seconds": null`, `"streak_days": null`,
		`"class_report_version": 1`, `"generated_at": "2026-11-27T10:15:00Z"`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestCSVParsesBack(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	if err := r.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Fatalf("header %v", rows[0])
	}
	want := 1
	for _, v := range r.Versions {
		for _, l := range v.Lessons {
			want += 1 + len(l.QuestionStats)
		}
	}
	if len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	cell := func(row []string, name string) string { return row[slices.Index(CSVHeader, name)] }
	find := func(version, kind, id string) []string {
		for _, row := range rows[1:] {
			if cell(row, "course_version") == version && cell(row, "row_kind") == kind &&
				(cell(row, "question_id") == id || kind == "lesson" && cell(row, "lesson_id") == id) {
				return row
			}
		}
		t.Fatalf("no %s row %s of version %s", kind, id, version)
		return nil
	}
	lesson := find("2.0.0", "lesson", "retrieval")
	for name, want := range map[string]string{"learners": "4", "started": "3", "passed": "1", "first_attempts": "3",
		"median_first_attempt_percent": "50", "time_spent_learners": "2", "median_time_spent_seconds": "750",
		"question_id": "", "current": "true"} {
		if got := cell(lesson, name); got != want {
			t.Errorf("lesson row: %s = %q, want %q", name, got, want)
		}
	}
	store := find("2.0.0", "question", "store")
	for name, want := range map[string]string{"lesson_id": "retrieval", "started": "", "first_tries": "3", "missed": "2",
		"miss_percent": "66.7", "hinted": "1", "older_version": "1", "wrong_choice_1": "A relational table without an index",
		"wrong_choice_1_learners": "1", "wrong_choice_2": "A spreadsheet", "wrong_choice_3": "", "rejected_answer_1": ""} {
		if got := cell(store, name); got != want {
			t.Errorf("store row: %s = %q, want %q", name, got, want)
		}
	}
	overlap := find("2.0.0", "question", "overlap")
	if cell(overlap, "rejected_answer_1") != "Sliding Window" || cell(overlap, "rejected_answer_2_learners") != "1" {
		t.Errorf("overlap row: %v", overlap)
	}
	if welcome := find("1.0.0", "lesson", "welcome"); cell(welcome, "handed_in") != "0" || cell(welcome, "median_first_attempt_percent") != "" {
		t.Errorf("an absent lesson of 1.0.0: %v", welcome)
	}
}

// TestTextFits80Columns writes the text report of a generated class, with long titles and
// prompts, and of the fixture: no line is wider than 80 columns.
func TestTextFits80Columns(t *testing.T) {
	c := genCourse(t, "3.1.0", 10)
	dir := t.TempDir()
	genClass(t, dir, 40, 7, c, genCourse(t, "3.0.0", 10))
	handIns, skips := Collect(c, []string{dir})
	reports := []Report{Build(c, handIns, skips, reportTime), fixtureReport(t)}
	for _, r := range reports {
		var buf bytes.Buffer
		if err := r.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(buf.String(), "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("line %d is %d columns: %q", i+1, w, line)
			}
		}
	}
}

// TestTextFitsWithTheRealCoursesNames: the built-in course's title, id and version, which
// made the report's first line 81 columns, a title too long for any line, a long version and
// an older version without most lessons: every line of the text fits 80 columns.
func TestTextFitsWithTheRealCoursesNames(t *testing.T) {
	for _, tt := range []struct{ id, title, version string }{
		{"what-ai-engineers-do", "What AI Engineers Actually Do", "2.0.0"},
		{"what-ai-engineers-do", "What AI Engineers Actually Do: from prototype to production, with evaluations and " +
			"guardrails", "2026.01.15-rc.1+build.20260115.abcdef0"},
	} {
		load := func(version string, n int) *lessons.Course {
			fsys := genCourseFS(version, n)
			manifest := strings.Replace(string(fsys["course.yaml"].Data), "id: generated-course\ntitle: A generated course\n",
				"id: "+tt.id+"\ntitle: \""+tt.title+"\"\n", 1)
			fsys["course.yaml"] = &fstest.MapFile{Data: []byte(manifest)}
			c, probs, err := lessons.Load(fsys, "generated")
			if err != nil || probs.HasErrors() || c.Title != tt.title {
				t.Fatalf("retitled course: %v %v %q", err, probs, c.Title)
			}
			return c
		}
		c := load(tt.version, 40)
		dir := t.TempDir()
		genClass(t, dir, 21, 5, c, load(tt.version+".older", 2))
		handIns, skips := Collect(c, []string{dir})
		var buf bytes.Buffer
		if err := Build(c, handIns, skips, reportTime).WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		for i, line := range strings.Split(text, "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("%s: line %d is %d columns: %q", tt.title, i+1, w, line)
			}
		}
		// Nothing is lost to the fit: the id, the version and every absent lesson are there.
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{tt.id, tt.version, "no such lesson): 3, 4, 5,", " 39, 40."} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: the text lacks %q:\n%s", tt.title, want, text)
			}
		}
	}
}

// TestTimesShownOnlyWhenReported: hand-ins without time fields give nulls and dashes, never a
// time of zero; the fixture's (some with, some without) give the medians of those with them.
func TestTimesShownOnlyWhenReported(t *testing.T) {
	c := genCourse(t, "3.1.0", 2)
	dir := t.TempDir()
	rng := newRand(3)
	for i := range 6 {
		writeFile(t, dir, string(rune('a'+i))+".json", string(genHandIn(rng, c, false)))
	}
	handIns, _ := Collect(c, []string{dir})
	r := Build(c, handIns, nil, reportTime)
	v := r.Versions[0]
	if v.TimeSpent != nil || v.StreakDays != nil || v.Lessons[0].TimeSpent != nil || v.Lessons[1].TimeSpent != nil {
		t.Fatalf("times without any reported: %+v", v)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if strings.Contains(text, "Time in the course") || strings.Contains(text, "streak") {
		t.Errorf("the text reports times nobody reported:\n%s", text)
	}
	if row := lineWith(text, "  1  Lesson 1 of"); !strings.HasSuffix(row, "—") {
		t.Errorf("the time column of a lesson without times: %q", row)
	}

	text = fixtureText(t)
	for _, want := range []string{"Time in the course: median 15m (3 of 4 learners report it).", "Day streak: median 3 days, longest 5."} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	if row := lineWith(text, "  2  Retrieval basics"); !strings.HasSuffix(row, "13m") {
		t.Errorf("retrieval's row: %q", row)
	}

	// A hand-in of this aieng reports a streak of a day as often as any: said in the singular,
	// as is one learner's time.
	alone := Version{Version: "1", Current: true, Learners: 1, StreakDays: &Spread{Learners: 1, Median: 1, Total: 1, Max: 1},
		TimeSpent: &Spread{Learners: 1, Median: 600, Total: 600, Max: 600}}
	var one strings.Builder
	writeVersion(&one, alone, "1")
	for _, want := range []string{"Day streak: median 1 day, longest 1.", "Time in the course: median 10m (1 of 1 learner reports it)."} {
		if !strings.Contains(one.String(), want) {
			t.Errorf("one learner: the text lacks %q:\n%s", want, one.String())
		}
	}
	var page bytes.Buffer
	r = Report{Versions: []Version{alone}}
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Day streak: median 1 day, longest 1.", "Time in the course: median 10m, 1 of 1 learner reports it."} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("one learner: the page lacks %q", want)
		}
	}
}

func TestReportedByAgrees(t *testing.T) {
	for _, c := range []struct {
		n, of int
		want  string
	}{
		{1, 1, "1 of 1 learner reports it"},
		{1, 3, "1 of 3 learners reports it"},
		{2, 3, "2 of 3 learners report it"},
		{0, 2, "0 of 2 learners report it"},
	} {
		if got := reportedBy(c.n, c.of); got != c.want {
			t.Errorf("reportedBy(%d, %d) = %q, want %q", c.n, c.of, got, c.want)
		}
	}
}

func TestTextReport(t *testing.T) {
	text := fixtureText(t)
	for _, want := range []string{
		"5 hand-ins read, 7 skipped (named on standard error).",
		"The hand-ins come from 2 versions of the course: each is reported on its own.",
		"Version 2.0.0, the course's version: 4 learners",
		"  2  Retrieval basics                3 (75%)     1 (25%)         50%       13m",
		"   2.1 Which store holds embeddings?                          2/3 66.7%      1",
		`     wrong: "A relational table without an index" 1 · "A spreadsheet" 1`,
		`     rejected: "Sliding Window" 2 · "chunk overlap" 1 (1 overrode)`,
		"   2.5 retrieval/q9 (no longer in the course)                  1/1 100%      1",
		"Version 1.0.0 (the course is at 2.0.0): 1 learner",
		"Not in these hand-ins (this version had no such lesson): 1, 3.",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("the text lacks the line %q:\n%s", want, text)
		}
	}
}

func fixtureText(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := fixtureReport(t).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func lineWith(text, prefix string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}
