package view

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

func TestNiceCeilAndFitAxis(t *testing.T) {
	for v, want := range map[float64]float64{0.13: 0.2, 0.2: 0.2, 0.21: 0.5, 3: 5, 7: 10, 120: 200, 1: 1} {
		if got := niceCeil(v); got != want {
			t.Errorf("niceCeil(%v) = %v, want %v", v, got, want)
		}
	}
	// 0..1 over 50 columns, labels at least 7 apart: 10 columns make 0.2 exactly.
	if step, hi := fitAxis(0, 1, 50, 7); step != 10 || hi != 1 {
		t.Errorf("fitAxis(0, 1, 50, 7) = %d, %v", step, hi)
	}
	// 1..14 over 54 columns: 8 columns of 0.25 make 2, the range grows to 14.5.
	if step, hi := fitAxis(1, 14, 54, 7); step != 8 || hi != 14.5 {
		t.Errorf("fitAxis(1, 14, 54, 7) = %d, %v", step, hi)
	}
	// Too few cells for two labels: left alone.
	if step, hi := fitAxis(0, 1, 3, 2); step != 2 || hi != 1 {
		t.Errorf("fitAxis(0, 1, 3, 2) = %d, %v", step, hi)
	}
}

func TestShort(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 0.25: "0.25", 1: "1", 2.5: "2.5", 12: "12", 1500: "1.5k", 25000: "25k", 3.4e6: "3.4M", -0.5: "-0.50"} {
		if got := Short(v); got != want {
			t.Errorf("Short(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestChartPlacesDataUnderItsLabels(t *testing.T) {
	st := NewStyles(nil, false)
	// A 32×12 chart of 0..1 by 0..1 with one marker at (0.5, 0.6) and a rule at y = 0.6.
	c := Chart{Width: 32, Height: 12, XMin: 0, XMax: 1, YMin: 0, YMax: 1,
		Marks: []Mark{{At: Point{X: 0.5, Y: 0.6}, Glyph: '@'}},
		Rules: []Rule{{At: 0.6, Horizontal: true, Glyph: '='}}}
	lines := strings.Split(c.Render(st), "\n")
	if len(lines) != 12 {
		t.Fatalf("%d lines", len(lines))
	}
	row := -1
	for i, l := range lines {
		if strings.Contains(l, "@") {
			row = i
		}
	}
	if row < 0 || !strings.HasPrefix(lines[row], "0.60│") || !strings.Contains(lines[row], "=") {
		t.Errorf("the marker and the rule at 0.6 are not on the row labelled 0.60:\n%s", strings.Join(lines, "\n"))
	}
	xLabels := lines[len(lines)-1]
	col := ansi.StringWidth(lines[row][:strings.Index(lines[row], "@")])
	if at := strings.Index(xLabels, "0.50"); at != col {
		t.Errorf("the marker is in column %d, the x label 0.50 in column %d:\n%s", col, at, strings.Join(lines, "\n"))
	}
}

func TestChartSeriesKeepTheirGlyphs(t *testing.T) {
	st := NewStyles(nil, false)
	pts := []Point{{0, 0}, {1, 1}}
	out := (Chart{Width: 30, Height: 10, XMin: 0, XMax: 1, YMin: 0, YMax: 1,
		Series: []Series{{Points: pts}, {Points: []Point{{0.2, 0.8}}, Glyph: '+'}}}).Render(st)
	braille := 0
	for _, r := range out {
		if r >= 0x2800 && r <= 0x28FF {
			braille++
		}
	}
	if braille < 10 || !strings.Contains(out, "+") {
		t.Errorf("a line of %d braille cells and a + marker expected:\n%s", braille, out)
	}
	if tiny := (Chart{Width: 5, Height: 2}); tiny.Render(st) != "     \n     " {
		t.Error("a chart too small to draw is not blank")
	}
}

func TestBoxFitLayout(t *testing.T) {
	if got := Box("ab\ncdef\n\nx", 3, 3); got != "ab \ncde\n   " {
		t.Errorf("Box = %q", got)
	}
	if got := Fit("abcdef\nxy", 4, 1); got != "abc…" {
		t.Errorf("Fit = %q", got)
	}
	side := Layout(80, 20, 24, 6, 20)
	if !side.Side || side.ChartW != 55 || side.PanelW != 24 {
		t.Errorf("wide layout %+v", side)
	}
	stacked := Layout(30, 12, 24, 6, 20)
	if stacked.Side || stacked.ChartW != 30 || stacked.PanelH != 6 || stacked.ChartH != 6 {
		t.Errorf("narrow layout %+v", stacked)
	}
	out := stacked.Join("chart", "panel")
	if lines := strings.Split(out, "\n"); len(lines) != 12 || ansi.StringWidth(lines[0]) != 30 {
		t.Errorf("joined: %q", out)
	}
}

func TestPanelAndLegend(t *testing.T) {
	st := NewStyles(nil, false)
	got := Panel(st, []Row{{Label: "recall", Value: "0.9"}, {Label: "F1", Value: "0.8"}, {}, {Value: "free text"}})
	if got != "recall 0.9\nF1     0.8\n\nfree text" {
		t.Errorf("Panel = %q", got)
	}
	if got := Legend(st, LegendItem{Glyph: '+', Name: "train"}, LegendItem{Glyph: '•', Name: "valid"}); got != "+ train  • valid" {
		t.Errorf("Legend = %q", got)
	}
}
