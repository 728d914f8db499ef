package progress

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMergeLabPasses: of two processes' passes of a lab, the earliest counts, with the values
// reached then, whichever side is merged first; a reset drops the passes made before it.
func TestMergeLabPasses(t *testing.T) {
	side := func(labs map[string][]LabPass, reset time.Time) *file {
		return &file{Schema: schemaVersion, Courses: map[string]*courseState{"c": {
			Lessons: map[string]*lessonState{"one": {Labs: labs, ResetAt: reset}},
		}}}
	}
	a := side(map[string][]LabPass{
		"threshold": {{PassedAt: at(5), Values: map[string]float64{"recall": 0.91, "threshold": 0.3}}},
		"only-a":    {{PassedAt: at(2)}},
	}, time.Time{})
	b := side(map[string][]LabPass{
		"threshold": {{PassedAt: at(3), Values: map[string]float64{"recall": 0.95, "threshold": 0.2}}},
	}, time.Time{})
	for _, m := range []*file{merge(a, b), merge(b, a)} {
		labs := firstPasses(m.Courses["c"].Lessons["one"].Labs)
		if got := labs["threshold"]; !got.PassedAt.Equal(at(3)) || got.Values["recall"] != 0.95 || got.Values["threshold"] != 0.2 {
			t.Errorf("threshold = %+v, want the pass at %v with its values", got, at(3))
		}
		if _, ok := labs["only-a"]; !ok || len(labs) != 2 {
			t.Errorf("labs = %+v", labs)
		}
	}
	// The pass at 5 comes after the reset at 4: it counts whatever the order of merging.
	reset := side(nil, at(4))
	for _, m := range []*file{merge(merge(a, b), reset), merge(a, merge(b, reset))} {
		labs := firstPasses(m.Courses["c"].Lessons["one"].Labs)
		if got, ok := labs["threshold"]; !ok || !got.PassedAt.Equal(at(5)) || len(labs) != 1 {
			t.Errorf("after a reset at %v: %+v, want only a's pass at %v", at(4), labs, at(5))
		}
	}
}

// randomLabs gives a random lesson of randomFile a few lab passes; the same lab and time always
// carry the same values, as in real use.
func randomLabs(rng *rand.Rand, tm func() time.Time) map[string][]LabPass {
	var out map[string][]LabPass
	for range rng.IntN(3) {
		if out == nil {
			out = map[string][]LabPass{}
		}
		t := tm()
		id := fmt.Sprint("lab", rng.IntN(3))
		out[id] = append(out[id], LabPass{PassedAt: t, Values: map[string]float64{"v": float64(t.Minute() % 7)}})
	}
	return sanitizeLabs(out)
}

// TestStorePassLabFirstPassCounts: a second pass of the same lab changes nothing; the file
// holds the lab under the lesson with its time and values, and reads back the same.
func TestStorePassLabFirstPassCounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.PassLab("c", "one", "pick-threshold", map[string]float64{"recall": 0.92, "bad": math.NaN()}, at(1)))
	must(t, s.PassLab("c", "one", "pick-threshold", map[string]float64{"recall": 1}, at(2)))
	data, err := os.ReadFile(path)
	must(t, err)
	want := `"labs": {
            "pick-threshold": [
              {
                "passed_at": "2025-03-14T09:27:53Z",
                "values": {
                  "recall": 0.92
                }
              }
            ]
          }`
	if !strings.Contains(string(data), want) {
		t.Errorf("file:\n%s\nwant a part:\n%s", data, want)
	}
	p := openClean(t, path).Course("c")
	if pass, ok := p.LabPassed("one", "pick-threshold"); !ok || !pass.PassedAt.Equal(at(1)) || pass.Values["recall"] != 0.92 {
		t.Errorf("read back: %+v %v", pass, ok)
	}
	if st := p.Lessons["one"].Status(); st != InProgress {
		t.Errorf("a lesson with a lab passed is %v, want in progress", st)
	}
	if err := s.PassLab("c", "one", "", nil, at(3)); err == nil {
		t.Error("a pass without a lab id was recorded")
	}
}

