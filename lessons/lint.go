package lessons

import (
	"fmt"
	"html"
	"path"
	"strings"
	"unicode/utf8"
)

// Authoring lints: warnings about quizzes that a learner can pass by test-wiseness rather than
// knowledge. Some need the whole course, so they run after every lesson is parsed.

const (
	// longChoiceRatio: a right choice more than this many times as long as every other choice
	// gives itself away.
	longChoiceRatio = 1.5
	// maxLongestRightShare: the right choice may be the longest in at most this share of a
	// course's single-choice questions. With four choices, chance is about a quarter.
	maxLongestRightShare = 0.40
	// maxShortestRightShare: the same bound the other way round, once authors trim their right
	// choices: a learner who always picks the shortest must not do much better than chance either.
	maxShortestRightShare = 0.40
	// minSingleForShare and minMultipleForCount: below these counts a pattern is chance, not
	// a habit a learner could pick up, so the course-level lints stay quiet.
	minSingleForShare   = 5
	minMultipleForCount = 3
)

// quizTally counts what the course-level lints look at.
type quizTally struct {
	singles, longestRight, shortestRight int
	multiples                            int
	rightCounts                          map[int]bool // numbers of right answers seen in multiple-select questions
	lastRightCount                       int
}

// lintCourse returns the authoring warnings for a loaded course. source names the course folder;
// course-level warnings point at its manifest.
func lintCourse(c *Course, source string) Problems {
	var probs Problems
	tally := quizTally{rightCounts: map[int]bool{}}
	for _, l := range c.Lessons {
		for _, q := range l.Quiz {
			switch q.Kind {
			case SingleChoice:
				if p, ok := tally.addSingle(q); ok {
					p.Path = l.Path
					probs = append(probs, p)
				}
			case MultipleSelect:
				tally.addMultiple(q)
			}
		}
	}
	return append(probs, tally.courseWarnings(path.Join(source, ManifestName))...)
}

// addSingle counts a single-choice question and returns a warning (without its path) when its
// right choice is far longer than every other choice.
func (t *quizTally) addSingle(q *Question) (Problem, bool) {
	right, others, ok := splitChoiceLengths(q)
	if !ok {
		return Problem{}, false
	}
	t.singles++
	longestOther := maxOf(others)
	if right > longestOther {
		t.longestRight++
	}
	if right < minOf(others) {
		t.shortestRight++
	}
	if float64(right) <= longChoiceRatio*float64(longestOther) {
		return Problem{}, false
	}
	return Problem{Line: q.Line, Col: 1, Severity: Warning,
		Message: fmt.Sprintf("the right choice is %d characters, more than %.1fx every other choice (longest %d): learners can pick it by its length; shorten it or make the others as specific",
			right, longChoiceRatio, longestOther)}, true
}

func (t *quizTally) addMultiple(q *Question) {
	n := 0
	for _, ch := range q.Choices {
		if ch.Correct {
			n++
		}
	}
	t.multiples++
	t.rightCounts[n] = true
	t.lastRightCount = n
}

// courseWarnings reports the patterns that only show across many questions.
func (t *quizTally) courseWarnings(manifest string) Problems {
	var probs Problems
	warn := func(format string, args ...any) {
		probs = append(probs, Problem{Path: manifest, Line: 1, Col: 1, Severity: Warning, Message: fmt.Sprintf(format, args...)})
	}
	// The right choice standing out by its length, either way, is one pattern with one message.
	for _, tell := range []struct {
		which string
		count int
		limit float64
	}{{"longest", t.longestRight, maxLongestRightShare}, {"shortest", t.shortestRight, maxShortestRightShare}} {
		if t.singles >= minSingleForShare && float64(tell.count) > tell.limit*float64(t.singles) {
			warn("the right choice is the %[1]s in %[2]d of %[3]d single-choice questions (%[4]d%%), more than %[5]d%%: learners learn to pick the %[1]s; vary which choice is %[1]s",
				tell.which, tell.count, t.singles, percent(tell.count, t.singles), int(tell.limit*100))
		}
	}
	if t.multiples >= minMultipleForCount && len(t.rightCounts) == 1 {
		warn("all %d multiple-select questions have exactly %d right answers: learners learn to pick %d; vary the number of right answers",
			t.multiples, t.lastRightCount, t.lastRightCount)
	}
	return probs
}

// splitChoiceLengths returns the length of a single-choice question's one right choice and the
// lengths of the others; ok is false when the question does not have exactly one right choice
// and at least one other (the parser reports those questions as errors).
func splitChoiceLengths(q *Question) (right int, others []int, ok bool) {
	found := 0
	for _, ch := range q.Choices {
		n := choiceLength(ch.Text)
		if ch.Correct {
			right = n
			found++
		} else {
			others = append(others, n)
		}
	}
	return right, others, found == 1 && len(others) > 0
}

// choiceLength is a choice's length as the learner sees it: characters, not bytes, without
// the backticks of code spans, which the reader does not show, and with a character reference
// (&amp;, &#8364;) outside code spans counted as the one character it shows.
func choiceLength(text string) int {
	n := 0
	for i, part := range strings.Split(strings.TrimSpace(text), "`") {
		if i%2 == 0 { // outside a code span, where CommonMark decodes references
			part = html.UnescapeString(part)
		}
		n += utf8.RuneCountInString(part)
	}
	return n
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// minOf is the smallest of xs, which must not be empty.
func minOf(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		m = min(m, x)
	}
	return m
}

func percent(n, of int) int {
	return int(100*float64(n)/float64(of) + 0.5)
}
