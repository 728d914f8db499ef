package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// These tests run the real binary on a pseudo-terminal that answers nothing: what a serial
// console, some web terminals and `script` look like to a program. The reliability review found
// every command waiting 5 s there (finding 10): Bubble Tea's package init asked the terminal
// for its background colour (OSC 11, then a cursor report, CSI 6n) and waited for an answer.

// silentPTY is a pseudo-terminal whose other end records what the program writes and, unless
// it was opened with an answer, answers nothing.
type silentPTY struct {
	master, slave *os.File
	mu            sync.Mutex
	out           bytes.Buffer
	done          chan struct{}
}

func openSilentPTY(t *testing.T) *silentPTY {
	t.Helper()
	return openPTY(t, "")
}

// openAnsweringPTY opens a pseudo-terminal that answers each cursor report request (CSI 6n)
// with answer and then a cursor position: a terminal that does answer termenv's questions.
func openAnsweringPTY(t *testing.T, answer string) *silentPTY {
	t.Helper()
	return openPTY(t, answer)
}

func openPTY(t *testing.T, answer string) *silentPTY {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	p := &silentPTY{master: master, slave: slave, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		buf := make([]byte, 4096)
		answered := 0
		for {
			n, err := master.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			asked := strings.Count(p.out.String(), "\x1b[6n")
			p.mu.Unlock()
			for ; answer != "" && answered < asked; answered++ {
				_, _ = master.WriteString(answer + "\x1b[1;1R")
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { master.Close(); slave.Close(); <-p.done })
	return p
}

func (p *silentPTY) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the program has written want, or ctx ends.
func (p *silentPTY) waitFor(ctx context.Context, want string) bool {
	for !strings.Contains(p.output(), want) {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
	return true
}

// start runs the binary with args on the terminal, in env (TERM and the state folder are set).
// The colour wishes of the test's own environment are cleared, and CI too: termenv takes any CI
// variable to mean "no terminal" and never asks it, so a run under CI would not see what a
// learner's terminal sees.
func (p *silentPTY) start(ctx context.Context, t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.CommandContext(ctx, buildBinary(t), args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=", "NO_COLOR=", "CLICOLOR=", "CLICOLOR_FORCE=", "AIENG_THEME=", "CI=",
		"XDG_STATE_HOME="+t.TempDir(), "AIENG_PROGRESS="+filepath.Join(t.TempDir(), "p.json"))
	cmd.Env = append(cmd.Env, env...)
	cmd.SysProcAttr = &unix.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The program has its own copy: once it ends, reading the master ends too.
	p.slave.Close()
	return cmd
}

// The colour query: OSC 11 (background colour), then the cursor report termenv sends after it.
const colourQuery = "\x1b]11;?"

// TestNoColourQueryAtStartUp: the commands that print draw nothing that needs the background,
// and show, which does, knows it without asking from --theme, AIENG_THEME or NO_COLOR, or
// needs none with --color never.
func TestNoColourQueryAtStartUp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	cases := []struct {
		env  []string
		args []string
	}{
		{nil, []string{"version"}},
		{nil, []string{"list"}},
		{nil, []string{"--lessons", fixtureCourse, "show", "basics", "--no-pager", "--theme", "dark"}},
		{[]string{"AIENG_THEME=light"}, []string{"--lessons", fixtureCourse, "show", "basics", "--no-pager"}},
		{[]string{"NO_COLOR=1"}, []string{"--lessons", fixtureCourse, "show", "basics", "--no-pager"}},
		{nil, []string{"--lessons", fixtureCourse, "show", "basics", "--no-pager", "--color", "never"}},
	}
	for _, tc := range cases {
		name := strings.Join(append(append([]string{}, tc.env...), tc.args...), " ")
		p := openSilentPTY(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := p.start(ctx, t, tc.env, tc.args...)
		err := cmd.Wait()
		cancel()
		if err != nil {
			t.Fatalf("aieng %s: %v\n%q", name, err, p.output())
		}
		<-p.done // everything the program wrote has been read
		out := p.output()
		if strings.Contains(out, colourQuery) || strings.Contains(out, "\x1b[6n") {
			t.Errorf("aieng %s asked the terminal for its colours (and waits 5 s for an answer that never comes):\n%q", name, out)
		}
		if slices.Contains(tc.args, "show") && !strings.Contains(out, "A model turns inputs into outputs") {
			t.Errorf("aieng %s printed no lesson:\n%q", name, out)
		}
	}
}

// TestInterfaceAsksOnlyWhenItMust: with --theme, AIENG_THEME or NO_COLOR the interface knows
// its colours and starts without asking; without them it asks once (and termenv gives up after
// its 5 s timeout, which the README's troubleshooting section explains).
func TestInterfaceAsksOnlyWhenItMust(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	cases := []struct {
		name string
		env  []string
		args []string
	}{
		{"--theme dark", nil, []string{"--lessons", fixtureCourse, "--theme", "dark"}},
		{"AIENG_THEME=light", []string{"AIENG_THEME=light"}, []string{"--lessons", fixtureCourse}},
		{"NO_COLOR=1", []string{"NO_COLOR=1"}, []string{"--lessons", fixtureCourse}},
	}
	for _, tc := range cases {
		p := openSilentPTY(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := p.start(ctx, t, tc.env, tc.args...)
		if !p.waitFor(ctx, "Command Test Course") { // the title bar of the first screen
			cancel()
			t.Fatalf("%s: no first screen:\n%q", tc.name, p.output())
		}
		if strings.Contains(p.output(), colourQuery) {
			t.Errorf("%s: the interface asked the terminal for its colours:\n%q", tc.name, p.output())
		}
		if _, err := p.master.Write([]byte{3}); err != nil { // ctrl+c
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		cancel()
	}
}

func TestDumbTerminalIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	p := openSilentPTY(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := p.start(ctx, t, []string{"TERM=dumb"})
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit: %v, want status 1", err)
	}
	<-p.done // everything the program wrote has been read
	out := p.output()
	if !strings.Contains(out, "TERM=dumb") || !strings.Contains(out, "'aieng list'") || !strings.Contains(out, "'aieng show ID'") {
		t.Errorf("message: %q", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequences on a dumb terminal: %q", out)
	}
}

// TestShowAsksOnlyWhenItMust: show asks the terminal for its background only when nothing else
// decides the look, and then draws what the answer says. A terminal answering a white
// background gets the same lesson as --theme light; with the theme given (flag or
// AIENG_THEME), NO_COLOR or --color never, through the pager or not, it asks nothing.
func TestShowAsksOnlyWhenItMust(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	const white = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
	run := func(env []string, args ...string) string {
		t.Helper()
		p := openAnsweringPTY(t, white)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := p.start(ctx, t, append([]string{"PAGER=cat"}, env...), append([]string{"--lessons", fixtureCourse, "show", "basics"}, args...)...)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("aieng show %v: %v\n%q", args, err, p.output())
		}
		<-p.done
		return p.output()
	}
	asked := func(out string) bool { return strings.Contains(out, colourQuery) || strings.Contains(out, "\x1b[6n") }

	light := run(nil, "--theme", "light")
	if dark := run(nil, "--theme", "dark"); dark == light {
		t.Fatalf("the lesson looks the same in both themes, so the comparison below proves nothing:\n%q", light)
	}
	for _, tc := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"--theme", "light"}},
		{nil, []string{"--theme", "dark", "--color", "always"}},
		{nil, []string{"--theme", "dark", "--no-pager"}},
		{[]string{"AIENG_THEME=dark"}, nil},
		{[]string{"NO_COLOR=1"}, nil},
		{nil, []string{"--color", "never"}},
	} {
		if out := run(tc.env, tc.args...); asked(out) {
			t.Errorf("%v aieng show %v asked the terminal though its look was decided:\n%q", tc.env, tc.args, out)
		}
	}
	auto := run(nil)
	if strings.Count(auto, colourQuery) != 1 {
		t.Fatalf("with no theme, show asked the terminal %d times, want once:\n%q", strings.Count(auto, colourQuery), auto)
	}
	if lesson := auto[strings.Index(auto, "\x1b[6n")+len("\x1b[6n"):]; lesson != light {
		t.Errorf("a terminal with a white background got another lesson than --theme light:\n%q\nwant\n%q", lesson, light)
	}
}

// TestGivenFileThatIsNotProgressIsKept: a session of the interface on a progress path the
// learner gave that names some other file (--progress ~/.bashrc, or $AIENG_PROGRESS) opens a
// lesson, which saves, and quits: the file is as it was, nothing is created beside it, and the
// learner is told, on the terminal, that this session does not save.
func TestGivenFileThatIsNotProgressIsKept(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	const profile = "export PATH=$HOME/bin:$PATH\nalias ll='ls -l'\n"
	for _, how := range []string{"--progress", "AIENG_PROGRESS"} {
		dir := t.TempDir()
		path := filepath.Join(dir, ".bashrc")
		if err := os.WriteFile(path, []byte(profile), 0o644); err != nil {
			t.Fatal(err)
		}
		env, args := []string{"AIENG_PROGRESS=" + path}, []string{"--lessons", fixtureCourse, "--theme", "dark"}
		if how == "--progress" {
			env, args = nil, append(args, "--progress", path)
		}
		p := openSilentPTY(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := p.start(ctx, t, env, args...)
		for _, step := range []struct{ want, keys string }{
			{"Press enter to see the lessons", "\r"},        // the first-start screen, which saves that it was seen
			{"Progress is not saved in this session", "\r"}, // the save refused; enter opens the first lesson
			{"Lesson 1 of", "\x03"},                         // its opening tried to save too; ctrl+c
		} {
			if !p.waitFor(ctx, step.want) {
				cancel()
				t.Fatalf("%s: no %q on the screen:\n%q", how, step.want, p.output())
			}
			if _, err := p.master.Write([]byte(step.keys)); err != nil {
				t.Fatal(err)
			}
		}
		err := cmd.Wait()
		cancel()
		<-p.done
		if err != nil {
			t.Errorf("%s: %v", how, err)
		}
		if out := p.output(); !strings.Contains(out, path+" is not a progress file") || !strings.Contains(out, "this session will not save progress") {
			t.Errorf("%s: the learner was not told the file is kept and nothing is saved:\n%q", how, out)
		}
		if got, err := os.ReadFile(path); err != nil || string(got) != profile {
			t.Errorf("%s: %s was changed: %q, %v", how, path, got, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%s: files were created or moved beside it: %v", how, entries)
		}
	}
}
