package export

import (
	"bytes"
	"io"
	"testing"

	"github.com/aieng/aieng/lessons"
)

func builtin(tb testing.TB) *lessons.Course {
	tb.Helper()
	c, probs, err := lessons.Builtin()
	if err != nil || probs.HasErrors() {
		tb.Fatalf("built-in course: %v %v", err, probs)
	}
	return c
}

// TestBuiltinCourseExports: the course that ships with aieng exports to every format, and each
// question of it is in the QTI and Moodle files.
func TestBuiltinCourseExports(t *testing.T) {
	c := builtin(t)
	_, files := readZip(t, c)
	items := 0
	for name, data := range files {
		if name == "imsmanifest.xml" || len(data) == 0 {
			continue
		}
		root := parseXML(t, data)
		if root.XMLName.Local == "questestinterop" {
			items += len(root.one(t, "assessment", "section").all("item"))
		}
	}
	moodle := writeMoodle(t, c)
	questions := 0
	for _, q := range moodle.all("question") {
		if q.attr("type") != "category" {
			questions++
		}
	}
	if items != c.QuestionCount() || questions != c.QuestionCount() {
		t.Errorf("QTI has %d items, Moodle %d questions; the course has %d", items, questions, c.QuestionCount())
	}
	for _, f := range KeyFormats {
		if err := WriteKey(io.Discard, c, f); err != nil {
			t.Errorf("%s key: %v", f, err)
		}
	}
}

func BenchmarkExportBuiltin(b *testing.B) {
	c := builtin(b)
	for _, tc := range []struct {
		name  string
		write func(io.Writer, *lessons.Course) error
	}{
		{"qti", WriteQTI},
		{"moodle", WriteMoodle},
		{"key-md", func(w io.Writer, c *lessons.Course) error { return WriteKey(w, c, KeyMarkdown) }},
		{"key-csv", func(w io.Writer, c *lessons.Course) error { return WriteKey(w, c, KeyCSV) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := tc.write(&buf, c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/op-output")
		})
	}
}
