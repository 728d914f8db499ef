package classreport

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// svgBox is the box a text or a rectangle of a chart covers, in SVG user units.
type svgBox struct {
	what                   string
	left, top, right, down float64
}

func (a svgBox) intersects(b svgBox) bool {
	return a.left < b.right && b.left < a.right && a.top < b.down && b.top < a.down
}

// chartBoxes reads the texts and bars of the chart whose id starts with id from a page. A
// text's box is estimated from the page's font sizes (12 for values, 13 for the rest) at a
// generous 0.62 em a character, 0.8 em above the baseline and 0.25 below.
func chartBoxes(t *testing.T, page []byte, id string) (texts, bars []svgBox) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	inChart, inText := false, false
	var attrs map[string]string
	for {
		tt := z.Next()
		tok := z.Token()
		switch {
		case tt == html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return texts, bars
		case tt == html.StartTagToken && tok.Data == "svg":
			inChart = strings.HasPrefix(attr(tok, "aria-labelledby"), id)
		case tt == html.EndTagToken && tok.Data == "svg":
			inChart = false
		case !inChart:
		case tok.Data == "rect" && tt != html.EndTagToken:
			x, y, w, h := num(t, attr(tok, "x")), num(t, attr(tok, "y")), num(t, attr(tok, "width")), num(t, attr(tok, "height"))
			bars = append(bars, svgBox{"bar", x, y, x + w, y + h})
		case tok.Data == "text" && tt == html.StartTagToken:
			inText, attrs = true, map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
			}
		case tok.Data == "text" && tt == html.EndTagToken:
			inText = false
		case tt == html.TextToken && inText:
			texts = append(texts, textBox(t, attrs, tok.Data))
		}
	}
}

func textBox(t *testing.T, a map[string]string, s string) svgBox {
	size := 13.0
	if strings.Contains(a["class"], "value") {
		size = 12
	}
	w := 0.62 * size * float64(utf8.RuneCountInString(s))
	x := num(t, a["x"]) + num(t, a["dx"])
	switch a["text-anchor"] {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	base := num(t, a["y"]) + num(t, a["dy"])
	return svgBox{fmt.Sprintf("%q (%s)", s, a["class"]), x, base - 0.8*size, x + w, base + 0.25*size}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func num(t *testing.T, s string) float64 {
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number in the SVG: %q", s)
	}
	return v
}

// TestPassMarkLabelOverlapsNothing: in the median-score chart, the pass mark's label overlaps
// no value and no bar, whatever the scores: values just under the mark, at it and past it,
// in the first row (under the label's old place) and below.
func TestPassMarkLabelOverlapsNothing(t *testing.T) {
	for _, mark := range []int{0, 50, 70, 100} {
		var ls []Lesson
		for i, p := range []float64{float64(mark) - 3.3, float64(mark), 66.7, 100, float64(mark) + 1, 0} {
			ls = append(ls, Lesson{Number: i + 1, Title: fmt.Sprintf("Lesson %d", i+1), Questions: 4, HandedIn: 3,
				Started: 3, FirstAttempts: 3, MedianFirstAttemptPercent: f64(max(0, min(p, 100)))})
		}
		r := Report{Course: Course{ID: "c", Title: "C", PassMark: mark}, HandIns: 3,
			Versions: []Version{{Version: "1", Current: true, Learners: 3, Lessons: ls}}}
		var buf bytes.Buffer
		if err := r.WriteHTML(&buf); err != nil {
			t.Fatal(err)
		}
		texts, bars := chartBoxes(t, buf.Bytes(), "v1-scores")
		label := fmt.Sprintf("%q (", fmt.Sprintf("pass mark %d%%", mark))
		var pass *svgBox
		for i := range texts {
			if strings.HasPrefix(texts[i].what, label) {
				pass = &texts[i]
			}
		}
		if pass == nil || len(bars) != len(ls) {
			t.Fatalf("mark %d: no pass-mark label %s among %v, or %d bars", mark, label, texts, len(bars))
		}
		if pass.left < 0 || pass.right > chartWidth || pass.top < 0 {
			t.Errorf("mark %d: the label %v is outside the chart", mark, *pass)
		}
		for _, other := range append(texts, bars...) {
			if other != *pass && pass.intersects(other) {
				t.Errorf("mark %d: the label %v overlaps %v", mark, *pass, other)
			}
		}
	}
}
