package command

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws the lab in width×height cells: where the workspace is, the check command, the
// goal and the last run's outcome with as much of its output's end as fits.
func (l *Lab) View(width, height int, st *view.Styles) string {
	res := l.Last()
	status := st.Unmet.Render("not passed yet")
	if l.Passed() {
		status = st.Met.Render("✓ passed")
	}
	title := view.Fit(st.Title.Render(l.cfg.Title), max(width-ansi.StringWidth(status)-1, 0), 1)
	lines := []string{title + strings.Repeat(" ", max(width-ansi.StringWidth(title)-ansi.StringWidth(status), 1)) + status}
	lines = append(lines,
		st.Label.Render("workspace ")+l.dir,
		st.Label.Render("check     ")+l.cfg.Check,
		st.Label.Render("goal      ")+l.goal.Words(Def.Label))
	switch {
	case res == nil:
		lines = append(lines, st.Subtle.Render("not run yet: save a file in the workspace, or run the check"))
	default:
		style := st.Unmet
		if res.Passed {
			style = st.Met
		}
		lines = append(lines, style.Render(res.Summary()))
		lines = append(lines, outputTail(res.Output, height-len(lines))...)
	}
	for i := range lines {
		lines[i] = view.Fit(lines[i], width, 1)
	}
	return view.Box(strings.Join(lines, "\n"), width, height)
}

// outputTail is the last n lines of the output, tabs expanded and control codes stripped so
// a check's colours cannot disturb the screen.
func outputTail(out string, n int) []string {
	if n <= 0 {
		return nil
	}
	lines := strings.Split(strings.TrimRight(ansi.Strip(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	for i, l := range lines {
		lines[i] = strings.Map(func(r rune) rune {
			if r < ' ' && r != '\t' {
				return -1
			}
			return r
		}, strings.ReplaceAll(l, "\t", "    "))
	}
	return lines
}
