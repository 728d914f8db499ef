package view

import (
	"math"
	"strconv"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/canvas/graph"
	"github.com/NimbleMarkets/ntcharts/linechart"
	"github.com/charmbracelet/lipgloss"
)

// Point is one (x, y) data point.
type Point struct{ X, Y float64 }

// Series is one data set on a chart: a braille line through its points when Glyph is 0, else
// Glyph drawn at each point (so two series stay apart without colour).
type Series struct {
	Name   string
	Points []Point
	Glyph  rune
	Style  int // index into Styles.Series
}

// Rule is a horizontal (Horizontal) or vertical line across the chart at At, such as a
// threshold or a limit.
type Rule struct {
	At         float64
	Horizontal bool
	Glyph      rune
}

// Mark is one highlighted point, such as the current setting.
type Mark struct {
	At    Point
	Glyph rune
}

// Chart describes a line chart; Render draws it with ntcharts.
type Chart struct {
	Width, Height          int
	XMin, XMax, YMin, YMax float64
	XFormat, YFormat       func(float64) string // axis labels; nil: a short number
	Series                 []Series
	Rules                  []Rule
	Marks                  []Mark
}

// Render draws the chart in exactly Width×Height cells (axes and labels included).
func (c Chart) Render(st *Styles) string {
	if c.Width < 8 || c.Height < 3 {
		return Box("", c.Width, c.Height)
	}
	if c.XMax <= c.XMin {
		c.XMax = c.XMin + 1
	}
	if c.YMax <= c.YMin {
		c.YMax = c.YMin + 1
	}
	ax := c.axes()
	c.XMax, c.YMax = ax.xMax, ax.yMax
	lc := linechart.New(c.Width, c.Height, c.XMin, c.XMax, c.YMin, c.YMax,
		linechart.WithXYSteps(ax.xStep, ax.yStep),
		linechart.WithStyles(st.Axis, st.AxisText, st.Series[0]),
		linechart.WithXLabelFormatter(func(_ int, v float64) string { return ax.xFormat(v) }),
		linechart.WithYLabelFormatter(func(_ int, v float64) string { return ax.yFormat(v) }),
	)
	lc.DrawXYAxisAndLabel()
	pl := newPlot(&lc, c)
	for _, r := range c.Rules {
		pl.rule(r, st.Rule)
	}
	for _, s := range c.Series {
		style := st.Series[s.Style%len(st.Series)]
		if s.Glyph == 0 {
			pl.line(s.Points, style)
			continue
		}
		for _, p := range s.Points {
			pl.glyph(p, s.Glyph, style)
		}
	}
	for _, m := range c.Marks {
		pl.glyph(m.At, m.Glyph, st.Marker)
	}
	return lc.View()
}

// plot maps data to the canvas of a drawn line chart. ntcharts labels the axis row itself
// with the lowest value and the k-th row above it with lowest + k·(one row's worth); the
// braille grid is shifted half a cell so that each row (and column) is centred on the value
// its label gives. One grid serves lines, rules and glyphs alike, so a marker sits in the
// very cell its line passes through (ntcharts' DrawRune rounds differently).
type plot struct {
	lc                     *linechart.Model
	grid                   *graph.BrailleGrid
	xMin, xMax, yMin, yMax float64 // the grid's range
}

func newPlot(lc *linechart.Model, c Chart) *plot {
	dx := (c.XMax - c.XMin) / float64(max(lc.GraphWidth(), 1)) / 2
	dy := (c.YMax - c.YMin) / float64(max(lc.GraphHeight(), 1)) / 2
	p := &plot{lc: lc, xMin: c.XMin + dx, xMax: c.XMax + dx, yMin: c.YMin + dy, yMax: c.YMax + dy}
	p.grid = graph.NewBrailleGrid(lc.GraphWidth(), lc.GraphHeight(), p.xMin, p.xMax, p.yMin, p.yMax)
	return p
}

// dot is the braille dot for data point v, clamped into the plotting area.
func (p *plot) dot(v Point) canvas.Point {
	x := math.Max(p.xMin, math.Min(p.xMax, v.X))
	y := math.Max(p.yMin, math.Min(p.yMax, v.Y))
	return p.grid.GridPoint(canvas.Float64Point{X: x, Y: y})
}

// cell is the canvas cell holding data point v: two braille dots across and four down a cell.
func (p *plot) cell(v Point) canvas.Point {
	g := p.dot(v)
	return canvas.Point{X: p.lc.Origin().X + 1 + g.X/2, Y: g.Y / 4}
}

