package lessons

import "testing"

func TestRoundUpdate(t *testing.T) {
	v1 := []*Question{
		{ID: "a", Kind: SingleChoice, Hash: "h1", Explanation: "old", Choices: []Choice{{Text: "x", Correct: true}, {Text: "y"}}},
		{ID: "b", Kind: SingleChoice, Hash: "h2", Choices: []Choice{{Text: "x"}, {Text: "y", Correct: true}}},
		{ID: "c", Kind: ShortAnswer, Hash: "h3", Accepted: []string{"z"}},
	}
	round := NewRound(v1)
	round.Record(v1[0].AnswerChoices([]int{0}))
	round.Record(v1[1].AnswerChoices([]int{0}))
	round.Record(v1[2].AnswerText("z"))
	retry := round.RetryMissed()
	if retry == nil || len(retry.Questions()) != 1 {
		t.Fatalf("retry of the missed question: %+v", retry)
	}

	// A new explanation: the hash stays, the round carries over with the new version.
	v2 := []*Question{cloneQuestion(v1[0]), cloneQuestion(v1[1]), cloneQuestion(v1[2])}
	v2[0].Explanation = "new"
	next, ok := retry.Update(v2)
	if !ok {
		t.Fatal("an edit of an explanation did not carry the round over")
	}
	if q := next.Current(); q != v2[1] {
		t.Errorf("the retry asks %p, want the new version of b %p", q, v2[1])
	}
	next.Record(v2[1].AnswerChoices([]int{1}))
	res := next.Result(100)
	if !res.Passed || res.Correct != 3 || res.Answers[0].Question != v2[0] || res.Answers[0].Question.Explanation != "new" {
		t.Errorf("result after the update: %+v", res)
	}

	// A changed question, a new order or a new length: no carrying over.
	changed := []*Question{cloneQuestion(v1[0]), cloneQuestion(v1[1]), cloneQuestion(v1[2])}
	changed[1].Hash = "h2b"
	for name, quiz := range map[string][]*Question{
		"changed": changed, "reordered": {v2[1], v2[0], v2[2]}, "shorter": v2[:2],
	} {
		if _, ok := retry.Update(quiz); ok {
			t.Errorf("%s quiz: the round carried over", name)
		}
	}
}

func cloneQuestion(q *Question) *Question {
	c := *q
	return &c
}
