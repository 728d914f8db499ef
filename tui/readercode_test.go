package tui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// codeLesson is a lesson with prose around two code blocks, the first wider than a narrow
// terminal, and a link.
const codeLesson = `---
title: Code
section: Basics
---

A paragraph before the code, long enough to wrap at forty columns, so it shows that prose
stays where it is while code moves sideways.

` + "```python\n" + `rows = [row for row in read_rows("orders.csv") if row.total > 0 and row.country == "NL"]
print(len(rows))
` + "```" + `

Between the blocks. Docs are at <https://example.com/docs>.

` + "```sh\n" + `ls -l
` + "```\n"

// codeCourse is a course of one lesson, codeLesson.
func codeCourse(t *testing.T) *lessons.Course {
	t.Helper()
	fsys := fstest.MapFS{
		"course.yaml": {Data: []byte("id: code-course\ntitle: Code Course\nlessons: [code]\n")},
		"01-code.md":  {Data: []byte(codeLesson)},
	}
	c, probs, err := lessons.Load(fsys, "test")
	if err != nil || probs.HasErrors() {
		t.Fatalf("course: %v %v", err, probs.Errors())
	}
	return c
}

func (d *driver) reader() *readerModel { return d.m.screens[readerScreen].(*readerModel) }

// lineWith returns the first line of the body holding s.
func (d *driver) lineWith(s string) string {
	d.t.Helper()
	for _, l := range d.body() {
		if strings.Contains(ansi.Strip(l), s) {
			return ansi.Strip(l)
		}
	}
	d.t.Fatalf("no line holds %q:\n%s", s, d.view())
	return ""
}

// TestCodeScrollsSideways: a code line too wide for the column is cut with the marker; → shows
// its hidden part (the left part marked hidden), ← brings it back; prose never moves.
func TestCodeScrollsSideways(t *testing.T) {
	d := newDriver(t, codeCourse(t), nil, 40, 24)
	d.keys("enter")
	prose := d.lineWith("A paragraph")
	cut := d.lineWith("rows = [")
	if !strings.HasSuffix(cut, render.CutMarker) {
		t.Fatalf("the wide code line is not cut with the marker: %q", cut)
	}
	d.requireView("Code 1/2 · c copy · ←/→ scroll")
	d.keys("right")
	moved := d.lineWith("read_rows")
	if !strings.Contains(moved, render.ScrollMarker) || strings.Contains(moved, "rows = [") {
		t.Fatalf("after →, the code line is %q: want its left part hidden and marked", moved)
	}
	if got := d.lineWith("A paragraph"); got != prose {
		t.Errorf("prose moved with the code: %q, was %q", got, prose)
	}
	for range 20 { // far past the end: it stops where the longest line ends
		d.keys("right")
	}
	end := d.lineWith("NL")
	if !strings.HasSuffix(strings.TrimRight(end, " "), `"NL"]`) {
		t.Errorf("scrolled to the end, the line is %q: want its end shown", end)
	}
	for range 20 {
		d.keys("left")
	}
	if got := d.lineWith("rows = ["); got != cut {
		t.Errorf("back at the left, the line is %q, was %q", got, cut)
	}
}

// TestScrolledShortCodeLineIsBlank is a QA finding: with code scrolled sideways, a code line
// shorter than the offset ("print(len(rows))", "ls -l") showed a lone ← as if text were hidden
// to its left. It shows blank, as in less -S; the long line keeps its marker.
func TestScrolledShortCodeLineIsBlank(t *testing.T) {
	d := newDriver(t, codeCourse(t), nil, 40, 24)
	d.keys("enter", "right", "right") // 10 columns each: past the end of the short lines
	if r := d.reader(); r.code.offset <= len("print(len(rows))") {
		t.Fatalf("code scrolled by %d columns: the test needs more", r.code.offset)
	}
	if got := d.lineWith("read_rows"); !strings.Contains(got, render.ScrollMarker) {
		t.Errorf("the long line lost its marker: %q", got)
	}
	for _, l := range d.body() {
		if strings.TrimSpace(ansi.Strip(l)) == render.ScrollMarker {
			t.Errorf("a lone %s on a short code line:\n%s", render.ScrollMarker, d.view())
			break
		}
	}
}

// TestNothingToScroll: where every code line fits, ← and → say so and change nothing.
func TestNothingToScroll(t *testing.T) {
	d := newDriver(t, codeCourse(t), nil, 120, 30)
	d.keys("enter")
	before := d.screenBody()
	d.keys("right")
	d.requireView("nothing to scroll sideways")
	if d.screenBody() != before {
		t.Error("the lesson moved")
	}
}

