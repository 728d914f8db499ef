package retrieval

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/lab/labtest"
	"github.com/aieng/aieng/internal/lab/view"
)

func TestCorpusLoads(t *testing.T) {
	docs, qs, err := loadCorpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 14 || len(qs) != 42 {
		t.Errorf("%d documents, %d questions", len(docs), len(qs))
	}
	perDoc := map[int]int{}
	for _, q := range qs {
		perDoc[q.doc]++
		if q.to-q.from < 5 {
			t.Errorf("question %q: evidence of %d words is too short to place", q.text, q.to-q.from)
		}
	}
	for i, d := range docs {
		if perDoc[i] < 2 {
			t.Errorf("document %s has %d questions", d.id, perDoc[i])
		}
	}
}

func TestReproducibleForASeed(t *testing.T) {
	// All 42 questions, chunks of 40 words, top 2.
	labtest.Expect(t, labtest.Open(t, Def, nil).Values(), map[string]float64{
		"chunk_words": 40, "top_k": 2, "chunks": 70,
		"recall": 36.0 / 42, "context_words": 72.57142857142857, "mrr": 0.8095238095238095,
	})
	// The seed draws which questions are asked when only some are.
	a := labtest.Open(t, Def, map[string]any{"seed": 1, "questions": 20}).Values()
	b := labtest.Open(t, Def, map[string]any{"seed": 2, "questions": 20}).Values()
	labtest.Expect(t, a, map[string]float64{"recall": 0.9, "context_words": 69, "mrr": 0.8083333333333332})
	if !labtest.Differs(a, b, "recall", "context_words", "mrr") {
		t.Errorf("seeds 1 and 2 ask the same questions: %v", a)
	}
}

func TestChunksCoverEveryWord(t *testing.T) {
	for _, overlap := range []int{0, 10} {
		l := labtest.Open(t, Def, map[string]any{"overlap": overlap}).(*lab)
		for _, size := range []float64{20, 70, 300} {
			l.Set("chunk_words", size)
			r := l.ranked()
			for i, c := range r.chunks {
				if len(c.words) > int(size) || len(c.words) == 0 {
					t.Errorf("chunk of %d words with size %v", len(c.words), size)
				}
				first := i == 0 || r.chunks[i-1].doc != c.doc
				switch {
				case first && c.from != 0:
					t.Errorf("size %v: document %d starts at word %d", size, c.doc, c.from)
				case !first && c.from != r.chunks[i-1].to-overlap:
					t.Errorf("size %v overlap %d: chunk at %d follows one ending at %d", size, overlap, c.from, r.chunks[i-1].to)
				}
				last := i == len(r.chunks)-1 || r.chunks[i+1].doc != c.doc
				if last && c.to != len(l.docs[c.doc].words) {
					t.Errorf("size %v: document %d ends at word %d of %d", size, c.doc, c.to, len(l.docs[c.doc].words))
				}
			}
		}
	}
}

func TestBiggerChunksRaiseRecallAndCost(t *testing.T) {
	l := labtest.Open(t, Def, map[string]any{"top_k": 1})
	l.Set("chunk_words", 20)
	small := l.Values()
	l.Set("chunk_words", 300)
	whole := l.Values()
	if whole["recall"] <= small["recall"] || whole["context_words"] <= small["context_words"] {
		t.Errorf("20 words: %v\n300 words: %v", small, whole)
	}
	l.Set("top_k", 10)
	if v := l.Values(); v["recall"] != 1 {
		t.Errorf("whole documents, top 10: recall %v", v["recall"])
	}
}

func TestHoldsAnswer(t *testing.T) {
	q := question{doc: 1, from: 10, to: 20}
	cases := []struct {
		c    chunk
		want bool
	}{
		{chunk{doc: 1, from: 0, to: 15}, true},   // half the evidence
		{chunk{doc: 1, from: 0, to: 14}, false},  // less than half
		{chunk{doc: 1, from: 12, to: 40}, true},  // eight of ten words
		{chunk{doc: 0, from: 0, to: 100}, false}, // another document
	}
	for _, c := range cases {
		if got := holdsAnswer(c.c, q); got != c.want {
			t.Errorf("chunk %+v: %v", c.c, got)
		}
	}
}

func TestPassagesView(t *testing.T) {
	l := labtest.Open(t, Def, map[string]any{"question": 4, "top_k": 3}).(*lab)
	plain := lipgloss.NewRenderer(io.Discard) // no escape codes, whatever the environment forces
	plain.SetColorProfile(termenv.Ascii)
	out := l.passages(view.NewStyles(plain, false), 80, 10)
	if !strings.Contains(out, "Q4 Why is a refund column dangerous") || strings.Count(out, "leakage:") == 0 {
		t.Errorf("passages:\n%s", out)
	}
}
