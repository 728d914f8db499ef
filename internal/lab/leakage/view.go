package leakage

import (
	"fmt"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws the later period's AUC window by window against the validation estimate (a
// dashed line), beside the numbers.
func (l *lab) View(width, height int, st *view.Styles) string {
	est, sh, err := l.result()
	if err != nil {
		return view.Box("could not train the pipelines: "+err.Error(), width, height)
	}
	wide := width >= 60
	panelW := 22
	if !wide {
		panelW = 14
	}
	sp := view.Layout(width, height, panelW, 3, 20)
	var pts []view.Point
	for i, v := range sh.byWindow {
		pts = append(pts, view.Point{X: float64(i + 1), Y: v})
	}
	legend := view.Fit(view.Legend(st,
		view.LegendItem{Glyph: '•', Name: "later AUC by window"},
		view.LegendItem{Glyph: '-', Name: "validation estimate", Style: 2}), sp.ChartW, 1)
	chart := view.Chart{
		Width: sp.ChartW, Height: sp.ChartH - 1,
		XMin: 1, XMax: float64(len(sh.byWindow)), YMin: 0.5, YMax: 1, // AUC: 0.5 is chance
		Series: []view.Series{{Name: "later", Points: pts}, {Name: "later", Points: pts, Glyph: '•'}},
		Rules:  []view.Rule{{At: est, Horizontal: true, Glyph: '-'}},
	}
	return sp.Join(legend+"\n"+chart.Render(st), l.panel(st, est, sh.total, wide))
}

func (l *lab) panel(st *view.Styles, est, later float64, wide bool) string {
	if !wide {
		short := func(i int, v bool) string {
			return [3][2]string{{"train", "all"}, {"out", "used"}, {"time", "random"}}[i][map[bool]int{false: 0, true: 1}[v]]
		}
		return view.Panel(st, []view.Row{
			{Label: "est.", Value: fmt.Sprintf("%.3f", est)},
			{Label: "later", Value: fmt.Sprintf("%.3f", later)},
			{Label: "gap", Value: fmt.Sprintf("%+.3f", est-later)},
			{},
			{Label: "1 fit", Value: short(0, l.p.fitOnAll)},
			{Label: "2 flag", Value: short(1, l.p.labelFeature)},
			{Label: "3 split", Value: short(2, l.p.randomSplit)},
		})
	}
	return view.Panel(st, []view.Row{
		{Label: "validation AUC", Value: fmt.Sprintf("%.3f", est)},
		{Label: "later AUC", Value: fmt.Sprintf("%.3f", later)},
		{Label: "gap", Value: fmt.Sprintf("%+.3f", est-later)},
		{},
		{Label: "history rows", Value: fmt.Sprint(len(l.history))},
		{Label: "later rows", Value: fmt.Sprint(len(l.later))},
	})
}
