package lessons

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func roundQuiz() []*Question {
	return []*Question{
		{ID: "q1", Kind: SingleChoice, Choices: []Choice{{Text: "a"}, {Text: "b", Correct: true}}},
		{ID: "q2", Kind: MultipleSelect, Choices: []Choice{{Text: "x", Correct: true}, {Text: "y"}, {Text: "z", Correct: true}}},
		{ID: "q3", Kind: ShortAnswer, Accepted: []string{"training data"}, Hint: "before validation"},
		{ID: "q4", Kind: TrueFalse, Choices: []Choice{{Text: "True"}, {Text: "False", Correct: true}}},
	}
}

func TestAnswers(t *testing.T) {
	quiz := roundQuiz()
	if a := quiz[1].AnswerChoices([]int{2, 0, 2}); !a.Correct || a.Credit != 1 || !slices.Equal(a.Choices, []int{0, 2}) ||
		!slices.Equal(a.Given(), []string{"x", "z"}) {
		t.Errorf("multiple select: %+v given %q", a, a.Given())
	}
	if a := quiz[1].AnswerChoices([]int{0}); a.Correct || a.Credit != 0 {
		t.Errorf("a right choice left out, without partial credit: %+v", a)
	}
	if a := quiz[2].AnswerText("  Training   Data. "); !a.Correct || a.Credit != 1 || a.Text != "Training   Data." || a.Given()[0] != a.Text {
		t.Errorf("short answer: %+v", a)
	}
	if a := quiz[2].AnswerText("trainig data"); !a.Correct || a.AcceptedAs != "training data" {
		t.Errorf("a typo: %+v", a)
	}
	if a := quiz[2].AnswerText("labels"); a.Correct || !a.CanOverride() {
		t.Errorf("a wrong short answer: %+v, can override %v", a, a.CanOverride())
	}
	if a := quiz[0].AnswerChoices([]int{0}); a.CanOverride() {
		t.Error("a wrong choice can be overridden")
	}
}

// TestPartialCredit: right ticks minus wrong ticks over the right choices, never below zero,
// and only for multiple select when the course asks for it.
func TestPartialCredit(t *testing.T) {
	q := &Question{Kind: MultipleSelect, PartialCredit: true, Choices: []Choice{
		{Text: "a", Correct: true}, {Text: "b", Correct: true}, {Text: "c", Correct: true}, {Text: "d"}, {Text: "e"}}}
	for _, tt := range []struct {
		picked  []int
		credit  float64
		correct bool
	}{
		{[]int{0, 1, 2}, 1, true},
		{[]int{0, 1}, 2.0 / 3, false},
		{[]int{0, 1, 3}, 1.0 / 3, false},
		{[]int{0, 3}, 0, false},
		{[]int{0, 3, 4}, 0, false}, // floored at zero
		{[]int{3}, 0, false},
		{[]int{0, 1, 2, 3}, 2.0 / 3, false},
	} {
		a := q.AnswerChoices(tt.picked)
		if !near(a.Credit, tt.credit) || a.Correct != tt.correct {
			t.Errorf("ticks %v: credit %v correct %v, want %v %v", tt.picked, a.Credit, a.Correct, tt.credit, tt.correct)
		}
	}
	single := &Question{Kind: SingleChoice, PartialCredit: true, Choices: []Choice{{Text: "a", Correct: true}, {Text: "b"}}}
	if a := single.AnswerChoices([]int{1}); a.Credit != 0 {
		t.Errorf("partial credit on a single choice: %v", a.Credit)
	}

	r := NewRound([]*Question{q, single})
	r.Record(q.AnswerChoices([]int{0, 1}))
	r.Record(single.AnswerChoices([]int{0}))
	res := r.Result(80)
	if res.Correct != 1 || !near(res.Points, 5.0/3) || !near(res.Percent(), 250.0/3) || !res.Passed {
		t.Errorf("scored %+v (%v%%)", res.Score, res.Percent())
	}
}

