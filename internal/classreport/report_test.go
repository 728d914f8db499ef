package classreport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/lessons"
)

var reportTime = time.Date(2026, 11, 27, 10, 15, 0, 0, time.UTC)

// classFiles writes the hand-ins of five learners (four of the course's version 2.0.0, one of
// 1.0.0) and some files that are not hand-ins, and returns the folder. What each did:
//
//	A  welcome read; retrieval passed at the second full attempt (first 50%), with a practice
//	   round between; numbers not started. Reports its times.
//	B  retrieval failed (first 0%): the hint, wrong picks, "Sliding  Window", then at a second
//	   attempt "chunk overlap", overridden; numbers: 4000 (first 0%). Reports totals only.
//	C  retrieval answered in part to older versions (the store question's old hash, the gpu
//	   question marked changed), typed "overlaps" (rejected then, accepted now), and answered
//	   a question the course no longer has; numbers passed (first 100%). No totals.
//	D  nothing started.
//	E  of version 1.0.0: retrieval passed at once, store answered with an old hash.
func classFiles(t *testing.T, c *lessons.Course) string {
	dir := t.TempDir()
	h := func(id string) string { return hashOf(t, c, id) }
	ans := func(id string, correct bool, given ...string) HandInAnswer {
		return HandInAnswer{QuestionID: id, Hash: h(id), Correct: correct, Given: given}
	}
	a := handIn("2.0.0", HandInTotals{TimeSpentSeconds: i64(1500), StreakDays: i64(5)},
		HandInLesson{ID: "welcome", Status: "read", TimeSpentSeconds: i64(60)},
		HandInLesson{ID: "retrieval", Status: "passed", Passed: true, FirstAttemptPercent: f64(50), TimeSpentSeconds: i64(600),
			History: []HandInAttempt{
				attempt("full", ans("store", true, "A vector index"),
					ans("reduce", false, "Retrieving the right passages", "A higher temperature"),
					ans("overlap", false, "sliding window"), ans("gpu", true, "False")),
				attempt("practice", ans("reduce", true, "Retrieving the right passages", "Asking the model to cite them"),
					ans("overlap", true, "Overlap")),
				attempt("full", ans("store", true, "A vector index"),
					ans("reduce", true, "Retrieving the right passages", "Asking the model to cite them"),
					ans("overlap", true, "overlap"), ans("gpu", true, "False")),
			}},
		HandInLesson{ID: "numbers", Status: "not_started", TimeSpentSeconds: i64(0)})
	hinted := ans("store", false, "A spreadsheet")
	hinted.Hinted = true
	overridden := ans("overlap", true, "chunk overlap")
	overridden.Overridden = true
	b := handIn("2.0.0", HandInTotals{TimeSpentSeconds: i64(900), StreakDays: i64(1)},
		HandInLesson{ID: "welcome", Status: "in_progress"},
		HandInLesson{ID: "retrieval", Status: "in_progress", FirstAttemptPercent: f64(0), TimeSpentSeconds: i64(900),
			History: []HandInAttempt{
				attempt("full", hinted, ans("reduce", false, "A higher temperature"),
					ans("overlap", false, "  Sliding  Window "), ans("gpu", false, "True")),
				attempt("full", ans("store", true, "A vector index"), ans("reduce", false, "A higher temperature"),
					overridden, ans("gpu", true, "False")),
			}},
		HandInLesson{ID: "numbers", Status: "in_progress", FirstAttemptPercent: f64(0),
			History: []HandInAttempt{attempt("full", ans("tokens", false, "4000"))}})
	old := ans("store", false, "A relational table without an index")
	old.Hash = "0123456789ab"
	changed := ans("gpu", true, "False")
	changed.QuestionChanged = true
	c2 := handIn("2.0.0", HandInTotals{},
		HandInLesson{ID: "welcome", Status: "not_started"},
		HandInLesson{ID: "retrieval", Status: "read", FirstAttemptPercent: f64(50),
			History: []HandInAttempt{attempt("full", old,
				ans("reduce", true, "Retrieving the right passages", "Asking the model to cite them"),
				ans("overlap", false, "overlaps"), changed,
				HandInAnswer{QuestionID: "retrieval/q9", Hash: "feedfacecafe", Given: strs("x")})}},
		HandInLesson{ID: "numbers", Status: "passed", Passed: true, FirstAttemptPercent: f64(100), TimeSpentSeconds: i64(120),
			History: []HandInAttempt{attempt("full", ans("tokens", true, "4096"))}})
	d := handIn("2.0.0", HandInTotals{TimeSpentSeconds: i64(0), StreakDays: i64(3)},
		HandInLesson{ID: "welcome", Status: "not_started"}, HandInLesson{ID: "retrieval", Status: "not_started"},
		HandInLesson{ID: "numbers", Status: "not_started"})
	eOld := ans("store", true, "A vector index")
	eOld.Hash = "0123456789ab"
	e := handIn("1.0.0", HandInTotals{},
		HandInLesson{ID: "retrieval", Status: "passed", Passed: true, FirstAttemptPercent: f64(100),
			History: []HandInAttempt{attempt("full", eOld)}})

	pathA := writeHandIn(t, dir, "a.json", a)
	writeHandIn(t, dir, "b.json", b)
	writeHandIn(t, dir, "c.json", c2)
	writeHandIn(t, dir, "d.JSON", d)
	writeHandIn(t, dir, "e.json", e)
	data, err := os.ReadFile(pathA)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "resubmitted.json", string(data))
	other := a
	other.Course.ID = "another-course"
	writeHandIn(t, dir, "other.json", other)
	writeFile(t, dir, "broken.json", `{"report_version": 1, "course": {"id": "report-course"`)
	writeFile(t, dir, "newer.json", `{"report_version": 2, "course": {"id": "report-course"}, "lessons": {}}`)
	writeFile(t, dir, "notes.json", `{"learner": "me"}`)
	writeFile(t, dir, "empty.json", ``)
	writeFile(t, dir, "readme.txt", `not read: not *.json`)
	if err := os.Mkdir(filepath.Join(dir, "sub.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	big, err := os.Create(filepath.Join(dir, "huge.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(MaxHandInSize + 1); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	big.Close()
	return dir
}

func TestSkippedFilesAreNamed(t *testing.T) {
	c := loadFixture(t)
	dir := classFiles(t, c)
	missing := filepath.Join(dir, "missing.json")
	handIns, skips := Collect(c, []string{dir, filepath.Join(dir, "a.json"), missing, t.TempDir()})
	if len(handIns) != 5 {
		t.Fatalf("read %d hand-ins, want 5", len(handIns))
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	want := []Skip{
		{File: "", Reason: "the folder holds no *.json file"},
		{p("broken.json"), "not a hand-in: the JSON is cut short"},
		{p("empty.json"), "not a hand-in: the file is empty"},
		{p("huge.json"), "the file is 33554433 bytes; a hand-in may be at most 32 MiB"},
		{p("newer.json"), "report_version 2: this aieng reads version 1; was it made by a newer aieng?"},
		{p("notes.json"), "not a hand-in: no report_version (a hand-in is what 'aieng progress --json' prints)"},
		{p("other.json"), `a hand-in of the course "another-course", not of "report-course"`},
		{p("resubmitted.json"), "the same hand-in as " + p("a.json") + ", byte for byte"},
		{missing, "cannot read: no such file or directory"},
	}
	if len(skips) != len(want) {
		t.Fatalf("skipped %d files, want %d:\n%v", len(skips), len(want), skips)
	}
	for i, w := range want {
		if i == 0 {
			w.File = skips[0].File // the empty temporary folder
		}
		if skips[i] != w {
			t.Errorf("skip %d:\n got %+v\nwant %+v", i, skips[i], w)
		}
	}
}

// TestAggregates checks every number of the report on the class of classFiles.
func TestAggregates(t *testing.T) {
	c := loadFixture(t)
	handIns, skips := Collect(c, []string{classFiles(t, c)})
	r := Build(c, handIns, skips, reportTime)
	if r.HandIns != 5 || len(r.Skipped) != 7 || r.Course != (Course{"report-course", "Report Test Course", "2.0.0", 70}) {
		t.Fatalf("report head: %d hand-ins, %d skipped, %+v", r.HandIns, len(r.Skipped), r.Course)
	}
	if len(r.Versions) != 2 || r.Versions[0].Version != "2.0.0" || !r.Versions[0].Current || r.Versions[1].Version != "1.0.0" || r.Versions[1].Current {
		t.Fatalf("versions: %+v", r.Versions)
	}
	expect(t, "version 2.0.0", r.Versions[0], currentVersion())
	expect(t, "version 1.0.0", r.Versions[1], olderVersion())
}

func currentVersion() Version {
	noTally := []Tally{}
	return Version{Version: "2.0.0", Current: true, Learners: 4,
		TimeSpent:  &Spread{Learners: 3, Median: 900, Total: 2400, Max: 1500},
		StreakDays: &Spread{Learners: 3, Median: 3, Total: 9, Max: 5},
		Lessons: []Lesson{
			{Number: 1, ID: "welcome", Title: "Welcome", Section: "Start", HandedIn: 4, Started: 2,
				TimeSpent: &Spread{Learners: 1, Median: 60, Total: 60, Max: 60}, QuestionStats: []Question{}},
			{Number: 2, ID: "retrieval", Title: "Retrieval basics", Section: "Start", Questions: 4, HandedIn: 4,
				Started: 3, Passed: 1, FirstAttempts: 3, MedianFirstAttemptPercent: f64(50),
				TimeSpent: &Spread{Learners: 2, Median: 750, Total: 1500, Max: 900},
				QuestionStats: []Question{
					{ID: "store", Kind: "single", Prompt: "Which store holds embeddings?", InCourse: true,
						FirstTries: 3, Missed: 2, MissPercent: f64(66.7), Hinted: 1, OlderVersion: 1,
						WrongChoices:    []Tally{{Text: "A relational table without an index", Learners: 1}, {Text: "A spreadsheet", Learners: 1}},
						RejectedAnswers: noTally},
					{ID: "reduce", Kind: "multiple", Prompt: "Which of these reduce hallucinated answers?", InCourse: true,
						FirstTries: 3, Missed: 2, MissPercent: f64(66.7),
						WrongChoices: []Tally{{Text: "A higher temperature", Learners: 2}}, RejectedAnswers: noTally},
					{ID: "overlap", Kind: "short", Prompt: "What do neighbouring chunks share to keep context?", InCourse: true,
						FirstTries: 3, Missed: 3, MissPercent: f64(100), WrongChoices: noTally,
						RejectedAnswers: []Tally{{Text: "Sliding Window", Learners: 2}, {Text: "chunk overlap", Learners: 1, Overridden: 1}}},
					{ID: "gpu", Kind: "truefalse", Prompt: "Retrieval needs a GPU.", InCourse: true,
						FirstTries: 3, Missed: 1, MissPercent: f64(33.3), OlderVersion: 1,
						WrongChoices: []Tally{{Text: "True", Learners: 1}}, RejectedAnswers: noTally},
					{ID: "retrieval/q9", FirstTries: 1, Missed: 1, MissPercent: f64(100), OlderVersion: 1,
						WrongChoices: noTally, RejectedAnswers: noTally},
				}},
			{Number: 3, ID: "numbers", Title: "Numbers", Section: "Practice", Questions: 1, HandedIn: 4,
				Started: 2, Passed: 1, FirstAttempts: 2, MedianFirstAttemptPercent: f64(50),
				TimeSpent: &Spread{Learners: 1, Median: 120, Total: 120, Max: 120},
				QuestionStats: []Question{
					{ID: "tokens", Kind: "numeric", Prompt: "How many tokens fit a 4k context?", InCourse: true,
						FirstTries: 2, Missed: 1, MissPercent: f64(50), WrongChoices: noTally,
						RejectedAnswers: []Tally{{Text: "4000", Learners: 1}}},
				}},
		}}
}

func olderVersion() Version {
	noTally := []Tally{}
	q := func(id, kind, prompt string) Question {
		return Question{ID: id, Kind: kind, Prompt: prompt, InCourse: true, WrongChoices: noTally, RejectedAnswers: noTally}
	}
	store := q("store", "single", "Which store holds embeddings?")
	store.FirstTries, store.MissPercent, store.OlderVersion = 1, f64(0), 1
	return Version{Version: "1.0.0", Learners: 1, Lessons: []Lesson{
		{Number: 1, ID: "welcome", Title: "Welcome", Section: "Start", QuestionStats: []Question{}},
		{Number: 2, ID: "retrieval", Title: "Retrieval basics", Section: "Start", Questions: 4, HandedIn: 1, Started: 1,
			Passed: 1, FirstAttempts: 1, MedianFirstAttemptPercent: f64(100), QuestionStats: []Question{
				store,
				q("reduce", "multiple", "Which of these reduce hallucinated answers?"),
				q("overlap", "short", "What do neighbouring chunks share to keep context?"),
				q("gpu", "truefalse", "Retrieval needs a GPU."),
			}},
		{Number: 3, ID: "numbers", Title: "Numbers", Section: "Practice", Questions: 1, QuestionStats: []Question{
			q("tokens", "numeric", "How many tokens fit a 4k context?"),
		}},
	}}
}

// expect compares a version's report with the one wanted, printing both as JSON when they
// differ.
func expect(t *testing.T, what string, got, want Version) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Fatalf("%s: first difference at line %d:\n got %s\nwant %s\n\ngot:\n%s", what, i+1, gl[i], wl[i], g)
		}
	}
	t.Fatalf("%s differs:\ngot:\n%s\nwant:\n%s", what, g, w)
}

