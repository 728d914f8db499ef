package progress

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests run the test binary again as a child process (a "helper") that uses the store
// the way a real aieng would, so that crashes and concurrent processes are real ones.
const (
	helperEnv       = "AIENG_PROGRESS_TEST_HELPER" // which helper to run
	helperFileEnv   = "AIENG_PROGRESS_TEST_FILE"
	helperPrefixEnv = "AIENG_PROGRESS_TEST_PREFIX" // attempt IDs start with it
	helperCountEnv  = "AIENG_PROGRESS_TEST_COUNT"  // how many attempts; 0 for no end
)

// helpers are the child processes' programs, by name.
var helpers = map[string]func() int{
	"crash":      func() int { return recordAttempts(false) },
	"concurrent": func() int { return recordAttempts(true) },
}

func TestMain(m *testing.M) {
	if name := os.Getenv(helperEnv); name != "" {
		os.Exit(helpers[name]())
	}
	os.Exit(m.Run())
}

// recordAttempts records attempts one by one, each saved at once, and prints "saved N" after
// save N returns. It prints "ready" first and, when waitToStart, waits for a line on stdin so
// that two helpers start together.
func recordAttempts(waitToStart bool) int {
	path, prefix := os.Getenv(helperFileEnv), os.Getenv(helperPrefixEnv)
	count, _ := strconv.Atoi(os.Getenv(helperCountEnv))
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	if w := s.Warnings(); len(w) > 0 {
		fmt.Fprintln(os.Stderr, "helper: unexpected warnings:", w)
		return 3
	}
	fmt.Println("ready")
	if waitToStart {
		if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
			return 3
		}
	}
	for i := 0; count == 0 || i < count; i++ {
		id := fmt.Sprintf("%s-%d", prefix, i)
		if waitToStart { // the concurrent run also keeps an open attempt that this one finishes
			open := &OpenAttempt{ID: id, Started: time.Now(), Questions: []string{"q1", "q2"}, Answers: []Answer{{QuestionID: "q1", Given: []string{"a"}}}}
			if err := s.SaveOpenAttempt("c", "l", open, time.Now()); err != nil {
				fmt.Fprintln(os.Stderr, "helper:", err)
				return 4
			}
		}
		if err := s.RecordAttempt("c", "l", helperAttempt(id, i)); err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			return 4
		}
		if waitToStart { // and reviews a question of its own, and one both review
			if err := s.RecordReviews("c", helperSchedule, helperReviews(prefix, i)); err != nil {
				fmt.Fprintln(os.Stderr, "helper:", err)
				return 4
			}
		}
		fmt.Printf("saved %d\n", i) // os.Stdout is unbuffered: the line is out once this returns
	}
	if waitToStart {
		left := &OpenAttempt{ID: prefix + "-left", Started: time.Now(), Questions: []string{"q1", "q2"},
			Answers: []Answer{{QuestionID: "q1", Given: []string{"left"}, Hinted: true, At: time.Now()}}}
		if err := errors.Join(s.SaveOpenAttempt("c", "open-"+prefix, left, time.Now()), s.MarkWelcomed("c", time.Now())); err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			return 4
		}
	}
	return 0
}

// helperAttempt is attempt i of a helper: every fourth is practice, and each carries answer
// details, so that merging between processes is seen to keep them.
func helperAttempt(id string, i int) Attempt {
	a := attempt(id, at(i), i%3, 2, i%2 == 0)
	if i%4 == 3 {
		a.Kind = PracticeAttempt
	}
	credit := 0.5
	a.Questions = []string{"q1", "q2"}
	a.Answers = append(a.Answers, Answer{QuestionID: "q2", Given: []string{id}, Credit: &credit, Hinted: true,
		Overridden: i%2 == 1, AcceptedAs: "x", At: at(i)})
	return a
}

// helperSchedule rates the helpers' reviews.
var helperSchedule, _ = NewSchedule(CourseInfo{}, time.UTC)