func TestScoreAndPassRule(t *testing.T) {
	for _, tt := range []struct {
		s        Score
		percent  float64
		passMark int
		passes   bool
	}{
		{Score{3, 4, 3}, 75, 70, true},
		{Score{7, 10, 7}, 70, 70, true},
		{Score{2, 3, 2}, 200.0 / 3, 70, false},
		{Score{0, 0, 0}, 0, 70, false},
		{Score{1, 2, 1.5}, 75, 70, true}, // partial credit counts
	} {
		if got := tt.s.Percent(); got != tt.percent {
			t.Errorf("%+v: percent %v, want %v", tt.s, got, tt.percent)
		}
		if got := tt.s.Passes(tt.passMark); got != tt.passes {
			t.Errorf("%+v passes %d: %v, want %v", tt.s, tt.passMark, got, tt.passes)
		}
	}
	for _, tt := range []struct{ total, mark, need int }{{7, 70, 5}, {10, 70, 7}, {3, 70, 3}, {4, 75, 3}, {5, 100, 5}, {0, 70, 0}} {
		if got := NeededToPass(tt.total, tt.mark); got != tt.need {
			t.Errorf("NeededToPass(%d, %d) = %d, want %d", tt.total, tt.mark, got, tt.need)
		}
		if tt.total > 0 && !(Score{tt.need, tt.total, float64(tt.need)}).Passes(tt.mark) {
			t.Errorf("%d of %d does not pass at %d%%", tt.need, tt.total, tt.mark)
		}
		if tt.need > 0 && (Score{tt.need - 1, tt.total, float64(tt.need - 1)}).Passes(tt.mark) {
			t.Errorf("%d of %d passes at %d%%", tt.need-1, tt.total, tt.mark)
		}
	}
}

// TestFullRoundThenPractice: a full round is the attempt's score; retrying the missed
// questions right after is practice, scored on its own and never passing.
func TestFullRoundThenPractice(t *testing.T) {
	quiz := roundQuiz()
	r := NewRound(quiz)
	if r.Practice() || r.Done() || r.Current() != quiz[0] || r.RetryMissed() != nil || r.Total() != 4 {
		t.Fatal("a new round")
	}
	if r.Record(quiz[2].AnswerText("x")) {
		t.Fatal("recorded an answer to a question that is not the current one")
	}
	r.Record(quiz[0].AnswerChoices([]int{0})) // wrong
	r.Record(quiz[1].AnswerChoices([]int{0, 2}))
	r.UseHint()
	if !r.Hinted() {
		t.Fatal("the hint was not noted")
	}
	r.Record(quiz[2].AnswerText("nothing")) // wrong, after the hint
	if last, ok := r.Last(); !ok || last.Question != quiz[2] || !last.Hinted || r.Answered() != 3 || r.Hinted() {
		t.Fatalf("last answer %+v", last)
	}
	r.Record(quiz[3].AnswerChoices([]int{1}))
	if !r.Done() || r.Current() != nil {
		t.Fatal("not done after every answer")
	}
	res := r.Result(70)
	if res.Score != (Score{2, 4, 2}) || res.Passed || res.Practice || len(res.Answers) != 4 || len(res.Missed) != 2 ||
		res.Missed[0].Question != quiz[0] || res.Missed[1].Question != quiz[2] {
		t.Fatalf("result %+v", res)
	}

	practice := r.RetryMissed()
	if !practice.Practice() || !slices.Equal(practice.Questions(), []*Question{quiz[0], quiz[2]}) {
		t.Fatalf("practice asks %v", practice.Questions())
	}
	practice.Record(quiz[0].AnswerChoices([]int{1}))
	practice.Record(quiz[2].AnswerText("training data"))
	res = practice.Result(70)
	if res.Score != (Score{2, 2, 2}) || res.Passed || !res.Practice || len(res.Answers) != 2 {
		t.Fatalf("practice result %+v: practice must never pass", res)
	}
	if practice.Number(quiz[2]) != 3 || practice.Number(&Question{}) != 0 {
		t.Error("questions keep their number in the attempt")
	}
	if practice.RetryMissed() != nil {
		t.Error("nothing missed, yet a practice round")
	}
}

func TestOverrideLast(t *testing.T) {
	quiz := roundQuiz()
	r := NewRound(quiz[2:3])
	if r.OverrideLast() {
		t.Fatal("overrode an answer not given")
	}
	r.Record(quiz[2].AnswerText("the data it learns from"))
	if !r.OverrideLast() || r.OverrideLast() {
		t.Fatal("override: once, and only once")
	}
	last, _ := r.Last()
	if !last.Correct || !last.Overridden || last.Credit != 1 {
		t.Fatalf("overridden answer %+v", last)
	}
	if res := r.Result(70); !res.Passed || res.Correct != 1 {
		t.Fatalf("an overridden answer counts: %+v", res)
	}
	right := NewRound(quiz[2:3])
	right.Record(quiz[2].AnswerText("training data"))
	if right.OverrideLast() {
		t.Fatal("a right answer overridden")
	}
}

func TestResumeRound(t *testing.T) {
	quiz := roundQuiz()
	given := []Answer{quiz[0].AnswerChoices([]int{1}), quiz[1].AnswerChoices([]int{0})}
	r, ok := ResumeRound(quiz, given)
	if !ok || r.Answered() != 2 || r.Current() != quiz[2] || r.Practice() {
		t.Fatalf("resumed round: ok %v, %d answered, current %v", ok, r.Answered(), r.Current())
	}
	if _, ok := ResumeRound(quiz, []Answer{given[1]}); ok {
		t.Fatal("resumed with answers out of order")
	}
}

