package progress

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// randomScale multiplies the number of random cases of the merge tests, for a longer run after
// a change to merging: go test ./progress -run 'Join|Stable' -random-scale 50
var randomScale = flag.Int("random-scale", 1, "multiply the random cases of the merge tests")

func TestMergeRules(t *testing.T) {
	a := &file{Schema: 1, Courses: map[string]*courseState{"c": {
		LastLesson: "one", LastLessonAt: at(10),
		Lessons: map[string]*lessonState{"one": {
			FirstOpened: at(1), LastOpened: at(10), Position: 0.2, PositionAt: at(10),
			Read: true, ReadAt: at(5),
			Attempts: []Attempt{attempt("shared", at(3), 1, 2, false), attempt("a-only", at(4), 2, 2, true)},
		}},
	}}}
	b := &file{Schema: 1, Courses: map[string]*courseState{"c": {
		LastLesson: "two", LastLessonAt: at(20),
		Lessons: map[string]*lessonState{"one": {
			FirstOpened: at(0), LastOpened: at(8), Position: 0.9, PositionAt: at(15),
			Attempts: []Attempt{attempt("shared", at(3), 1, 2, false), attempt("b-only", at(2), 1, 2, false)},
		}},
	}}}
	for _, m := range []*file{merge(a, b), merge(b, a)} {
		c := m.Courses["c"]
		one := c.Lessons["one"]
		var ids []string
		for _, at := range one.Attempts {
			ids = append(ids, at.ID)
		}
		checks := []struct {
			name      string
			got, want any
		}{
			{"last lesson (latest)", c.LastLesson, "two"},
			{"first opened (earliest)", one.FirstOpened, at(0)},
			{"last opened (latest)", one.LastOpened, at(10)},
			{"position (latest)", one.Position, 0.9},
			{"read (or)", one.Read, true},
			{"read at", one.ReadAt, at(5)},
			{"attempts (union by ID, in time order)", fmt.Sprint(ids), "[b-only shared a-only]"},
			{"best (max)", one.Best, 100.0},
			{"passed (or)", one.Passed, true},
			{"passed at", one.PassedAt, at(4)},
		}
		for _, ch := range checks {
			if fmt.Sprint(ch.got) != fmt.Sprint(ch.want) {
				t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
			}
		}
	}
}

// TestMergeIsAJoin checks on random files that merging is commutative, associative and
// idempotent: what makes merging safe whatever order processes save in.
func TestMergeIsAJoin(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	enc := func(f *file) string {
		data, err := encode(f)
		must(t, err)
		return string(data)
	}
	extra := rand.New(rand.NewPCG(7, 8))
	for i := range 300 * *randomScale {
		a, b, c := randomFile(rng, extra), randomFile(rng, extra), randomFile(rng, extra)
		if x, y := enc(merge(a, b)), enc(merge(b, a)); x != y {
			t.Fatalf("case %d: merge is not commutative:\n%s\n%s", i, x, y)
		}
		if x, y := enc(merge(merge(a, b), c)), enc(merge(a, merge(b, c))); x != y {
			t.Fatalf("case %d: merge is not associative:\n%s\n%s", i, x, y)
		}
		ab := merge(a, b)
		if x, y := enc(merge(ab, ab)), enc(ab); x != y {
			t.Fatalf("case %d: merge is not idempotent:\n%s\n%s", i, x, y)
		}
		if x, y := enc(merge(ab, a)), enc(ab); x != y {
			t.Fatalf("case %d: merging again what was merged changed it:\n%s\n%s", i, x, y)
		}
	}
}

