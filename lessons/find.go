package lessons

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// This file finds lessons for a query, as the outline's filter does: by the words of their
// titles first, then by their text, and only then by letters scattered through a title.

// Found is a lesson that matches a query.
type Found struct {
	Lesson int // index into the course's lessons
	// Title are the byte offsets of the title's matched characters (for highlighting); empty
	// when only the lesson's text matched.
	Title []int
	// Excerpt is the text around the first match in the lesson's text, when the title did not
	// match by its words.
	Excerpt string
	rank    findRank
}

type findRank int

const (
	rankTitleWords  findRank = iota // every word of the query starts a word of the title
	rankTitleInside                 // the query is inside the title
	rankText                        // the query starts a word of the lesson's text
	rankFuzzy                       // the query's letters appear in order in the title
)

// Find returns the lessons that match query, best first: those whose title has words starting
// with the query's words ("data" finds "Data management"), then those whose title holds it
// anywhere, then those whose text has a word starting with it (with an excerpt), then those
// whose title holds its letters in order. Ties keep course order. Case is ignored.
func (c *Course) Find(query string) []Found {
	q := strings.ToLower(strings.Join(strings.Fields(query), " "))
	if q == "" {
		return nil
	}
	found := make(map[int]Found, len(c.Lessons))
	for i, l := range c.Lessons {
		if f, ok := findInTitle(l.Title, q); ok {
			f.Lesson = i
			found[i] = f
		} else if excerpt, ok := findInText(l.Body, q); ok {
			found[i] = Found{Lesson: i, Excerpt: excerpt, rank: rankText}
		}
	}
	titles := make([]string, len(c.Lessons))
	for i, l := range c.Lessons {
		titles[i] = l.Title
	}
	for _, m := range fuzzy.Find(q, titles) {
		if _, ok := found[m.Index]; !ok {
			found[m.Index] = Found{Lesson: m.Index, Title: m.MatchedIndexes, rank: rankFuzzy}
		}
	}
	out := make([]Found, 0, len(found))
	for _, f := range found {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Found) int { return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.Lesson, b.Lesson)) })
	return out
}

// findInTitle matches a lower-case query against a title: by the starts of words, or inside.
func findInTitle(title, q string) (Found, bool) {
	lower := strings.ToLower(title)
	if len(lower) != len(title) {
		lower = title // a case change that changes lengths: offsets would not map back
	}
	var matched []int
	for _, word := range strings.Fields(q) {
		at := wordStart(lower, word)
		if at < 0 {
			matched = nil
			break
		}
		matched = appendRange(matched, at, len(word))
	}
	if matched != nil {
		slices.Sort(matched)
		return Found{Title: slices.Compact(matched), rank: rankTitleWords}, true
	}
	if at := strings.Index(lower, q); at >= 0 {
		return Found{Title: appendRange(nil, at, len(q)), rank: rankTitleInside}, true
	}
	return Found{}, false
}

func appendRange(out []int, at, n int) []int {
	for i := at; i < at+n; i++ {
		out = append(out, i)
	}
	return out
}

// wordStart is the byte offset of the first place in s where word starts a word (after a
// character that is not a letter or digit), or -1.
func wordStart(s, word string) int {
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		at := from + i
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		if at == 0 || !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			return at
		}
		from = at + 1
	}
	return -1
}

// findInText finds a lower-case query at the start of a word of a lesson's Markdown, and
// returns the text around it on one line, without the commonest inline markup.
func findInText(body, q string) (string, bool) {
	lower := strings.ToLower(body)
	if len(lower) != len(body) {
		return "", false
	}
	at := wordStart(lower, q)
	if at < 0 {
		return "", false
	}
	const before, after = 30, 50
	start := max(strings.LastIndex(body[:at], "\n")+1, at-before)
	end := len(body)
	if nl := strings.IndexByte(body[at:], '\n'); nl >= 0 {
		end = at + nl
	}
	end = min(end, at+len(q)+after)
	for start > 0 && !utf8.RuneStart(body[start]) {
		start++
	}
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end--
	}
	plain := strings.NewReplacer("**", "", "__", "", "`", "").Replace(strings.Trim(body[start:end], "#*_`>|- "))
	excerpt := strings.Join(strings.Fields(plain), " ")
	if start > 0 && body[start-1] != '\n' {
		excerpt = "…" + excerpt
	}
	if end < len(body) && body[end] != '\n' {
		excerpt += "…"
	}
	return excerpt, true
}
