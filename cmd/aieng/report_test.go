package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/progress"
)

// Tests of 'aieng report' as a command: arguments, exit statuses, messages and the files it
// writes. internal/classreport's tests check every number.

// handInJSON is a hand-in of the fixture course: the learner answered basics/q1 with choice,
// wrap-up's short question with typed, and reports its time when spent >= 0.
func handInJSON(version, choice, typed string, spent int) string {
	times := ""
	if spent >= 0 {
		times = fmt.Sprintf(`, "time_spent_seconds": %d`, spent)
	}
	return fmt.Sprintf(`{"report_version": 1, "course": {"id": "cmd-test-course", "version": %q},
  "lessons": [
    {"id": "basics", "status": "passed", "passed": %t, "first_attempt_percent": 50%s,
     "history": [{"kind": "full", "answers": [
       {"question_id": "basics/q1", "given": [%q], "correct": %t}]}]},
    {"id": "wrap-up", "status": "read", "passed": false, "first_attempt_percent": 0,
     "history": [{"kind": "full", "answers": [{"question_id": "wrap-up/q1", "given": [%q], "correct": false}]}]}
  ], "totals": {}}`, version, choice != "It stores data", times, choice, choice != "It stores data", typed)
}

func writeHandIns(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReportCommand(t *testing.T) {
	dir := writeHandIns(t, map[string]string{
		"ann.json":   handInJSON("1.2.0", "It stores data", "the weather", 300),
		"bob.json":   handInJSON("1.2.0", "It turns inputs into outputs", "The Weather", 500),
		"cy.json":    handInJSON("1.1.0", "It stores data", "drift", -1),
		"junk.json":  "not json",
		"other.json": strings.Replace(handInJSON("1.2.0", "x", "y", 0), "cmd-test-course", "another", 1),
	})
	out, errOut, code := runCLI(t, "--lessons", fixtureCourse, "report", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"aieng: skipped " + filepath.Join(dir, "junk.json") + ": not a hand-in: invalid JSON after byte 1: invalid character 'o' in literal null (expecting 'u')\n",
		"aieng: skipped " + filepath.Join(dir, "other.json") + `: a hand-in of the course "another", not of "cmd-test-course"` + "\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	for _, want := range []string{
		"Class report: Command Test Course (cmd-test-course), version 1.2.0\n3 hand-ins read, 2 skipped (named on standard error).",
		"Version 1.2.0, the course's version: 2 learners",
		"Version 1.1.0 (the course is at 1.2.0): 1 learner",
		"  2  The basics                     2 (100%)     1 (50%)         50%        7m\n",
		`     wrong: "It stores data" 1` + "\n",
		`     rejected: "The Weather" 2` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}

func TestReportFormats(t *testing.T) {
	dir := writeHandIns(t, map[string]string{"ann.json": handInJSON("1.2.0", "It stores data", "drift", -1)})
	out, errOut, code := runCLI(t, "--lessons", fixtureCourse, "report", "--json", dir)
	var r struct {
		HandIns  int `json:"hand_ins"`
		Versions []struct {
			Lessons []struct {
				ID        string          `json:"id"`
				TimeSpent json.RawMessage `json:"time_spent_seconds"`
			} `json:"lessons"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil || r.HandIns != 1 || len(r.Versions[0].Lessons) != 4 ||
		string(r.Versions[0].Lessons[1].TimeSpent) != "null" {
		t.Fatalf("--json: exit %d, %v, %+v\n%s%s", code, err, r, out, errOut)
	}

	out, _, code = runCLI(t, "--lessons", fixtureCourse, "report", "--csv", filepath.Join(dir, "ann.json"))
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 1+4+4 || rows[0][0] != "class_report_version" {
		t.Fatalf("--csv: exit %d, %v, %d rows\n%s", code, err, len(rows), out)
	}

	page := filepath.Join(t.TempDir(), "class.html")
	out, errOut, code = runCLI(t, "--lessons", fixtureCourse, "report", "--html", page, dir)
	data, err := os.ReadFile(page)
	if code != 0 || err != nil || !strings.HasPrefix(string(data), "<!DOCTYPE html>") ||
		out != "wrote "+page+": 1 hand-in, 1 course version. Open it in a browser; it needs no network.\n" {
		t.Fatalf("--html: exit %d, %v: %q %s", code, err, out, errOut)
	}
}

func TestReportRefusals(t *testing.T) {
	bad := writeHandIns(t, map[string]string{"junk.json": "{}"})
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report"}, 2, "aieng: report needs hand-ins: aieng report FILE... or aieng report DIR\n"},
		{[]string{"report", "--json", "--csv", bad}, 2, "aieng: --json, --csv and --html cannot be combined\n"},
		{[]string{"report", bad}, 1, "aieng: skipped " + filepath.Join(bad, "junk.json") +
			": not a hand-in: no report_version (a hand-in is what 'aieng progress --json' prints)\n" +
			"aieng: no hand-in read (1 file skipped): nothing to report\n"},
		{[]string{"report", filepath.Join(bad, "none.json")}, 1, "aieng: skipped " + filepath.Join(bad, "none.json") +
			": cannot read: no such file or directory\naieng: no hand-in read (1 file skipped): nothing to report\n"},
	} {
		out, errOut, code := runCLI(t, append([]string{"--lessons", fixtureCourse}, c.args...)...)
		if code != c.code || errOut != c.msg || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d, %q", c.args, code, out, errOut, c.code, c.msg)
		}
	}
	// A page that cannot be written is not half written, and says why.
	dir := writeHandIns(t, map[string]string{"ann.json": handInJSON("1.2.0", "It stores data", "drift", -1)})
	_, errOut, code := runCLI(t, "--lessons", fixtureCourse, "report", "--html", filepath.Join(dir, "no", "such", "x.html"), dir)
	if code != 1 || !strings.Contains(errOut, "cannot write") {
		t.Errorf("--html into a missing folder: exit %d, %s", code, errOut)
	}
}

// TestReportReadsTimeAndStreakOfARealHandIn: a hand-in printed by this aieng's own `progress
// --json` for a learner with time spent and a streak (progress kept through progress.Store on
// three days in a row, the hand-in made at AIENG_NOW on the third) shows both in the class
// report, where a hand-in of an aieng that did not count them shows "—".
func TestReportReadsTimeAndStreakOfARealHandIn(t *testing.T) {
	path := missedOne(t, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d, hour int) time.Time { return time.Date(2026, 3, d, hour, 0, 0, 0, time.Local) }
	for _, step := range []struct {
		lesson string
		day    int
		secs   int
	}{{"intro", 1, 240}, {"basics", 2, 600}, {"basics", 3, 300}} {
		span := progress.TimeSpan{Session: fmt.Sprintf("run-%d", step.day), Started: day(step.day, 9), Seconds: step.secs}
		if err := s.OpenLesson(fixtureID, step.lesson, day(step.day, 9)); err != nil {
			t.Fatal(err)
		}
		if err := s.SetTimeSpent(fixtureID, step.lesson, span, day(step.day, 9)); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv(envNow, day(3, 18).Format(time.RFC3339))
	handIn, errOut, code := runWithInput(t, "", "--progress", path, "progress", "--json")
	if code != 0 {
		t.Fatalf("progress --json: exit %d: %s", code, errOut)
	}
	dir := writeHandIns(t, map[string]string{"ann.json": handIn})

	out, errOut, code := runWithInput(t, "", "report", dir)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Time in the course: median 19m (1 of 1 learner reports it).", "Day streak: median 3 days, longest 3."} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if row := strings.TrimRight(lineWith(out, "  2  The basics"), " "); !strings.HasSuffix(row, "15m") {
		t.Errorf("basics' time: %q, want 15m:\n%s", row, out)
	}
	if row := strings.TrimRight(lineWith(out, "  1  Reading only"), " "); !strings.HasSuffix(row, "4m") {
		t.Errorf("intro's time: %q, want 4m:\n%s", row, out)
	}

	out, _, _ = runWithInput(t, "", "report", "--json", dir)
	var r struct {
		Versions []struct {
			TimeSpent  struct{ Learners, Total int } `json:"time_spent_seconds"`
			StreakDays struct{ Max int }             `json:"streak_days"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Versions) != 1 {
		t.Fatalf("report --json: %v\n%s", err, out)
	}
	if v := r.Versions[0]; v.TimeSpent.Learners != 1 || v.TimeSpent.Total != 1140 || v.StreakDays.Max != 3 {
		t.Errorf("report --json: %+v", v)
	}
}
