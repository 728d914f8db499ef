package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/render"
)

// The chrome is what surrounds every screen's body: the title bar, the problems panel of a
// broken edit (--watch), the status line and the footer with the key help. Each is a small
// component drawn from what the screen reports (crumbs, status, help), so no screen draws its
// own.

// The bars span the screen, and their text lines up with the reading column that every
// screen centres in a wide terminal (column): on a 200-column screen the position and the key
// help sit at the column's right edge, not 100 columns away from the text (learner review,
// finding 31).

// column returns where the reading column of a screen width columns wide starts and how wide
// it is: the whole width up to maxReadWidth, centred beyond.
func column(width int) (pad, w int) {
	w = max(min(width, maxReadWidth), 1)
	return max((width-w)/2, 0), w
}

// spanning draws text (already fitted to the reading column) on a bar as wide as the screen.
func spanning(bar lipgloss.Style, width int, text string) string {
	pad, w := column(width)
	return paint(bar, strings.Repeat(" ", pad)) + text + paint(bar, strings.Repeat(" ", max(width-pad-w, 0)))
}

// paint renders s in style, and nothing for nothing (Lip Gloss would set and reset the style).
func paint(style lipgloss.Style, s string) string {
	if s == "" {
		return ""
	}
	return style.Render(s)
}

// titleBar draws the course title and the screen's crumbs on the left, its position on the
// right. When narrow, it leaves out the course title, then the outer crumbs: the current
// screen's name matters most. A mark ("[watching]" with --watch) comes first and stays.
func titleBar(st *styleSheet, width int, mark, title string, crumbs []string, right string) string {
	_, width0 := column(width)
	if right != "" {
		right = "  " + right + " "
	}
	if ansi.StringWidth(right) > width0/2 {
		right = ""
	}
	if mark != "" {
		mark += " "
	}
	avail := width0 - ansi.StringWidth(right)
	parts := append([]string{title}, crumbs...)
	left := " " + mark + strings.Join(parts, " › ")
	for len(parts) > 1 && ansi.StringWidth(left) > avail {
		parts = parts[1:]
		left = " " + mark + strings.Join(parts, " › ")
	}
	return spanning(st.TitleBar, width, st.TitleBar.Render(fit(left, avail)+right))
}

// statusLine draws the status bar: the screen's message on the left (unless a flash or a
// warning takes its place), its position on the right. The bar is drawn in reverse video
// (styles.go), so it shows on any background, even one the colour of a grey bar.
func statusLine(c *common, info statusInfo) string {
	st := c.st
	switch {
	case c.flash != "" && c.flashWarn:
		info.left, info.tone = "! "+c.flash, toneWarn
	case c.flash != "":
		info.left, info.tone = c.flash, toneInfo
	case c.warning != "":
		info.left, info.tone = "! "+c.warning, toneWarn
	}
	right := ""
	if info.right != "" {
		right = " " + info.right + " "
	}
	_, w := column(c.width)
	if c.flash != "" && ansi.StringWidth(" "+info.left)+ansi.StringWidth(right) > w {
		right = "" // a message for the learner comes first: it says what to do
	}
	lw := max(w-ansi.StringWidth(right), 0)
	if info.tone == toneRaw { // a text input: no bar under what is typed
		left := clip(" "+info.left, lw)
		return spanning(lipgloss.NewStyle(), c.width, left+strings.Repeat(" ", max(lw-ansi.StringWidth(left), 0))+paint(st.StatusRight, right))
	}
	bar := st.statusTone(info.tone)
	return spanning(bar, c.width, paint(bar, fit(" "+info.left, lw))+paint(bar, right))
}

// footer draws the key help of the screen on show: one line of it, or all of it as the help
// screen.
type footer struct{ help help.Model }

func newFooter(st *styleSheet) footer {
	h := help.New()
	h.Styles = help.Styles{
		ShortKey: st.HelpKey, ShortDesc: st.HelpDesc, ShortSeparator: st.HelpSep, Ellipsis: st.HelpSep,
		FullKey: st.HelpKey, FullDesc: st.HelpDesc, FullSeparator: st.HelpSep,
	}
	h.ShortSeparator = " · "
	return footer{help: h}
}

