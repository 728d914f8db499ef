package export

import (
	"os"
	"strings"
	"testing"
)

// TestDocsMapping keeps docs/lms.md honest: its table of kinds names the Canvas and Moodle types
// the exports write.
func TestDocsMapping(t *testing.T) {
	doc, err := os.ReadFile("../../docs/lms.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(doc), "\n") {
		if name, _, ok := strings.Cut(strings.TrimPrefix(line, "| "), " |"); ok && strings.HasPrefix(line, "| ") {
			rows[strings.TrimSuffix(name, " (planned)")] = line
		}
	}
	for _, k := range []itemKind{kindSingle, kindMultiple, kindTrueFalse, kindShort, kindNumeric} {
		row, ok := rows[k.String()]
		if !ok {
			t.Errorf("docs/lms.md has no row for %s questions", k)
			continue
		}
		for _, want := range []string{"`" + qtiQuestionTypes[k] + "`", "`" + moodleTypes[k] + "`"} {
			if !strings.Contains(row, want) {
				t.Errorf("docs/lms.md row %q does not name %s", row, want)
			}
		}
	}
}
