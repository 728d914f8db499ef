package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// asyncDriver runs a model as Bubble Tea does: Update on the test's goroutine, every command in
// a goroutine of its own, their messages fed back in order of arrival. A command lab's commands
// wait for a check to end or for a save, so the synchronous driver cannot run them.
type asyncDriver struct {
	*driver
	msgs chan tea.Msg
}

func newAsyncDriver(t *testing.T, opts Options, c *lessons.Course, w, h int) *asyncDriver {
	d := &asyncDriver{driver: &driver{t: t, m: New(c, nil, opts)}, msgs: make(chan tea.Msg, 64)}
	t.Cleanup(func() {
		d.press("ctrl+c") // leaves the screen on show: a command lab stops watching
		_ = d.m.Close()
	})
	d.deliver(tea.WindowSizeMsg{Width: w, Height: h})
	if d.m.state == welcomeScreen {
		d.press("enter") // past the first-start screen, as newDriverWith
	}
	return d
}

func (d *asyncDriver) deliver(msg tea.Msg) {
	_, cmd := d.m.Update(msg)
	d.spawn(cmd)
}

func (d *asyncDriver) spawn(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		switch msg := cmd().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				d.spawn(c)
			}
		default:
			d.msgs <- msg
		}
	}()
}

// press sends keys and handles the messages already waiting.
func (d *asyncDriver) press(keys ...string) {
	for _, k := range keys {
		for _, msg := range keyMsgs(k) {
			d.deliver(msg)
		}
	}
	d.settle(50 * time.Millisecond)
}

// settle handles messages until none has come for quiet.
func (d *asyncDriver) settle(quiet time.Duration) {
	for {
		select {
		case msg := <-d.msgs:
			d.deliver(msg)
		case <-time.After(quiet):
			return
		}
	}
}

// waitView handles messages until the view holds every string, failing after 10 s.
func (d *asyncDriver) waitView(want ...string) {
	d.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		v := d.view()
		all := true
		for _, w := range want {
			all = all && strings.Contains(v, w)
		}
		if all {
			return
		}
		select {
		case msg := <-d.msgs:
			d.deliver(msg)
		case <-deadline:
			d.t.Fatalf("view never held %q:\n%s", want, v)
		}
	}
}

// commandCourse writes a course of command labs: fix-it (its check passes once answer.txt holds
// 42), hang (a check that never ends, stopped after 1 s) and noisy (thousands of lines). Each
// check first appends to runs.log beside the course, so the test knows whether anything ran.
func commandCourse(t *testing.T) (course *lessons.Course, runLog string) {
	dir := t.TempDir()
	runLog = filepath.Join(dir, "runs.log")
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "course", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("course.yaml", "id: command-labs\ntitle: Command labs\n")
	lesson := func(name, id, check, timeout, goal string) {
		write(name, "---\ntitle: "+id+"\nobjectives: [x]\n---\n\nText.\n\n```lab\nid: "+id+"\ntitle: Lab "+id+
			"\nkind: command\nparams:\n  starter: labs/"+id+"\n  solution: labs/"+id+"-done\n  check: sh check.sh\n  timeout: "+
			timeout+"\ngoal: "+goal+"\n```\n")
		write("labs/"+id+"/check.sh", "echo run >> '"+runLog+"'\n"+check)
		write("labs/"+id+"-done/answer.txt", "42\n")
	}
	lesson("01-fix.md", "fix-it", `test "$(cat answer.txt)" = 42 && echo "all good" || { echo "answer.txt is not 42"; exit 1; }`,
		"5s", `exit == 0 and output contains "all good"`)
	write("labs/fix-it/answer.txt", "?\n")
	lesson("02-hang.md", "hang", "sleep 30\n", "1s", "exit == 0")
	lesson("03-noisy.md", "noisy", `i=0; while [ $i -lt 3000 ]; do echo "line $i"; i=$((i+1)); done; exit 2`, "5s", "exit == 0")
	c, probs, err := lessons.LoadDir(filepath.Join(dir, "course"))
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	return c, runLog
}

func runs(t *testing.T, log string) int {
	data, err := os.ReadFile(log)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), "run\n")
}

// TestCommandLabScreen: the check is shown and nothing runs before the learner says yes; after
// yes it runs at once and after every save; a pass is recorded with its values and unlocks the
// solution; the question is asked once per lab while aieng runs.
func TestCommandLabScreen(t *testing.T) {
	course, runLog := commandCourse(t)
	opts := labOptions(t)
	d := newAsyncDriver(t, opts, course, 80, 24)
	d.press("j", "enter")
	d.waitView("Lab fix-it — press l")
	d.press("l")
	d.waitView("Run this command from the course on your computer? y yes, n no", "sh check.sh",
		filepath.Join(opts.LabBase, "command-labs", "fix-it"))
	d.press("n")
	d.waitView("The check was not run. Press enter when you want it to run.", "not run yet: you said no")
	d.rejectView("save a file") // after no, a save runs nothing: the screen must not say it would
	d.press("enter")
	d.waitView("Run this command from the course on your computer? y yes, n no")
	if n := runs(t, runLog); n != 0 {
		t.Fatalf("the check ran %d times before the learner agreed", n)
	}

	d.press("y")
	d.waitView("not yet: the check exited with status 1", "answer.txt is not 42", "not passed yet")
	d.waitView("Edit the files in the workspace in your editor")
	workspace := filepath.Join(opts.LabBase, "command-labs", "fix-it")
	if err := os.WriteFile(filepath.Join(workspace, "answer.txt"), []byte("42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.waitView("✓ passed", "passed in", "all good", "Goal met: lab passed, and saved to your progress. s shows the solution.")
	pass, ok := d.m.c.prog.Progress().LabPassed("fix", "fix-it")
	if !ok || pass.Values["exit"] != 0 || pass.Values["timed_out"] != 0 {
		t.Fatalf("pass = %+v, %v", pass, ok)
	}
	if n := runs(t, runLog); n != 2 {
		t.Errorf("runs = %d, want 2: the first after yes, one after the save", n)
	}

	d.press("s")
	d.waitView("Solution", "── answer.txt ──", "42")
	d.press("q")
	d.waitView("✓ passed")
	d.press("q")
	d.requireScreen("fix-it")

	d.press("l") // asked once: it runs at once
	d.waitView("passed in", "all good")
	d.rejectView("Run this command")
	if n := runs(t, runLog); n != 3 {
		t.Errorf("runs = %d, want 3", n)
	}
}

// TestCommandLabHangingAndNoisy: a check that runs past its time limit is stopped and the
// learner told so; a check that prints thousands of lines shows their end.
func TestCommandLabHangingAndNoisy(t *testing.T) {
	course, _ := commandCourse(t)
	d := newAsyncDriver(t, labOptions(t), course, 80, 24)
	d.press("j", "j", "enter")
	d.waitView("Lab hang — press l")
	d.press("l")
	d.waitView("Run this command")
	d.press("y")
	d.waitView("stopped after 1s: the check ran past its time limit", "The check ran past its time limit and was stopped.")
	if _, ok := d.m.c.prog.Progress().LabPassed("hang", "hang"); ok {
		t.Error("a stopped check passed the lab")
	}
	d.press("q", "q", "j", "j", "j", "enter")
	d.waitView("Lab noisy — press l")
	d.press("l")
	d.waitView("Run this command")
	d.press("y")
	d.waitView("not yet: the check exited with status 2", "line 2999")
	requireFits(t, d.view(), 80, 24)
	d.rejectView("line 0\n")
}
