package classreport

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// A generated class: a course of n lessons, and hand-ins made by progress.NewReport (the code
// behind 'aieng progress --json') from learners' progress played through lessons.Round, so the
// report reads what aieng writes. Learners differ in skill, questions in difficulty, wrong
// answers follow a few common mistakes; everything is seeded.
//
//	go test ./internal/classreport -run TestGenerateClass -generate DIR -learners 1000
//
// writes the course to DIR/course and the hand-ins to DIR/handins, for timing the whole command.

var (
	generateDir = flag.String("generate", "", "write a generated course and its hand-ins to `DIR` (TestGenerateClass)")
	generateN   = flag.Int("learners", 1000, "learners of the generated class")
)

// genCourseFS is a course of n lessons with six questions each: two single-choice, one
// multiple-select, one true/false, one short answer and one numeric. Version "3.0.0" is the
// one before "3.1.0": lesson 2's short question was worded differently, so its hash differs.
func genCourseFS(version string, n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	var ids []string
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("lesson-%02d", i)
		ids = append(ids, id)
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: %s\ntitle: Lesson %d of the generated course\nsection: Part %d\nminutes: 10\n"+
			"objectives:\n  - Answer six questions\n---\n\nA lesson of the generated course.\n\n## Quiz\n\n", id, i, (i+2)/3)
		fmt.Fprintf(&b, "### Which layer of lesson %d holds the index? {#%s-single}\n\n- [ ] The prompt\n- [x] The vector index\n"+
			"- [ ] The tokenizer\n- [ ] The cache\n\n> The index.\n\n", i, id)
		fmt.Fprintf(&b, "### Which metrics rank results? {#%s-multi kind=multiple}\n\n- [x] Recall at k\n- [x] MRR\n"+
			"- [ ] Latency\n- [ ] Tokens per second\n\n> Ranking metrics.\n\n", id)
		fmt.Fprintf(&b, "### A larger chunk always retrieves better. {#%s-tf kind=truefalse}\n\n- [ ] True\n- [x] False\n\n> No.\n\n", id)
		prompt := "What do neighbouring chunks share?"
		if version == "3.0.0" && i == 2 {
			prompt = "What do chunks next to each other have in common?"
		}
		fmt.Fprintf(&b, "### %s {#%s-short kind=short}\n\n- [x] overlap\n\n> Overlap.\n\n", prompt, id)
		fmt.Fprintf(&b, "### How many tokens fit a 4k context? {#%s-num kind=numeric}\n\n- [x] 4096\n\n> 4096.\n\n", id)
		fmt.Fprintf(&b, "### Which store answers nearest-neighbour queries? {#%s-single2}\n\n- [ ] A spreadsheet\n"+
			"- [x] A vector database\n- [ ] A message queue\n\n> A vector database.\n", id)
		fsys[fmt.Sprintf("%02d-%s.md", i, id)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	manifest := "id: generated-course\ntitle: A generated course\nversion: " + version + "\npass_mark: 70\nlessons:\n  - " +
		strings.Join(ids, "\n  - ") + "\n"
	fsys["course.yaml"] = &fstest.MapFile{Data: []byte(manifest)}
	return fsys
}

func genCourse(t testing.TB, version string, n int) *lessons.Course {
	t.Helper()
	c, probs, err := lessons.Load(genCourseFS(version, n), "generated")
	if err != nil || probs.HasErrors() {
		t.Fatalf("generated course: %v %v", err, probs)
	}
	return c
}

// typedMistakes are what learners type instead of the answer: some are typos the course
// forgives ("overlaps"), the others it rejects.
var typedMistakes = map[lessons.Kind][]string{
	lessons.ShortAnswer: {"overlaps", "sliding window", "Sliding Window", "stride", "chunk overlap", "context"},
	lessons.Numeric:     {"4000", "4,000", "2048", "8192"},
}

// genHandIn plays one learner through the course and returns the hand-in's JSON. withTimes
// adds the time fields of a newer aieng (time_spent_seconds, streak_days).
func genHandIn(rng *rand.Rand, c *lessons.Course, withTimes bool) []byte {
	skill := 0.35 + 0.6*rng.Float64()
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	p := progress.CourseProgress{Lessons: map[string]progress.LessonProgress{}}
	for li, l := range c.Lessons {
		if rng.Float64() > 0.95-0.04*float64(li) { // fewer learners get far
			break
		}
		lp := progress.LessonProgress{FirstOpened: at, LastOpened: at, Read: rng.Float64() < 0.8, ReadAt: at}
		for attempt := 0; attempt < 3 && !lp.Passed; attempt++ {
			at = at.Add(7 * time.Minute)
			r := lessons.NewRound(l.Quiz)
			playRound(rng, r, skill+0.1*float64(attempt), at)
			recordRound(rng, &lp, r, c.PassMark, at)
			if r.Result(c.PassMark).Correct < len(l.Quiz) && rng.Float64() < 0.4 {
				retry := r.RetryMissed()
				playRound(rng, retry, skill+0.3, at)
				recordRound(rng, &lp, retry, c.PassMark, at)
			}
		}
		p.Lessons[l.ID] = lp
	}
	var buf bytes.Buffer
	if err := progress.NewReport(courseinfo.Of(c), p, at).WriteJSON(&buf); err != nil {
		panic(err)
	}
	if !withTimes {
		return dropTimes(buf.Bytes())
	}
	return addTimes(rng, buf.Bytes())
}