// randomFile makes a small file from few ids and times, so that random files overlap. The
// fields of schema 2 (the welcome, the open attempt, attempts' kinds and answer details) are
// drawn from extra, so the rest of each file is the one schema 1's tests drew.
func randomFile(rng, extra *rand.Rand) *file {
	tm := func() time.Time {
		if rng.IntN(4) == 0 {
			return time.Time{}
		}
		return at(rng.IntN(20))
	}
	tmExtra := func() time.Time {
		if extra.IntN(4) == 0 {
			return time.Time{}
		}
		return at(extra.IntN(20))
	}
	f := newFile()
	for range rng.IntN(3) {
		c := &courseState{Lessons: map[string]*lessonState{}}
		if rng.IntN(2) == 0 {
			c.LastLesson, c.LastLessonAt = fmt.Sprint("l", rng.IntN(3)), tm()
		}
		if rng.IntN(5) == 0 {
			c.ResetAt = tm()
		}
		if extra.IntN(2) == 0 {
			c.WelcomedAt = tmExtra()
		}
		for range rng.IntN(4) {
			l := &lessonState{
				FirstOpened: tm(), LastOpened: tm(), Position: float64(rng.IntN(5)) / 4, PositionAt: tm(),
				Read: rng.IntN(2) == 0, ReadAt: tm(),
			}
			if rng.IntN(5) == 0 {
				l.ResetAt = tm()
			}
			if extra.IntN(4) == 0 {
				// Times another process recorded (see times.go), as a merge would leave them.
				l.FirstOpened, l.FirstOpenedAlso = splitTimes(timesOf(l.FirstOpened, []time.Time{tmExtra()}))
				l.ReadAt, l.ReadAtAlso = splitTimes(timesOf(l.ReadAt, []time.Time{tmExtra()}))
			}
			for range rng.IntN(4) {
				id := fmt.Sprint("a", rng.IntN(6))
				// The same ID always stands for the same attempt, as in real use.
				n := int(id[1] - '0')
				l.Attempts = append(l.Attempts, detailedAttempt(id, n))
			}
			if extra.IntN(2) == 0 {
				l.Open, l.OpenAt = randomOpen(extra), tmExtra()
			}
			l.Labs = randomLabs(rng, tm)
			c.Lessons[fmt.Sprint("l", rng.IntN(3))] = l
		}
		f.Courses[fmt.Sprint("c", rng.IntN(2))] = c
	}
	return f
}

func TestDecodeEncodeIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100 * *randomScale {
		data, err := encode(merge(randomFile(rng, rng), nil))
		must(t, err)
		f, err := decode(data)
		must(t, err)
		again, err := encode(f)
		must(t, err)
		if !bytes.Equal(data, again) {
			t.Fatalf("decode and encode changed the file:\n%s\n%s", data, again)
		}
	}
}

// detailedAttempt is attempt n with the answer details of schema 2: its kind, the questions it
// asked, and per answer the credit, spelling, hint, override and time. The same n always gives
// the same attempt.
func detailedAttempt(id string, n int) Attempt {
	a := attempt(id, at(n*3), n%3, 2, n%2 == 0)
	if n%3 == 2 {
		a.Kind = PracticeAttempt
	}
	a.Questions = []string{"q1", "q2"}
	credit := float64(n%3) / 2
	a.Answers = append(a.Answers, Answer{QuestionID: "q2", Hash: "h2", Given: []string{"trainig data"}, Correct: n%2 == 0,
		Credit: &credit, AcceptedAs: "training data", Hinted: n%2 == 1, Overridden: n == 4, At: at(n*3 - 1)})
	return a
}

// randomOpen is an open attempt from a few ids, each with a few answers.
func randomOpen(rng *rand.Rand) *OpenAttempt {
	n := rng.IntN(3)
	o := &OpenAttempt{ID: fmt.Sprint("o", rng.IntN(3)), Started: at(n), Questions: []string{"q1", "q2", "q3"}}
	for i := range n {
		o.Answers = append(o.Answers, Answer{QuestionID: fmt.Sprint("q", i+1), Given: []string{"a"}, Correct: i%2 == 0, At: at(n + i)})
	}
	return o
}

