package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"github.com/aieng/aieng/progress"
)

// runWithInput runs the command line in-process with stdin holding input.
func runWithInput(t *testing.T, input string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(input), &out, &errOut)
	code = exitCode(a, a.execute(args))
	return out.String(), errOut.String(), code
}

// seededProgress writes a progress file for the built-in course: the-role passed in two
// attempts, designing-models read, challenges opened, and a lesson the course does not have.
func seededProgress(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "progress.json")
	s, err := progress.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	const course = "what-ai-engineers-do"
	base := time.Now().Add(-48 * time.Hour) // before any reset the tests make
	for _, err := range []error{
		s.OpenLesson(course, "the-role", base),
		s.MarkRead(course, "the-role", base.Add(time.Minute)),
		s.RecordAttempt(course, "the-role", progress.Attempt{ID: "a1", Time: base.Add(2 * time.Minute), Correct: 3, Total: 7}),
		s.RecordAttempt(course, "the-role", progress.Attempt{ID: "a2", Time: base.Add(3 * time.Minute), Correct: 6, Total: 7, Passed: true}),
		s.MarkRead(course, "designing-models", base.Add(4*time.Minute)),
		s.MarkRead(course, "lesson-from-an-older-version", base.Add(5*time.Minute)),
		s.OpenLesson(course, "challenges", base.Add(6*time.Minute)),
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
		"What AI Engineers Actually Do (version 2.0.0)",
		"LESSON", "STATUS", "BEST", "LAST ATTEMPT",
		"the-role ", "passed", "85.7%",
		"designing-models", "read",
		"challenges", "in progress",
		"wrap-up", "not started",
		"1 of 12 lessons complete (8.3%): 1 passed, 2 read.",
		"Last opened: challenges.",
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
	if r.ReportVersion != progress.ReportVersion || r.Course.ID != "what-ai-engineers-do" || r.Course.Version != "2.0.0" ||
		len(r.Lessons) != 12 || r.GeneratedAt.IsZero() {
		t.Errorf("report header: %+v", r)
	}
	role := r.Lessons[0]
	if role.ID != "the-role" || role.Status != "passed" || role.Attempts != 2 || !role.Passed ||
		role.BestPercent == nil || *role.BestPercent != 85.7 || role.PassedAt == nil || !role.Read {
		t.Errorf("the-role in the report: %+v", role)
	}
	if r.Totals != (progress.ReportTotals{Lessons: 12, Complete: 1, Passed: 1, Read: 2, PercentComplete: 8.3}) {
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
		if _, ok := raw.Lessons[8][key]; !ok {
			t.Errorf("lesson entry lacks key %q: %v", key, raw.Lessons[8])
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
	if len(rows) != 13 || strings.Join(rows[0], ",") != strings.Join(progress.CSVHeader, ",") {
		t.Fatalf("CSV: %q", rows)
	}
	if rows[1][4] != "the-role" || rows[1][7] != "passed" {
		t.Errorf("first lesson row: %q", rows[1])
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
	if code != 0 || !strings.Contains(out, "0 of 12 lessons complete") {
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
	check := openedStore(t, path).Course("what-ai-engineers-do")
	if len(check.Lessons) != 0 {
		t.Errorf("progress left after resetting the course: %+v", check)
	}
	if got := openedStore(t, backup).Course("what-ai-engineers-do"); got.Lessons["the-role"].Status() != progress.Passed {
		t.Errorf("the backup does not hold the progress that was reset: %+v", got)
	}
	out, _, code = runWithInput(t, "", "--progress", path, "reset", "--yes")
	if code != 0 || !strings.Contains(out, "Nothing to reset") {
		t.Errorf("second reset: exit %d, %q", code, out)
	}
}

func TestResetOneLesson(t *testing.T) {
	path := seededProgress(t)
	out, _, code := runWithInput(t, "", "--progress", path, "reset", "--lesson", "the-role", "--yes")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	backupNamedIn(t, out, path)
	c := openedStore(t, path).Course("what-ai-engineers-do")
	if _, ok := c.Lessons["the-role"]; ok || !c.Lessons["designing-models"].Read || !c.Lessons["lesson-from-an-older-version"].Read {
		t.Errorf("after resetting the-role: %+v", c)
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
	t.Cleanup(func() { stdinIsTerminal = isTerminal })
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
		out, _, code := runWithInput(t, answer, "--progress", path, "reset", "--lesson", "the-role")
		if code != 0 {
			t.Errorf("answer %q: exit %d", answer, code)
		}
		backupNamedIn(t, out, path)
	}
}

func TestResetRefusesANewerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	newer := `{"schema": 99, "courses": {"what-ai-engineers-do": {"lessons": {"the-role": {"read": true}}}}}`
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
