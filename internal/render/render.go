// Package render turns Markdown into terminal text: lessons with Glamour (render.go, cached by
// cache.go), and the short quiz texts with a small renderer of its own (text.go). It decides
// nothing about the terminal itself: callers pass the style and colour profile they decided
// once at start-up (internal/termstyle).
package render

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

// Style names a Glamour standard style.
type Style string

// The styles aieng uses: dark and light for colour terminals, NoTTY for plain text (NO_COLOR,
// pipes, files), which emits no escape sequences at all.
const (
	Dark  Style = "dark"
	Light Style = "light"
	NoTTY Style = "notty"
)

// Options fixes everything a rendering depends on, so it can key a cache.
type Options struct {
	Width   int
	Style   Style
	Profile termenv.Profile
}

// minWidth is the narrowest wrap width passed to Glamour: below its margins nothing wraps.
const minWidth = 20

// markdown renders Markdown. It builds a fresh renderer on each call: renderers are cheap to
// build and not safe to share between goroutines.
func markdown(md string, o Options) (string, error) {
	style := o.Style
	if style == "" {
		style = NoTTY
	}
	profile := o.Profile
	if style == NoTTY {
		profile = termenv.Ascii
	}
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(styleConfig(style)),
		glamour.WithWordWrap(max(o.Width, minWidth)),
		glamour.WithColorProfile(profile),
	)
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	out, err := r.Render(expandTabs(md))
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	if style == NoTTY {
		out = trimLines(out) // Glamour pads every line to the full width: noise in a file or pipe
	}
	return out, nil
}

// styleConfig returns Glamour's standard style with one fix: Glamour budgets one column for a
// blockquote's "│ " bar although it takes two, so every wrapped quote line overflowed by one
// column and was broken again, leaving a stray word on a line without its bar (glamour #172).
// A one-column bar drawn at the left of its cell keeps the look and makes the budget right.
func styleConfig(style Style) ansi.StyleConfig {
	var cfg ansi.StyleConfig
	switch style {
	case Dark:
		cfg = styles.DarkStyleConfig
	case Light:
		cfg = styles.LightStyleConfig
	default:
		cfg = styles.NoTTYStyleConfig
	}
	bar := "▏"
	cfg.BlockQuote.IndentToken = &bar
	return cfg
}

// Lesson renders a lesson's title, objectives and body; its quiz was cut out when it was parsed.
func Lesson(l *lessons.Lesson, o Options) (string, error) {
	return markdown(lessonMarkdown(l), o)
}

// lessonMarkdown is what a learner reads: the title, a line of facts, the objectives, the body.
func lessonMarkdown(l *lessons.Lesson) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", l.Title)
	facts := []string{l.Section}
	if l.Minutes > 0 {
		facts = append(facts, fmt.Sprintf("about %d min", l.Minutes))
	}
	if n := len(l.Quiz); n > 0 {
		facts = append(facts, fmt.Sprintf("quiz of %d question%s", n, plural(n)))
	}
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(facts, " · "))
	if len(l.Objectives) > 0 {
		b.WriteString("**In this lesson you will learn to:**\n\n")
		for _, o := range l.Objectives {
			fmt.Fprintf(&b, "- %s\n", o)
		}
		b.WriteString("\n")
	}
	b.WriteString(l.Body)
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// expandTabs replaces tabs with spaces: Glamour measures a tab as one column.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	return strings.ReplaceAll(s, "\t", "    ")
}

func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
