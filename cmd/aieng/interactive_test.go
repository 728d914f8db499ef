package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/progress"
)

func TestInteractiveNeedsATerminal(t *testing.T) {
	_, stderr, code := runCLI(t)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"needs a terminal", "aieng list", "aieng show ID"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestInteractiveThemeIsChecked(t *testing.T) {
	_, stderr, code := runCLI(t, "--theme", "blue")
	if code != 2 || !strings.Contains(stderr, "--theme must be dark, light or auto") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// TestInteractivePiped runs the binary the way a script would: aieng < /dev/null | cat.
func TestInteractivePiped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := buildBinary(t)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "AIENG_PROGRESS="+filepath.Join(t.TempDir(), "p.json"))
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	cmd.Stdin = devnull
	out, err := cmd.CombinedOutput() // stdout is a pipe
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("err = %v, want exit 1; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "aieng list") || !strings.Contains(string(out), "aieng show ID") {
		t.Fatalf("output:\n%s", out)
	}
}

// tmuxSession drives one terminal in a private tmux server.
type tmuxSession struct {
	t          *testing.T
	socket     string
	statusFile string // the shell writes aieng's exit status there
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket, "-f", os.DevNull}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs a command line in a new 80x24 terminal. The exit status is written to a file by
// the shell (tmux does not always collect a dead pane's status).
func (s *tmuxSession) start(cmdline string) {
	s.t.Helper()
	_ = os.Remove(s.statusFile)
	s.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e",
		fmt.Sprintf("%s; echo $? > %q; sleep 60", cmdline, s.statusFile))
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", "e2e") }

// keys sends tmux key names (Enter, Space, j...).
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", "e2e", k)
	}
}

// typeText types text literally.
func (s *tmuxSession) typeText(text string) { s.tmux("send-keys", "-t", "e2e", "-l", text) }

// waitFor polls the screen until it holds every string.
func (s *tmuxSession) waitFor(want ...string) string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("%q", want), func(screen string) bool {
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	})
}

// waitUntil polls the screen until ok holds.
func (s *tmuxSession) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := s.screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %s:\n%s", what, screen)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// waitExit waits for the program to end and returns its exit status.
func (s *tmuxSession) waitExit() string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if st, err := os.ReadFile(s.statusFile); err == nil && len(st) > 0 {
			return strings.TrimSpace(string(st))
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("aieng did not exit:\n%s", s.screen())
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// choiceNumber finds the number shown before a choice, whatever the shuffle did.
func choiceNumber(t *testing.T, screen, choice string) string {
	t.Helper()
	m := regexp.MustCompile(`[(\[][ •x][)\]] (\d)  ` + regexp.QuoteMeta(choice)).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no choice %q on screen:\n%s", choice, screen)
	}
	return m[1]
}

var percentRE = regexp.MustCompile(`(\d+)%\s*$`)

// statusPercent is the scroll percentage at the right of the status line.
func statusPercent(t *testing.T, screen string) string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	m := percentRE.FindStringSubmatch(lines[len(lines)-2])
	if m == nil {
		t.Fatalf("no percentage in the status line:\n%s", screen)
	}
	return m[1]
}

