package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/lessons"
)

// A lesson's labs show in the reader as cards (lessons.labCard puts one in place of each lab
// block); l opens the lab of the card nearest the view, and a passed lab's card is marked ✓.

// cardLines are the lines of a rendered lesson that start its labs' cards, in the order of the
// lesson's Labs, with each line as rendered (before marking).
type cardLines struct {
	at   []int
	text []string
}

// findCards finds the first lines of up to n cards in a rendered lesson.
func findCards(lines []string, n int) cardLines {
	var c cardLines
	for i, l := range lines {
		if len(c.at) == n {
			break
		}
		if strings.Contains(ansi.Strip(l), lessons.CardMark) {
			c.at, c.text = append(c.at, i), append(c.text, l)
		}
	}
	return c
}

// markCards draws each card's mark in the interface's colours (Glamour draws a quote like any
// other), and marks the cards of the labs the learner passed: ✓ in place of ▶.
func (r *readerModel) markCards() {
	if r.lesson == nil {
		return
	}
	p := r.c.prog.Progress()
	for i, at := range r.cards.at {
		if at >= len(r.lines) || i >= len(r.lesson.Labs) {
			break
		}
		mark := r.c.st.CallToAction.Render(lessons.CardMark)
		if _, passed := p.LabPassed(r.lesson.ID, r.lesson.Labs[i].ID); passed {
			mark = r.c.st.Passed.Render(strings.Replace(lessons.CardMark, "▶", "✓", 1))
		}
		r.lines[at] = strings.Replace(r.cards.text[i], lessons.CardMark, mark, 1)
	}
}

// openLab opens the lab nearest the view: of the cards on screen, the highest; with none on
// screen, the nearest above or below. Before the lesson is drawn (or without cards found) the
// first lab opens.
func (r *readerModel) openLab() {
	labs := r.lesson.Labs
	if len(labs) == 0 {
		r.c.setFlash("This lesson has no lab.", false)
		return
	}
	best, dist := 0, -1
	top, bottom := r.scroll.offset, r.scroll.offset+r.scroll.height-1
	cards := r.cards.at[:min(len(r.cards.at), len(labs))]
	if !r.ready {
		cards = nil
	}
	for i, at := range cards {
		d := 0
		switch {
		case at < top:
			d = top - at
		case at > bottom:
			d = at - bottom
		}
		if dist < 0 || d < dist {
			best, dist = i, d
		}
	}
	r.c.goTo(openLabMsg{index: r.index, lab: labs[best].ID, fromReader: true})
}

// labsCell is what the outline shows of lesson i's labs after its title: "lab" while one is
// to do, "lab ✓" once passed ("labs 1/2", "labs ✓" for several); empty without labs.
func (c *common) labsCell(i int) seg {
	n := len(c.info.Lessons[i].Labs)
	if n == 0 {
		return seg{}
	}
	passed := c.info.LabsPassed(c.prog.Progress(), i)
	word := "lab"
	if n > 1 {
		word = "labs"
	}
	switch {
	case passed == n:
		return seg{"  " + word + " ✓", c.st.Passed}
	case n > 1:
		return seg{fmt.Sprintf("  %s %d/%d", word, passed, n), c.st.Subtle}
	}
	return seg{"  " + word, c.st.Subtle}
}