func playRound(rng *rand.Rand, r *lessons.Round, skill float64, at time.Time) {
	for !r.Done() {
		q := r.Current()
		hard := difficulty(q.ID)
		if rng.Float64() < 0.15 {
			r.UseHint()
		}
		right := rng.Float64() < skill-hard
		r.Record(answer(rng, q, right))
		if last, _ := r.Last(); last.CanOverride() && rng.Float64() < 0.1 {
			r.OverrideLast()
		}
	}
}

// difficulty is a question's, from 0 to 0.45, fixed by its id.
func difficulty(id string) float64 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return 0.45 * float64(h.Sum32()%100) / 100
}

// answer gives the right answer, or a mistake: the first wrong choice is the most common.
func answer(rng *rand.Rand, q *lessons.Question, right bool) lessons.Answer {
	if q.Typed() {
		if right {
			return q.AnswerText(q.Accepted[0])
		}
		m := typedMistakes[q.Kind]
		return q.AnswerText(m[min(rng.IntN(len(m)), rng.IntN(len(m)))])
	}
	var picks, wrong []int
	for i, ch := range q.Choices {
		if ch.Correct && (right || rng.Float64() < 0.5) {
			picks = append(picks, i)
		} else if !ch.Correct {
			wrong = append(wrong, i)
		}
	}
	if !right {
		picks = append(picks, wrong[min(rng.IntN(len(wrong)), rng.IntN(len(wrong)))])
		if q.Kind != lessons.MultipleSelect {
			picks = picks[len(picks)-1:]
		}
	}
	return q.AnswerChoices(picks)
}

func recordRound(rng *rand.Rand, lp *progress.LessonProgress, r *lessons.Round, passMark int, at time.Time) {
	var answers []progress.Answer
	for _, a := range r.Answers() {
		answers = append(answers, courseinfo.Answer(a, at))
	}
	a := courseinfo.Attempt(fmt.Sprintf("%016x", rng.Uint64()), r, passMark, answers)
	a.Time = at
	lp.Attempts = append(lp.Attempts, a)
	if a.Counts() {
		lp.Best = max(lp.Best, a.Percent)
		if a.Passed && !lp.Passed {
			lp.Passed, lp.PassedAt = true, at
		}
	}
}

// addTimes sets the time fields an aieng that counts time reports: each lesson's
// time_spent_seconds and the totals' time_spent_seconds and streak_days (the generated learner's
// progress has none, so progress.NewReport wrote zeros).
func addTimes(rng *rand.Rand, data []byte) []byte {
	return editHandIn(data, func(m map[string]any) {
		total := 0
		for _, l := range m["lessons"].([]any) {
			lesson := l.(map[string]any)
			spent := 0
			if lesson["status"] != "not_started" {
				spent = 120 + rng.IntN(1200)
			}
			lesson["time_spent_seconds"] = spent
			total += spent
		}
		totals := m["totals"].(map[string]any)
		totals["time_spent_seconds"], totals["streak_days"] = total, 1+rng.IntN(9)
	})
}

// dropTimes makes a hand-in of an aieng older than the one that counts time (issue 12): without
// the lessons' and the totals' time and review fields, which progress.NewReport now writes.
func dropTimes(data []byte) []byte {
	return editHandIn(data, func(m map[string]any) {
		for _, l := range m["lessons"].([]any) {
			for _, f := range []string{"time_spent_seconds", "reviews", "reviews_due"} {
				delete(l.(map[string]any), f)
			}
		}
		for _, f := range []string{"time_spent_seconds", "streak_days", "active_days", "reviews", "reviews_due"} {
			delete(m["totals"].(map[string]any), f)
		}
	})
}

// editHandIn decodes a hand-in, lets edit change it, and encodes it again.
func editHandIn(data []byte, edit func(map[string]any)) []byte {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		panic(err)
	}
	edit(m)
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err)
	}
	return out
}

// genClass writes n generated hand-ins of course c to dir, the first half with times; with
// an older version of the course, every seventh learner has that one.
func genClass(t testing.TB, dir string, n int, seed uint64, c *lessons.Course, older ...*lessons.Course) {
	t.Helper()
	rng := newRand(seed)
	for i := range n {
		course := c
		if len(older) > 0 && i%7 == 6 {
			course = older[0]
		}
		name := filepath.Join(dir, fmt.Sprintf("learner-%04d.json", i+1))
		if err := os.WriteFile(name, genHandIn(rng, course, i < n/2), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGenerateClass(t *testing.T) {
	if *generateDir == "" {
		t.Skip("writes a class only with -generate DIR")
	}
	course, handIns := filepath.Join(*generateDir, "course"), filepath.Join(*generateDir, "handins")
	for _, d := range []string{course, handIns} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, f := range genCourseFS("3.1.0", 10) {
		if err := os.WriteFile(filepath.Join(course, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	genClass(t, handIns, *generateN, 42, genCourse(t, "3.1.0", 10), genCourse(t, "3.0.0", 10))
	t.Logf("wrote %s and %d hand-ins in %s", course, *generateN, handIns)
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }
