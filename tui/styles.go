package tui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/aieng/aieng/internal/render"
)

// styleSheet holds every style of the interface: no screen sets a colour of its own. Colours are
// adaptive (one value for light backgrounds, one for dark); with colour off (NO_COLOR) only
// attributes such as bold and reverse remain, so the interface still shows what is selected.
type styleSheet struct {
	TitleBar     lipgloss.Style // the bar at the top
	StatusBar    lipgloss.Style // the status line above the key help
	StatusAction lipgloss.Style // the status line telling what to do next
	StatusGood   lipgloss.Style
	StatusBad    lipgloss.Style
	StatusWarn   lipgloss.Style
	StatusInfo   lipgloss.Style
	StatusRight  lipgloss.Style // the position at the right of the status line

	Heading  lipgloss.Style // a screen's heading
	Section  lipgloss.Style // a section name in the outline
	Subtle   lipgloss.Style // secondary text: minutes, counts
	Selected lipgloss.Style // the selected row
	Cursor   lipgloss.Style // the ›  marker of the selected row
	Locked   lipgloss.Style
	Match    lipgloss.Style // matched characters of the outline filter

	Passed     lipgloss.Style
	Read       lipgloss.Style
	InProgress lipgloss.Style
	NotStarted lipgloss.Style

	BarFull  lipgloss.Style
	BarEmpty lipgloss.Style

	SearchMatch   lipgloss.Style // a search match in a lesson
	SearchCurrent lipgloss.Style // the match the reader jumped to
	CallToAction  lipgloss.Style // the "take the quiz" banner at the end of a lesson

	Prompt      lipgloss.Style // a quiz question
	Choice      lipgloss.Style
	ChoiceFocus lipgloss.Style
	Correct     lipgloss.Style
	Wrong       lipgloss.Style
	Feedback    lipgloss.Style // a choice's own feedback
	Hint        lipgloss.Style
	Code        lipgloss.Style // inline code in quiz text
	CodeBlock   lipgloss.Style
	Emphasis    lipgloss.Style
	Strong      lipgloss.Style

	HelpKey  lipgloss.Style
	HelpDesc lipgloss.Style
	HelpSep  lipgloss.Style
}

// palette of adaptive colours: Light is used on light backgrounds, Dark on dark ones.
var (
	colAccent     = lipgloss.AdaptiveColor{Light: "#5A3FD0", Dark: "#A08CFF"}
	colAccentBg   = lipgloss.AdaptiveColor{Light: "#5A3FD0", Dark: "#4B3A9E"}
	colOnAccent   = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#FFFFFF"}
	colSubtle     = lipgloss.AdaptiveColor{Light: "#6E6E7A", Dark: "#8C8C99"}
	colText       = lipgloss.AdaptiveColor{Light: "#1E1E28", Dark: "#E6E6EE"}
	colSelectedBg = lipgloss.AdaptiveColor{Light: "#E9E4FF", Dark: "#2D2850"}
	colGreen      = lipgloss.AdaptiveColor{Light: "#1B7F3A", Dark: "#5FD787"}
	colBlue       = lipgloss.AdaptiveColor{Light: "#1F5FBF", Dark: "#6FB3FF"}
	colYellow     = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#F2C14E"}
	colRed        = lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#FF7A7A"}
	colMatchBg    = lipgloss.AdaptiveColor{Light: "#FFE58A", Dark: "#7A6300"}
	colCurrentBg  = lipgloss.AdaptiveColor{Light: "#FF9F43", Dark: "#D9711C"}
	colCodeFg     = lipgloss.AdaptiveColor{Light: "#B0306A", Dark: "#FF8FC0"}
	colCodeBg     = lipgloss.AdaptiveColor{Light: "#F3F0F5", Dark: "#2A2A33"}
)

