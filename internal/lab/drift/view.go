package drift

import (
	"fmt"
	"math"

	"github.com/aieng/aieng/internal/lab/view"
)

// statTop is the top of the statistic's axis: the threshold's whole range; weeks above it are
// drawn at the top, still marked ▲.
const statTop = 0.5

// View draws the per-week statistic (weeks above the threshold marked ▲) with the threshold as
// a dashed line and, when there is room, the weekly accuracy below it, beside the alarm's record.
func (l *lab) View(width, height int, st *view.Styles) string {
	wide := width >= 60
	panelW := 22
	if !wide {
		panelW = 13
	}
	sp := view.Layout(width, height, panelW, 4, 20)
	name := map[string]string{"psi": "PSI", "ks": "KS"}[l.stat]
	legend := view.Fit(view.Legend(st,
		view.LegendItem{Glyph: '•', Name: name + " by week"},
		view.LegendItem{Glyph: '▲', Name: "alert"},
		view.LegendItem{Glyph: '-', Name: "threshold", Style: 2}), sp.ChartW, 1)
	statH := sp.ChartH - 1
	accH := 0
	if sp.ChartH >= 16 {
		accH = sp.ChartH / 3
		statH -= accH
	}
	charts := legend + "\n" + l.statChart(sp.ChartW, statH).Render(st)
	if accH > 0 {
		charts += "\n" + l.accuracyChart(sp.ChartW, accH, st)
	}
	return sp.Join(charts, l.panel(st, name, wide))
}

func (l *lab) statChart(w, h int) view.Chart {
	var line, alerts, quiet []view.Point
	for i, s := range l.weekStat {
		p := view.Point{X: float64(i + 1), Y: s}
		line = append(line, p)
		if s > l.alert {
			alerts = append(alerts, p)
		} else {
			quiet = append(quiet, p)
		}
	}
	return view.Chart{
		Width: w, Height: h,
		XMin: 1, XMax: float64(len(l.weekStat)), YMin: 0, YMax: statTop,
		Series: []view.Series{
			{Name: "statistic", Points: line},
			{Name: "quiet", Points: quiet, Glyph: '•'},
			{Name: "alert", Points: alerts, Glyph: '▲'},
		},
		Rules: []view.Rule{{At: l.alert, Horizontal: true, Glyph: '-'}},
	}
}

func (l *lab) accuracyChart(w, h int, st *view.Styles) string {
	var pts []view.Point
	lo, hi := 1.0, 0.0
	for i, a := range l.weekAcc {
		pts = append(pts, view.Point{X: float64(i + 1), Y: a})
		lo, hi = min(lo, a), max(hi, a)
	}
	title := view.Fit(view.Legend(st, view.LegendItem{Glyph: '+', Name: "accuracy by week", Style: 1}), w, 1)
	c := view.Chart{
		Width: w, Height: h - 1,
		XMin: 1, XMax: float64(len(l.weekAcc)),
		YMin: math.Floor(max(0, lo-0.05)*10) / 10, YMax: math.Ceil(min(1, hi+0.05)*10) / 10,
		Series: []view.Series{{Name: "accuracy", Points: pts, Style: 1}, {Name: "accuracy", Points: pts, Glyph: '+', Style: 1}},
	}
	return title + "\n" + c.Render(st)
}

func (l *lab) panel(st *view.Styles, name string, wide bool) string {
	v := l.Values()
	first := "none"
	if v["first_alert"] > 0 {
		first = fmt.Sprintf("week %.0f", v["first_alert"])
	}
	last := l.weekAcc[len(l.weekAcc)-1]
	if !wide {
		return view.Panel(st, []view.Row{
			{Label: name, Value: fmt.Sprintf("> %.2f", l.alert)},
			{Label: "1st", Value: first},
			{Label: "false", Value: fmt.Sprintf("%.0f", v["false_alarms"])},
			{Label: "acc", Value: fmt.Sprintf("%.2f", last)},
		})
	}
	return view.Panel(st, []view.Row{
		{Label: "alert above", Value: fmt.Sprintf("%.2f", l.alert)},
		{Label: "first alert", Value: first},
		{Label: "false alarms", Value: fmt.Sprintf("%.0f", v["false_alarms"])},
		{},
		{Label: "accuracy wk 1", Value: fmt.Sprintf("%.3f", l.weekAcc[0])},
		{Label: "accuracy last", Value: fmt.Sprintf("%.3f", last)},
	})
}
