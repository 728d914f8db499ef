package classreport

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// voidElements have no end tag in HTML.
var voidElements = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

// element is a parsed tag with its attributes, for the checks below.
type element struct {
	name  string
	attrs map[string]string
}

// checkWellFormed tokenizes an HTML page and fails unless every element is closed, in order,
// (SVG's self-closed elements included); it returns the elements and the page's text.
func checkWellFormed(t *testing.T, page []byte) ([]element, string) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	var open []string
	var elements []element
	var text strings.Builder
	for {
		tt := z.Next()
		tok := z.Token()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatalf("tokenizing: %v", z.Err())
			}
			if len(open) > 0 {
				t.Fatalf("elements left open at the end: %v", open)
			}
			return elements, text.String()
		case html.StartTagToken, html.SelfClosingTagToken:
			e := element{tok.Data, map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Key] = a.Val
			}
			elements = append(elements, e)
			if tt == html.StartTagToken && !slices.Contains(voidElements, tok.Data) {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				t.Fatalf("</%s> closes %v", tok.Data, open)
			}
			open = open[:len(open)-1]
		case html.TextToken:
			text.WriteString(tok.Data)
		}
	}
}

func TestHTMLPage(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.Bytes()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) {
		t.Fatal("not an HTML5 page")
	}
	elements, text := checkWellFormed(t, page)
	ids := map[string]string{}
	for _, e := range elements {
		if id := e.attrs["id"]; id != "" {
			if ids[id] != "" {
				t.Errorf("id %q used twice", id)
			}
			ids[id] = e.name
		}
	}
	svgs := 0
	for _, e := range elements {
		checkNoFetch(t, e)
		if e.name != "svg" {
			continue
		}
		svgs++
		// A chart is an image with a title and a description a screen reader reads.
		labels := strings.Fields(e.attrs["aria-labelledby"])
		if e.attrs["role"] != "img" || len(labels) != 2 || ids[labels[0]] != "title" || ids[labels[1]] != "desc" {
			t.Errorf("a chart without its text alternative: %v", e.attrs)
		}
	}
	if svgs != 3*len(r.Versions) {
		t.Errorf("%d charts, want 3 for each of %d versions", svgs, len(r.Versions))
	}
	csp := slices.ContainsFunc(elements, func(e element) bool {
		return e.name == "meta" && e.attrs["http-equiv"] == "Content-Security-Policy" && strings.HasPrefix(e.attrs["content"], "default-src 'none'")
	})
	if !csp {
		t.Error("the page does not forbid loading anything")
	}
	for _, want := range []string{"Class report: Report Test Course", "Version 2.0.0", "Version 1.0.0",
		"Learners who started and passed each lesson", "Questions missed at the first try", "Share of first tries missed",
		"pass mark 70%", "Which store holds embeddings?", "“Sliding Window”", "A relational table without an index",
		"retrieval/q9", "the same hand-in as"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
}

// checkNoFetch fails on anything that would make the page load from elsewhere.
func checkNoFetch(t *testing.T, e element) {
	t.Helper()
	if slices.Contains([]string{"script", "link", "img", "iframe", "object", "embed", "image", "use", "audio", "video", "source"}, e.name) {
		t.Errorf("the page has a <%s> element", e.name)
	}
	for _, key := range []string{"src", "href", "xlink:href", "action", "srcset", "style"} {
		if v := strings.ToLower(e.attrs[key]); strings.Contains(v, "http:") || strings.Contains(v, "https:") ||
			strings.Contains(v, "//") || strings.Contains(v, "url(") {
			t.Errorf("<%s %s=%q> points elsewhere", e.name, key, e.attrs[key])
		}
	}
}

// TestHostileText: text from hand-ins and the course cannot act on a terminal, run as script
// in the page, or become a spreadsheet formula.
func TestHostileText(t *testing.T) {
	c := loadFixture(t)
	dir := t.TempDir()
	evil := "<script>alert(1)</script>\x1b]0;owned\x07\u009b2J"
	ans := HandInAnswer{QuestionID: "overlap", Hash: hashOf(t, c, "overlap"), Given: strs(evil)}
	formula := HandInAnswer{QuestionID: "tokens", Hash: hashOf(t, c, "tokens"), Given: strs("=HYPERLINK(\"x\")")}
	h := handIn("2.0.0\x1b[31m", HandInTotals{},
		HandInLesson{ID: "retrieval", Status: "read", History: []HandInAttempt{attempt("full", ans)}},
		HandInLesson{ID: "numbers", Status: "read", History: []HandInAttempt{attempt("full", formula)}})
	writeHandIn(t, dir, "evil\x1b[2J.json", h)
	handIns, skips := Collect(c, []string{dir})
	r := Build(c, handIns, skips, reportTime)

	var text, page, table bytes.Buffer
	for _, err := range []error{r.WriteText(&text), r.WriteHTML(&page), r.WriteCSV(&table)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, out := range map[string]string{"text": text.String(), "HTML": page.String(), "CSV": table.String()} {
		if strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("the %s report holds a control character", name)
		}
	}
	if !strings.Contains(text.String(), "rejected: \"<script>alert(1)</script>\ufffd]0;owned\ufffd\ufffd2J\" 1") ||
		!strings.Contains(text.String(), "Version 2.0.0\ufffd[31m (the course is at 2.0.0)") {
		t.Errorf("the text report does not show what was there:\n%s", text.String())
	}
	elements, _ := checkWellFormed(t, page.Bytes())
	if slices.ContainsFunc(elements, func(e element) bool { return e.name == "script" }) {
		t.Error("a learner's answer became a <script> element")
	}
	if !strings.Contains(table.String(), `'=HYPERLINK(""x"")`) {
		t.Errorf("a formula reached the CSV as a formula:\n%s", table.String())
	}
	if spreadsheetSafe("-5") != "-5" || spreadsheetSafe("-x") != "'-x" || spreadsheetSafe("@sum") != "'@sum" {
		t.Error("spreadsheetSafe")
	}
	named := Build(c, nil, []Skip{{File: "a\x1bb.json", Reason: "r\x1b[2J"}}, reportTime).Skipped
	if len(named) != 1 || named[0].File != `"a\x1bb.json"` || named[0].Reason != "r\ufffd[2J" {
		t.Errorf("a skipped file's name and reason: %+v", named)
	}
}
