package progress

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

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
	for i := range 300 {
		a, b, c := randomFile(rng), randomFile(rng), randomFile(rng)
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

// randomFile makes a small file from few ids and times, so that random files overlap.
func randomFile(rng *rand.Rand) *file {
	tm := func() time.Time {
		if rng.IntN(4) == 0 {
			return time.Time{}
		}
		return at(rng.IntN(20))
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
		for range rng.IntN(4) {
			l := &lessonState{
				FirstOpened: tm(), LastOpened: tm(), Position: float64(rng.IntN(5)) / 4, PositionAt: tm(),
				Read: rng.IntN(2) == 0, ReadAt: tm(),
			}
			if rng.IntN(5) == 0 {
				l.ResetAt = tm()
			}
			for range rng.IntN(4) {
				id := fmt.Sprint("a", rng.IntN(6))
				// The same ID always stands for the same attempt, as in real use.
				n := int(id[1] - '0')
				l.Attempts = append(l.Attempts, attempt(id, at(n*3), n%3, 2, n%2 == 0))
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
	for range 100 {
		data, err := encode(merge(randomFile(rng), nil))
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
