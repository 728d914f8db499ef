// Package retrieval is the lab where the learner tunes retrieval for a RAG system: a small
// embedded document set is cut into chunks, ranked for labelled questions with BM25, and
// chunk size and top-k trade recall against the words put in the prompt.
package retrieval

import (
	"fmt"
	"strings"

	"github.com/aieng/aieng/internal/lab/bm25"
	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/ml"
)

// maxK is the most chunks the top-k knob retrieves; rankings are kept that deep.
const maxK = 10

// Def is the retrieval kind.
var Def = &kind.Def{
	Name: "retrieval",
	Summary: "Tune retrieval for RAG: chunk size and top-k against recall@k and the words " +
		"sent to the model, with BM25 over a small document set.",
	Params: []kind.Param{
		kind.Seed(),
		{Name: "questions", Type: kind.Int, Default: 0, Min: 0, Max: 1000, Doc: "labelled questions asked, drawn at random with the seed (0: all of them)"},
		{Name: "overlap", Type: kind.Int, Default: 0, Min: 0, Max: 100, Doc: "words each chunk repeats from the one before"},
	},
	Knobs: []kind.Knob{
		{Name: "chunk_words", Label: "chunk size", Doc: "words per chunk", Min: 20, Max: 300, Step: 10, Start: 40},
		{Name: "top_k", Label: "top-k", Doc: "chunks retrieved per question", Min: 1, Max: maxK, Step: 1, Start: 2},
		{Name: "question", Label: "question", Doc: "the question whose passages are shown", Min: 1, Max: 1000, Step: 1, Start: 1},
	},
	Metrics: []kind.Metric{
		{Name: "recall", Label: "recall@k", Doc: "share of questions with a chunk holding the answer among the top k (recall@k)", Min: 0, Max: 1},
		{Name: "mrr", Label: "mean reciprocal rank", Doc: "mean reciprocal rank of the first chunk holding the answer (0 beyond the top 10)", Min: 0, Max: 1},
		{Name: "context_words", Label: "context words per question", Doc: "words retrieved per question on average: what the prompt must carry", Min: 0, Max: 3000},
		{Name: "chunks", Label: "chunks in the index", Doc: "chunks in the index", Min: 1, Max: 100000, Integer: true},
	},
	DefaultGoal: "recall >= 0.90 and context_words <= 150",
	Check:       check,
	Open:        open,
}

func check(p kind.Params) []kind.Issue {
	if p.Int("overlap") >= p.Int("chunk_words") {
		return []kind.Issue{{Param: "overlap", Message: fmt.Sprintf("overlap %d must be smaller than the starting chunk size %d", p.Int("overlap"), p.Int("chunk_words"))}}
	}
	return nil
}

// lab is an open retrieval lab; each chunk size is indexed and ranked the first time it is set.
type lab struct {
	docs      []document
	questions []question
	overlap   int
	chunk, k  int
	current   int // the question shown, from 0
	rankings  map[int]*ranking
}

func open(p kind.Params) (kind.Experiment, error) {
	docs, qs, err := loadCorpus()
	if err != nil {
		return nil, err
	}
	if n := p.Int("questions"); n > 0 && n < len(qs) {
		rng := ml.NewRand(uint64(p.Int("seed")))
		picked := make([]question, n)
		for i, j := range rng.Perm(len(qs))[:n] {
			picked[i] = qs[j]
		}
		qs = picked
	}
	l := &lab{docs: docs, questions: qs, overlap: p.Int("overlap"), rankings: map[int]*ranking{}}
	l.chunk, l.k = p.Int("chunk_words"), p.Int("top_k")
	l.current = min(p.Int("question"), len(qs)) - 1
	l.ranked()
	return l, nil
}

func (l *lab) Knobs() []kind.Knob {
	ks := append([]kind.Knob(nil), Def.Knobs...)
	ks[0].Min = max(ks[0].Min, float64(l.overlap+10))
	ks[2].Max = float64(len(l.questions))
	ks[2].Start = min(ks[2].Start, ks[2].Max)
	return ks
}

func (l *lab) Set(knob string, v float64) {
	switch knob {
	case "chunk_words":
		l.chunk = int(v)
		l.ranked()
	case "top_k":
		l.k = int(v)
	case "question":
		l.current = int(v) - 1
	}
}

func (l *lab) Values() map[string]float64 {
	r := l.ranked()
	hits, words, rr := 0, 0, 0.0
	for qi := range l.questions {
		if first := r.firstRelevant[qi]; first >= 0 {
			rr += 1 / float64(first+1)
			if first < l.k {
				hits++
			}
		}
		for _, c := range r.top[qi][:min(l.k, len(r.top[qi]))] {
			words += len(r.chunks[c].words)
		}
	}
	n := float64(len(l.questions))
	return map[string]float64{
		"chunk_words": float64(l.chunk), "top_k": float64(l.k), "question": float64(l.current + 1),
		"recall": float64(hits) / n, "mrr": rr / n, "context_words": float64(words) / n,
		"chunks": float64(len(r.chunks)),
	}
}

// chunk is a run of words from one document.
type chunk struct {
	doc      int
	from, to int // word positions in the document
	words    []string
}

// ranking is every question's top chunks for one chunk size.
type ranking struct {
	chunks        []chunk
	top           [][]int // per question, chunk indices best first
	firstRelevant []int   // per question, the rank (from 0) of the first chunk holding the answer, -1 if none in the top maxK
}

func (l *lab) ranked() *ranking {
	if r, ok := l.rankings[l.chunk]; ok {
		return r
	}
	r := &ranking{}
	stride := l.chunk - l.overlap
	for di, d := range l.docs {
		for from := 0; from < len(d.words); from += stride {
			to := min(from+l.chunk, len(d.words))
			r.chunks = append(r.chunks, chunk{doc: di, from: from, to: to, words: d.words[from:to]})
			if to == len(d.words) {
				break
			}
		}
	}
	toks := make([][]string, len(r.chunks))
	for i, c := range r.chunks {
		toks[i] = bm25.Tokenize(strings.Join(c.words, " "))
	}
	ix := bm25.New(toks)
	for _, q := range l.questions {
		first := -1
		var top []int
		for rank, h := range ix.Top(bm25.Tokenize(q.text), maxK) {
			top = append(top, h.Passage)
			if first < 0 && holdsAnswer(r.chunks[h.Passage], q) {
				first = rank
			}
		}
		r.top = append(r.top, top)
		r.firstRelevant = append(r.firstRelevant, first)
	}
	l.rankings[l.chunk] = r
	return r
}

// holdsAnswer reports whether a chunk holds at least half of the question's evidence words.
func holdsAnswer(c chunk, q question) bool {
	if c.doc != q.doc {
		return false
	}
	overlap := min(c.to, q.to) - max(c.from, q.from)
	return 2*overlap >= q.to-q.from
}
