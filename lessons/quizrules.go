package lessons

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// This file reads and checks what a quiz adds to plain questions: numeric answers, a lesson's
// question pool (draw:) and the course's partial credit.

// kindName names a question kind in problems.
func kindName(k Kind) string {
	switch k {
	case ShortAnswer:
		return "short-answer"
	case Numeric:
		return "numeric"
	case MultipleSelect:
		return "multiple-select"
	case TrueFalse:
		return "true/false"
	}
	return "single-choice"
}

// readNumbers reads a numeric question's accepted answers (its checked list items) as numbers,
// reporting each one that is not a number, a tolerance or a range where it is written.
func (p *lessonParser) readNumbers(q *Question, list *ast.List) {
	if list == nil {
		return
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil {
			continue
		}
		box, _ := first.FirstChild().(*east.TaskCheckBox)
		if box == nil || !box.IsChecked {
			continue
		}
		r, err := ParseNumberRange(p.inlineAfter(box))
		if err != nil {
			line, col := p.posOf(first)
			p.pl.errorf(line, col, "%v", err)
			continue
		}
		q.Numbers = append(q.Numbers, r)
	}
}

// checkDraw checks a lesson's draw: against its quiz, once the quiz is read.
func checkDraw(l *Lesson, keys map[string]yamlEntry, pl *problemList) {
	k, ok := keys["draw"]
	if !ok {
		return
	}
	line, col := k.Key.Line+1, k.Key.Column
	switch {
	case l.Draw < 0:
		pl.errorf(line, col, "draw must not be negative")
	case len(l.Quiz) == 0:
		pl.errorf(line, col, "draw: %d, but the lesson has no quiz to draw questions from", l.Draw)
	case l.Draw > len(l.Quiz):
		pl.errorf(line, col, "draw: %d is more than the %d %s of the quiz: lower it or add questions",
			l.Draw, len(l.Quiz), plural(len(l.Quiz), "question", "questions"))
	}
}

// applyPartialCredit gives the course's multiple-select questions partial credit when its
// manifest asks for it.
func applyPartialCredit(c *Course) {
	for _, l := range c.Lessons {
		for _, q := range l.Quiz {
			q.PartialCredit = c.PartialCredit && q.Kind == MultipleSelect
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
