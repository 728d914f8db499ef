package tui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/lessons"
)

// This file is how a choice is picked by its number, two digits from the tenth choice on: 1
// picks choice 1 at once, and a 0 to 9 typed right after it makes the 1 the first digit of 10
// to 19 instead. Choices 1 to 9 stay one key each, as in every other question.

// twoDigitWindow is how soon the second digit of a choice number must follow the first. Typed
// later, a digit is a number of its own: a learner who typed 1, looked, and then typed 2 meant
// choice 2.
const twoDigitWindow = time.Second

// firstDigit is a digit just typed that may begin a two-digit choice number.
type firstDigit struct {
	d       int       // the digit, 1 to 9; 0 when none is pending
	at      time.Time // when it was typed
	toggled bool      // it ticked or unticked its choice (multiple select): a second digit undoes that
}

// typedNumber reads a choice number typed as one key, or as two digits that arrived together.
func typedNumber(km tea.KeyMsg) (int, bool) {
	if km.Type != tea.KeyRunes || km.Alt || len(km.Runes) == 0 || len(km.Runes) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(string(km.Runes))
	return n, err == nil && n >= 0
}

// pickNumber picks the choice shown with the number typed: one digit, or the second digit of
// a two-digit number begun just before (twoDigitWindow).
func (z *quizModel) pickNumber(num int) {
	n, now, first := len(z.order), z.c.opts.Now(), z.digit
	z.digit = firstDigit{}
	if num < 10 && first.d > 0 && now.Sub(first.at) < twoDigitWindow && first.d*10+num <= n {
		if first.toggled {
			z.picked[z.order[first.d-1]] = !z.picked[z.order[first.d-1]]
		}
		num = first.d*10 + num
	}
	switch {
	case num == 0 && n >= 10:
		z.c.setFlash(fmt.Sprintf("Choices are numbered from 1. Type 10 to %d as two digits in a row (1 then 0).", n), false)
		return
	case num == 0:
		z.c.setFlash(fmt.Sprintf("Choices are numbered 1 to %d.", n), false)
		return
	}
	if !z.choose(num - 1) {
		return
	}
	if num < 10 && num*10 <= n {
		z.digit = firstDigit{d: num, at: now, toggled: z.question().Kind == lessons.MultipleSelect}
	}
}

// pickKeys names the number keys of the current question for its help: "1-3", or "1-12" for
// twelve choices (10 to 12 typed as two digits).
func (z *quizModel) pickKeys() key.Binding {
	n := len(z.order)
	if n < 10 {
		return firstKeys(z.c.keys.Choose, n)
	}
	b := z.c.keys.Choose
	b.SetKeys("1", strconv.Itoa(n))
	return b
}