// helperReviews are review i of a helper: a question of its own, answered on day i, and
// question "shared", which both helpers answer on the same days.
func helperReviews(prefix string, i int) []ReviewAnswer {
	when := t0.Add(time.Duration(i) * 24 * time.Hour)
	own := Answer{QuestionID: fmt.Sprintf("%s-q%d", prefix, i), Hash: "h", Correct: i%3 > 0, At: when}
	shared := Answer{QuestionID: "shared", Hash: "h", Correct: true, At: when.Add(time.Duration(prefix[0]) * time.Second)}
	return []ReviewAnswer{{Lesson: "l", Answer: own, Source: "review"}, {Lesson: "l", Answer: shared, Source: "review"}}
}

func helper(t *testing.T, name, path, prefix string, count int) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	must(t, err)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+name, helperFileEnv+"="+path,
		helperPrefixEnv+"="+prefix, helperCountEnv+"="+strconv.Itoa(count))
	cmd.Stderr = &strings.Builder{}
	return cmd
}

// TestCrashSafety kills a process that saves in a tight loop at random moments (seeded), many
// times, on the same file. After each kill the file must load without a warning and hold one
// of the states that were saved: everything from earlier runs, plus this run's attempts 0..k
// where k is the last save the child reported, or the one after it (killed between the rename
// and the report).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 30 processes")
	}
	const runs = 30
	rng := rand.New(rand.NewPCG(5, 27))
	path := filepath.Join(t.TempDir(), "progress.json")
	var before []string // attempt IDs in the file before the current run
	runsThatSaved, killedMidWrite := 0, 0
	for run := range runs {
		prefix := fmt.Sprintf("r%d", run)
		cmd := helper(t, "crash", path, prefix, 0)
		stdout, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		lines := bufio.NewScanner(stdout)
		if !lines.Scan() || lines.Text() != "ready" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("run %d: helper did not start: %q %s", run, lines.Text(), cmd.Stderr)
		}
		// Kill at a random moment within the first few dozen saves.
		time.Sleep(time.Duration(rng.IntN(60_000)) * time.Microsecond)
		must(t, cmd.Process.Kill()) // SIGKILL on Unix: no deferred code, no cleanup
		lastSaved := -1
		for lines.Scan() {
			n, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "saved "))
			if err != nil {
				t.Fatalf("run %d: helper printed %q", run, lines.Text())
			}
			lastSaved = n
		}
		_ = cmd.Wait() // "signal: killed"
		if s := cmd.Stderr.(*strings.Builder).String(); s != "" {
			t.Fatalf("run %d: helper failed: %s", run, s)
		}

		s, err := Open(path)
		must(t, err)
		if w := s.Warnings(); len(w) > 0 {
			t.Fatalf("run %d: file does not load cleanly after SIGKILL: %q", run, w)
		}
		got := map[string]bool{}
		for _, a := range s.Course("c").Lessons["l"].Attempts {
			got[a.ID] = true
		}
		for _, id := range before {
			if !got[id] {
				t.Fatalf("run %d: attempt %s saved by an earlier run is gone", run, id)
			}
		}
		inFile := -1
		for got[fmt.Sprintf("%s-%d", prefix, inFile+1)] {
			inFile++
		}
		if inFile != lastSaved && inFile != lastSaved+1 {
			t.Fatalf("run %d: file holds attempts 0..%d of this run, but save %d had returned", run, inFile, lastSaved)
		}
		if want := len(before) + inFile + 1; len(got) != want {
			t.Fatalf("run %d: file holds %d attempts, want %d (a state that was never saved)", run, len(got), want)
		}
		if inFile >= 0 {
			runsThatSaved++
		}
		if temps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".progress.json.tmp-*")); len(temps) > 0 {
			killedMidWrite++
		}
		before = before[:0]
		for id := range got {
			before = append(before, id)
		}
	}
	if runsThatSaved < runs/2 {
		t.Errorf("only %d of %d runs saved anything before the kill; the kill timing no longer tests much", runsThatSaved, runs)
	}
	t.Logf("%d of %d runs saved before the kill, %d were killed while writing; %d attempts in the file",
		runsThatSaved, runs, killedMidWrite, len(before))

	// Killed saves leave temporary files behind; the next save removes them.
	must(t, openClean(t, path).MarkRead("c", "l", at(0)))
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".progress.json.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left after a save: %q", leftovers)
	}
}

