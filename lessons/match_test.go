package lessons

import (
	"strings"
	"testing"
)

// TestJudgeShortAnswers is the table of the matching rules (match.go): each row is a typed
// answer against the accepted answers of a question, and how it must be judged. The rows from
// the reviews come first.
func TestJudgeShortAnswers(t *testing.T) {
	rag := []string{"Retrieval-augmented generation", "Retrieval-augmented generation (RAG)"}
	tests := []struct {
		name     string
		typed    string
		accepted []string
		exact    bool
		correct  bool
		spelling string // Verdict.AcceptedAs
	}{
		// learner finding 5: hyphens, the abbreviation, typos
		{"review: spaces for hyphens, with (RAG)", "Retrieval Augmented Generation (RAG)", rag, false, true, ""},
		{"review: spaces for hyphens", "retrieval augmented generation", rag, false, true, ""},
		{"review: (RAG) added to an answer without it", "Retrieval-augmented generation (RAG)", rag[:1], false, true, ""},
		{"review: (RAG) left out", "retrieval-augmented generation", rag[1:], false, true, ""},
		{"review: one letter dropped, space added", "Dumy Classifier", []string{"DummyClassifier"}, false, true, "DummyClassifier"},
		{"review: a shorter word is not a typo", "leak", []string{"data leak", "leakage"}, false, false, ""},
		{"review: case and surrounding punctuation", "  PRODUCTIONISING!! ", []string{"productionising"}, false, true, ""},
		{"review: Target-Leakage.", "Target-Leakage.", []string{"target leakage"}, false, true, ""},
		// instructor B5: Unicode
		{"review: decomposed ü (NFD)", "Gru\u0308ße", []string{"Grüße"}, false, true, ""},
		{"review: full case folding, ß as SS", "GRÜSSE", []string{"Grüße"}, false, true, ""},
		{"composed typed, decomposed accepted", "Grüße", []string{"Gru\u0308ße"}, false, true, ""},
		// separators
		{"underscore for space", "data_drift", []string{"data drift"}, false, true, ""},
		{"en dash for hyphen", "data–drift", []string{"data-drift"}, false, true, ""},
		{"runs of space", "data    drift", []string{"data drift"}, false, true, ""},
		{"code span backticks", "`DummyClassifier`", []string{"DummyClassifier"}, false, true, ""},
		{"inner punctuation other than hyphens counts as a typo", "data.drift", []string{"data drift"}, false, true, "data drift"},
		{"inner punctuation is not forgiven with exact", "data.drift", []string{"data drift"}, true, false, ""},
		// typos: 5+ letters forgive one, 10+ two
		{"one typo in 9 letters", "precison", []string{"precision"}, false, true, "precision"},
		{"two typos in 9 letters", "prcison", []string{"precision"}, false, false, ""},
		{"two typos in 13 letters", "halucinaton", []string{"hallucination"}, false, true, "hallucination"},
		{"three typos in 13 letters", "halucnaton", []string{"hallucination"}, false, false, ""},
		{"two letters swapped are one typo", "rceall", []string{"recall"}, false, true, "recall"},
		{"5 letters forgive one typo", "lable", []string{"label"}, false, true, "label"},
		{"5 letters forgive one swap", "drfit", []string{"drift"}, false, true, "drift"},
		{"4 letters forgive nothing", "dta", []string{"data"}, false, false, ""},
		{"under 5 letters: no typo", "fetaure", []string{"feat"}, false, false, ""},
		{"short word with a typo", "lbel", []string{"bel"}, false, false, ""},
		{"space missing in a two-word answer", "datadrift", []string{"data drift"}, false, true, "data drift"},
		{"{exact=true} turns typos off", "precison", []string{"precision"}, true, false, ""},
		{"{exact=true} still folds case and hyphens", "Data-Drift", []string{"data drift"}, true, true, ""},
		{"{exact=true} refuses a missing space", "datadrift", []string{"data drift"}, true, false, ""},
		// digits are never forgiven
		{"a different digit", "61 euros", []string{"60 euros"}, false, false, ""},
		{"a different number", "0.003", []string{"0.006"}, false, false, ""},
		{"the same number with a unit typo", "60 eruos", []string{"60 euros"}, false, true, "60 euros"},
		// wrong answers stay wrong
		{"another word of the same length", "weaker", []string{"stronger"}, false, false, ""},
		{"an antonym is not a typo", "above", []string{"below"}, false, false, ""},
		{"concept drift is not data drift", "concept drift", []string{"data drift", "covariate shift"}, false, false, ""},
		{"empty", "   ", []string{"a"}, false, false, ""},
		{"punctuation only", "...", []string{"a"}, false, false, ""},
		{"brackets inside a word stay", "f", []string{"f(x)"}, false, false, ""},
		{"the closest accepted spelling is named", "integrabel", []string{"integrable", "integrated"}, false, true, "integrable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := &Question{Kind: ShortAnswer, Accepted: tt.accepted, Exact: tt.exact}
			v := q.JudgeText(tt.typed)
			if v.Correct != tt.correct || v.AcceptedAs != tt.spelling {
				t.Errorf("%q against %q: got %+v, want correct %v, spelling %q", tt.typed, tt.accepted, v, tt.correct, tt.spelling)
			}
		})
	}
	if len(tests) < 30 {
		t.Fatalf("the table has %d rows; the rules need at least 30", len(tests))
	}
}

// TestJudgeOtherKinds: only typed questions are judged from text.
func TestJudgeOtherKinds(t *testing.T) {
	q := &Question{Kind: SingleChoice, Choices: []Choice{{Text: "a", Correct: true}, {Text: "b"}}}
	if q.JudgeText("a").Correct || q.CheckText("a") {
		t.Error("a choice question judged a typed answer")
	}
}

func TestNormalizeAnswerIsIdempotent(t *testing.T) {
	for _, s := range []string{"  Data—Drift!! ", "Retrieval-Augmented Generation (RAG).", "GRÜSSE", "(x)", "a) b"} {
		once := normalizeAnswer(s)
		if twice := normalizeAnswer(once); twice != once {
			t.Errorf("normalizeAnswer(%q) = %q, again %q", s, once, twice)
		}
		if strings.ContainsAny(once, "-_") {
			t.Errorf("normalizeAnswer(%q) = %q keeps a separator", s, once)
		}
	}
}