func TestDrawQuestions(t *testing.T) {
	l := &Lesson{Quiz: append(roundQuiz(), roundQuiz()...), Draw: 3}
	for i, q := range l.Quiz {
		q.ID = string(rune('a' + i))
	}
	ids := func(qs []*Question) string {
		s := ""
		for _, q := range qs {
			s += q.ID
		}
		return s
	}
	a := ids(l.DrawQuestions(rand.New(rand.NewPCG(1, 2))))
	if b := ids(l.DrawQuestions(rand.New(rand.NewPCG(1, 2)))); a != b || len(a) != 3 {
		t.Fatalf("same seed drew %q and %q", a, b)
	}
	for i := 1; i < len(a); i++ {
		if a[i-1] >= a[i] {
			t.Fatalf("drawn questions %q are not in written order", a)
		}
	}
	seen := map[string]bool{}
	for seed := range uint64(30) {
		seen[ids(l.DrawQuestions(rand.New(rand.NewPCG(seed, 0))))] = true
	}
	if len(seen) < 5 {
		t.Fatalf("30 seeds drew only %d different sets", len(seen))
	}
	l.Draw = 0
	if got := l.DrawQuestions(nil); len(got) != len(l.Quiz) {
		t.Fatalf("without draw: %d questions", len(got))
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

// TestPointsToPassIsThePassRule: the pass rule said in points agrees with Score.Passes at
// every quiz length and pass mark: exactly the points it names pass, a hundredth less does not.
func TestPointsToPassIsThePassRule(t *testing.T) {
	for total := 1; total <= 100; total++ {
		for mark := 0; mark <= 100; mark++ {
			need := PointsToPass(total, mark)
			if !(Score{Total: total, Points: need}).Passes(mark) {
				t.Fatalf("%v of %d points does not pass at %d%%", need, total, mark)
			}
			if mark > 0 && (Score{Total: total, Points: need - 0.01}).Passes(mark) {
				t.Fatalf("%v of %d points passes at %d%%", need-0.01, total, mark)
			}
			if right := NeededToPass(total, mark); float64(right) < need || float64(right-1) >= need {
				t.Fatalf("NeededToPass(%d, %d) = %d disagrees with %v points", total, mark, right, need)
			}
		}
	}
	if got := PointsToPass(2, 70); got != 1.4 {
		t.Errorf("PointsToPass(2, 70) = %v, want 1.4", got)
	}
	if got := PointsToPass(0, 70); got != 0 {
		t.Errorf("PointsToPass(0, 70) = %v, want 0", got)
	}
}

// TestAScoreExactlyAtTheMarkPasses: partial credits that add up to the pass mark exactly pass,
// though their floating-point sum falls a hair short (1/2 + 2/3 + 1/3 = 1.4999999999999998).
func TestAScoreExactlyAtTheMarkPasses(t *testing.T) {
	choices := func(n, right int) []Choice {
		out := make([]Choice, n)
		for i := range out {
			out[i] = Choice{Text: string(rune('a' + i)), Correct: i < right}
		}
		return out
	}
	quiz := []*Question{
		{ID: "half", Kind: MultipleSelect, PartialCredit: true, Choices: choices(3, 2)},
		{ID: "thirds", Kind: MultipleSelect, PartialCredit: true, Choices: choices(4, 3)},
		{ID: "third", Kind: MultipleSelect, PartialCredit: true, Choices: choices(4, 3)},
	}
	r := NewRound(quiz)
	r.Record(quiz[0].AnswerChoices([]int{0}))    // 1/2
	r.Record(quiz[1].AnswerChoices([]int{0, 1})) // 2/3
	r.Record(quiz[2].AnswerChoices([]int{0}))    // 1/3
	res := r.Result(50)
	if !res.Passed {
		t.Fatalf("1/2 + 2/3 + 1/3 = %v of 3 points does not pass at 50%%", res.Points)
	}
	if r.Result(51).Passed {
		t.Fatal("1.5 of 3 points passes at 51%")
	}
}

func TestScoredInPoints(t *testing.T) {
	quiz := roundQuiz()
	if ScoredInPoints(quiz) {
		t.Error("a quiz without partial credit is scored in points")
	}
	quiz[1].PartialCredit = true
	if !ScoredInPoints(quiz) || ScoredInPoints(quiz[2:]) {
		t.Error("ScoredInPoints does not follow the multiple-select question with partial credit")
	}
}
