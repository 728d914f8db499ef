package lab

import (
	"os"
	"strings"
	"testing"
)

// TestDocsHoldTheReference keeps docs/labs.md in step with the kinds: its reference section
// must be exactly what Reference writes. Refresh it with: go test ./internal/lab -run TestDocs -update-docs
func TestDocsHoldTheReference(t *testing.T) {
	const begin, end = "<!-- reference: generated from the code, see internal/lab/reference.go -->\n", "<!-- end of reference -->"
	path := "../../docs/labs.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no reference section", path)
	}
	got, want := doc[i+len(begin):j], "\n"+Reference()+"\n"
	if got == want {
		return
	}
	if *updateDocs {
		if err := os.WriteFile(path, []byte(doc[:i+len(begin)]+want+doc[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date: run go test ./internal/lab -run TestDocs -update-docs", path)
}
