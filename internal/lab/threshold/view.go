package threshold

import (
	"fmt"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws the precision-recall curve with the current point, beside the confusion matrix
// and the metrics (below them when the screen is narrow).
func (l *lab) View(width, height int, st *view.Styles) string {
	wide := width >= 60
	panel := l.panel(st, wide)
	panelW := 24
	if !wide {
		panelW = 13
	}
	sp := view.Layout(width, height, panelW, 6, 20)
	legend := view.Fit(view.Legend(st, view.LegendItem{Glyph: '⣀', Name: "precision ↑ by recall →"}, view.LegendItem{Glyph: '●', Name: "now"}), sp.ChartW, 1)
	chart := view.Chart{
		Width: sp.ChartW, Height: sp.ChartH - 1,
		XMin: 0, XMax: 1, YMin: 0, YMax: 1,
		Series: []view.Series{{Name: "precision-recall", Points: l.curvePoints(sp.ChartW * 2)}},
		Marks:  []view.Mark{{At: view.Point{X: l.conf.Recall(), Y: l.conf.Precision()}, Glyph: '●'}},
	}
	return sp.Join(legend+"\n"+chart.Render(st), panel)
}

// curvePoints is the curve with at most n points, enough for the chart's resolution.
func (l *lab) curvePoints(n int) []view.Point {
	step := max(1, len(l.curve)/max(n, 1))
	var pts []view.Point
	for i := 0; i < len(l.curve); i += step {
		pts = append(pts, view.Point{X: l.curve[i].Recall, Y: l.curve[i].Precision})
	}
	if last := l.curve[len(l.curve)-1]; len(pts) > 0 {
		pts = append(pts, view.Point{X: last.Recall, Y: last.Precision})
	}
	return pts
}

func (l *lab) panel(st *view.Styles, wide bool) string {
	c := l.conf
	cell := func(name string, n int, right bool) string {
		s := fmt.Sprintf("%s %-4d", name, n)
		if right {
			return st.Good.Render(s)
		}
		return st.Bad.Render(s)
	}
	if !wide {
		return view.Panel(st, []view.Row{
			{Label: "prec", Value: fmt.Sprintf("%.2f", c.Precision())},
			{Label: "rec", Value: fmt.Sprintf("%.2f", c.Recall())},
			{Label: "F1", Value: fmt.Sprintf("%.2f", c.F1())},
			{Value: cell("TP", c.TP, true)},
			{Value: cell("FP", c.FP, false)},
			{Value: cell("FN", c.FN, false)},
		})
	}
	return view.Panel(st, []view.Row{
		{Value: st.Subtle.Render("         called+ called-")},
		{Value: st.Subtle.Render("actual+  ") + cell("TP", c.TP, true) + " " + cell("FN", c.FN, false)},
		{Value: st.Subtle.Render("actual-  ") + cell("FP", c.FP, false) + " " + cell("TN", c.TN, true)},
		{},
		{Label: "precision", Value: fmt.Sprintf("%.3f", c.Precision())},
		{Label: "recall", Value: fmt.Sprintf("%.3f", c.Recall())},
		{Label: "F1", Value: fmt.Sprintf("%.3f", c.F1())},
		{Label: "accuracy", Value: fmt.Sprintf("%.3f", c.Accuracy())},
		{Label: "false-pos. rate", Value: fmt.Sprintf("%.3f", c.FPR())},
		{Label: "AUC", Value: fmt.Sprintf("%.3f", l.auc)},
		{Label: "validation rows", Value: fmt.Sprint(len(l.scores))},
	})
}