func (p *plot) glyph(v Point, glyph rune, style lipgloss.Style) {
	p.lc.Canvas.SetCell(p.cell(v), canvas.NewCellWithStyle(glyph, style))
}

// line draws a whole series on one braille grid: ntcharts' own DrawBrailleLine builds a grid
// the size of the chart per segment, too slow for a curve redrawn on every key press.
func (p *plot) line(pts []Point, style lipgloss.Style) {
	if len(pts) == 0 {
		return
	}
	p.grid.Clear()
	prev := p.dot(pts[0])
	p.grid.Set(prev)
	for _, v := range pts[1:] {
		next := p.dot(v)
		for _, q := range graph.GetLinePoints(prev, next) {
			p.grid.Set(q)
		}
		prev = next
	}
	graph.DrawBraillePatterns(&p.lc.Canvas, canvas.Point{X: p.lc.Origin().X + 1, Y: 0}, p.grid.BraillePatterns(), style)
}

func (p *plot) rule(r Rule, style lipgloss.Style) {
	at := p.cell(Point{X: r.At, Y: r.At})
	glyph := r.Glyph
	if r.Horizontal {
		if glyph == 0 {
			glyph = '-'
		}
		for x := p.lc.Origin().X + 1; x <= p.lc.Origin().X+p.lc.GraphWidth(); x++ {
			p.lc.Canvas.SetCell(canvas.Point{X: x, Y: at.Y}, canvas.NewCellWithStyle(glyph, style))
		}
		return
	}
	if glyph == 0 {
		glyph = ':'
	}
	for y := range p.lc.GraphHeight() {
		p.lc.Canvas.SetCell(canvas.Point{X: at.X, Y: y}, canvas.NewCellWithStyle(glyph, style))
	}
}

// axes chooses where the axis labels go. ntcharts labels every xStep-th column and yStep-th
// row with the value there, so each axis's range is widened a little (at most by a third,
// usually far less) until a whole number of cells spans a round step (1, 2 or 5 times a power
// of ten): the labels then read 0, 0.2, 0.4 rather than 0, 0.24, 0.48.
type axes struct {
	xStep, yStep     int
	xMax, yMax       float64
	xFormat, yFormat func(float64) string
}

func (c Chart) axes() axes {
	ax := axes{xFormat: orShort(c.XFormat), yFormat: orShort(c.YFormat)}
	graphH := c.Height - 2
	ax.yStep, ax.yMax = fitAxis(c.YMin, c.YMax, graphH, 2)
	labelW := 0
	for v := c.YMin; v <= ax.yMax+1e-9; v += (ax.yMax - c.YMin) / float64(max(graphH, 1)) * float64(ax.yStep) {
		labelW = max(labelW, len(ax.yFormat(v)))
	}
	graphW := c.Width - labelW - 1
	widest := max(len(ax.xFormat(c.XMin)), len(ax.xFormat(c.XMax)), len(ax.xFormat((c.XMin+c.XMax)/2)))
	ax.xStep, ax.xMax = fitAxis(c.XMin, c.XMax, graphW, widest+3)
	return ax
}

// fitAxis picks, for an axis of cells cells from lo to hi, a label step of at least minStep
// cells and the new upper end that makes that step span a round number: the smallest step
// that widens the range by at most 5%, else the step that widens it least (at most by a
// third), else no change.
func fitAxis(lo, hi float64, cells, minStep int) (int, float64) {
	minStep = max(minStep, 1)
	if cells < 2*minStep || hi <= lo {
		return minStep, hi
	}
	cell := (hi - lo) / float64(cells)
	bestStep, bestCell := 0, math.Inf(1)
	for step := minStep; step <= cells/2; step++ {
		newCell := niceCeil(float64(step)*cell) / float64(step)
		if newCell <= cell*1.05 {
			return step, lo + newCell*float64(cells)
		}
		if newCell < bestCell-1e-12 {
			bestStep, bestCell = step, newCell
		}
	}
	if bestStep == 0 || bestCell > cell*4/3 {
		return minStep, hi
	}
	return bestStep, lo + bestCell*float64(cells)
}

// niceCeil is the smallest round number (1, 2 or 5 times a power of ten) at least v.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

func orShort(f func(float64) string) func(float64) string {
	if f != nil {
		return f
	}
	return Short
}

// Short formats a number in at most about five characters: 0.95, 12, 1.2k, 3.4M.
func Short(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
	case a >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', 0, 64) + "k"
	case a >= 1e3:
		return strconv.FormatFloat(v/1e3, 'f', 1, 64) + "k"
	case a >= 10 || a == 0:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 1:
		return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
