package progress

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// realisticStore returns a store holding a course of 10 lessons, each read, with 3 attempts of
// 8 answers: a learner who has finished a course.
func realisticStore(b *testing.B) *Store {
	b.Helper()
	s := openClean(b, filepath.Join(b.TempDir(), "progress.json"))
	for l := range 10 {
		lesson := fmt.Sprintf("lesson-%02d", l)
		must(b, s.OpenLesson("course", lesson, at(l*60)))
		must(b, s.MarkRead("course", lesson, at(l*60+20)))
		for n := range 3 {
			a := Attempt{ID: fmt.Sprintf("%s-attempt-%d", lesson, n), Time: at(l*60 + 30 + n), Correct: 5 + n, Total: 8, Passed: n > 0}
			for q := range 8 {
				a.Answers = append(a.Answers, Answer{
					QuestionID: fmt.Sprintf("%s/q%d", lesson, q+1), Hash: "3b7e1c0d9a2f5e6d",
					Given: []string{"A stratified split keeps the class balance"}, Correct: q < a.Correct,
				})
			}
			must(b, s.RecordAttempt("course", lesson, a))
		}
	}
	return s
}

// BenchmarkSave measures one save of a realistic file: lock, read, decode, merge, encode,
// write a temporary file, fsync, rename, fsync the directory.
func BenchmarkSave(b *testing.B) {
	s := realisticStore(b)
	for i := 0; b.Loop(); i++ {
		if err := s.SetPosition("course", "lesson-05", float64(i%100)/100, at(1000+i)); err != nil {
			b.Fatal(err)
		}
	}
	info, err := os.Stat(s.Path())
	must(b, err)
	b.ReportMetric(float64(info.Size()), "file-bytes")
}

// BenchmarkDecode measures reading the same file, the part of a save that grows with it.
func BenchmarkDecode(b *testing.B) {
	data, err := os.ReadFile(realisticStore(b).Path())
	must(b, err)
	for b.Loop() {
		if _, err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