// newStyleSheet returns the styles drawn with renderer r. With color false the styles carry
// no colour at all.
func newStyleSheet(r *lipgloss.Renderer, color bool) *styleSheet {
	n := r.NewStyle
	if !color {
		return plainStyles(n)
	}
	s := &styleSheet{
		TitleBar: n().Background(colAccentBg).Foreground(colOnAccent).Bold(true),
		// The status bar is in reverse video: the terminal's own text colour is its background,
		// so it stands out on any background (a grey bar vanished on a terminal of the same
		// grey: learner review, finding 31). A tone colours the bar; its text is then in the
		// terminal's background colour.
		StatusBar:    n().Reverse(true),
		StatusAction: n().Reverse(true).Foreground(colAccent).Bold(true),
		StatusGood:   n().Reverse(true).Foreground(colGreen).Bold(true),
		StatusBad:    n().Reverse(true).Foreground(colRed).Bold(true),
		StatusWarn:   n().Reverse(true).Foreground(colYellow).Bold(true),
		StatusInfo:   n().Reverse(true).Foreground(colBlue),
		StatusRight:  n().Reverse(true),

		Heading:  n().Foreground(colAccent).Bold(true),
		Section:  n().Foreground(colAccent).Bold(true),
		Subtle:   n().Foreground(colSubtle),
		Selected: n().Background(colSelectedBg).Bold(true),
		Cursor:   n().Foreground(colAccent).Bold(true),
		Locked:   n().Foreground(colSubtle).Faint(true),
		Match:    n().Foreground(colAccent).Underline(true),

		Passed:     n().Foreground(colGreen),
		Read:       n().Foreground(colBlue),
		InProgress: n().Foreground(colYellow),
		NotStarted: n().Foreground(colSubtle),

		BarFull:  n().Foreground(colAccent),
		BarEmpty: n().Foreground(colSubtle),

		SearchMatch:   n().Background(colMatchBg).Foreground(colText),
		SearchCurrent: n().Background(colCurrentBg).Foreground(lipgloss.Color("#000000")).Bold(true),
		CallToAction:  n().Foreground(colAccent).Bold(true),

		Prompt:      n().Bold(true),
		Choice:      n(),
		ChoiceFocus: n().Foreground(colAccent).Bold(true),
		Correct:     n().Foreground(colGreen).Bold(true),
		Wrong:       n().Foreground(colRed).Bold(true),
		Feedback:    n().Foreground(colSubtle).Italic(true),
		Hint:        n().Foreground(colYellow),
		Code:        n().Foreground(colCodeFg).Background(colCodeBg),
		CodeBlock:   n().Foreground(colCodeFg),
		Emphasis:    n().Italic(true),
		Strong:      n().Bold(true),

		HelpKey:  n().Foreground(colAccent).Bold(true),
		HelpDesc: n().Foreground(colSubtle),
		HelpSep:  n().Foreground(colSubtle),
	}
	return s
}

// textStyles are the styles quiz text is drawn in (render.Text).
func (s *styleSheet) textStyles() render.TextStyles {
	return render.TextStyles{
		Roles: map[render.Role]lipgloss.Style{
			render.RolePlain: s.Choice, render.RolePrompt: s.Prompt, render.RoleFocus: s.ChoiceFocus,
			render.RoleCorrect: s.Correct.UnsetBold(), render.RoleHint: s.Hint, render.RoleFeedback: s.Feedback,
		},
		Strong: s.Strong, Emphasis: s.Emphasis, Code: s.Code, CodeBlock: s.CodeBlock, Rule: s.Subtle,
	}
}

func (s *styleSheet) statusTone(t tone) lipgloss.Style {
	switch t {
	case toneAction:
		return s.StatusAction
	case toneGood:
		return s.StatusGood
	case toneBad:
		return s.StatusBad
	case toneWarn:
		return s.StatusWarn
	case toneInfo:
		return s.StatusInfo
	}
	return s.StatusBar
}

// plainStyles is the colour-free interface of NO_COLOR: reverse video marks the bars and the
// selection, bold and underline the rest.
func plainStyles(n func() lipgloss.Style) *styleSheet {
	return &styleSheet{
		TitleBar:     n().Reverse(true).Bold(true),
		StatusBar:    n().Reverse(true),
		StatusAction: n().Reverse(true).Bold(true),
		StatusGood:   n().Reverse(true).Bold(true),
		StatusBad:    n().Reverse(true).Bold(true),
		StatusWarn:   n().Reverse(true).Bold(true),
		StatusInfo:   n().Reverse(true),
		StatusRight:  n().Reverse(true),

		Heading:  n().Bold(true),
		Section:  n().Bold(true).Underline(true),
		Subtle:   n(),
		Selected: n().Reverse(true),
		Cursor:   n().Bold(true),
		Locked:   n(),
		Match:    n().Underline(true),

		Passed: n().Bold(true), Read: n(), InProgress: n(), NotStarted: n(),

		BarFull: n(), BarEmpty: n(),

		SearchMatch:   n().Underline(true),
		SearchCurrent: n().Reverse(true),
		CallToAction:  n().Bold(true),

		Prompt: n().Bold(true), Choice: n(), ChoiceFocus: n().Bold(true),
		Correct: n().Bold(true), Wrong: n().Bold(true), Feedback: n(), Hint: n(),
		Code: n(), CodeBlock: n(), Emphasis: n().Italic(true), Strong: n().Bold(true),

		HelpKey: n().Bold(true), HelpDesc: n(), HelpSep: n(),
	}
}
