package view

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Box fits s into exactly width×height cells: longer lines are cut, shorter ones padded, extra
// lines dropped and missing ones added, so that views can be joined side by side.
func Box(s string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		w := ansi.StringWidth(l)
		switch {
		case w > width:
			lines[i] = ansi.Truncate(l, width, "")
		case w < width:
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	return strings.Join(lines, "\n")
}

// Fit cuts s to at most width columns and height lines, without padding.
func Fit(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:max(height, 0)]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// Split is where a chart and its panel of numbers go, as Layout decides.
type Split struct {
	ChartW, ChartH int
	PanelW, PanelH int
	Side           bool // panel to the right of the chart
}

// Layout decides where a chart and its panel of numbers go: side by side when the width leaves
// at least minChart columns for the chart next to a panel of panelWidth, else stacked with the
// panel's panelLines below the chart.
func Layout(width, height, panelWidth, panelLines, minChart int) Split {
	if width-panelWidth-1 >= minChart {
		return Split{ChartW: width - panelWidth - 1, ChartH: height, PanelW: panelWidth, PanelH: height, Side: true}
	}
	pl := min(panelLines, max(height-4, 0))
	return Split{ChartW: width, ChartH: height - pl, PanelW: width, PanelH: pl}
}

// Join puts the chart and panel together as the split says.
func (s Split) Join(chart, panel string) string {
	if s.Side {
		return lipgloss.JoinHorizontal(lipgloss.Top, Box(chart, s.ChartW, s.ChartH), " ", Box(panel, s.PanelW, s.PanelH))
	}
	if s.PanelH == 0 {
		return Box(chart, s.ChartW, s.ChartH)
	}
	return Box(chart, s.ChartW, s.ChartH) + "\n" + Box(panel, s.PanelW, s.PanelH)
}

// Row is one line of a panel of numbers: a label and its value.
type Row struct{ Label, Value string }

// Panel lays rows out as "label  value" lines, the values aligned.
func Panel(st *Styles, rows []Row) string {
	w := 0
	for _, r := range rows {
		w = max(w, ansi.StringWidth(r.Label))
	}
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		if r.Label == "" {
			b.WriteString(r.Value)
			continue
		}
		pad := strings.Repeat(" ", w-ansi.StringWidth(r.Label)+1)
		b.WriteString(st.Label.Render(r.Label) + pad + st.Value.Render(r.Value))
	}
	return b.String()
}

// Legend names the glyph of each series: "⣀ train  • validation".
func Legend(st *Styles, items ...LegendItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = st.Series[it.Style%len(st.Series)].Render(string(it.Glyph)) + " " + st.Subtle.Render(it.Name)
	}
	return strings.Join(parts, "  ")
}

// LegendItem is one entry of a legend; Glyph is ⣀ for a braille line.
type LegendItem struct {
	Glyph rune
	Name  string
	Style int
}