// TestInteractiveInTmux takes the course as a learner would, in a real terminal: the welcome,
// the first lesson, scrolled; its quiz, left half-way with ctrl+c; start again, continue the
// lesson where the learner was and the quiz where it was left, pass it, quit.
func TestInteractiveInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and runs it in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (apt-get install tmux; .ci/run installs it)")
	}
	bin := buildBinary(t)
	course, err := filepath.Abs("../../tui/testdata/course")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	progressFile := filepath.Join(dir, "p.json")
	s := &tmuxSession{t: t, socket: fmt.Sprintf("aieng-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), statusFile: filepath.Join(dir, "status")}
	s.killServerAtCleanup()
	cmdline := fmt.Sprintf("env TERM=xterm-256color XDG_STATE_HOME=%q %q --lessons %q --progress %q", dir, bin, course, progressFile)

	s.start(cmdline)
	s.waitFor("Welcome to Testing Course", "How it works", "Press enter to see the lessons")
	s.keys("Enter")
	s.waitFor("Testing Course", "Start the course: Welcome to the course", "0 of 3 passed")
	s.keys("Enter")
	s.waitFor("Lesson 1 of 3", "long enough to scroll")
	s.keys("j", "j", "j", "Space", "k")
	// Wait for the last key to land: the screen stops changing.
	last := ""
	screen := s.waitUntil("the scrolled lesson", func(screen string) bool {
		stable := screen == last && statusPercent(t, screen) != "0"
		last = screen
		if !stable {
			time.Sleep(100 * time.Millisecond)
		}
		return stable
	})
	percent := statusPercent(t, screen)
	topLine := strings.Split(screen, "\n")[1]

	s.keys("t")
	screen = s.waitFor("Question 1 of 4")
	s.keys(choiceNumber(t, screen, "It turns inputs into outputs"), "Enter")
	s.waitFor("Correct!")
	s.keys("C-c") // half-way: the answer is kept
	if st := s.waitExit(); st != "0" {
		t.Fatalf("ctrl+c: exit status %s:\n%s", st, s.screen())
	}

	// Start again: continue reopens the lesson where the learner was, and the quiz where it was
	// left.
	// A server of its own: killing the first session ends its server, and a new session on
	// that socket can race with the end.
	s.socket += "-again"
	s.killServerAtCleanup()
	s.start(cmdline)
	s.waitFor("Continue: Welcome to the course", "◐ 1. Welcome to the course")
	s.keys("c")
	screen = s.waitFor("Lesson 1 of 3", "%")
	if got := statusPercent(t, screen); got != percent {
		t.Errorf("continue opened at %s%%, the learner left at %s%%:\n%s", got, percent, screen)
	}
	if got := strings.Split(screen, "\n")[1]; got != topLine {
		t.Errorf("continue shows %q at the top, the learner left at %q", got, topLine)
	}
	s.keys("t")
	s.waitFor("You left this quiz half-way", "You answered 1 of its 4 questions")
	s.settle()
	s.keys("Enter")
	screen = s.waitFor("Question 2 of 4")
	s.keys(choiceNumber(t, screen, "False"), "Enter")
	s.waitFor("Correct!")
	s.settle() // keys pressed in the instant the feedback appears are not taken
	s.keys("Enter")
	screen = s.waitFor("Question 3 of 4")
	// Typed quickly, the digits may reach the program in one read, as one key message ("12"):
	// each still ticks its choice.
	s.keys(choiceNumber(t, screen, "Serving it behind an API"), choiceNumber(t, screen, "Watching its inputs and outputs"), "Enter")
	s.waitFor("Correct!")
	s.settle()
	s.keys("Enter")
	s.waitFor("Question 4 of 4", "Your answer:")
	s.typeText("training data")
	s.keys("Enter")
	s.waitFor("Correct!", "Press enter to see your score.")
	s.settle()
	s.keys("Enter")
	s.waitFor("Passed: Welcome to the course", "4 of 4 correct · 100%")
	s.keys("q")
	s.waitFor("Lesson 1 of 3")
	s.keys("q")
	s.waitFor("1 of 3 passed", "✓ 1. Welcome to the course", "passed 100%", "Next: Choosing a model")
	s.keys("q")
	if st := s.waitExit(); st != "0" {
		t.Fatalf("exit status %s:\n%s", st, s.screen())
	}

	saved, err := progress.Open(progressFile)
	if err != nil {
		t.Fatal(err)
	}
	lp := saved.Course("tui-test-course").Lessons["welcome"]
	if !lp.Passed || lp.Position <= 0 || len(lp.Attempts) != 1 || len(lp.Attempts[0].Answers) != 4 || lp.Open != nil {
		t.Fatalf("progress file: %+v", lp)
	}
}

// killServerAtCleanup ends the tmux server of the current socket when the test ends. The socket
// is read now: the test moves to another socket for its second start, and a closure reading
// s.socket at cleanup would end only the last server, leaving the first one behind.
func (s *tmuxSession) killServerAtCleanup() {
	socket := s.socket
	s.t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
}

// settle waits out the quiz's input grace (tui.inputGrace): a key sent in the instant a
// screen appears is taken as meant for the screen before.
func (s *tmuxSession) settle() { time.Sleep(400 * time.Millisecond) }