// TestMergeQuizState: the open attempt saved or dropped last wins; the welcome is kept from the
// latest; practice and answer details travel with their attempt and never raise the best.
func TestMergeQuizState(t *testing.T) {
	open := func(id string, answers int) *OpenAttempt {
		o := &OpenAttempt{ID: id, Started: at(1), Questions: []string{"q1", "q2"}}
		for range answers {
			o.Answers = append(o.Answers, Answer{QuestionID: "q1", Given: []string{"a"}})
		}
		return o
	}
	practice := detailedAttempt("p", 2) // a practice round scoring 100%
	practice.Percent, practice.Passed = 100, true
	a := &file{Schema: schemaVersion, Courses: map[string]*courseState{"c": {WelcomedAt: at(5),
		Lessons: map[string]*lessonState{
			"kept":     {Open: open("x", 1), OpenAt: at(10)},
			"newer":    {Open: open("y", 1), OpenAt: at(10)},
			"dropped":  {Open: open("z", 2), OpenAt: at(10)},
			"finished": {Open: open("f", 1), OpenAt: at(10)},
			"scores":   {Attempts: []Attempt{attempt("full", at(1), 1, 2, false), practice}},
		}}}}
	b := &file{Schema: schemaVersion, Courses: map[string]*courseState{"c": {WelcomedAt: at(3),
		Lessons: map[string]*lessonState{
			"newer":    {Open: open("y", 2), OpenAt: at(11)},
			"dropped":  {OpenAt: at(12)},
			"finished": {OpenAt: at(10), Attempts: []Attempt{attempt("f", at(10), 1, 2, false)}},
		}}}}
	for _, m := range []*file{merge(a, b), merge(b, a)} {
		c := m.Courses["c"]
		if c.WelcomedAt != at(5) {
			t.Errorf("welcomed at %v, want the latest", c.WelcomedAt)
		}
		if o := c.Lessons["kept"].Open; o == nil || o.ID != "x" {
			t.Errorf("an open attempt on one side only: %+v", o)
		}
		if o := c.Lessons["newer"].Open; o == nil || len(o.Answers) != 2 {
			t.Errorf("the later save of an open attempt: %+v", o)
		}
		if o := c.Lessons["dropped"].Open; o != nil {
			t.Errorf("an open attempt dropped later came back: %+v", o)
		}
		if o := c.Lessons["finished"].Open; o != nil {
			t.Errorf("an attempt finished at the time it was saved is still open: %+v", o)
		}
		sc := c.Lessons["scores"]
		if sc.Best != 50 || sc.Passed || len(sc.Attempts) != 2 {
			t.Errorf("practice raised the score: best %v passed %v", sc.Best, sc.Passed)
		}
		p := sc.Attempts[len(sc.Attempts)-1]
		if p.Kind != PracticeAttempt || p.Answers[1].AcceptedAs != "training data" || *p.Answers[1].Credit != 1 {
			t.Errorf("practice attempt after the merge: %+v", p)
		}
	}
	// A course reset drops the welcome and the open attempts saved before it.
	a.Courses["c"].ResetAt = at(20)
	if c := merge(a, b).Courses["c"]; !c.WelcomedAt.IsZero() || len(c.Lessons) != 0 {
		t.Errorf("after a reset: welcomed %v, lessons %v", c.WelcomedAt, c.Lessons)
	}
}

// TestMergeQuizStateIsAJoin checks the fields of schema 2 on their own, over many more random
// files than TestMergeIsAJoin: open attempts saved and dropped, welcomes, practice and answer
// details, with resets of courses and lessons.
func TestMergeQuizStateIsAJoin(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	tm := func() time.Time { return at(rng.IntN(12)) }
	random := func() *file {
		f := newFile()
		c := &courseState{Lessons: map[string]*lessonState{}}
		if rng.IntN(3) == 0 {
			c.ResetAt = tm()
		}
		if rng.IntN(2) == 0 {
			c.WelcomedAt = tm()
		}
		for range rng.IntN(3) {
			l := &lessonState{}
			if rng.IntN(4) == 0 {
				l.ResetAt = tm()
			}
			if rng.IntN(3) > 0 {
				l.OpenAt = tm()
				if rng.IntN(3) > 0 {
					l.Open = randomOpen(rng)
				}
			}
			for range rng.IntN(3) {
				n := rng.IntN(6)
				l.Attempts = append(l.Attempts, detailedAttempt(fmt.Sprint("a", n), n))
			}
			c.Lessons[fmt.Sprint("l", rng.IntN(2))] = l
		}
		f.Courses["c"] = c
		return f
	}
	enc := func(f *file) string {
		data, err := encode(f)
		must(t, err)
		return string(data)
	}
	for i := range 3000 * *randomScale {
		a, b, c := random(), random(), random()
		if x, y := enc(merge(a, b)), enc(merge(b, a)); x != y {
			t.Fatalf("case %d: not commutative:\n%s\n%s", i, x, y)
		}
		if x, y := enc(merge(merge(a, b), c)), enc(merge(a, merge(b, c))); x != y {
			t.Fatalf("case %d: not associative:\n%s\n%s", i, x, y)
		}
		if ab := merge(a, b); enc(merge(ab, ab)) != enc(ab) || enc(merge(ab, b)) != enc(ab) {
			t.Fatalf("case %d: not idempotent", i)
		}
	}
}
