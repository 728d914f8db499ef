package lessons

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLineEndings: a lesson saved with CRLF line endings and a byte-order mark (testdata/
// lineendings/crlf-bom.md), or with lone CRs, parses exactly as the same lesson saved with LF:
// same text, same problems at the same positions, and no carriage return anywhere in it.
func TestLineEndings(t *testing.T) {
	lf, err := os.ReadFile("testdata/lineendings/lf.md")
	if err != nil {
		t.Fatal(err)
	}
	crlf, err := os.ReadFile("testdata/lineendings/crlf-bom.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(crlf, []byte("\xef\xbb\xbf")) || !bytes.Contains(crlf, []byte("\r\n")) {
		t.Fatal("crlf-bom.md lost its byte-order mark or its CRLFs: check .gitattributes")
	}
	want, wantProbs := ParseLesson("x.md", lf)
	if want == nil || len(want.Quiz) != 1 {
		t.Fatalf("the LF fixture did not parse as a lesson with one question: %v", wantProbs)
	}
	for name, src := range map[string][]byte{"CRLF and BOM": crlf, "CR": bytes.ReplaceAll(lf, []byte("\n"), []byte("\r"))} {
		got, probs := ParseLesson("x.md", src)
		if got == nil {
			t.Fatalf("%s: not parsed: %v", name, probs)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parsed differently from LF:\ngot  %+v\nwant %+v", name, got, want)
		}
		if !reflect.DeepEqual(probs, wantProbs) {
			t.Errorf("%s: problems %v, with LF %v", name, probs, wantProbs)
		}
		if s := lessonStrings(got); strings.Contains(s, "\r") {
			t.Errorf("%s: a carriage return is left in the lesson: %q", name, s)
		}
	}
}

// lessonStrings joins every text of a lesson a learner may see.
func lessonStrings(l *Lesson) string {
	parts := append([]string{l.Title, l.Section, l.Body}, l.Objectives...)
	for _, q := range l.Quiz {
		parts = append(parts, q.Prompt, q.Detail, q.Explanation, q.Hint)
		parts = append(parts, q.Accepted...)
		for _, c := range q.Choices {
			parts = append(parts, c.Text, c.Feedback)
		}
	}
	return strings.Join(parts, "\n")
}

// TestManifestLineEndings: a course.yaml saved with a byte-order mark, CRLF or lone CRs reads
// as the same manifest saved plain, with no problem (a BOM was reported as an invisible
// character, failing --strict).
func TestManifestLineEndings(t *testing.T) {
	plain := "id: c\ntitle: C\nversion: 1.0.0\nlessons:\n  - one\n"
	lesson := []byte("---\ntitle: One\nobjectives:\n  - Read\n---\n\nText.\n")
	for name, manifest := range map[string]string{
		"BOM":      "\uFEFF" + plain,
		"BOM CRLF": "\uFEFF" + strings.ReplaceAll(plain, "\n", "\r\n"),
		"CR":       strings.ReplaceAll(plain, "\n", "\r"),
	} {
		fsys := fstest.MapFS{ManifestName: {Data: []byte(manifest)}, "01-one.md": {Data: lesson}}
		c, probs, err := Load(fsys, "x")
		if err != nil || len(probs) != 0 {
			t.Errorf("%s: problems %v, error %v; want none", name, probs, err)
			continue
		}
		if c.ID != "c" || c.Version != "1.0.0" || len(c.Lessons) != 1 {
			t.Errorf("%s: read as id %q version %q with %d lessons", name, c.ID, c.Version, len(c.Lessons))
		}
	}
}
