package classreport

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/charmbracelet/x/ansi"
)

// This file lays out the HTML page's charts: horizontal bar charts on a 0–100 % scale, drawn
// as inline SVG by the page's template. Each has a title, a description for screen readers, an
// axis label and a value at the end of every bar; the tables under the charts hold the same
// numbers. (Why SVG written here rather than a charting library: docs/lms.md, "The class
// report", and the package's tests.)

// Chart geometry, in SVG user units (the SVG scales to the page's width).
const (
	chartWidth  = 680
	labelWidth  = 250 // the labels' column, left of the bars
	plotWidth   = 330 // the bars' column, 100 % wide; the values are written right of it
	rowHeight   = 22
	barGap      = 2
	chartTop    = 8
	axisHeight  = 44 // tick labels and the axis title under the bars
	labelMaxLen = 32 // characters of a label before it is cut with "…" (the full text is its tooltip)
	// markerHeadroom is the strip above the plot of a chart with a marker, where the marker's
	// label goes: above every bar and value, it cannot overlap one (a value beside the pass
	// mark's line used to run into "pass mark 70%").
	markerHeadroom = 20
)

// chart is one bar chart, laid out.
type chart struct {
	ID, Title, Desc, Axis string
	Legend                []legendItem
	Rows                  []chartRow
	Ticks                 []tick
	Marker                *marker
	Height                int
	PlotX, PlotRight      int
	PlotTop               int // the top of the bars' area: the grid lines start there
	AxisY, AxisLabelY     int
	AxisLabelX            int
	Width                 int
}

type legendItem struct{ Name, Class string }

type chartRow struct {
	Label, FullLabel string
	LabelY           int
	Bars             []chartBar
}

type chartBar struct {
	Y, W, H      int
	Class, Value string
	ValueX       int
	ValueY       int
	Tooltip      string
}

type tick struct {
	X     int
	Label string
}

// marker is a vertical line across the plot at a value, such as the pass mark, labelled above
// the plot (LabelY, in the chart's headroom), centred on the line.
type marker struct {
	X, Top, Bottom int
	LabelY         int
	Label          string
}

// series is one set of bars of a chart: a value 0..100 per row (nil: no bar), its class and
// how each value reads.
type series struct {
	name, class string
	values      []*float64
	texts       []string
}

// newChart lays out rows of bars, one bar per series in each row, the first row top units
// down.
func newChart(id, title, desc, axis string, top int, labels, full []string, ss []series) *chart {
	barH := rowHeight - 2*barGap // one bar a row
	if len(ss) > 1 {
		barH = 13
	}
	perRow := len(ss)*barH + 2*barGap
	c := &chart{ID: id, Title: title, Desc: desc, Axis: axis, Width: chartWidth,
		PlotX: labelWidth, PlotRight: labelWidth + plotWidth, PlotTop: top}
	if len(ss) > 1 {
		for _, s := range ss {
			c.Legend = append(c.Legend, legendItem{s.name, s.class})
		}
	}
	y := top
	for i, label := range labels {
		r := chartRow{Label: ansi.Truncate(label, labelMaxLen, "…"), FullLabel: full[i], LabelY: y + perRow/2 + 4}
		for si, s := range ss {
			if s.values[i] == nil {
				continue
			}
			w := int(*s.values[i]/100*plotWidth + 0.5)
			by := y + barGap + si*barH
			r.Bars = append(r.Bars, chartBar{Y: by, W: w, H: barH - 1, Class: s.class, Value: s.texts[i],
				ValueX: labelWidth + w + 4, ValueY: by + barH/2 + 4, Tooltip: s.name + ": " + s.texts[i]})
		}
		c.Rows = append(c.Rows, r)
		y += perRow
	}
	c.AxisY = y + 4
	for _, v := range []int{0, 25, 50, 75, 100} {
		c.Ticks = append(c.Ticks, tick{X: labelWidth + v*plotWidth/100, Label: strconv.Itoa(v) + "%"})
	}
	c.AxisLabelX, c.AxisLabelY = labelWidth+plotWidth/2, c.AxisY+34
	c.Height = c.AxisY + axisHeight
	return c
}

