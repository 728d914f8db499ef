package lessons

import "testing"

func TestRoundUpdate(t *testing.T) {
	v1 := []*Question{
		{ID: "a", Kind: SingleChoice, Hash: "h1", Explanation: "old", Choices: []Choice{{Text: "x", Correct: true}, {Text: "y"}}},
		{ID: "b", Kind: SingleChoice, Hash: "h2", Choices: []Choice{{Text: "x"}, {Text: "y", Correct: true}}},
		{ID: "c", Kind: ShortAnswer, Hash: "h3", Accepted: []string{"z"}, Hint: "It is z."},
	}
	round := NewRound(v1)
	round.Record(v1[0].AnswerChoices([]int{0}))
	round.Record(v1[1].AnswerChoices([]int{0}))
	round.UseHint()
	round.Record(v1[2].AnswerText("wrong"))
	if !round.OverrideLast() {
		t.Fatal("the short answer could not be overridden")
	}
	practice := round.RetryMissed()
	if practice == nil || len(practice.Questions()) != 1 {
		t.Fatalf("practice of the missed question: %+v", practice)
	}

	// A new explanation: the hash stays, the rounds carry over with the new version.
	v2 := &Lesson{Quiz: []*Question{cloneQuestion(v1[0]), cloneQuestion(v1[1]), cloneQuestion(v1[2])}}
	v2.Quiz[0].Explanation = "new"
	full, ok := round.Update(v2)
	if !ok {
		t.Fatal("an edit of an explanation did not carry the full round over")
	}
	res := full.Result(50)
	if last := res.Answers[2]; last.Question != v2.Quiz[2] || !last.Hinted || !last.Overridden || !last.Correct || last.Credit != 1 {
		t.Errorf("the overridden, hinted answer after the update: %+v", last)
	}
	if res.Correct != 2 || res.Answers[0].Question.Explanation != "new" || full.Practice() {
		t.Errorf("full round after the update: %+v", res)
	}
	next, ok := practice.Update(v2)
	if !ok || !next.Practice() {
		t.Fatal("an edit of an explanation did not carry the practice round over")
	}
	if q := next.Current(); q != v2.Quiz[1] {
		t.Errorf("practice asks %p, want the new version of b %p", q, v2.Quiz[1])
	}
	next.Record(v2.Quiz[1].AnswerChoices([]int{1}))
	if res := next.Result(100); res.Passed || res.Correct != 1 || res.Total != 1 || next.Number(v2.Quiz[1]) != 2 {
		t.Errorf("practice result after the update: %+v", res)
	}

	// A changed question, a new order, a question more or less: no carrying over.
	changed := &Lesson{Quiz: []*Question{cloneQuestion(v1[0]), cloneQuestion(v1[1]), cloneQuestion(v1[2])}}
	changed.Quiz[1].Hash = "h2b"
	added := &Lesson{Quiz: append([]*Question{{ID: "new", Hash: "h0"}}, v2.Quiz...)}
	for name, l := range map[string]*Lesson{
		"changed": changed, "reordered": {Quiz: []*Question{v2.Quiz[1], v2.Quiz[0], v2.Quiz[2]}},
		"shorter": {Quiz: v2.Quiz[:2]}, "a question added": added,
	} {
		if _, ok := round.Update(l); ok {
			t.Errorf("%s quiz: the round carried over", name)
		}
	}
	// From a pool: the questions drawn must all still be there, as many as the lesson draws.
	if _, ok := round.Update(&Lesson{Quiz: added.Quiz, Draw: 3}); !ok {
		t.Error("a question added to a pool the attempt was drawn from: the round did not carry over")
	}
	if _, ok := round.Update(&Lesson{Quiz: added.Quiz, Draw: 2}); ok {
		t.Error("the lesson draws fewer questions now: the round carried over")
	}
}

// TestRecheckFollowsTheRules: an answer checked again follows the question's rules now (partial
// credit turned on in the manifest) and loses an override that no longer applies.
func TestRecheckFollowsTheRules(t *testing.T) {
	q := &Question{ID: "m", Kind: MultipleSelect, Choices: []Choice{{Text: "a", Correct: true}, {Text: "b", Correct: true}, {Text: "c"}}}
	a := q.AnswerChoices([]int{0})
	if a.Credit != 0 {
		t.Fatalf("credit without partial credit: %v", a.Credit)
	}
	partial := cloneQuestion(q)
	partial.PartialCredit = true
	if b := a.Recheck(partial); b.Credit != 0.5 || b.Correct || b.Question != partial {
		t.Errorf("rechecked with partial credit: %+v", b)
	}
	s := &Question{ID: "s", Kind: ShortAnswer, Accepted: []string{"drift"}}
	over := s.AnswerText("shift")
	over.Overridden, over.Correct, over.Credit = true, true, 1
	fixed := cloneQuestion(s)
	fixed.Accepted = []string{"drift", "shift"}
	if b := over.Recheck(fixed); !b.Correct || b.Overridden {
		t.Errorf("an override of an answer now accepted: %+v, want right on its own", b)
	}
}

func cloneQuestion(q *Question) *Question {
	c := *q
	return &c
}
