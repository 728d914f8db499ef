package command

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/fsnotify/fsnotify"

	"github.com/aieng/aieng/internal/lab/view"
)

// starter writes a starter folder holding the given files.
func starter(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openLab(t *testing.T, cfg Config) *Lab {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the checks in these tests are sh scripts")
	}
	if cfg.ID == "" {
		cfg.ID = "exercise"
	}
	l, err := Open(t.TempDir(), "course", cfg)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPassingCheck(t *testing.T) {
	src := starter(t, map[string]string{"answer.txt": "42\n", "sub/notes.md": "keep me"})
	l := openLab(t, Config{Starter: src, Check: `test "$(cat answer.txt)" = 42 && echo "all 3 checks passed"`,
		Goal: `exit == 0 and output contains "3 checks passed"`})
	if got, _ := os.ReadFile(filepath.Join(l.Dir(), "sub", "notes.md")); string(got) != "keep me" {
		t.Fatalf("starter files not copied: %q", got)
	}
	res := l.Run(context.Background())
	if !res.Passed || res.Exit != 0 || res.TimedOut || res.Err != nil {
		t.Fatalf("result %+v, want a pass", res)
	}
	if !strings.Contains(res.Summary(), "passed") || len(res.Parts) != 2 || !res.Parts[1].Met {
		t.Errorf("summary %q parts %+v", res.Summary(), res.Parts)
	}
	if !l.Passed() || l.Last() != res {
		t.Error("the pass was not recorded")
	}
	if res.Parts[0].Words != "exit status = 0" {
		t.Errorf("the goal's first part reads %q, want it in a learner's words", res.Parts[0].Words)
	}
	screen := ansi.Strip(l.View(80, 10, view.NewStyles(lipgloss.NewRenderer(io.Discard), false)))
	if !strings.Contains(screen, `goal      exit status = 0 and output contains "3 checks passed"`) {
		t.Errorf("the lab's screen does not show the goal in a learner's words:\n%s", screen)
	}
}

func TestFailingCheck(t *testing.T) {
	src := starter(t, map[string]string{"answer.txt": "41\n"})
	l := openLab(t, Config{Starter: src, Check: `echo "expected 42, got $(cat answer.txt)"; exit 3`})
	res := l.Run(context.Background())
	if res.Passed || res.Exit != 3 || res.TimedOut {
		t.Fatalf("result %+v, want exit 3 and no pass", res)
	}
	if res.Output != "expected 42, got 41\n" {
		t.Errorf("output %q", res.Output)
	}
	if !strings.Contains(res.Summary(), "status 3") {
		t.Errorf("summary %q", res.Summary())
	}
	if _, err := l.Solution(); err != ErrNotPassed {
		t.Errorf("Solution before a pass: %v, want ErrNotPassed", err)
	}
	// The goal can ask for a failure's output too: exit status and output both count.
	l2 := openLab(t, Config{Starter: src, Check: "echo nope; exit 1", Goal: `exit == 1 and output matches "^no"`})
	if res := l2.Run(context.Background()); !res.Passed {
		t.Errorf("goal on a non-zero exit: %+v", res)
	}
}

func TestHangingCheckIsStoppedWithItsChildren(t *testing.T) {
	src := starter(t, map[string]string{"x": ""})
	pidFile := filepath.Join(t.TempDir(), "child.pid")
	// The shell starts a child that would outlive it, records its pid, and waits forever.
	l := openLab(t, Config{Starter: src, Timeout: 300 * time.Millisecond,
		Check: "sleep 60 & echo $! > " + pidFile + "; echo started; wait"})
	start := time.Now()
	res := l.Run(context.Background())
	if !res.TimedOut || res.Passed || res.Exit != -1 {
		t.Fatalf("result %+v, want a timeout", res)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the run took %s after a 300 ms timeout", d)
	}
	if !strings.Contains(res.Summary(), "time limit") || !strings.Contains(res.Output, "started") {
		t.Errorf("summary %q, output %q", res.Summary(), res.Output)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	// The child was in the check's process group, so it was ended too. It may linger a moment
	// as a zombie of init; signal 0 fails once it is gone.
	deadline := time.Now().Add(3 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("child %d of the timed-out check is still running", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestNoisyCheckKeepsHeadAndTail(t *testing.T) {
	src := starter(t, map[string]string{"x": ""})
	// About 5 MB of output, far past a 4 KiB limit, ending with the line the goal looks for.
	const noise = "noise noise noise noise noise noise noise noise"
	l := openLab(t, Config{Starter: src, OutputLimit: 4096,
		Check: `echo FIRST; yes '` + noise + `' | head -n 100000; echo "RESULT: ok"`,
		Goal:  `exit == 0 and output contains "RESULT: ok"`})
	res := l.Run(context.Background())
	if !res.Passed {
		t.Fatalf("result exit %d timed out %v err %v, want a pass", res.Exit, res.TimedOut, res.Err)
	}
	if len(res.Output) > 4096+100 {
		t.Errorf("kept %d bytes of output, limit 4096", len(res.Output))
	}
	if !strings.HasPrefix(res.Output, "FIRST\n") || !strings.HasSuffix(res.Output, "RESULT: ok\n") {
		t.Errorf("output does not keep its start and end: %q ... %q", res.Output[:20], res.Output[len(res.Output)-20:])
	}
	total := len("FIRST\n") + 100000*len(noise+"\n") + len("RESULT: ok\n")
	if res.Dropped != total-4096 || !strings.Contains(res.Output, "bytes of output left out") {
		t.Errorf("dropped %d bytes", res.Dropped)
	}
}

func TestCancelledRun(t *testing.T) {
	l := openLab(t, Config{Starter: starter(t, map[string]string{"x": ""}), Check: "sleep 30"})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	res := l.Run(ctx)
	if res.TimedOut || res.Err == nil || res.Passed {
		t.Errorf("result %+v, want a cancelled run", res)
	}
}

func TestResetAndSolution(t *testing.T) {
	src := starter(t, map[string]string{"answer.txt": "41\n"})
	sol := starter(t, map[string]string{"answer.txt": "42\n"})
	base := t.TempDir()
	cfg := Config{ID: "fix-it", Starter: src, Solution: sol, Check: `test "$(cat answer.txt)" = 42`}
	l, err := Open(base, "course", cfg)
	if err != nil {
		t.Fatal(err)
	}
	answer := filepath.Join(l.Dir(), "answer.txt")
	if err := os.WriteFile(answer, []byte("42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Opening again keeps the learner's edit.
	again, err := Open(base, "course", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(answer); string(got) != "42\n" || again.Dir() != l.Dir() {
		t.Fatalf("reopening lost the edit: %q", got)
	}
	if !l.Run(context.Background()).Passed {
		t.Fatal("edited answer does not pass")
	}
	files, err := l.Solution()
	if err != nil || len(files) != 1 || files[0].Path != "answer.txt" || files[0].Text != "42\n" {
		t.Fatalf("Solution = %+v, %v", files, err)
	}
	if err := l.Reset(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(answer); string(got) != "41\n" {
		t.Errorf("after Reset the answer is %q, want the starter's", got)
	}
	if entries, _ := os.ReadDir(filepath.Join(base, "course")); len(entries) != 1 {
		t.Errorf("Reset touched other folders: %v", entries)
	}
}

func TestOpenRejectsUnsafeNames(t *testing.T) {
	src := starter(t, map[string]string{"x": ""})
	for _, c := range []struct{ course, id string }{{"..", "x"}, {"course", "../x"}, {"a/b", "x"}, {"course", ""}} {
		if _, err := Open(t.TempDir(), c.course, Config{ID: c.id, Starter: src, Check: "true"}); err == nil {
			t.Errorf("Open accepted course %q lab %q", c.course, c.id)
		}
	}
	if _, err := Open(t.TempDir(), "course", Config{ID: "x", Starter: filepath.Join(src, "missing"), Check: "true"}); err == nil {
		t.Error("Open accepted a missing starter folder")
	}
}

func TestWatchRerunsAfterSave(t *testing.T) {
	src := starter(t, map[string]string{"answer.txt": "41\n"})
	l := openLab(t, Config{Starter: src, Check: `test "$(cat answer.txt)" = 42`})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results, err := l.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Watching runs nothing by itself.
	select {
	case r := <-results:
		t.Fatalf("a check ran before any save: %+v", r)
	case <-time.After(2 * Debounce):
	}
	// Editors' swap files are not saves.
	if err := os.WriteFile(filepath.Join(l.Dir(), ".answer.txt.swp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(l.Dir(), "answer.txt"), []byte("42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-results:
		if !r.Passed {
			t.Fatalf("after the save the check should pass: %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no run after a save")
	}
	cancel()
	for range results { // the channel closes once the watcher stops
	}
	if err := l.WatchErr(); err != nil {
		t.Errorf("watching stopped as asked, yet WatchErr = %v", err)
	}
}

// TestRunRecoversAPanic: a panic while the check's outcome is judged (here the goal is
// missing, a bug) is the result's error, shown as the last result, and never a pass. Run runs
// off the interface's event loop, where a panic would end the program.
func TestRunRecoversAPanic(t *testing.T) {
	l := openLab(t, Config{Starter: starter(t, map[string]string{"a.txt": "a"}), Check: "true"})
	l.goal = nil
	res := l.Run(context.Background())
	if res.Err == nil || !strings.Contains(res.Err.Error(), "please report it") || res.Passed || res.Parts != nil {
		t.Fatalf("after a panic: %+v", res)
	}
	if !strings.HasPrefix(res.Summary(), "could not run the check: aieng's check runner failed (") {
		t.Errorf("summary %q", res.Summary())
	}
	if l.Last() != res || l.Passed() {
		t.Errorf("last %+v, passed %v: the screen must show the failure, and no pass", l.Last(), l.Passed())
	}
}

// TestWatchRecoversAPanic: a panic in the watching stops it, with WatchErr saying why, instead
// of ending the program with the terminal in raw mode.
func TestWatchRecoversAPanic(t *testing.T) {
	l := openLab(t, Config{Starter: starter(t, map[string]string{"answer.txt": "41\n"}), Check: "true"})
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	if err := addTree(w, l.Dir()); err != nil {
		t.Fatal(err)
	}
	out := make(chan *Result, 1)
	go l.watchLoop(context.Background(), w, out, func(context.Context) *Result { panic("injected fault") })
	if err := os.WriteFile(filepath.Join(l.Dir(), "answer.txt"), []byte("42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for r := range out { // closed once the watching stops
		t.Errorf("a result after the panic: %+v", r)
	}
	if err := l.WatchErr(); err == nil || err.Error() != "watching the workspace failed (injected fault); please report it" {
		t.Errorf("WatchErr = %v", err)
	}
}

func TestCappedSmallWrites(t *testing.T) {
	c := newCapped(16) // head 4 bytes, tail 12
	for _, s := range []string{"abc", "defgh", "ijklmnopqrstuvwxyz"} {
		c.Write([]byte(s))
	}
	// Kept: "abcd" and the last 12 of "efghijklmnopqrstuvwxyz"; 10 bytes dropped.
	if got := c.String(); got != "abcd\n… 10 bytes of output left out …\nopqrstuvwxyz" || c.dropped != 10 {
		t.Errorf("String = %q, dropped %d", got, c.dropped)
	}
	small := newCapped(16)
	small.Write([]byte("short"))
	if small.String() != "short" {
		t.Errorf("String = %q", small.String())
	}
}
