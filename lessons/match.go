package lessons

import (
	"strings"
	"unicode"

	"github.com/hbollon/go-edlib"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// This file judges a typed short answer against the accepted ones (docs/authoring.md, "How
// short answers are compared"). A learner who knows the answer should not fail on how a
// keyboard, an editor or a habit spells it:
//
//  1. Both sides are compared in Unicode NFC, case-folded ("Grüße", a decomposed "Grüße" and
//     "GRÜSSE" are one word), with hyphens, underscores, dashes and runs of space alike, and
//     space, punctuation and symbols at either end left out.
//  2. A trailing abbreviation in brackets, "(RAG)", may be given or left out on either side.
//  3. Unless the question says {exact=true}: spaces between words may be missing or extra, and
//     a few typos are forgiven, one in answers of 5 or more letters and two in answers of 10 or
//     more (Damerau-Levenshtein: a letter added, dropped, changed, or two swapped). The learner
//     is told the accepted spelling. Digits are never forgiven: "61" is not "60".

// Verdict is how a typed answer was judged.
type Verdict struct {
	Correct bool
	// AcceptedAs is the accepted answer a right answer was taken for when it is spelt
	// differently (rule 3), for the learner to see the spelling; "" otherwise.
	AcceptedAs string
}

// JudgeText judges a typed answer to a short-answer or numeric question.
func (q *Question) JudgeText(typed string) Verdict {
	switch q.Kind {
	case ShortAnswer:
		return judgeShort(typed, q.Accepted, q.Exact)
	case Numeric:
		return Verdict{Correct: q.acceptsNumber(typed)}
	}
	return Verdict{}
}

// CheckText reports whether a typed answer to a short-answer or numeric question is right.
func (q *Question) CheckText(answer string) bool { return q.JudgeText(answer).Correct }

func judgeShort(typed string, accepted []string, exact bool) Verdict {
	got := normalizeAnswer(typed)
	if got == "" {
		return Verdict{}
	}
	for _, a := range accepted {
		if sameAnswer(got, normalizeAnswer(a)) {
			return Verdict{Correct: true}
		}
	}
	if exact {
		return Verdict{}
	}
	best, bestDist := "", -1
	for _, a := range accepted {
		for _, want := range answerForms(normalizeAnswer(a)) {
			for _, have := range answerForms(got) {
				d, ok := typos(have, want)
				if ok && (bestDist < 0 || d < bestDist) {
					best, bestDist = a, d
				}
			}
		}
	}
	if bestDist < 0 {
		return Verdict{}
	}
	return Verdict{Correct: true, AcceptedAs: best}
}

// sameAnswer compares two normalised answers, with or without a trailing "(abbreviation)".
func sameAnswer(got, want string) bool {
	for _, w := range answerForms(want) {
		for _, g := range answerForms(got) {
			if g == w {
				return true
			}
		}
	}
	return false
}

// answerForms are a normalised answer as it is, and without a trailing bracketed part
// ("retrieval augmented generation (rag)" also reads "retrieval augmented generation"). The
// bracket must follow a space, so "f(x)" stays whole.
func answerForms(s string) []string {
	if !strings.HasSuffix(s, ")") {
		return []string{s}
	}
	i := strings.LastIndex(s, " (")
	if i <= 0 {
		return []string{s}
	}
	return []string{s, strings.TrimSpace(s[:i])}
}

// typos returns the number of typos between a typed and an accepted answer, both normalised,
// and whether that many are forgiven in the accepted answer. Spaces are left out first, so a
// missing or an extra space costs nothing.
func typos(have, want string) (int, bool) {
	h, w := strings.ReplaceAll(have, " ", ""), strings.ReplaceAll(want, " ", "")
	if h == "" || digitsOf(h) != digitsOf(w) {
		return 0, false
	}
	d := edlib.OSADamerauLevenshteinDistance(h, w)
	return d, d <= forgivenTypos(w)
}

// forgivenTypos is how many typos an accepted answer forgives, by its number of letters.
func forgivenTypos(answer string) int {
	letters := 0
	for _, r := range answer {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case letters >= 10:
		return 2
	case letters >= 5:
		return 1
	}
	return 0
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// foldCase folds case fully ("ß" and "SS" alike). A cases.Caser keeps state, so each use
// makes its own.
func foldCase(s string) string { return cases.Fold().String(s) }

// NormalizeAnswer is the form a typed answer is compared in (normalizeAnswer): answers with
// the same form are one answer to the judge, so a class report counts them as one.
func NormalizeAnswer(s string) string { return normalizeAnswer(s) }

// normalizeAnswer brings an answer to the form answers are compared in: NFC, case-folded,
// hyphens, underscores, dashes and whitespace turned to single spaces, and space, punctuation
// and symbols (Markdown's `code` backticks among them) trimmed from both ends, except the
// bracket that closes a trailing "(abbreviation)".
func normalizeAnswer(s string) string {
	s = foldCase(norm.NFC.String(s))
	s = strings.Map(func(r rune) rune {
		if r == '_' || unicode.Is(unicode.Pd, r) || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	trimmed := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }
	s = strings.TrimLeftFunc(s, trimmed)
	bracketed := strings.Contains(s, "(")
	s = strings.TrimRightFunc(s, func(r rune) bool { return !(r == ')' && bracketed) && trimmed(r) })
	return strings.Join(strings.Fields(s), " ")
}
