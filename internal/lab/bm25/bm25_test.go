package bm25

import (
	"math"
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	got := Tokenize("What does Recall at k, p95 and the PSI measure?")
	want := []string{"recall", "k", "p95", "psi", "measure"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
}

// TestScoreByHand checks BM25 on three passages against values worked out by hand
// (k1 = 1.2, b = 0.75, average length 10/3), and against the same formula in Python.
//
//	idf(psi)   = ln(1 + (3−2+0.5)/(2+0.5)) = ln 1.6   = 0.4700036292
//	idf(drift) = ln(1 + (3−1+0.5)/(1+0.5)) = ln(8/3) = 0.9808292530
//	passage 0, length 3: norm = 1.2·(0.25 + 0.75·3/(10/3)) = 1.11;
//	  each term tf 1: 2.2/(1+1.11) = 1.0426540284; score = (0.4700036 + 0.9808293)·1.0426540 = 1.5127167493
//	passage 1, length 5: norm = 1.2·(0.25 + 0.75·1.5) = 1.65;
//	  psi tf 2: 2·2.2/(2+1.65) = 1.2054794521; score = 0.4700036·1.2054795 = 0.5665797174
//	passage 2 shares no term: 0.
func TestScoreByHand(t *testing.T) {
	ix := New([][]string{{"drift", "alert", "psi"}, {"psi", "psi", "bins", "reference", "week"}, {"latency", "batch"}})
	if got := ix.IDF("psi"); math.Abs(got-0.47000362924573563) > 1e-12 {
		t.Errorf("IDF(psi) = %v", got)
	}
	if got := ix.IDF("drift"); math.Abs(got-0.9808292530117263) > 1e-12 {
		t.Errorf("IDF(drift) = %v", got)
	}
	query := []string{"psi", "drift", "psi"} // a repeated query term counts once
	want := []float64{1.5127167492731832, 0.5665797174469143, 0}
	for p, w := range want {
		if got := ix.Score(query, p); math.Abs(got-w) > 1e-12 {
			t.Errorf("Score(passage %d) = %v, want %v", p, got, w)
		}
	}
	hits := ix.Top(query, 5)
	if len(hits) != 2 || hits[0].Passage != 0 || hits[1].Passage != 1 {
		t.Errorf("Top = %+v, want passages 0 then 1 and nothing that scores 0", hits)
	}
	if hits := ix.Top(query, 1); len(hits) != 1 {
		t.Errorf("Top(k=1) returned %d hits", len(hits))
	}
}

func TestTiesKeepOrder(t *testing.T) {
	ix := New([][]string{{"a1", "x"}, {"a1", "y"}, {"a1", "z"}})
	hits := ix.Top([]string{"a1"}, 3)
	for i, h := range hits {
		if h.Passage != i {
			t.Fatalf("equal scores reordered: %+v", hits)
		}
	}
}
