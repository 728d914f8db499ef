package main

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

	"github.com/adrg/xdg"

	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/progress"
)

// runWithInput runs the command line in-process on the fixture course, with stdin holding
// input.
func runWithInput(t *testing.T, input string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(input), &out, &errOut)
	code = exitCode(a, a.execute(append([]string{"--lessons", fixtureCourse}, args...)))
	return out.String(), errOut.String(), code
}

// seededProgress writes a progress file for the fixture course: basics read and passed in two
// full attempts with a practice round between them (one answer of it overridden), practice
// read, wrap-up opened, intro untouched, and a lesson the course does not have.
// fixtureID is the fixture course's id, which its progress is kept under.
const fixtureID = "cmd-test-course"

func seededProgress(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "progress.json")
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Now().Add(-48 * time.Hour) // before any reset the tests make
	for _, err := range []error{
		s.OpenLesson(fixtureID, "basics", base),
		s.MarkRead(fixtureID, "basics", base.Add(time.Minute)),
		s.RecordAttempt(fixtureID, "basics", progress.Attempt{ID: "a1", Time: base.Add(2 * time.Minute), Correct: 1, Total: 2, Percent: 50}),
		s.RecordAttempt(fixtureID, "basics", progress.Attempt{ID: "p1", Kind: progress.PracticeAttempt, Time: base.Add(2*time.Minute + time.Second),
			Correct: 1, Total: 1, Percent: 100, Answers: []progress.Answer{{QuestionID: "basics/q1", Given: []string{"x"}, Correct: true, Overridden: true}}}),
		s.RecordAttempt(fixtureID, "basics", progress.Attempt{ID: "a2", Time: base.Add(3 * time.Minute), Correct: 2, Total: 2, Percent: 100, Passed: true}),
		s.MarkRead(fixtureID, "practice", base.Add(4*time.Minute)),
		s.MarkRead(fixtureID, "lesson-from-an-older-version", base.Add(5*time.Minute)),
		s.OpenLesson(fixtureID, "wrap-up", base.Add(6*time.Minute)),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestProgressPath(t *testing.T) {
	explicit := filepath.Join(t.TempDir(), "mine.json")
	if out, _, code := runWithInput(t, "", "--progress", explicit, "progress", "--path"); code != 0 || out != explicit+"\n" {
		t.Errorf("--progress FILE progress --path = %q (exit %d), want %q", out, code, explicit)
	}

	fromEnv := filepath.Join(t.TempDir(), "env.json")
	t.Setenv(progress.EnvPath, fromEnv)
	if out, _, _ := runWithInput(t, "", "progress", "--path"); out != fromEnv+"\n" {
		t.Errorf("with $%s set, progress --path = %q, want %q", progress.EnvPath, out, fromEnv)
	}

	state := t.TempDir()
	t.Setenv(progress.EnvPath, "")
	t.Setenv("XDG_STATE_HOME", state)
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	want := filepath.Join(state, "aieng", "progress.json")
	if out, _, _ := runWithInput(t, "", "progress", "--path"); out != want+"\n" {
		t.Errorf("by default, progress --path = %q, want %q", out, want)
	}
	// --path works even when the course cannot be loaded.
	if out, _, code := runWithInput(t, "", "--lessons", t.TempDir(), "progress", "--path"); code != 0 || out != want+"\n" {
		t.Errorf("with a broken course, progress --path = %q (exit %d)", out, code)
	}
}

func TestProgressTable(t *testing.T) {
	path := seededProgress(t)
	out, errOut, code := runWithInput(t, "", "--progress", path, "progress")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"Command Test Course (version 1.2.0)",
		"   #  LESSON        STATUS       FIRST  BEST  TRIES  TIME\n",
		"   1  Reading only  not started  -      -     0      -\n",
		"   2  The basics    passed       50%    100%  2      -\n",
		"   3  In practice   read         -      -     0      -\n",
		"   4  Wrapping up   in progress  -      -     0      -\n",
		"1 of 4 lessons complete (25%): 1 passed, 2 read.",
		"Practice rounds (retries of missed questions, not counted): 1 in lesson 2.\n",
		`Answers marked wrong that you counted right ("I was right"): 1 in lesson 2.` + "\n",
		"Last opened: Wrapping up.",
		"aieng list",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("progress table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "lesson-from-an-older-version") {
		t.Errorf("progress table shows a lesson the course no longer has:\n%s", out)
	}
}

func TestProgressJSONReport(t *testing.T) {
	path := seededProgress(t)
	out, errOut, code := runWithInput(t, "", "--progress", path, "progress", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var r progress.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.ReportVersion != progress.ReportVersion || r.Course.ID != fixtureID || r.Course.Version != "1.2.0" ||
		len(r.Lessons) != 4 || r.GeneratedAt.IsZero() {
		t.Errorf("report header: %+v", r)
	}
	basics := r.Lessons[1]
	if basics.ID != "basics" || basics.Status != "passed" || basics.Attempts != 2 || !basics.Passed || !basics.Complete ||
		basics.BestPercent == nil || *basics.BestPercent != 100 || basics.PassedAt == nil || !basics.Read {
		t.Errorf("basics in the report: %+v", basics)
	}
	// The progress is two days old (seededProgress): no streak, and the practice answer's
	// question, the one answer kept, is due for review.
	totals := r.Totals
	activeDays := totals.ActiveDays // 1, or 2 when the seeded minutes straddled midnight
	totals.ActiveDays = 0
	if totals != (progress.ReportTotals{Lessons: 4, Complete: 1, Passed: 1, Read: 2, PercentComplete: 25, Reviews: 1, ReviewsDue: 1}) ||
		activeDays < 1 || activeDays > 2 {
		t.Errorf("totals: %+v", r.Totals)
	}
	// Every documented key is present, nulls included, so a grader can rely on them.
	var raw struct {
		Lessons []map[string]any `json:"lessons"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "title", "section", "status", "complete", "read", "read_at", "questions",
		"best_percent", "passed", "passed_at", "attempts", "last_attempt_at", "last_attempt_percent"} {
		if _, ok := raw.Lessons[3][key]; !ok {
			t.Errorf("lesson entry lacks key %q: %v", key, raw.Lessons[3])
		}
	}
}

func TestProgressCSVReport(t *testing.T) {
	path := seededProgress(t)
	out, _, code := runWithInput(t, "", "--progress", path, "progress", "--csv")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(progress.CSVHeader, ",") {
		t.Fatalf("CSV: %q", rows)
	}
	if rows[2][4] != "basics" || rows[2][7] != "passed" || rows[2][8] != "true" {
		t.Errorf("basics row: %q", rows[2])
	}
}

func TestProgressFlagsAreExclusive(t *testing.T) {
	_, errOut, code := runWithInput(t, "", "progress", "--json", "--csv")
	if code != 2 || !strings.Contains(errOut, "cannot be combined") {
		t.Errorf("progress --json --csv: exit %d, stderr %q; want exit 2", code, errOut)
	}
}

func TestProgressWarnsAboutADamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	if err := os.WriteFile(path, []byte(`{"schema": 1, "cour`), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runWithInput(t, "", "--progress", path, "progress")
	if code != 0 || !strings.Contains(out, "0 of 4 lessons complete") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	want := "aieng: warning: progress file " + path + " is damaged (cut short after 19 bytes): it is left as it is for now; " +
		"the course starts afresh, and the first change saved moves the file aside to progress.json.corrupt-<time>\n"
	if errOut != want {
		t.Errorf("stderr = %q\nwant %q", errOut, want)
	}
	// 'aieng progress' only reads: it moves nothing aside (issue 16).
	if got, err := os.ReadFile(path); err != nil || string(got) != `{"schema": 1, "cour` {
		t.Errorf("the damaged file was moved or changed: %q, %v", got, err)
	}
}

func TestResetRefusesWithoutATerminal(t *testing.T) {
	path := seededProgress(t)
	before, _ := os.ReadFile(path)
	_, errOut, code := runWithInput(t, "y\n", "--progress", path, "reset")
	if code != 2 || !strings.Contains(errOut, "not a terminal") || !strings.Contains(errOut, "--yes") {
		t.Errorf("reset without a terminal: exit %d, stderr %q; want exit 2 mentioning --yes", code, errOut)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused reset changed the file")
	}
}

func TestResetWithYes(t *testing.T) {
	path := seededProgress(t)
	out, errOut, code := runWithInput(t, "", "--progress", path, "reset", "--yes")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	backup := backupNamedIn(t, out, path)
	check := openedStore(t, path).Course(fixtureID)
	if len(check.Lessons) != 0 {
		t.Errorf("progress left after resetting the course: %+v", check)
	}
	if got := openedStore(t, backup).Course(fixtureID); got.Lessons["basics"].Status() != progress.Passed {
		t.Errorf("the backup does not hold the progress that was reset: %+v", got)
	}
	out, _, code = runWithInput(t, "", "--progress", path, "reset", "--yes")
	if code != 0 || !strings.Contains(out, "Nothing to reset") {
		t.Errorf("second reset: exit %d, %q", code, out)
	}
}

// TestResetAfterWelcomeOnly: a learner who has only seen the first-start screen has something to
// reset (the store would erase it), so reset must not answer "Nothing to reset" and keep it.
func TestResetAfterWelcomeOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkWelcomed(fixtureID, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runWithInput(t, "", "--progress", path, "reset", "--yes")
	if code != 0 || errOut != "" || strings.Contains(out, "Nothing to reset") {
		t.Fatalf("reset after the welcome screen only: exit %d, stdout %q, stderr %q; want a reset with a backup", code, out, errOut)
	}
	backupNamedIn(t, out, path)
	if openedStore(t, path).Course(fixtureID).Welcomed {
		t.Error("the welcome screen is still marked seen after resetting the course")
	}
}

func TestResetOneLesson(t *testing.T) {
	path := seededProgress(t)
	out, _, code := runWithInput(t, "", "--progress", path, "reset", "--lesson", "basics", "--yes")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	backupNamedIn(t, out, path)
	c := openedStore(t, path).Course(fixtureID)
	if _, ok := c.Lessons["basics"]; ok || !c.Lessons["practice"].Read || !c.Lessons["lesson-from-an-older-version"].Read {
		t.Errorf("after resetting basics: %+v", c)
	}

	// A lesson the course no longer has can be reset while progress remains; an unknown id cannot.
	if _, _, code := runWithInput(t, "", "--progress", path, "reset", "--lesson", "lesson-from-an-older-version", "--yes"); code != 0 {
		t.Errorf("resetting a removed lesson's progress: exit %d", code)
	}
	_, errOut, code := runWithInput(t, "", "--progress", path, "reset", "--lesson", "no-such-lesson", "--yes")
	if code != 2 || !strings.Contains(errOut, "no-such-lesson") {
		t.Errorf("unknown lesson: exit %d, stderr %q; want exit 2", code, errOut)
	}
}

func TestResetAsksOnATerminal(t *testing.T) {
	stdinIsTerminal = func(any) bool { return true }
	t.Cleanup(func() { stdinIsTerminal = termstyle.IsTerminal })
	for _, answer := range []string{"n\n", "\n", "", "nope\n"} {
		path := seededProgress(t)
		before, _ := os.ReadFile(path)
		_, errOut, code := runWithInput(t, answer, "--progress", path, "reset")
		if code != 1 || !strings.Contains(errOut, "[y/N]") || !strings.Contains(errOut, "cancelled") {
			t.Errorf("answer %q: exit %d, stderr %q; want the question, then cancelled with exit 1", answer, code, errOut)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("answer %q changed the file", answer)
		}
	}
	for _, answer := range []string{"y\n", "YES\n"} {
		path := seededProgress(t)
		out, _, code := runWithInput(t, answer, "--progress", path, "reset", "--lesson", "basics")
		if code != 0 {
			t.Errorf("answer %q: exit %d", answer, code)
		}
		backupNamedIn(t, out, path)
	}
}

func TestResetRefusesANewerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	newer := `{"schema": 99, "courses": {"cmd-test-course": {"lessons": {"basics": {"read": true}}}}}`
	if err := os.WriteFile(path, []byte(newer), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runWithInput(t, "", "--progress", path, "reset", "--yes")
	if code != 1 || !strings.Contains(errOut, "upgrade") {
		t.Errorf("reset of a newer file: exit %d, stderr %q; want exit 1 telling to upgrade", code, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != newer {
		t.Errorf("the newer file was changed: %s", got)
	}
}

func backupNamedIn(t *testing.T, out, path string) string {
	t.Helper()
	for line := range strings.Lines(out) {
		if _, after, ok := strings.Cut(line, "reset: "); ok {
			backup := strings.TrimSpace(after)
			if !strings.HasPrefix(backup, path+".backup-") {
				t.Errorf("backup %q is not beside %s", backup, path)
			}
			if _, err := os.Stat(backup); err != nil {
				t.Errorf("backup named in the output: %v", err)
			}
			return backup
		}
	}
	t.Fatalf("output does not name the backup:\n%s", out)
	return ""
}

func openedStore(t *testing.T, path string) *progress.Store {
	t.Helper()
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if w := s.Warnings(); len(w) > 0 {
		t.Fatalf("%s: %q", path, w)
	}
	return s
}

// TestGivenFileThatIsNotProgressIsNamed: the commands that read progress go on with a warning
// naming a given file that is not progress, exit 0 as for another user's file, and leave it
// as it is; reset has nothing to reset there.
func TestGivenFileThatIsNotProgressIsNamed(t *testing.T) {
	const profile = "export PATH=$HOME/bin:$PATH\n"
	path := filepath.Join(t.TempDir(), ".bashrc")
	if err := os.WriteFile(path, []byte(profile), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "aieng: warning: " + path + ` is not a progress file (a progress file starts with "{"): aieng leaves it as it is, ` +
		"and this session will not save progress; check the path given with --progress or $AIENG_PROGRESS\n"
	for _, args := range [][]string{{"--progress", path, "progress"}, {"--progress", path, "reset", "--yes"}, {"progress"}} {
		if len(args) == 1 {
			t.Setenv(progress.EnvPath, path)
		}
		out, errOut, code := runWithInput(t, "", args...)
		if code != 0 || errOut != want {
			t.Errorf("aieng %v: exit %d, stderr %q; want exit 0 and %q", args, code, errOut, want)
		}
		if slices.Contains(args, "reset") && !strings.Contains(out, "Nothing to reset") {
			t.Errorf("aieng %v: %q", args, out)
		}
		if got, _ := os.ReadFile(path); string(got) != profile {
			t.Errorf("aieng %v changed %s: %q", args, path, got)
		}
	}
}