// TestDecodeProblems: what is wrong with a file that is not a hand-in is said in JSON's words.
func TestDecodeProblems(t *testing.T) {
	for in, want := range map[string]string{
		`{"report_version": "1"}`:                                    `not a hand-in: /report_version is a string, where a hand-in has a whole number`,
		`{"report_version": 1, "lessons": {}}`:                       `not a hand-in: /lessons is an object, where a hand-in has an array`,
		`[1, 2]`:                                                     `not a hand-in: the file is an array, where a hand-in has an object`,
		`{"report_version": 1, "course": {"id": "x"} } x`:            `not a hand-in: invalid JSON after byte 46: invalid character 'x' after top-level value`,
		`{"report_version": -1, "course": {"id": "x"}}`:              `not a hand-in: report_version -1`,
		`{"report_version": 1, "course": {"id": ""}}`:                `not a hand-in: it names no course (course.id)`,
		"\uFEFF {\"report_version\": 3, \"lessons\": 7}":             `report_version 3: this aieng reads version 1; was it made by a newer aieng?`,
		`{"report_version": true}`:                                   `not a hand-in: /report_version is true, where a hand-in has a whole number`,
		`{"report_version": 1.5}`:                                    `not a hand-in: /report_version is a number, where a hand-in has a whole number`,
		`{"report_version": 1, "lessons": [{"id": "a"}, {"id": 5}]}`: `not a hand-in: /lessons/1/id is a number, where a hand-in has a string`,
		`{"report_version": 1, "lessons": [{"history": [{"kind": "full", "answers": [{"given": ["a", {}]}]}]}]}`: `not a hand-in: /lessons/0/history/0/answers/0/given/1 is an object, where a hand-in has a string`,
		`{"report_version": 1, "course": {"a/b~": {}, "version": [1]}}`:                                          `not a hand-in: /course/version is an array, where a hand-in has a string`,
		`{"report_version": 1, "course": {"id": "x"`:                                                             `not a hand-in: the JSON is cut short`,
	} {
		if _, err := Decode([]byte(in)); err == nil || err.Error() != want {
			t.Errorf("Decode(%s):\n got %v\nwant %s", in, err, want)
		}
	}
	// What encoding/json accepts, and aieng's hand-ins may hold after an edit, is read.
	h, err := Decode([]byte("{\"report_version\": 1, \"course\": {\"id\": \"c\", \"id\": \"d\", \"version\": \"1\xff\"}}"))
	if err != nil || h.Course.ID != "d" || h.Course.Version != "1\uFFFD" {
		t.Errorf("a lenient read: %+v, %v", h.Course, err)
	}
}
