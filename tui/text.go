package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/x/ansi"
)

// Small helpers for laying out terminal text, shared by every screen.

// fit truncates s to w columns (with an ellipsis) and pads it with spaces to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-sw)
}

// clip truncates s to w columns without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// block makes s exactly h lines, each clipped to w columns.
func block(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clip(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// progressBar draws a bar w cells wide, filled to frac.
func progressBar(st *styleSheet, frac float64, w int) string {
	if w <= 0 {
		return ""
	}
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(w) + 0.5)
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", w-full))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// newTextInput makes a text input with the interface's styles and a steady cursor (a blinking
// one redraws the screen twice a second for nothing).
func newTextInput(prompt, placeholder string, limit int, st *styleSheet) textinput.Model {
	ti := textinput.New()
	ti.Prompt, ti.Placeholder, ti.CharLimit = prompt, placeholder, limit
	ti.PromptStyle = st.Heading
	ti.PlaceholderStyle = st.Subtle
	ti.Cursor.Style = st.Cursor
	_ = ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}
