package classreport

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsNameEveryField keeps docs/lms.md honest: every key of the JSON report and every CSV
// column is named there.
func TestDocsNameEveryField(t *testing.T) {
	doc, err := os.ReadFile("../../docs/lms.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## Class results: `aieng report`")
	if !ok {
		t.Fatal("docs/lms.md has no section on aieng report")
	}
	var buf bytes.Buffer
	if err := fixtureReport(t).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	collectKeys(v, keys)
	for k := range keys {
		// As `key`, or at the end of a path: `versions[].lessons`.
		if !regexp.MustCompile("[`.]" + regexp.QuoteMeta(k) + "`").MatchString(section) {
			t.Errorf("docs/lms.md does not name the JSON field %q", k)
		}
	}
	numbered := regexp.MustCompile(`^(wrong_choice|rejected_answer)_[1-3](_learners)?$`)
	for _, col := range CSVHeader {
		if m := numbered.FindStringSubmatch(col); m != nil {
			col = m[1] + "_1" // named as `wrong_choice_1` to `_3`, each with its `_learners` column
		}
		if !strings.Contains(section, "`"+col+"`") {
			t.Errorf("docs/lms.md does not name the CSV column %q", col)
		}
	}
}

func collectKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys[k] = true
			collectKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			collectKeys(x, keys)
		}
	}
}
