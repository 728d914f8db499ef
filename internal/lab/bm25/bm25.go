// Package bm25 ranks passages for a query with Okapi BM25, the lexical scoring behind most
// search engines: no model to download, and every score can be worked out by hand.
package bm25

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Defaults for the two BM25 constants: k1 saturates repeated words, b normalises length.
const (
	DefaultK1 = 1.2
	DefaultB  = 0.75
)

// stopWords are dropped from queries and passages: they match everywhere and rank nothing.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be but by can do does for from has have how i if in
		into is it its of on or so such than that the their them then there these they this to was
		we what when where which who why will with would you your should my me our`) {
		stopWords[w] = true
	}
}

// Tokenize lower-cases text and splits it into runs of letters and digits, dropping stop
// words: "Recall at k, p95!" gives [recall k p95].
func Tokenize(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := words[:0]
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// Index holds the statistics BM25 needs about a set of passages.
type Index struct {
	K1, B  float64
	tf     []map[string]int // term counts per passage
	length []int
	df     map[string]int // passages containing each term
	avgLen float64
}

// New indexes passages given as token lists, with the default constants.
func New(passages [][]string) *Index {
	ix := &Index{K1: DefaultK1, B: DefaultB, df: map[string]int{}}
	total := 0
	for _, toks := range passages {
		tf := map[string]int{}
		for _, t := range toks {
			tf[t]++
		}
		for t := range tf {
			ix.df[t]++
		}
		ix.tf = append(ix.tf, tf)
		ix.length = append(ix.length, len(toks))
		total += len(toks)
	}
	if len(passages) > 0 {
		ix.avgLen = float64(total) / float64(len(passages))
	}
	return ix
}

// IDF is a term's inverse document frequency, ln(1 + (N − n + ½)/(n + ½)) for N passages of
// which n contain it: the variant Lucene uses, never negative.
func (ix *Index) IDF(term string) float64 {
	n, total := float64(ix.df[term]), float64(len(ix.tf))
	return math.Log(1 + (total-n+0.5)/(n+0.5))
}

// Score is passage p's BM25 score for the query: over the query's distinct terms,
// IDF · tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)).
func (ix *Index) Score(query []string, p int) float64 {
	norm := ix.K1 * (1 - ix.B + ix.B*float64(ix.length[p])/ix.avgLen)
	score := 0.0
	seen := map[string]bool{}
	for _, t := range query {
		if seen[t] {
			continue
		}
		seen[t] = true
		if tf := float64(ix.tf[p][t]); tf > 0 {
			score += ix.IDF(t) * tf * (ix.K1 + 1) / (tf + norm)
		}
	}
	return score
}

// Hit is one ranked passage.
type Hit struct {
	Passage int
	Score   float64
}

// Top returns the k best-scoring passages with a score above zero, best first; equal scores
// keep the passages' order.
func (ix *Index) Top(query []string, k int) []Hit {
	var hits []Hit
	for p := range ix.tf {
		if s := ix.Score(query, p); s > 0 {
			hits = append(hits, Hit{Passage: p, Score: s})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits
}
