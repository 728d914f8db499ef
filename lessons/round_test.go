package lessons

import (
	"slices"
	"testing"
)

func roundQuiz() []*Question {
	return []*Question{
		{ID: "q1", Kind: SingleChoice, Choices: []Choice{{Text: "a"}, {Text: "b", Correct: true}}},
		{ID: "q2", Kind: MultipleSelect, Choices: []Choice{{Text: "x", Correct: true}, {Text: "y"}, {Text: "z", Correct: true}}},
		{ID: "q3", Kind: ShortAnswer, Accepted: []string{"training data"}},
		{ID: "q4", Kind: TrueFalse, Choices: []Choice{{Text: "True"}, {Text: "False", Correct: true}}},
	}
}

func TestAnswers(t *testing.T) {
	quiz := roundQuiz()
	if a := quiz[1].AnswerChoices([]int{2, 0}); !a.Correct || !slices.Equal(a.Choices, []int{0, 2}) ||
		!slices.Equal(a.Given(), []string{"x", "z"}) {
		t.Errorf("multiple select: %+v given %q", a, a.Given())
	}
	if a := quiz[1].AnswerChoices([]int{0}); a.Correct {
		t.Error("a right choice left out is not correct")
	}
	if a := quiz[2].AnswerText("  Training   Data. "); !a.Correct || a.Text != "Training   Data." || a.Given()[0] != a.Text {
		t.Errorf("short answer: %+v", a)
	}
}

func TestScoreAndPassRule(t *testing.T) {
	for _, tt := range []struct {
		s        Score
		percent  float64
		passMark int
		passes   bool
	}{
		{Score{3, 4}, 75, 70, true},
		{Score{7, 10}, 70, 70, true},
		{Score{2, 3}, 200.0 / 3, 70, false},
		{Score{0, 0}, 0, 70, false},
	} {
		if got := tt.s.Percent(); got != tt.percent {
			t.Errorf("%+v: percent %v, want %v", tt.s, got, tt.percent)
		}
		if got := tt.s.Passes(tt.passMark); got != tt.passes {
			t.Errorf("%+v passes %d: %v, want %v", tt.s, tt.passMark, got, tt.passes)
		}
	}
}

func TestRoundAndRetryOfMissedQuestions(t *testing.T) {
	quiz := roundQuiz()
	r := NewRound(quiz)
	if r.Retry() || r.Done() || r.Current() != quiz[0] || r.RetryMissed() != nil {
		t.Fatal("a new round")
	}
	if r.Record(quiz[2].AnswerText("x")) {
		t.Fatal("recorded an answer to a question that is not the current one")
	}
	r.Record(quiz[0].AnswerChoices([]int{0})) // wrong
	r.Record(quiz[1].AnswerChoices([]int{0, 2}))
	r.Record(quiz[2].AnswerText("nothing")) // wrong
	if last, ok := r.Last(); !ok || last.Question != quiz[2] || r.Answered() != 3 {
		t.Fatalf("last answer %+v", last)
	}
	r.Record(quiz[3].AnswerChoices([]int{1}))
	if !r.Done() || r.Current() != nil {
		t.Fatal("not done after every answer")
	}
	res := r.Result(70)
	if res.Score != (Score{2, 4}) || res.Passed || len(res.Answers) != 4 || len(res.Missed) != 2 ||
		res.Missed[0].Question != quiz[0] || res.Missed[1].Question != quiz[2] {
		t.Fatalf("result %+v", res)
	}

	retry := r.RetryMissed()
	if !retry.Retry() || !slices.Equal(retry.Questions(), []*Question{quiz[0], quiz[2]}) {
		t.Fatalf("retry asks %v", retry.Questions())
	}
	retry.Record(quiz[0].AnswerChoices([]int{1}))
	retry.Record(quiz[2].AnswerText("training data"))
	res = retry.Result(70)
	if res.Score != (Score{4, 4}) || !res.Passed || len(res.Answers) != 4 || len(res.Missed) != 0 {
		t.Fatalf("retry result %+v", res)
	}
	// The attempt records the kept answers first, then the retried ones.
	if res.Answers[0].Question != quiz[1] || res.Answers[2].Question != quiz[0] {
		t.Errorf("answers in the order %v", res.Answers)
	}
	if r.Number(quiz[2]) != 3 || r.Number(&Question{}) != 0 {
		t.Error("numbers of questions in the quiz")
	}
}

func TestIsCourseFile(t *testing.T) {
	for name, want := range map[string]bool{"course.yaml": true, "01-a.md": true, "B.MD": true, "README.md": false,
		"readme.md": false, "notes.txt": false, "course.yml": false} {
		if got := IsCourseFile(name); got != want {
			t.Errorf("IsCourseFile(%q) = %v, want %v", name, got, want)
		}
	}
}
