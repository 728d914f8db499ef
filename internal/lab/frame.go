package lab

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws the lab in exactly width×height cells: the title and whether the goal is met, the
// goal's parts, the experiment's chart and numbers, and the knobs. It draws from memory only
// (the experiment recomputes on knob moves, not here) and caches the result.
func (s *Session) View(width, height int, st *view.Styles) string {
	c := &s.cache
	if c.valid && c.width == width && c.height == height && c.styles == st && c.version == s.version {
		return c.text
	}
	header := s.header(width, st)
	goalLines := s.goalLines(width, st)
	knobs := s.knobLine(width, st)
	bodyH := height - 1 - len(goalLines) - 1
	parts := []string{header}
	parts = append(parts, goalLines...)
	if bodyH > 0 {
		parts = append(parts, s.exp.View(width, bodyH, st))
	}
	parts = append(parts, knobs)
	text := view.Box(strings.Join(parts, "\n"), width, height)
	*c = viewCache{width: width, height: height, styles: st, version: s.version, text: text, valid: true}
	return text
}

func (s *Session) header(width int, st *view.Styles) string {
	status := st.Unmet.Render("goal not met yet")
	if s.GoalMet() {
		status = st.Met.Render("✓ goal met")
	}
	sw := ansi.StringWidth(status)
	title := view.Fit(st.Title.Render(s.spec.Title), max(width-sw-1, 0), 1)
	gap := max(width-ansi.StringWidth(title)-sw, 1)
	return title + strings.Repeat(" ", gap) + status
}

// goalLines shows each part of the goal, in a learner's words, with ✓ or ✗, on one line or,
// when narrow, two.
func (s *Session) goalLines(width int, st *view.Styles) []string {
	var words []string
	for _, p := range s.GoalParts() {
		if p.Met {
			words = append(words, st.Met.Render("✓ "+p.Words))
		} else {
			words = append(words, st.Unmet.Render("✗ "+p.Words))
		}
	}
	lines := []string{st.Subtle.Render("goal")}
	for _, w := range words {
		last := &lines[len(lines)-1]
		if ansi.StringWidth(*last)+2+ansi.StringWidth(w) <= width || ansi.StringWidth(*last) <= 4 {
			*last += "  " + w
			continue
		}
		if len(lines) == 2 {
			*last += " …"
			break
		}
		lines = append(lines, "    "+w)
	}
	for i := range lines {
		lines[i] = view.Fit(lines[i], width, 1)
	}
	return lines
}

// knobLine shows every knob and its value, the focused one marked ◂ ▸; when that does not
// fit, only the focused knob, with its number among the knobs.
func (s *Session) knobLine(width int, st *view.Styles) string {
	var parts []string
	var focused string
	for i, k := range s.Knobs() {
		label := k.Label + " " + k.Display
		if len(s.knobs) > 1 && k.IsSwitch() {
			label = string(rune('1'+i)) + " " + label
		}
		if k.Focused {
			parts = append(parts, st.Focus.Render("◂ "+label+" ▸"))
			focused = fmt.Sprintf("◂ %s %s ▸", k.Label, k.Display)
			if len(s.knobs) > 1 {
				focused = fmt.Sprintf("◂ %d/%d %s %s ▸", i+1, len(s.knobs), k.Label, k.Display)
			}
		} else {
			parts = append(parts, st.Knob.Render("  "+label+"  "))
		}
	}
	line := strings.Join(parts, " ")
	if ansi.StringWidth(line) > width {
		line = st.Focus.Render(focused)
	}
	return view.Fit(line, width, 1)
}
