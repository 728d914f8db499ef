package serving

import (
	"fmt"
	"math"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws p95 latency second by second (the SLO as a dashed line) and, when there is room,
// throughput against the arrival rate below it, beside the numbers.
func (l *lab) View(width, height int, st *view.Styles) string {
	o := l.outcome()
	wide := width >= 60
	panelW := 21
	if !wide {
		panelW = 13
	}
	sp := view.Layout(width, height, panelW, 4, 20)
	latH := sp.ChartH - 1
	tputH := 0
	if sp.ChartH >= 16 {
		tputH = sp.ChartH / 3
		latH -= tputH
	}
	legend := view.Fit(view.Legend(st,
		view.LegendItem{Glyph: '⣀', Name: "p95 latency (ms) by second"},
		view.LegendItem{Glyph: '-', Name: "SLO", Style: 2}), sp.ChartW, 1)
	charts := legend + "\n" + l.latencyChart(o, sp.ChartW, latH).Render(st)
	if tputH > 0 {
		charts += "\n" + l.throughputChart(o, sp.ChartW, tputH, st)
	}
	return sp.Join(charts, l.panel(st, o, wide))
}

func (l *lab) latencyChart(o outcome, w, h int) view.Chart {
	var pts []view.Point
	for i, v := range o.windowP95 {
		if !math.IsNaN(v) {
			pts = append(pts, view.Point{X: float64(i), Y: v})
		}
	}
	return view.Chart{
		Width: w, Height: h,
		XMin: 0, XMax: l.w.duration - 1, YMin: 0, YMax: 3 * l.slo,
		Series: []view.Series{{Name: "p95", Points: pts}},
		Rules:  []view.Rule{{At: l.slo, Horizontal: true, Glyph: '-'}},
	}
}

func (l *lab) throughputChart(o outcome, w, h int, st *view.Styles) string {
	var pts []view.Point
	for i, v := range o.windowDone {
		pts = append(pts, view.Point{X: float64(i), Y: v})
	}
	title := view.Fit(view.Legend(st,
		view.LegendItem{Glyph: '⣀', Name: "completed per second", Style: 1},
		view.LegendItem{Glyph: '-', Name: "arrival rate", Style: 2}), w, 1)
	c := view.Chart{
		Width: w, Height: h - 1,
		XMin: 0, XMax: l.w.duration - 1, YMin: 0, YMax: 1.5 * l.rate,
		Series: []view.Series{{Name: "completed", Points: pts, Style: 1}},
		Rules:  []view.Rule{{At: l.rate, Horizontal: true, Glyph: '-'}},
	}
	return title + "\n" + c.Render(st)
}

func (l *lab) panel(st *view.Styles, o outcome, wide bool) string {
	ms := func(v float64) string {
		if v >= 10000 {
			return fmt.Sprintf("%.0f s", v/1000)
		}
		return fmt.Sprintf("%.0f ms", v)
	}
	if !wide {
		return view.Panel(st, []view.Row{
			{Label: "p50", Value: ms(o.p50)},
			{Label: "p95", Value: ms(o.p95)},
			{Label: "done", Value: fmt.Sprintf("%.0f/s", o.throughput)},
			{Label: "busy", Value: fmt.Sprintf("%.0f%%", 100*o.utilisation)},
		})
	}
	return view.Panel(st, []view.Row{
		{Label: "p50 latency", Value: ms(o.p50)},
		{Label: "p95 latency", Value: ms(o.p95)},
		{Label: "p99 latency", Value: ms(o.p99)},
		{Label: "throughput", Value: fmt.Sprintf("%.0f/s", o.throughput)},
		{Label: "arrivals", Value: fmt.Sprintf("%.0f/s", l.rate)},
		{Label: "replicas busy", Value: fmt.Sprintf("%.0f%%", 100*o.utilisation)},
		{Label: "mean batch", Value: fmt.Sprintf("%.1f", o.meanBatch)},
	})
}
