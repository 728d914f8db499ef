// Package view draws a lab's screen: its styles, its charts (drawn with ntcharts) and the
// layout helpers that fit charts and numbers into a given width and height.
package view

import "github.com/charmbracelet/lipgloss"

// Styles holds every style a lab's view uses. Charts never rely on colour alone: each series
// has its own glyph, so a chart reads the same with NO_COLOR.
type Styles struct {
	Title    lipgloss.Style // the lab's title
	Label    lipgloss.Style // the name of a number
	Value    lipgloss.Style // a number
	Subtle   lipgloss.Style // secondary text: legends, units, hints
	Met      lipgloss.Style // a goal part that holds
	Unmet    lipgloss.Style // a goal part that does not hold yet
	Knob     lipgloss.Style // a knob's name and value
	Focus    lipgloss.Style // the knob the arrow keys move
	Good     lipgloss.Style // a cell of the confusion matrix that is right
	Bad      lipgloss.Style // a cell that is wrong
	Axis     lipgloss.Style // chart axes
	AxisText lipgloss.Style // chart axis labels
	Series   [3]lipgloss.Style
	Marker   lipgloss.Style // the current point on a chart
	Rule     lipgloss.Style // a threshold or limit line on a chart
}

// The palette matches the course's interface: adaptive colours, one for light backgrounds and
// one for dark ones.
var (
	colAccent = lipgloss.AdaptiveColor{Light: "#5A3FD0", Dark: "#A08CFF"}
	colSubtle = lipgloss.AdaptiveColor{Light: "#6E6E7A", Dark: "#8C8C99"}
	colText   = lipgloss.AdaptiveColor{Light: "#1E1E28", Dark: "#E6E6EE"}
	colGreen  = lipgloss.AdaptiveColor{Light: "#1B7F3A", Dark: "#5FD787"}
	colBlue   = lipgloss.AdaptiveColor{Light: "#1F5FBF", Dark: "#6FB3FF"}
	colYellow = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#F2C14E"}
	colRed    = lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#FF7A7A"}
	colPink   = lipgloss.AdaptiveColor{Light: "#B0306A", Dark: "#FF8FC0"}
)

// NewStyles returns the styles drawn with renderer r (nil: Lip Gloss's default renderer). With
// color false they carry no colour, only bold and reverse, for NO_COLOR and plain output.
func NewStyles(r *lipgloss.Renderer, color bool) *Styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	n := r.NewStyle
	if !color {
		return &Styles{
			Title: n().Bold(true), Label: n(), Value: n().Bold(true), Subtle: n(),
			Met: n().Bold(true), Unmet: n(), Knob: n(), Focus: n().Reverse(true),
			Good: n(), Bad: n(), Axis: n(), AxisText: n(),
			Series: [3]lipgloss.Style{n(), n(), n()}, Marker: n().Bold(true), Rule: n(),
		}
	}
	return &Styles{
		Title:    n().Bold(true).Foreground(colAccent),
		Label:    n().Foreground(colSubtle),
		Value:    n().Bold(true).Foreground(colText),
		Subtle:   n().Foreground(colSubtle),
		Met:      n().Bold(true).Foreground(colGreen),
		Unmet:    n().Foreground(colYellow),
		Knob:     n().Foreground(colText),
		Focus:    n().Bold(true).Foreground(colAccent).Reverse(true),
		Good:     n().Foreground(colGreen),
		Bad:      n().Foreground(colRed),
		Axis:     n().Foreground(colSubtle),
		AxisText: n().Foreground(colSubtle),
		Series:   [3]lipgloss.Style{n().Foreground(colBlue), n().Foreground(colYellow), n().Foreground(colPink)},
		Marker:   n().Bold(true).Foreground(colRed),
		Rule:     n().Foreground(colRed),
	}
}
