package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schema1File is a progress file as aieng wrote it before schema 2: attempts without a kind,
// answers without details.
const schema1File = `{
  "schema": 1,
  "courses": {
    "c": {
      "last_lesson": "one",
      "last_lesson_at": "2026-11-20T18:05:00Z",
      "lessons": {
        "one": {
          "first_opened": "2026-11-20T17:00:00Z",
          "attempts": [
            {"id": "a1", "time": "2026-11-20T17:30:00Z", "correct": 3, "total": 4, "percent": 75, "passed": true,
             "answers": [{"question_id": "one/q1", "hash": "3b7e", "given": ["x"], "correct": true}]},
            {"time": "2026-11-20T17:40:00Z", "correct": 4, "total": 4, "percent": 100, "passed": true}
          ],
          "best": 100,
          "passed": true
        }
      }
    }
  }
}
`

// TestSchema1IsMigrated: a schema-1 file is read as schema 2 (its attempts count as full ones)
// and is written back as schema 2 with the next change, keeping everything.
func TestSchema1IsMigrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	must(t, os.WriteFile(path, []byte(schema1File), 0o600))
	s := openClean(t, path)
	lp := s.Course("c").Lessons["one"]
	if len(lp.Attempts) != 2 || lp.Best != 100 || !lp.Passed || len(lp.FullAttempts()) != 2 {
		t.Fatalf("migrated lesson: %+v", lp)
	}
	for _, a := range lp.Attempts {
		if a.Kind != FullAttempt || a.ID == "" {
			t.Errorf("migrated attempt %+v", a)
		}
	}
	if first, _ := lp.FirstAttempt(); first.Percent != 75 {
		t.Errorf("first full attempt %v", first.Percent)
	}
	if s.Course("c").Welcomed {
		t.Error("a schema-1 learner counts as welcomed; the interface decides from their progress")
	}
	if got, _ := os.ReadFile(path); string(got) != schema1File {
		t.Fatal("reading the file changed it")
	}
	must(t, s.MarkRead("c", "one", at(0)))
	data, err := os.ReadFile(path)
	must(t, err)
	if !strings.Contains(string(data), `"schema": 2`) || strings.Count(string(data), `"kind": "full"`) != 2 {
		t.Fatalf("written back as:\n%s", data)
	}
	again := openClean(t, path).Course("c").Lessons["one"]
	if len(again.Attempts) != 2 || again.Attempts[1].ID != lp.Attempts[1].ID || !again.Read {
		t.Fatalf("after the save: %+v", again)
	}
}

// TestOlderAiengRefusesSchema2: an aieng that reads schema 1 treats a schema-2 file as a newer
// one and never writes it. This is the rule of checkSchemaFor, tested here as that aieng would
// apply it (its schemaVersion was 1): a schema above the one it reads is read-only.
func TestOlderAiengRefusesSchema2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	must(t, s.RecordAttempt("c", "one", Attempt{ID: "x", Kind: PracticeAttempt, Percent: 100, Total: 1, Correct: 1}))
	data, err := os.ReadFile(path)
	must(t, err)
	if !strings.Contains(string(data), `"schema": 2`) || schemaVersion != 2 {
		t.Fatalf("this aieng writes schema %d:\n%s", schemaVersion, data)
	}
	// What an aieng of schema 1 concludes from the same bytes: a newer file, read-only.
	var schema *schemaError
	if _, err := decodeAs(data, 1); !errors.As(err, &schema) || !schema.newer {
		t.Fatalf("an aieng of schema 1 would write over this file: %v", err)
	}
	if _, err := decode(data); err != nil {
		t.Fatalf("this aieng refuses its own file: %v", err)
	}
}
