package retrieval

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/lab/view"
)

// View draws recall@k for k = 1..10 at the current chunk size (the current k marked), the
// numbers beside it, and, when there is room, the shown question with its retrieved passages.
func (l *lab) View(width, height int, st *view.Styles) string {
	wide := width >= 60
	panelW := 22
	if !wide {
		panelW = 12
	}
	passagesH := 0
	if height >= 16 {
		passagesH = height / 2
	}
	sp := view.Layout(width, height-passagesH, panelW, 4, 20)
	v := l.Values()
	legend := view.Fit(view.Legend(st,
		view.LegendItem{Glyph: '⣀', Name: "recall@k by k"},
		view.LegendItem{Glyph: '●', Name: "now"}), sp.ChartW, 1)
	chart := view.Chart{
		Width: sp.ChartW, Height: sp.ChartH - 1,
		XMin: 1, XMax: maxK, YMin: 0, YMax: 1,
		Series: []view.Series{{Name: "recall", Points: l.recallCurve()}},
		Marks:  []view.Mark{{At: view.Point{X: float64(l.k), Y: v["recall"]}, Glyph: '●'}},
	}
	top := sp.Join(legend+"\n"+chart.Render(st), l.panel(st, v, wide))
	if passagesH == 0 {
		return top
	}
	return top + "\n" + l.passages(st, width, passagesH)
}

// recallCurve is recall@k for every k at the current chunk size.
func (l *lab) recallCurve() []view.Point {
	r := l.ranked()
	var pts []view.Point
	for k := 1; k <= maxK; k++ {
		hits := 0
		for _, first := range r.firstRelevant {
			if first >= 0 && first < k {
				hits++
			}
		}
		pts = append(pts, view.Point{X: float64(k), Y: float64(hits) / float64(len(l.questions))})
	}
	return pts
}

func (l *lab) panel(st *view.Styles, v map[string]float64, wide bool) string {
	if !wide {
		return view.Panel(st, []view.Row{
			{Label: "R@k", Value: fmt.Sprintf("%.2f", v["recall"])},
			{Label: "words", Value: fmt.Sprintf("%.0f", v["context_words"])},
			{Label: "MRR", Value: fmt.Sprintf("%.2f", v["mrr"])},
		})
	}
	return view.Panel(st, []view.Row{
		{Label: "recall@k", Value: fmt.Sprintf("%.3f", v["recall"])},
		{Label: "context words", Value: fmt.Sprintf("%.0f", v["context_words"])},
		{Label: "MRR@10", Value: fmt.Sprintf("%.3f", v["mrr"])},
		{Label: "chunks", Value: fmt.Sprintf("%.0f", v["chunks"])},
		{Label: "questions", Value: fmt.Sprint(len(l.questions))},
		{Label: "documents", Value: fmt.Sprint(len(l.docs))},
	})
}

// passages shows the current question and its top-k chunks, ✓ on those holding the answer,
// each wrapped over an equal share of the lines.
func (l *lab) passages(st *view.Styles, width, height int) string {
	q := l.questions[l.current]
	r := l.ranked()
	lines := []string{view.Fit(st.Title.Render(fmt.Sprintf("Q%d ", l.current+1))+q.text, width, 1)}
	top := r.top[l.current][:min(l.k, len(r.top[l.current]))]
	if len(top) == 0 {
		lines = append(lines, st.Subtle.Render(" no chunk shares a word with this question"))
	}
	share := max(1, (height-1)/max(len(top), 1))
	for rank, c := range top {
		mark := st.Bad.Render("✗")
		if holdsAnswer(r.chunks[c], q) {
			mark = st.Good.Render("✓")
		}
		head := fmt.Sprintf(" %s %d %s: ", mark, rank+1, l.docs[r.chunks[c].doc].id)
		text := ansi.Wordwrap(head+strings.Join(r.chunks[c].words, " "), width-3, "")
		wrapped := strings.Split(text, "\n")
		if len(wrapped) > share {
			wrapped = wrapped[:share]
			wrapped[share-1] = view.Fit(wrapped[share-1]+" …", width, 1)
		}
		for i := 1; i < len(wrapped); i++ {
			wrapped[i] = "   " + wrapped[i]
		}
		lines = append(lines, wrapped...)
	}
	return view.Box(strings.Join(lines, "\n"), width, height)
}
