package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/lab/command"
)

// commandLab is the lab screen's part for an instructor's command lab: the learner edits the
// workspace in their own editor, and the check runs after every save. A course is someone
// else's code, so the check command is shown and the learner asked before it first runs (once
// per lab while aieng runs); nothing runs without a yes. Runs and the watching happen in
// commands, off the event loop; leaving the screen stops both.
type commandLab struct {
	m   *labModel
	lab *command.Lab

	declined bool // answered no: nothing runs until the learner asks again
	running  bool // a run the learner asked for (or the first) has not come back yet
	watchErr error
	ctx      context.Context
	cancel   context.CancelFunc

	showSolution bool
	solution     []string // the solution's files, as lines
	scroll       scroller
}

// Messages of a command lab, each with the opening they belong to (labModel.gen).
type (
	checkDoneMsg struct {
		gen int
		res *command.Result
	}
	watchMsg struct {
		gen int
		ch  <-chan *command.Result
		res *command.Result
		err error // the workspace cannot be watched
	}
	solutionMsg struct {
		gen   int
		lines []string
		err   error
	}
)

func newCommandLab(m *labModel, l *command.Lab) *commandLab {
	return &commandLab{m: m, lab: l}
}

func (cl *commandLab) consentKey() string { return cl.m.c.course.ID + "/" + cl.m.lab.ID }

// begin starts the checks at once when the learner already agreed in this run of aieng;
// otherwise the screen asks.
func (cl *commandLab) begin() tea.Cmd {
	if cl.m.allowed[cl.consentKey()] {
		return cl.start()
	}
	return nil
}

func (cl *commandLab) asking() bool { return !cl.m.allowed[cl.consentKey()] && !cl.declined }

// start runs the check once and watches the workspace for saves.
func (cl *commandLab) start() tea.Cmd {
	cl.ctx, cl.cancel = context.WithCancel(context.Background())
	gen, l, ctx := cl.m.gen, cl.lab, cl.ctx
	watch := func() tea.Msg {
		ch, err := l.Watch(ctx)
		if err != nil {
			return watchMsg{gen: gen, err: err}
		}
		return listenWatch(gen, l, ch)()
	}
	return tea.Batch(cl.run(), watch)
}

// run runs the check now, in a command.
func (cl *commandLab) run() tea.Cmd {
	cl.running = true
	gen, l, ctx := cl.m.gen, cl.lab, cl.ctx
	return func() tea.Msg { return checkDoneMsg{gen: gen, res: l.Run(ctx)} }
}

// listenWatch waits for the next run the watcher made after a save.
func listenWatch(gen int, l *command.Lab, ch <-chan *command.Result) tea.Cmd {
	return func() tea.Msg {
		res, ok := <-ch
		if !ok {
			if err := l.WatchErr(); err != nil {
				return watchMsg{gen: gen, err: err} // it stopped on a bug: the screen says so
			}
			return nil // the lab was left: the watcher stopped
		}
		return watchMsg{gen: gen, ch: ch, res: res}
	}
}

func (cl *commandLab) stop() {
	if cl.cancel != nil {
		cl.cancel()
	}
}

func (cl *commandLab) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case checkDoneMsg:
		if msg.gen != cl.m.gen {
			return nil
		}
		cl.running = false
		cl.result(msg.res)
	case watchMsg:
		if msg.gen != cl.m.gen {
			return nil
		}
		if msg.err != nil {
			cl.watchErr = msg.err
		} else {
			cl.result(msg.res)
			cmd = listenWatch(msg.gen, cl.lab, msg.ch)
		}
	case solutionMsg:
		if msg.gen != cl.m.gen {
			return nil
		}
		cl.solution = msg.lines
		if msg.err != nil {
			cl.solution = []string{"Could not read the solution: " + msg.err.Error()}
		}
	default:
		return nil
	}
	cl.m.redraw()
	return cmd
}

// result takes a run's outcome: a pass is recorded with the run's measured values.
func (cl *commandLab) result(res *command.Result) {
	if res != nil && res.Passed {
		cl.m.passed(res.Values().Numbers)
	}
}

func (cl *commandLab) key(msg tea.KeyMsg) tea.Cmd {
	k := cl.m.c.keys
	defer cl.m.redraw()
	switch {
	case cl.showSolution:
		cl.solutionKey(msg)
	case cl.asking() && key.Matches(msg, k.Yes):
		cl.m.allowed[cl.consentKey()] = true
		return cl.start()
	case cl.asking() && key.Matches(msg, k.No):
		cl.declined = true
	case key.Matches(msg, k.RunCheck) && cl.declined:
		cl.declined = false // ask again
	case key.Matches(msg, k.RunCheck) && cl.ctx != nil && !cl.running:
		return cl.run()
	case key.Matches(msg, k.ShowSolution) && cl.lab.Passed():
		cl.showSolution, cl.scroll = true, scroller{}
		if cl.solution == nil {
			return cl.readSolution()
		}
	}
	return nil
}

// solutionKey scrolls the solution, or hides it.
func (cl *commandLab) solutionKey(msg tea.KeyMsg) {
	k := cl.m.c.keys
	if key.Matches(msg, k.ShowSolution) || key.Matches(msg, k.Back) {
		cl.showSolution = false
		return
	}
	cl.scroll.key(msg, k)
}

