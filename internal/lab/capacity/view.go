package capacity

import (
	"fmt"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws training and validation error against depth, the current depth marked, beside the
// numbers at that depth.
func (l *lab) View(width, height int, st *view.Styles) string {
	wide := width >= 60
	panelW := 20
	if !wide {
		panelW = 12
	}
	sp := view.Layout(width, height, panelW, 4, 20)
	var train, val []view.Point
	top := 0.0
	for d := 1; d <= l.maxDepth; d++ {
		train = append(train, view.Point{X: float64(d), Y: l.trainErr[d]})
		val = append(val, view.Point{X: float64(d), Y: l.valErr[d]})
		top = max(top, l.trainErr[d], l.valErr[d])
	}
	legend := view.Fit(view.Legend(st,
		view.LegendItem{Glyph: '⣀', Name: "validation"},
		view.LegendItem{Glyph: '+', Name: "training", Style: 1},
		view.LegendItem{Glyph: ':', Name: "now", Style: 2}), sp.ChartW, 1)
	chart := view.Chart{
		Width: sp.ChartW, Height: sp.ChartH - 1,
		XMin: 1, XMax: float64(l.maxDepth), YMin: 0, YMax: top * 1.1,
		Series: []view.Series{
			{Name: "validation", Points: val},
			{Name: "training", Points: train, Glyph: '+', Style: 1},
		},
		Rules: []view.Rule{{At: float64(l.depth), Glyph: ':'}},
	}
	return sp.Join(legend+"\n"+chart.Render(st), l.panel(st, wide))
}

func (l *lab) panel(st *view.Styles, wide bool) string {
	d := l.depth
	if !wide {
		return view.Panel(st, []view.Row{
			{Label: "depth", Value: fmt.Sprint(d)},
			{Label: "train", Value: fmt.Sprintf("%.3f", l.trainErr[d])},
			{Label: "valid", Value: fmt.Sprintf("%.3f", l.valErr[d])},
			{Label: "gap", Value: fmt.Sprintf("%.3f", l.valErr[d]-l.trainErr[d])},
		})
	}
	return view.Panel(st, []view.Row{
		{Label: "tree depth", Value: fmt.Sprint(d)},
		{Label: "training error", Value: fmt.Sprintf("%.3f", l.trainErr[d])},
		{Label: "valid. error", Value: fmt.Sprintf("%.3f", l.valErr[d])},
		{Label: "gap", Value: fmt.Sprintf("%.3f", l.valErr[d]-l.trainErr[d])},
		{},
		{Label: "training rows", Value: fmt.Sprint(l.trainRows)},
	})
}