// TestTwoProcessesPassLabs: two stores on one file, each passing labs; each save merges, so
// both passes are kept, and for a lab both passed the earlier pass wins.
func TestTwoProcessesPassLabs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	first, second := openClean(t, path), openClean(t, path)
	must(t, first.PassLab("c", "one", "shared", map[string]float64{"x": 1}, at(9)))
	must(t, second.PassLab("c", "one", "shared", map[string]float64{"x": 2}, at(4)))
	must(t, second.PassLab("c", "two", "other", nil, at(5)))
	must(t, first.MarkRead("c", "one", at(10)))
	p := openClean(t, path).Course("c")
	shared, _ := p.LabPassed("one", "shared")
	if !shared.PassedAt.Equal(at(4)) || shared.Values["x"] != 2 {
		t.Errorf("shared = %+v, want the pass at %v", shared, at(4))
	}
	if _, ok := p.LabPassed("two", "other"); !ok || !p.Lessons["one"].Read {
		t.Errorf("a process's change was lost: %+v", p)
	}
}

// TestResetDropsLabs: resetting a lesson forgets its labs passed.
func TestResetDropsLabs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.PassLab("c", "one", "lab", nil, at(1)))
	must(t, s.PassLab("c", "two", "lab2", nil, at(1)))
	if _, err := s.Reset("c", "one"); err != nil {
		t.Fatal(err)
	}
	p := openClean(t, path).Course("c")
	if _, ok := p.LabPassed("one", "lab"); ok {
		t.Error("the reset lesson's lab is still passed")
	}
	if _, ok := p.LabPassed("two", "lab2"); !ok {
		t.Error("another lesson's lab was reset")
	}
}

func TestSessionPassLab(t *testing.T) {
	st := &recordingStorage{}
	s := NewSession("c", st, SessionOptions{Now: sessionClock()})
	values := map[string]float64{"recall": 0.9}
	s.PassLab("one", "pick", values)
	values["recall"] = 0 // the caller's map is not kept
	s.PassLab("one", "pick", map[string]float64{"recall": 1})
	pass, ok := s.Progress().LabPassed("one", "pick")
	if !ok || pass.Values["recall"] != 0.9 || !pass.PassedAt.Equal(at(0).Add(time.Second)) {
		t.Errorf("pass = %+v %v", pass, ok)
	}
	if err := s.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	if got := st.log(); !slices.Equal(got, []string{"lab pick one"}) {
		t.Errorf("writes = %q, want the first pass once", got)
	}
}

// TestReportLabs: the report lists each lesson's labs in the lesson's order, with the first
// pass's time and values, and counts them per lesson (CSV) and in the totals.
func TestReportLabs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.PassLab("c", "one", "b-lab", map[string]float64{"recall": 0.95}, at(2)))
	must(t, s.PassLab("c", "one", "gone", nil, at(3))) // a lab the lesson no longer has
	info := CourseInfo{ID: "c", Title: "C", Lessons: []LessonInfo{
		{ID: "one", Title: "One", Labs: []LabInfo{{ID: "a-lab", Title: "A"}, {ID: "b-lab", Title: "B"}}},
		{ID: "two", Title: "Two"},
	}}
	p := openClean(t, path).Course("c")
	r := NewReport(info, p, at(10))
	one := r.Lessons[0].Labs
	if len(one) != 2 || one[0].ID != "a-lab" || one[0].Passed || one[0].PassedAt != nil || len(one[0].Values) != 0 {
		t.Errorf("a lab not passed: %+v", one)
	}
	if b := one[1]; !b.Passed || b.PassedAt == nil || !b.PassedAt.Equal(at(2)) || b.Values["recall"] != 0.95 {
		t.Errorf("a lab passed: %+v", b)
	}
	if r.Lessons[1].Labs == nil || len(r.Lessons[1].Labs) != 0 {
		t.Errorf("a lesson without labs: %#v, want an empty list", r.Lessons[1].Labs)
	}
	if r.Totals.Labs != 2 || r.Totals.LabsPassed != 1 || info.LabsPassed(p, 0) != 1 {
		t.Errorf("totals = %+v", r.Totals)
	}
	var out strings.Builder
	must(t, r.WriteCSV(&out))
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	must(t, err)
	labs, passed := slices.Index(rows[0], "labs"), slices.Index(rows[0], "labs_passed")
	if labs < 0 || passed != labs+1 {
		t.Fatalf("CSV header: %q", rows[0])
	}
	if got := [][]string{rows[1][labs : labs+2], rows[2][labs : labs+2]}; !slices.Equal(got[0], []string{"2", "1"}) || !slices.Equal(got[1], []string{"0", "0"}) {
		t.Errorf("CSV labs,labs_passed: %q in rows %q", got, rows)
	}
}