// readSolution reads the solution's files in a command.
func (cl *commandLab) readSolution() tea.Cmd {
	gen, l := cl.m.gen, cl.lab
	return func() tea.Msg {
		files, err := l.Solution()
		var lines []string
		for _, f := range files {
			lines = append(lines, "── "+f.Path+" ──")
			lines = append(lines, strings.Split(strings.TrimRight(f.Text, "\n"), "\n")...)
			lines = append(lines, "")
		}
		return solutionMsg{gen: gen, lines: lines, err: err}
	}
}

// view draws the prompt, the solution, or the lab (the workspace, the check, the goal and the
// last run's outcome).
func (cl *commandLab) view(w, h int) string {
	st := cl.m.c.st
	switch {
	case cl.asking():
		return cl.prompt(w, h)
	case cl.showSolution:
		lines := []string{st.Heading.Render("Solution")}
		for _, l := range cl.solution {
			lines = append(lines, clip(plainLine(l), w))
		}
		cl.scroll.resize(len(lines), h)
		return cl.scroll.view(lines, 0, w, nil)
	}
	text := cl.lab.View(w, h, cl.m.styles)
	// Before any run, the lab's own line says a save runs the check: true once the learner said
	// yes, not after no, when nothing runs until enter asks again.
	note := ""
	switch {
	case cl.lab.Last() != nil:
	case cl.running:
		note = "running the check…"
	case cl.declined:
		note = fmt.Sprintf("not run yet: you said no; %s asks again", keyName(cl.m.c.keys.RunCheck))
	}
	if note != "" {
		lines := strings.Split(text, "\n")
		if len(lines) > 4 {
			lines[4] = fit(st.Subtle.Render(note), w)
		}
		text = strings.Join(lines, "\n")
	}
	return text
}

// prompt shows what would run, and where, before anything runs: the question first, so that a
// small terminal shows it too; blank lines go when the lines do not fit.
func (cl *commandLab) prompt(w, h int) string {
	st, k := cl.m.c.st, cl.m.c.keys
	ww := max(w-4, 10)
	lines := []string{"", "  " + st.Heading.Render(clip(cl.m.lab.Title, ww)), ""}
	lines = append(lines, wrapLines(st.CallToAction.Render(fmt.Sprintf("Run this command from the course on your computer? %s yes, %s no",
		keyName(k.Yes), keyName(k.No))), ww, 2)...)
	lines = append(lines, "", "    "+st.Code.Render(clip(plainLine(cl.lab.Command()), ww-2)), "")
	lines = append(lines, wrapLines("in the lab's workspace, now and after every save:", ww, 2)...)
	lines = append(lines, "")
	for _, l := range strings.Split(ansi.Hardwrap(plainLine(cl.lab.Dir()), ww-2, false), "\n") {
		lines = append(lines, "    "+l) // a path is never broken at a word: it can be copied
	}
	if len(lines) > h {
		lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	}
	return strings.Join(lines, "\n")
}

func (cl *commandLab) status(passed bool) statusInfo {
	k := cl.m.c.keys
	last := cl.lab.Last()
	switch {
	case cl.asking():
		return statusInfo{left: fmt.Sprintf("Nothing runs until you say so: %s or %s.", keyName(k.Yes), keyName(k.No)), tone: toneAction}
	case cl.declined:
		return statusInfo{left: fmt.Sprintf("The check was not run. Press %s when you want it to run.", keyName(k.RunCheck))}
	case cl.watchErr != nil:
		return statusInfo{left: "Cannot watch the workspace for saves: " + cl.watchErr.Error() + fmt.Sprintf(" (%s runs the check)", keyName(k.RunCheck)), tone: toneWarn}
	case cl.running:
		return statusInfo{left: "Running the check…", tone: toneInfo}
	case cl.m.justPassed && last != nil && last.Passed:
		return statusInfo{left: fmt.Sprintf("Goal met: lab passed, and saved to your progress. %s shows the solution.", keyName(k.ShowSolution)), tone: toneGood}
	case last != nil && last.Passed:
		return statusInfo{left: "The check passes.", tone: toneGood}
	case last != nil && last.TimedOut:
		return statusInfo{left: "The check ran past its time limit and was stopped.", tone: toneBad}
	case passed:
		return statusInfo{left: fmt.Sprintf("You passed this lab. %s shows the solution.", keyName(k.ShowSolution))}
	}
	return statusInfo{left: "Edit the files in the workspace in your editor; the check runs after every save.", tone: toneAction}
}

func (cl *commandLab) help(back key.Binding) help.KeyMap {
	k := cl.m.c.keys
	var short []key.Binding
	switch {
	case cl.asking():
		short = []key.Binding{hint("don't run it", k.No), hint("run the check", k.Yes)}
	case cl.showSolution:
		short = []key.Binding{hint("scroll", k.Down, k.PageDown), hint("hide the solution", k.ShowSolution)}
		back = hint("hide", k.Back)
	default:
		short = []key.Binding{k.RunCheck}
		if cl.lab.Passed() {
			short = append(short, hint("solution", k.ShowSolution))
		}
	}
	short = append(short, back, k.Help)
	return keyHelp{short: short, full: [][]key.Binding{short[:len(short)-1], {k.Quit, hint("close help", k.Help)}}}
}

// plainLine makes a line of a course's file safe to print: tabs become spaces, and control
// characters (which could move the cursor or retitle the window) are dropped.
func plainLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r >= 0x7f && r < 0xa0 {
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\t", "    "))
}
