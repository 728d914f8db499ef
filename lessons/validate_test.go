package lessons

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProblemFixtures loads each course in testdata/problems and asserts every problem it
// reports, with its exact position and message.
func TestProblemFixtures(t *testing.T) {
	const dir = "testdata/problems"
	tests := []struct {
		fixture string
		want    []string
	}{
		{"missing-title", []string{
			"01-a.md:1:1: missing title",
		}},
		{"empty-title", []string{
			"01-a.md:2:1: empty title",
		}},
		{"duplicate-id", []string{
			`02-b.md:5:1: duplicate lesson id "same" (also in 01-a.md)`,
		}},
		{"no-correct-answer", []string{
			"01-a.md:11:1: question has no correct answer: mark one choice [x]",
		}},
		{"no-correct-answer-multiple", []string{
			"01-a.md:11:1: multiple-select question has no correct answer: mark every right choice [x]",
		}},
		{"single-two-correct", []string{
			"01-a.md:14:3: single-choice question has 2 correct answers; add {kind=multiple} to the heading if that is intended",
		}},
		{"too-few-choices", []string{
			"01-a.md:11:1: question has fewer than two choices",
		}},
		{"quiz-no-questions", []string{
			"01-a.md:9:1: quiz heading has no questions: add ### questions below it, or remove it",
		}},
		{"no-explanation", []string{
			"01-a.md:11:1: question has no explanation: add a blockquote (> ...) after the choices",
		}},
		{"unknown-key", []string{
			`01-a.md:2:1: unknown field "titel" (did you mean "title"?)`,
		}},
		{"invalid-utf8", []string{
			"01-a.md:7:4: invalid UTF-8: save the file as UTF-8",
		}},
		{"escape-sequence", []string{
			"01-a.md:7:6: control character U+001B (ESC) is not allowed: it could change the learner's terminal",
			"01-a.md:7:15: control character U+0007 (BEL) is not allowed: it could change the learner's terminal",
			"01-a.md:7:26: control character U+009B (CSI) is not allowed: it could change the learner's terminal",
		}},
		{"manifest-unknown-lesson", []string{
			`course.yaml:5:5: manifest names lesson "missing", which does not exist`,
		}},
		{"warnings", []string{
			"01-a.md:1:1: warning: lesson has no objectives",
			"01-a.md:7:1: warning: code block has no language tag",
			`01-a.md:13:1: warning: negatively worded prompt ("NOT"): learners misread negative questions; ask the positive question`,
			`01-a.md:17:3: warning: "none of the above" in a shuffled question: after shuffling, "above" means nothing; rewrite the choice or add {shuffle=false}`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			course := filepath.Join(dir, tt.fixture)
			_, probs, err := LoadDir(course)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.ToSlash(course)+"/"+w)
			}
			assertProblems(t, probs, want)
		})
	}
}

func assertProblems(t *testing.T, probs Problems, want []string) {
	t.Helper()
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

// TestFileTooLarge is generated rather than stored: a 1 MiB fixture would bloat the repository.
func TestFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "course.yaml", "id: big\ntitle: Big\n")
	body := "---\ntitle: Big\n---\n\n" + strings.Repeat("word ", MaxFileSize/5+1)
	writeFile(t, dir, "01-big.md", body)
	_, probs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{fmt.Sprintf("%s/01-big.md:1:1: file is %d bytes; a lesson may be at most 1 MiB", filepath.ToSlash(filepath.Clean(dir)), len(body))}
	assertProblems(t, probs, want)
}

func TestMissingManifest(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "01-a.md", "---\ntitle: A\nobjectives: [x]\n---\n\nText.\n")
	_, probs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	assertProblems(t, probs, []string{filepath.ToSlash(filepath.Clean(dir)) +
		"/course.yaml:1:1: missing course.yaml: every course folder needs a manifest with at least id and title (aieng init creates one)"})
}

func TestMissingFolder(t *testing.T) {
	_, _, err := LoadDir(filepath.Join(t.TempDir(), "nope"))
	if err == nil || !strings.Contains(err.Error(), "no course folder at") {
		t.Fatalf("err = %v, want a clear 'no course folder' error", err)
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestYAMLReadOtherwiseThanTheFile: text that YAML would read otherwise than the file (a stray
// byte, a Unicode line break) is one error at its own place, in front matter, in the manifest and
// in a lab block, rather than a YAML error a line away, or a second message for the same byte.
func TestYAMLReadOtherwiseThanTheFile(t *testing.T) {
	const lab = "```lab\nid: pick\ntitle: Pick\u2028a threshold\nkind: threshold\ngoal: recall >= 0.8\n```\n"
	const breakMsg = "a Unicode line break (U+%04X) in YAML: YAML starts a new line there and the file does not; use a plain new line or a space"
	tests := []struct {
		name, manifest, lesson string
		want                   []string
	}{
		{"stray byte in front matter", "id: c\ntitle: C\n", "---\ntitle: Ab\xfeout\nobjectives: [x]\n---\n\nText.\n",
			[]string{"01-a.md:2:10: invalid UTF-8: save the file as UTF-8"}},
		{"line separator in front matter", "id: c\ntitle: C\n", "---\ntitle: A\u2028B\nobjectives: [x]\n---\n\nText.\n",
			[]string{"01-a.md:2:9: " + fmt.Sprintf(breakMsg, 0x2028)}},
		{"paragraph separator in the manifest", "id: c\ntitle: C\u2029D\n", "---\ntitle: A\nobjectives: [x]\n---\n\nText.\n",
			[]string{"course.yaml:2:9: " + fmt.Sprintf(breakMsg, 0x2029)}},
		{"line separator in a lab block", "id: c\ntitle: C\n", "---\ntitle: A\nobjectives: [x]\n---\n\nText.\n\n" + lab,
			[]string{"01-a.md:10:12: " + fmt.Sprintf(breakMsg, 0x2028)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "course.yaml", tt.manifest)
			writeFile(t, dir, "01-a.md", tt.lesson)
			_, probs, err := LoadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.ToSlash(filepath.Clean(dir))+"/"+w)
			}
			assertProblems(t, probs, want)
		})
	}
}