// short fits the key help on one line. When it is too long it leaves out the least important
// keys (keyHelp.rank), the first ones among equals: those are the obvious ones (arrows), so that
// the keys a screen cannot be used without stay, and the way out of the screen with them
// (rankLeave). Before the way out or a main key would go, the way out is named in one word
// ("q leave" for "q leave quiz").
func (f footer) short(km help.KeyMap, width int) string {
	pad, width := column(width)
	bs := slices.Clone(km.ShortHelp())
	var rank []int
	if k, ok := km.(keyHelp); ok && len(k.rank) == len(bs) {
		rank = slices.Clone(k.rank)
	}
	for {
		s := f.help.ShortHelpView(bs)
		if ansi.StringWidth(s) <= width-1 || len(bs) <= 2 {
			return strings.Repeat(" ", pad) + clip(" "+s, width)
		}
		drop := 0
		for i := range rank {
			if rank[i] < rank[drop] {
				drop = i
			}
		}
		if rank != nil && rank[drop] >= rankLeave && shortenLeave(bs, rank) {
			continue
		}
		bs = slices.Delete(bs, drop, drop+1)
		if rank != nil {
			rank = slices.Delete(rank, drop, drop+1)
		}
	}
}

// shortenLeave names the way out of the screen (the keys of rankLeave) by the first word of
// its description. It reports whether it shortened any.
func shortenLeave(bs []key.Binding, rank []int) bool {
	changed := false
	for i, b := range bs {
		h := b.Help()
		if word, _, cut := strings.Cut(h.Desc, " "); rank[i] == rankLeave && cut {
			bs[i].SetHelp(h.Key, word)
			changed = true
		}
	}
	return changed
}

// full is the help screen's lines: every key of the screen on show, in columns when they fit.
// The root model scrolls them when they do not fit the screen.
func (f footer) full(c *common, groups [][]key.Binding) []string {
	st, k := c.st, c.keys
	keys := strings.Split(f.help.FullHelpView(groups), "\n")
	if ansi.StringWidth(keys[0]) > c.readWidth()-2 {
		keys = f.narrow(groups, c.readWidth()-2)
	}
	lines := []string{"", "  " + st.Heading.Render("Keys"), ""}
	for _, l := range keys {
		lines = append(lines, "  "+l)
	}
	closing := fmt.Sprintf("Press %s or %s to close this help. %s quits at any time.", keyName(k.Help), keyName(k.Back), keyName(k.Quit))
	lines = append(lines, "")
	lines = append(lines, wrapLines(st.Subtle.Render(closing), max(c.readWidth()-4, 10), 2)...)
	// On a wide screen the help sits in the centred reading column, as the title bar does.
	if pad := strings.Repeat(" ", c.leftPad()); pad != "" {
		for i, l := range lines {
			if l != "" {
				lines[i] = pad + l
			}
		}
	}
	return lines
}

// narrow lists every key in one column, its description wrapped under itself to width, for a
// screen too narrow for the columns (one column padded to its longest description was cut with
// "…" on every line).
func (f footer) narrow(groups [][]key.Binding, width int) []string {
	var all []key.Help
	keyWidth := 0
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() && b.Help().Key != "" {
				all = append(all, b.Help())
				keyWidth = max(keyWidth, ansi.StringWidth(b.Help().Key))
			}
		}
	}
	descWidth := max(width-keyWidth-1, 10)
	var lines []string
	for _, h := range all {
		for i, d := range strings.Split(render.Wrap(h.Desc, descWidth), "\n") {
			k := ""
			if i == 0 {
				k = h.Key
			}
			k += strings.Repeat(" ", keyWidth-ansi.StringWidth(k))
			lines = append(lines, f.help.Styles.FullKey.Render(k)+" "+f.help.Styles.FullDesc.Render(d))
		}
	}
	return lines
}

// problemsPanel lists why the latest edit of the course was not loaded.
func problemsPanel(c *common) string {
	st := c.st
	lines := []string{st.statusTone(toneWarn).Render(fit(" The last edit has problems; showing the last good version. Fix and save:", c.width))}
	for i, p := range c.problems {
		if i == maxProblemLines {
			lines = append(lines, st.Subtle.Render(clip(fmt.Sprintf("   …and %d more (aieng validate lists them all)", len(c.problems)-i), c.width)))
			break
		}
		lines = append(lines, clip("   "+p, c.width))
	}
	return block(strings.Join(lines, "\n"), c.width, c.problemsHeight())
}

// tooSmall is the whole screen of a terminal smaller than the interface can draw in. Keys other
// than ctrl+c are ignored there (they would act unseen), so it says which key leaves.
func tooSmall(w, h int) string {
	msg := fmt.Sprintf("Terminal too small: need at least %dx%d (now %dx%d).", minWidth, minHeight, w, h)
	text := render.Wrap(msg, max(w, 1)) + "\n" + render.Wrap("ctrl+c quits.", max(w, 1))
	return block(text, max(w, 1), max(h, 1))
}