// versionCharts are the charts of one version's report.
func versionCharts(v Version, vi, passMark int) []*chart {
	id := func(name string) string { return fmt.Sprintf("v%d-%s", vi+1, name) }
	var labels, full []string
	started, passed, first := series{name: "Started", class: "started"}, series{name: "Passed", class: "passed"},
		series{name: "Median first attempt", class: "score"}
	for _, l := range v.Lessons {
		label := fmt.Sprintf("%d. %s", l.Number, l.Title)
		labels, full = append(labels, label), append(full, label)
		s, p := shareOf(l.Started, v.Learners), shareOf(l.Passed, v.Learners)
		if l.HandedIn == 0 { // the version had no such lesson: no bar, rather than a bar of 0
			s = nil
		}
		if l.Questions == 0 || l.HandedIn == 0 {
			p = nil
		}
		started.values, started.texts = append(started.values, s), append(started.texts, countText(l.Started, s))
		passed.values, passed.texts = append(passed.values, p), append(passed.texts, countText(l.Passed, p))
		first.values = append(first.values, l.MedianFirstAttemptPercent)
		first.texts = append(first.texts, optPercent(l.MedianFirstAttemptPercent))
	}
	progress := newChart(id("progress"), "Learners who started and passed each lesson",
		fmt.Sprintf("Bar chart: for each lesson (%d in all), the share of the %d %s who started it and who passed its quiz. "+
			"The lesson table below holds the same numbers.", len(v.Lessons), v.Learners, plural(v.Learners, "learner", "learners")),
		"Share of learners", chartTop, labels, full, []series{started, passed})
	scores := newChart(id("scores"), "Median score of the first full attempt",
		"Bar chart: for each lesson with a quiz, the median score of the learners' first full attempt, "+
			"with a line at the pass mark. The lesson table below holds the same numbers.",
		"Score (percent of the questions)", chartTop+markerHeadroom, labels, full, []series{first})
	scores.Marker = &marker{X: labelWidth + passMark*plotWidth/100, Top: scores.PlotTop, Bottom: scores.AxisY,
		LabelY: scores.PlotTop - 6, Label: fmt.Sprintf("pass mark %d%%", passMark)}
	return []*chart{progress, scores, missChart(v, id("missed"))}
}

// missChart shows every question's first-try miss rate, the most missed first.
func missChart(v Version, id string) *chart {
	type item struct {
		label, full string
		q           Question
	}
	var items []item
	for _, l := range v.Lessons {
		for qi, q := range l.QuestionStats {
			if q.MissPercent == nil {
				continue
			}
			prompt := q.Prompt
			if !q.InCourse {
				prompt = q.ID + " (no longer in the course)"
			}
			items = append(items, item{fmt.Sprintf("%d.%d %s", l.Number, qi+1, prompt), fmt.Sprintf("Lesson %d, question %d: %s", l.Number, qi+1, prompt), q})
		}
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(*b.q.MissPercent, *a.q.MissPercent) })
	s := series{name: "Missed at the first try", class: "missed"}
	var labels, full []string
	for _, it := range items {
		labels, full = append(labels, it.label), append(full, it.full)
		s.values = append(s.values, it.q.MissPercent)
		s.texts = append(s.texts, fmt.Sprintf("%s (%d of %d)", percent(*it.q.MissPercent), it.q.Missed, it.q.FirstTries))
	}
	return newChart(id, "Questions missed at the first try",
		fmt.Sprintf("Bar chart: the %d questions answered in a full attempt, the most missed first, each with the share of "+
			"learners whose first answer was not right. The question tables below hold the same numbers.", len(items)),
		"Share of first tries missed", chartTop, labels, full, []series{s})
}

func shareOf(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	v := 100 * float64(n) / float64(of)
	return &v
}

func countText(n int, share *float64) string {
	if share == nil {
		return ""
	}
	return fmt.Sprintf("%d (%s)", n, percent(round1(*share)))
}

func optPercent(p *float64) string {
	if p == nil {
		return ""
	}
	return percent(*p)
}
