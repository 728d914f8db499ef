package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// burst is what Bubble Tea sends for printable keys read together: one message with every rune
// (a held key, keys typed while the program was busy, keys sent together over SSH). The
// reliability review held j down during a half-second stall: 50 presses moved nothing.
func burst(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestKeyBurstActsAsSeparatePresses(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	first := d.body()
	d.send(burst("jjjjj"))
	d.requireScrolledBy(first, 5)
	d.send(burst("kk"))
	d.requireScrolledBy(first, 3)

	// A burst that changes screens: G goes to the end, t opens the quiz, 2 chooses there.
	d.send(burst("Gt2"))
	d.requireScreen("Quiz")
	d.requireView("Question 1 of 4", "› (•) 2  It turns inputs into outputs")
}

func TestKeyBurstTicksSeveralChoices(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "2", "enter", "enter")
	d.requireView("Question 3 of 4 · select all that apply")
	d.send(burst("12")) // the end-to-end test types these quickly: they may come together
	d.requireView("[x] 1  Serving it behind an API", "[x] 2  Watching")
	d.keys("enter")
	d.requireView("✓ Correct!")
}

func TestKeyBurstIntoATextField(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	first := d.body()
	// / opens the search field: the rest of the burst is the query, not j presses.
	d.send(burst("/jj"))
	d.requireScrolledBy(first, 0)
	if !d.m.active().typing() || d.m.screens[readerScreen].(*readerModel).search.input.Value() != "jj" {
		t.Fatalf("the search field does not hold the rest of the burst:\n%s", d.view())
	}
}

func TestPasteIsTextNotKeys(t *testing.T) {
	d := newDriver(t, testCourse(t), nil, 80, 24)
	d.keys("enter")
	first := d.body()
	paste := burst("jjjjjG")
	paste.Paste = true
	d.send(paste)
	d.requireScrolledBy(first, 0) // a paste outside a text field is not a row of commands
	d.rejectView("100%")

	d.keys("t", "2", "enter", "enter", "2", "enter", "enter", "1", "2", "enter", "enter")
	d.requireView("Question 4 of 4", "Your answer:")
	d.send(burst("training")) // typed quickly into the answer field: text
	paste = burst(" data")
	paste.Paste = true
	d.send(paste)
	d.keys("enter")
	d.requireView("Your answer: training data ✓")
}
