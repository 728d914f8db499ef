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
