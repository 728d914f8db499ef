package classreport

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aieng/aieng/internal/safetext"
)

// FuzzHandIn feeds any bytes to Decode and what it accepts to the whole report: nothing
// panics, and no control character reaches the text, CSV or HTML.
func FuzzHandIn(f *testing.F) {
	c := loadFixture(f)
	ans := HandInAnswer{QuestionID: "overlap", Hash: hashOf(f, c, "overlap"), Given: strs("sliding window")}
	seed, err := json.Marshal(handIn("2.0.0", HandInTotals{TimeSpentSeconds: i64(5)},
		HandInLesson{ID: "retrieval", Status: "read", FirstAttemptPercent: f64(25), History: []HandInAttempt{attempt("full", ans)}}))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"report_version": 1, "course": {"id": "report-course"}, "lessons": [{"id": "numbers", "history": [{"answers": [{"question_id": "tokens", "given": ["\u001b[2J"]}]}]}]}`))
	f.Add([]byte(`{"report_version": 2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := Decode(data)
		if err != nil || Check(c, h) != "" {
			return
		}
		r := Build(c, []HandIn{h}, []Skip{{File: "x\x1b.json", Reason: "r"}}, reportTime)
		var text, table, page bytes.Buffer
		for _, err := range []error{r.WriteText(&text), r.WriteCSV(&table), r.WriteHTML(&page)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, out := range []string{text.String(), table.String(), page.String()} {
			if strings.ContainsFunc(out, func(r rune) bool { return safetext.IsControl(r) && r != '\n' }) {
				t.Fatalf("a control character in the output:\n%q", out)
			}
		}
	})
}
