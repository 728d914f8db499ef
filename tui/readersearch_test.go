package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFilterOpensAtAPhraseAcrossLineBreaks: the outline's filter finds a phrase in a lesson's
// text and opens the lesson at it, even where the reader's width breaks the phrase over two
// lines (the reader's search reads paragraphs, not lines); / then starts a new query and
// offers the filter's phrase again.
func TestFilterOpensAtAPhraseAcrossLineBreaks(t *testing.T) {
	const phrase = "tells you whether a complex"
	d := newDriver(t, testCourse(t), nil, 40, 16)
	d.keys("/", phrase)
	d.requireView("2. Choosing a model")
	d.keys("enter")
	d.requireView("“" + phrase)
	r := d.reader()
	if len(r.search.matches) != 1 || r.search.query != phrase {
		t.Fatalf("%d matches of %q, want 1 of %q", len(r.search.matches), r.search.query, phrase)
	}
	if line := r.search.matches[0].line; line < r.scroll.offset || line >= r.scroll.offset+r.scroll.height {
		t.Errorf("the match (line %d) is out of view (lines %d to %d)", line, r.scroll.offset, r.scroll.offset+r.scroll.height-1)
	}
	for _, l := range d.body() {
		if strings.Contains(ansi.Strip(l), phrase) {
			t.Fatalf("the phrase fits on one line at 40 columns, so this test shows nothing:\n%s", d.view())
		}
	}
	d.keys("/")
	d.requireView("again")
	d.keys("baseline", "enter")
	d.requireView("“baseline”: match 1 of")
}

// TestSearchWithoutMatchGoesBack is a QA finding: typing a query jumps the view to the first
// match of what is typed so far; when the whole query matches nothing ("Rows are patients" after
// "Rows" matched), enter left the view at that earlier match, far from where the learner was
// reading. As in less and vim, it goes back to where it was before the search began.
func TestSearchWithoutMatchGoesBack(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "down", "down")
	before, pos := d.screenBody(), d.m.screens[readerScreen].(*readerModel).pos
	d.keys("/", "Keep a changelog")
	if d.screenBody() == before {
		t.Fatalf("a match below did not move the view:\n%s", d.view())
	}
	d.keys(" forever", "enter")
	d.requireView("“Keep a changelog forever” is not in this lesson.")
	if d.screenBody() != before {
		t.Errorf("after a search without a match, the view is not where it was:\n%s\nwas\n%s", d.screenBody(), before)
	}
	if got := d.m.screens[readerScreen].(*readerModel).pos; got != pos {
		t.Errorf("reading position %v after a search without a match, was %v", got, pos)
	}

	// Cancelling the query goes back too; a query that matches keeps its match in view.
	d.keys("/", "Keep a changelog")
	d.keys("esc")
	if d.screenBody() != before {
		t.Errorf("after a cancelled search, the view is not where it was:\n%s", d.screenBody())
	}
	d.keys("/", "Keep a changelog", "enter")
	d.requireView("“Keep a changelog”: match 1 of 1", "Keep a changelog.")
}

// TestSearchFindsCodeOutOfViewSideways is a QA finding: the search said "no match" for text
// in a code line that was only out of view sideways (past the cut, or scrolled off to the
// left). It reads code lines whole, and scrolls the code sideways to show the match, as less -S
// does; the match is highlighted where it is drawn.
func TestSearchFindsCodeOutOfViewSideways(t *testing.T) {
	d := newDriverWith(t, noColorOptions(), codeCourse(t), nil, 40, 24)
	d.keys("enter")
	if strings.Contains(d.lineWith("rows = ["), `"NL"`) {
		t.Fatalf("the end of the code line is in view at 40 columns: this test shows nothing:\n%s", d.view())
	}
	d.keys("/", `"NL"`)
	d.requireView("1 match")
	d.keys("enter")
	d.requireView("“\"NL\"”: match 1 of 1")
	if got := d.lineWith("NL"); !strings.Contains(got, `"NL"`) {
		t.Errorf("the match is not in view: %q", got)
	}
	if !strings.Contains(d.view(), "\x1b[7m\"NL\"") {
		t.Errorf("the match is not highlighted where it is drawn:\n%q", d.view())
	}

	// Scrolled to the end, the start of the line is out of view to the left.
	for range 20 {
		d.keys("right")
	}
	if strings.Contains(d.lineWith("NL"), "rows = [") {
		t.Fatalf("the start of the line is in view at the largest offset:\n%s", d.view())
	}
	d.keys("/", "rows = [", "enter")
	d.requireView("“rows = [”: match 1 of 1")
	if got := d.lineWith("rows = ["); !strings.Contains(got, "rows = [row") {
		t.Errorf("the match is not in view: %q", got)
	}
	if !strings.Contains(d.view(), "\x1b[7mrows = [") {
		t.Errorf("the match is not highlighted where it is drawn:\n%q", d.view())
	}
}