// TestConcurrentProcesses runs two processes that each record 100 distinct attempts at the same
// time on one file, each attempt finishing an open attempt saved just before it; afterwards all
// 200 are there with their kinds and answer details, no finished attempt is still open, each
// process's last open attempt is kept, and the course is marked welcomed.
func TestConcurrentProcesses(t *testing.T) {
	const each = 100
	path := filepath.Join(t.TempDir(), "progress.json")
	type child struct {
		cmd   *exec.Cmd
		stdin io.WriteCloser
		out   *bufio.Scanner
	}
	var children []child
	for _, prefix := range []string{"A", "B"} {
		cmd := helper(t, "concurrent", path, prefix, each)
		stdin, err := cmd.StdinPipe()
		must(t, err)
		stdout, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		c := child{cmd, stdin, bufio.NewScanner(stdout)}
		if !c.out.Scan() || c.out.Text() != "ready" {
			t.Fatalf("helper %s did not start: %s", prefix, cmd.Stderr)
		}
		children = append(children, c)
	}
	for _, c := range children {
		_, _ = io.WriteString(c.stdin, "go\n")
	}
	var wg sync.WaitGroup
	for _, c := range children {
		wg.Go(func() {
			for c.out.Scan() {
			}
		})
	}
	wg.Wait()
	for _, c := range children {
		if err := c.cmd.Wait(); err != nil {
			t.Fatalf("helper: %v: %s", err, c.cmd.Stderr)
		}
	}

	course := openClean(t, path).Course("c")
	attempts := course.Lessons["l"].Attempts
	got := map[string]bool{}
	for _, a := range attempts {
		got[a.ID] = true
		i, _ := strconv.Atoi(a.ID[2:])
		want := helperAttempt(a.ID, i)
		if len(a.Answers) != 2 || a.Kind != want.Kind || !slices.Equal(a.Questions, want.Questions) {
			t.Errorf("attempt %s came back as %+v", a.ID, a)
			continue
		}
		if d, w := a.Answers[1], want.Answers[1]; *d.Credit != *w.Credit || d.Hinted != w.Hinted ||
			d.Overridden != w.Overridden || d.AcceptedAs != w.AcceptedAs || !d.At.Equal(w.At) {
			t.Errorf("attempt %s: answer details came back as %+v", a.ID, d)
		}
	}
	raw := decodeFile(t, path).Courses["c"]
	if o := raw.Lessons["l"].Open; o != nil {
		t.Errorf("a finished attempt is still open in the file: %+v", o)
	}
	for _, prefix := range []string{"A", "B"} {
		if o := course.Lessons["open-"+prefix].Open; o == nil || o.ID != prefix+"-left" || !o.Answers[0].Hinted {
			t.Errorf("process %s's open attempt: %+v", prefix, o)
		}
	}
	if !course.Welcomed {
		t.Error("the welcome was lost")
	}
	for _, prefix := range []string{"A", "B"} {
		for i := range each {
			if id := fmt.Sprintf("%s-%d", prefix, i); !got[id] {
				t.Errorf("attempt %s is missing", id)
			}
		}
	}
	if len(attempts) != 2*each {
		t.Errorf("file holds %d attempts, want %d", len(attempts), 2*each)
	}
	checkConcurrentReviews(t, course.Reviews, each)
}

// checkConcurrentReviews: every review of each helper's own questions is in the log, and the
// question both reviewed each day is rated once a day.
func checkConcurrentReviews(t *testing.T, log []ReviewEntry, each int) {
	t.Helper()
	seen := map[string]int{}
	sharedDays := map[int64]int{}
	for _, e := range log {
		seen[e.QuestionID]++
		if e.QuestionID == "shared" {
			sharedDays[e.Time.Unix()/86400]++
		}
	}
	for _, prefix := range []string{"A", "B"} {
		for i := range each {
			if id := fmt.Sprintf("%s-q%d", prefix, i); seen[id] != 1 {
				t.Errorf("review of %s logged %d times, want once", id, seen[id])
			}
		}
	}
	if len(sharedDays) != each {
		t.Errorf("the shared question was rated on %d days, want %d", len(sharedDays), each)
	}
	for d, n := range sharedDays {
		if n != 1 {
			t.Errorf("the shared question was rated %d times on day %d", n, d)
		}
	}
}

// decodeFile reads a progress file as stored, without the store's view of it.
func decodeFile(t *testing.T, path string) *file {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	f, err := decode(data)
	must(t, err)
	return f
}
