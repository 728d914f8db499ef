package courseinfo

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

func quizLesson(t *testing.T, partial bool) *lessons.Lesson {
	t.Helper()
	lesson := "---\ntitle: L\nobjectives: [o]\n---\n\nBody.\n\n## Quiz\n\n" +
		"### Pick one {shuffle=false}\n\n- [ ] a\n- [x] b\n\n> E.\n\n" +
		"### Tick {kind=multiple}\n\n- [x] x\n- [x] y\n- [ ] z\n\n> E.\n\n" +
		"### Type {kind=short}\n\n- [x] precision\n\n> E.\n"
	manifest := "id: c\ntitle: C\n"
	if partial {
		manifest += "partial_credit: true\n"
	}
	c, probs, err := lessons.Load(fstest.MapFS{"course.yaml": {Data: []byte(manifest)}, "01-l.md": {Data: []byte(lesson)}}, "c")
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	return c.Lessons[0]
}

// TestAttemptRoundTrip records a round half-way, resumes it from the record, finishes it and
// records the attempt: hints, a typo, an override and partial credit survive the trip.
func TestAttemptRoundTrip(t *testing.T) {
	l := quizLesson(t, true)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r := lessons.NewRound(l.Quiz)
	var saved []progress.Answer
	answer := func(a lessons.Answer) {
		r.Record(a)
		last, _ := r.Last()
		saved = append(saved, Answer(last, at))
	}
	r.UseHint() // no hint on this question: nothing noted
	answer(l.Quiz[0].AnswerChoices([]int{1}))
	answer(l.Quiz[1].AnswerChoices([]int{0}))
	open := OpenAttempt("id1", at, r, saved)
	if len(open.Questions) != 3 || open.Answers[1].Credit == nil || *open.Answers[1].Credit != 0.5 || open.Answers[0].Credit != nil {
		t.Fatalf("open attempt %+v", open)
	}

	resumed, ok := Resume(l, &open)
	if !ok || resumed.Answered() != 2 || resumed.Current() != l.Quiz[2] {
		t.Fatalf("resumed: ok %v", ok)
	}
	r = resumed
	answer(l.Quiz[2].AnswerText("the same thing"))
	r.OverrideLast()
	last, _ := r.Last()
	saved[2] = Answer(last, at)
	a := Attempt("id1", r, 70, saved)
	if a.Kind != progress.FullAttempt || a.Correct != 2 || a.Total != 3 || a.Percent != 250.0/3 || !a.Passed ||
		!a.Answers[2].Overridden || !a.Answers[2].Correct {
		t.Fatalf("attempt %+v", a)
	}

	// An override and a spelling survive a resume too.
	open = OpenAttempt("id2", at, r, saved)
	back, ok := Resume(l, &open)
	if !ok || !back.Done() {
		t.Fatal("a finished round did not resume")
	}
	if last, _ := back.Last(); !last.Overridden || !last.Correct {
		t.Fatalf("override lost on resume: %+v", last)
	}

	practice := r.RetryMissed()
	practice.Record(l.Quiz[1].AnswerChoices([]int{0, 1}))
	p := Attempt("id3", practice, 70, []progress.Answer{Answer(l.Quiz[1].AnswerChoices([]int{0, 1}), at)})
	if p.Kind != progress.PracticeAttempt || p.Passed || p.Total != 1 {
		t.Fatalf("practice %+v", p)
	}
}

func TestResumeRefusesAChangedQuiz(t *testing.T) {
	l := quizLesson(t, false)
	good := progress.OpenAttempt{ID: "x", Questions: []string{l.Quiz[0].ID, l.Quiz[2].ID},
		Answers: []progress.Answer{{QuestionID: l.Quiz[0].ID, Hash: l.Quiz[0].Hash, Given: []string{"b"}}}}
	if r, ok := Resume(l, &good); !ok || r.Answered() != 1 || len(r.Questions()) != 2 {
		t.Fatal("a drawn attempt did not resume")
	}
	for name, edit := range map[string]func(o *progress.OpenAttempt){
		"question gone":   func(o *progress.OpenAttempt) { o.Questions[1] = "gone" },
		"question edited": func(o *progress.OpenAttempt) { o.Answers[0].Hash = "older" },
		"choice gone":     func(o *progress.OpenAttempt) { o.Answers[0].Given = []string{"c"} },
		"out of order":    func(o *progress.OpenAttempt) { o.Answers[0].QuestionID = l.Quiz[2].ID },
		"no questions":    func(o *progress.OpenAttempt) { o.Questions = nil },
	} {
		o := good
		o.Questions = append([]string(nil), good.Questions...)
		o.Answers = []progress.Answer{good.Answers[0]}
		o.Answers[0].Given = append([]string(nil), good.Answers[0].Given...)
		edit(&o)
		if _, ok := Resume(l, &o); ok {
			t.Errorf("%s: resumed", name)
		}
	}
	if _, ok := Resume(l, nil); ok {
		t.Error("resumed nothing")
	}
}