// TestCopyCode: c copies the code block nearest the top of the view, raw; a number before c
// picks another; the status line confirms with the number of lines.
func TestCopyCode(t *testing.T) {
	var copied []string
	opts := testOptions()
	opts.Clipboard = func(s string) error { copied = append(copied, s); return nil }
	d := newDriverWith(t, opts, codeCourse(t), nil, 40, 24)
	d.keys("enter", "c")
	want := "rows = [row for row in read_rows(\"orders.csv\") if row.total > 0 and row.country == \"NL\"]\nprint(len(rows))\n"
	if len(copied) != 1 || copied[0] != want {
		t.Fatalf("copied %q, want the first block as written", copied)
	}
	d.requireView("Copied 2 lines (block 1 of 2)")
	d.keys("2", "c")
	if len(copied) != 2 || copied[1] != "ls -l\n" {
		t.Fatalf("2c copied %q, want the second block", copied[1:])
	}
	d.requireView("Copied 1 line (block 2 of 2)")
	d.keys("7", "c")
	d.requireView("This lesson has 2 code blocks")
	if len(copied) != 2 {
		t.Errorf("7c copied %q", copied[2:])
	}
	d.keys("2", "j", "c") // a number applies to the next key only
	if copied[len(copied)-1] != want {
		t.Errorf("a number kept after another key: c copied %q", copied[len(copied)-1])
	}
}

// TestCopyCodeThroughTheTerminal: without a clipboard of the test's, the copy goes to the
// terminal as OSC 52, wrapped for tmux when the look says it runs in tmux.
func TestCopyCodeThroughTheTerminal(t *testing.T) {
	var out strings.Builder
	opts := testOptions()
	opts.Output = &out
	opts.Look.Mux = "tmux"
	d := newDriverWith(t, opts, codeCourse(t), nil, 40, 24)
	d.keys("enter", "2", "c")
	if !strings.HasPrefix(out.String(), "\x1b]52;c;bHMgLWwK\a") || !strings.Contains(out.String(), "\x1bPtmux;") {
		t.Errorf("the terminal got %q", out.String())
	}
}

// TestReaderHyperlinks: with a look that takes them, the link's URL is an OSC 8 hyperlink.
func TestReaderHyperlinks(t *testing.T) {
	for _, links := range []bool{false, true} {
		opts := testOptions()
		opts.Look.Hyperlinks = links
		d := newDriverWith(t, opts, codeCourse(t), nil, 80, 24)
		d.keys("enter")
		open, _ := safetext.LinkStart("https://example.com/docs")
		got := strings.Contains(d.view(), open+"https://example.com/docs"+safetext.LinkEnd)
		if got != links {
			t.Errorf("hyperlinks %v: OSC 8 in the view: %v\n%q", links, got, d.view())
		}
	}
}

// TestSearchStartsAnew: / opens an empty query each time (the learner review found it appended
// to the old one); enter on an empty query repeats the last search.
func TestSearchStartsAnew(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "/", "model", "enter")
	d.requireView("“model”: match 1 of")
	d.keys("/")
	d.requireView("enter: “model” again")
	d.rejectView("/model")
	d.keys("data", "enter")
	d.requireView("“data”: match 1 of")
	d.rejectView("modeldata")
	d.keys("/", "enter")
	d.requireView("“data”: match 1 of")
}

// TestSearchAcrossLineBreaks: a phrase is found whatever the width breaks it at, and the same
// number of times at every width.
func TestSearchAcrossLineBreaks(t *testing.T) {
	const phrase = "then you check it on data it has never seen"
	for _, w := range []int{40, 55, 80, 120} {
		d := newDriver(t, testCourse(t), nil, w, 30)
		d.keys("enter", "/", phrase, "enter")
		if s := d.reader().search; len(s.matches) != 1 || s.query != phrase {
			t.Errorf("width %d: %d matches of %q", w, len(s.matches), s.query)
		}
	}
	// The phrase spans two lines at 40 columns: both parts are highlighted.
	d := newDriverWith(t, noColorOptions(), testCourse(t), nil, 40, 30)
	d.keys("enter", "/", phrase, "enter")
	marked := 0
	for _, l := range d.body() {
		if strings.Contains(l, "\x1b[7m") {
			marked++
		}
	}
	if marked < 2 {
		t.Errorf("the match is highlighted on %d lines, want every line it covers:\n%s", marked, d.view())
	}
}

// TestReaderKeysInHelp: the code keys are in the reader's help, named by the key map.
func TestReaderKeysInHelp(t *testing.T) {
	d := newDriver(t, codeCourse(t), nil, 100, 40)
	d.keys("enter", "?")
	k := d.m.c.keys
	for _, want := range []string{keyName(k.ScrollLeft), keyName(k.ScrollRight), "copy the code block at the top", "2c"} {
		if !strings.Contains(d.view(), want) {
			t.Errorf("the help lacks %q:\n%s", want, d.view())
		}
	}
}
