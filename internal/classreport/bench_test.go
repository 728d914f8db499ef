package classreport

import (
	"io"
	"testing"
	"time"
)

// BenchmarkReport1000 is the budget of issue 15: a report over 1,000 hand-ins of a 10-lesson
// course in under 1 s and 200 MB. One iteration reads and decodes the files, sums them up and
// writes the text and HTML reports. The whole command is timed too (docs/lms.md):
//
//	go test ./internal/classreport -run TestGenerateClass -generate /tmp/class
//	/usr/bin/time -v aieng --lessons /tmp/class/course report /tmp/class/handins >/dev/null
func BenchmarkReport1000(b *testing.B) {
	c := genCourse(b, "3.1.0", 10)
	dir := b.TempDir()
	genClass(b, dir, 1000, 42, c, genCourse(b, "3.0.0", 10))
	b.ReportAllocs()
	for b.Loop() {
		handIns, skips := Collect(c, []string{dir})
		if len(handIns) != 1000 || len(skips) != 0 {
			b.Fatalf("read %d, skipped %v", len(handIns), skips)
		}
		r := Build(c, handIns, skips, time.Now())
		if err := r.WriteText(io.Discard); err != nil {
			b.Fatal(err)
		}
		if err := r.WriteHTML(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild1000 is the summing up alone, of hand-ins already decoded.
func BenchmarkBuild1000(b *testing.B) {
	c := genCourse(b, "3.1.0", 10)
	dir := b.TempDir()
	genClass(b, dir, 1000, 42, c, genCourse(b, "3.0.0", 10))
	handIns, skips := Collect(c, []string{dir})
	b.ReportAllocs()
	for b.Loop() {
		Build(c, handIns, skips, time.Now())
	}
}
