package classreport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestGeneratedClassAgainstOracle sums up a generated class twice: with Build, and with the
// plainest code that follows the rules of docs/lms.md over the hand-ins as untyped JSON. The
// two must agree on every lesson and question count.
func TestGeneratedClassAgainstOracle(t *testing.T) {
	c := genCourse(t, "3.1.0", 10)
	dir := t.TempDir()
	genClass(t, dir, 200, 11, c)
	handIns, skips := Collect(c, []string{dir})
	if len(handIns) != 200 || len(skips) != 0 {
		t.Fatalf("read %d, skipped %v", len(handIns), skips)
	}
	v := Build(c, handIns, skips, reportTime).Versions[0]
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var docs []map[string]any
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, m)
	}
	for li, l := range v.Lessons {
		want := oracleLesson(docs, li)
		got := []float64{float64(l.Started), float64(l.Passed), float64(l.FirstAttempts), deref(l.MedianFirstAttemptPercent)}
		if !slices.Equal(got, want) {
			t.Errorf("lesson %s: started, passed, first attempts, median %v; the oracle says %v", l.ID, got, want)
		}
		for _, q := range l.QuestionStats {
			got := [3]int{q.FirstTries, q.Missed, q.Hinted}
			if want := oracleQuestion(docs, li, q.ID); got != want {
				t.Errorf("question %s: first tries, missed, hinted %v; the oracle says %v", q.ID, got, want)
			}
		}
	}
	if v.Lessons[0].Started < 150 || v.Lessons[0].QuestionStats[0].Missed == 0 {
		t.Fatalf("the generated class is too thin to test anything: %+v", v.Lessons[0])
	}
}

func oracleLesson(docs []map[string]any, li int) []float64 {
	var started, passed float64
	var firsts []float64
	for _, d := range docs {
		l := d["lessons"].([]any)[li].(map[string]any)
		if l["status"] != "not_started" {
			started++
		}
		if l["passed"] == true {
			passed++
		}
		if p, ok := l["first_attempt_percent"].(float64); ok {
			firsts = append(firsts, p)
		}
	}
	med := 0.0
	if n := len(firsts); n > 0 {
		slices.Sort(firsts)
		med = round1((firsts[(n-1)/2] + firsts[n/2]) / 2)
	}
	return []float64{started, passed, float64(len(firsts)), med}
}

func oracleQuestion(docs []map[string]any, li int, id string) [3]int {
	var out [3]int
	for _, d := range docs {
		l := d["lessons"].([]any)[li].(map[string]any)
	learner:
		for _, at := range l["history"].([]any) {
			at := at.(map[string]any)
			if at["kind"] != "full" {
				continue
			}
			for _, a := range at["answers"].([]any) {
				a := a.(map[string]any)
				if a["question_id"] != id {
					continue
				}
				out[0]++
				if a["correct"] != true || a["overridden"] == true {
					out[1]++
				}
				if a["hinted"] == true {
					out[2]++
				}
				break learner
			}
		}
	}
	return out
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{[]float64{3}, 3}, {[]float64{4, 1, 3}, 3}, {[]float64{1, 2, 3, 4}, 2.5}, {[]float64{0, 100}, 50}} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestVersionOrder(t *testing.T) {
	vs := []string{"1.9.0", "", "2.0.0", "1.10.0", "beta", "v1.2.0"}
	sortVersions(vs, "1.9.0")
	want := []string{"1.9.0", "2.0.0", "1.10.0", "v1.2.0", "beta", ""}
	if !slices.Equal(vs, want) {
		t.Errorf("versions in order %q, want %q", vs, want)
	}
}

// TestReadsEveryAnswer decodes what progress.NewReport writes (genHandIn) and finds every
// attempt and answer of the untyped JSON in the HandIn.
func TestReadsEveryAnswer(t *testing.T) {
	c := genCourse(t, "3.1.0", 3)
	data := genHandIn(newRand(5), c, true)
	h, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	answers := 0
	for li, l := range m["lessons"].([]any) {
		l := l.(map[string]any)
		hl := h.Lessons[li]
		if hl.ID != l["id"] || hl.Status != l["status"] || len(hl.History) != len(l["history"].([]any)) ||
			hl.TimeSpentSeconds == nil || float64(*hl.TimeSpentSeconds) != l["time_spent_seconds"] {
			t.Fatalf("lesson %d read as %+v", li, hl)
		}
		for ai, at := range l["history"].([]any) {
			n := len(at.(map[string]any)["answers"].([]any))
			if len(hl.History[ai].Answers) != n {
				t.Fatalf("attempt %d of lesson %d: %d answers read of %d", ai, li, len(hl.History[ai].Answers), n)
			}
			answers += n
		}
	}
	if answers == 0 || h.Totals.StreakDays == nil || h.Course.ID != "generated-course" || h.Course.Version != "3.1.0" {
		t.Fatalf("hand-in read as %+v (%d answers)", h, answers)
	}
}

// TestGeneratedVersions: a class of two course versions is reported in two parts, and only the
// question that changed between them counts answers to an older version, in the older part.
func TestGeneratedVersions(t *testing.T) {
	c, older := genCourse(t, "3.1.0", 4), genCourse(t, "3.0.0", 4)
	dir := t.TempDir()
	genClass(t, dir, 70, 13, c, older)
	handIns, _ := Collect(c, []string{dir})
	r := Build(c, handIns, nil, reportTime)
	if len(r.Versions) != 2 || r.Versions[0].Version != "3.1.0" || r.Versions[0].Learners != 60 ||
		r.Versions[1].Version != "3.0.0" || r.Versions[1].Learners != 10 {
		t.Fatalf("versions: %+v", r.Versions)
	}
	answered := 0 // learners of 3.0.0 who answered the changed question
	for _, h := range handIns {
		if h.Course.Version == "3.0.0" && slices.ContainsFunc(h.Lessons[1].History, func(a HandInAttempt) bool { return len(a.Answers) > 0 }) {
			answered++
		}
	}
	for vi, v := range r.Versions {
		for _, l := range v.Lessons {
			for _, q := range l.QuestionStats {
				want := 0
				if vi == 1 && q.ID == "lesson-02-short" {
					want = answered
				}
				if q.OlderVersion != want {
					t.Errorf("version %s, question %s: %d learners answered an older version, want %d", v.Version, q.ID, q.OlderVersion, want)
				}
			}
		}
	}
	if answered == 0 {
		t.Fatal("nobody answered the changed question: the test tests nothing")
	}
}
