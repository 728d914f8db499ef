package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/aieng/aieng/internal/srs"
	"github.com/aieng/aieng/lessons"
)

func TestInitNewValidate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Intro to ML")
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Data: cleaning & prep!", "Second lesson"} {
		if _, err := New(dir, title); err != nil {
			t.Fatal(err)
		}
	}
	c, probs, err := lessons.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if probs.HasErrors() {
		t.Fatalf("scaffolded course has errors:\n%v", probs.Errors())
	}
	// The only warnings are the placeholders, each one of them, so a course shipped with the
	// scaffold's text left in is flagged (lessons/holes.go lists the same texts).
	perFile := map[string]int{}
	for _, p := range probs {
		if p.Severity != lessons.Warning || !strings.Contains(p.Message, "placeholder from aieng ") {
			t.Errorf("unexpected problem in a fresh course: %v", p)
		}
		perFile[filepath.Base(p.Path)]++
	}
	want := map[string]int{"course.yaml": 1, "01-welcome.md": 1, "02-data-cleaning-prep.md": 7, "03-second-lesson.md": 7}
	for name, n := range want {
		if perFile[name] != n {
			t.Errorf("%s: %d placeholder warnings, want %d (one per placeholder the template writes)", name, perFile[name], n)
		}
	}
	if c.ID != "intro-to-ml" || c.Title != "Intro To Ml" {
		t.Errorf("course id %q title %q", c.ID, c.Title)
	}
	var ids []string
	for _, l := range c.Lessons {
		ids = append(ids, l.ID)
	}
	if got := strings.Join(ids, ","); got != "welcome,data-cleaning-prep,second-lesson" {
		t.Errorf("lesson order = %s", got)
	}
	kinds := c.Lessons[0].CountByKind()
	for _, k := range lessons.Kinds {
		if kinds[k] == 0 {
			t.Errorf("the example lesson has no %s question", k)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "03-second-lesson.md")); err != nil {
		t.Errorf("expected the third file to be numbered 03: %v", err)
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, "course.yaml"))
	if !strings.Contains(string(manifest), "# progress is stored under this id") {
		t.Error("adding to the lessons list lost the manifest's comments")
	}
}

// TestInitShowsTheOptionalSettings: the manifest init writes names every optional setting,
// commented out at its default with what it does, so an author finds them; uncommenting them
// all gives a course with the defaults it says and the same problems (the placeholders).
func TestInitShowsTheOptionalSettings(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course")
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, lessons.ManifestName)
	manifest, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, freshProbs, err := lessons.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	text := string(manifest)
	for _, setting := range []string{"partial_credit: false", "review_limit: 50", "review_retention: 0.9"} {
		commented := regexp.MustCompile(`\n# ` + regexp.QuoteMeta(setting) + ` +# \w`)
		if !commented.MatchString(text) {
			t.Errorf("the manifest lacks %q, commented out with its explanation:\n%s", setting, text)
		}
		text = strings.Replace(text, "\n# "+setting, "\n"+setting, 1)
	}
	if !strings.Contains(text, "\nsequential: false ") {
		t.Errorf("the manifest lacks sequential:\n%s", text)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, probs, err := lessons.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.PartialCredit || c.ReviewLimit != srs.DefaultDailyLimit || c.ReviewRetention != srs.DefaultRetention ||
		len(probs) != len(freshProbs) || probs.HasErrors() {
		t.Errorf("with the settings uncommented: partial credit %v, limit %d, retention %v, problems (%d before):\n%v",
			c.PartialCredit, c.ReviewLimit, c.ReviewRetention, len(freshProbs), probs)
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "01-welcome.md"))
	if _, err := Init(dir); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second init: err = %v, want a refusal", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "01-welcome.md"))
	if string(before) != string(after) {
		t.Error("a refused init changed a file")
	}
	if _, err := New(dir, "Welcome"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("new with an existing id: err = %v", err)
	}
	clash := filepath.Join(dir, "02-clash.md")
	if err := os.WriteFile(clash, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeNew(clash, []byte("x")); err == nil {
		t.Error("writeNew overwrote an existing file")
	}
	if got, _ := os.ReadFile(clash); string(got) != "mine" {
		t.Errorf("the existing file now holds %q", got)
	}
}

func TestNewWithoutManifest(t *testing.T) {
	_, err := New(t.TempDir(), "A lesson")
	if err == nil || !strings.Contains(err.Error(), "aieng init") {
		t.Errorf("err = %v, want advice to run aieng init", err)
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Hello, World!":   "hello-world",
		"  MLOps 101  ":   "mlops-101",
		"Data—drift & co": "data-drift-co",
		"!!!":             "",
		// Accents are dropped, letters without a decomposition spelled out, emoji and
		// other scripts separate words (review B8).
		"Über RAG: Grüße aus München 🚀": "uber-rag-grusse-aus-munchen",
		"Ça coûte cher à Zürich":        "ca-coute-cher-a-zurich",
		"Æsir, Øresund, Łódź, Þór":      "aesir-oresund-lodz-thor",
		"STRASSE vs Straße":             "strasse-vs-strasse",
		"Ñandú 🚀🚀 Señor":                "nandu-senor",
		"Введение в RAG":                "rag",
		"機械学習":                          "",
	}
	for in, want := range tests {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNewRefusesControlCharacters: aieng new "$(printf 'T\e]0;PWN\a')" wrote the title as a
// YAML escape, which validated and retitled learners' windows (reliability review, finding 2).
func TestNewRefusesControlCharacters(t *testing.T) {
	dir := t.TempDir()
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(dir)
	for title, want := range map[string]string{
		"T\x1b]0;PWN\a": `the title "T\x1b]0;PWN\a" holds the character U+001B (ESC): write it without`,
		"Tab\u202eleft": `the title "Tab\u202eleft" holds the character U+202E (RIGHT-TO-LEFT OVERRIDE): write it without`,
	} {
		_, err := New(dir, title)
		if err == nil || err.Error() != want {
			t.Errorf("New(%q) = %v, want %s", title, err, want)
		}
	}
	if after, _ := os.ReadDir(dir); len(after) != len(before) {
		t.Errorf("a refused title wrote files: %d entries, were %d", len(after), len(before))
	}
}

// TestNewNonASCIITitle: a title with accents, a colon and an emoji gives an ASCII file name and
// id, is written as readable UTF-8 (no \U escape), and the lesson validates with that title.
func TestNewNonASCIITitle(t *testing.T) {
	dir := t.TempDir()
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	const title = "Über RAG: Grüße aus München 🚀"
	p, err := New(dir, title)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p) != "02-uber-rag-grusse-aus-munchen.md" {
		t.Errorf("file %s, want 02-uber-rag-grusse-aus-munchen.md", filepath.Base(p))
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\ntitle: 'Über RAG: Grüße aus München 🚀'\n") {
		t.Errorf("the title is not written as readable UTF-8:\n%s", data)
	}
	c, probs, err := lessons.LoadDir(dir)
	if err != nil || probs.HasErrors() {
		t.Fatalf("the course does not load: %v %v", err, probs)
	}
	l := c.Lesson("uber-rag-grusse-aus-munchen")
	if l == nil || l.Title != title {
		t.Fatalf("lesson uber-rag-grusse-aus-munchen: %+v, want the title %q", l, title)
	}
	for _, pr := range probs {
		if pr.Path == l.Path && !strings.Contains(pr.Message, "placeholder") {
			t.Errorf("the new lesson has a problem besides its placeholders: %s", pr)
		}
	}
}

// TestYAMLQuoteRoundTrips: every title, however YAML would misread it bare, reads back as itself,
// and none is written with an escape sequence.
func TestYAMLQuoteRoundTrips(t *testing.T) {
	for _, s := range []string{
		"Data cleaning", "RAG: retrieval", "It's a 'test'", `Say "hi"`, "# not a comment", "- a list?",
		"yes", "null", "123", "1e3", "? key", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`",
		"a: b: c", "ends with colon:", "C:\\path", "Grüße 🚀", "🚀", "{braces}", "[brackets]", "a #hash", " padded ",
	} {
		q := yamlQuote(s)
		var doc map[string]string
		if err := yaml.Unmarshal([]byte("title: "+q+"\n"), &doc); err != nil || doc["title"] != s {
			t.Errorf("%q written as %s reads back as %q (%v)", s, q, doc["title"], err)
		}
		if strings.Contains(q, "\\U") || strings.Contains(q, "\\u") || strings.Contains(q, "\\x") {
			t.Errorf("%q written with an escape: %s", s, q)
		}
	}
}

// TestNewListsTheLessonWhereYAMLSaysTheListEnds: the new id goes under the last item of the
// lessons list even when a line above ends with a lone carriage return (which YAML counts as a
// line break), and a manifest whose lines YAML counts otherwise than the file (a Unicode line
// separator) is refused, untouched, with no lesson written, rather than broken by an insertion
// on the wrong line.
func TestNewListsTheLessonWhereYAMLSaysTheListEnds(t *testing.T) {
	const list = "lessons:\n  - welcome\nreview_limit: 40\n"
	dir := t.TempDir()
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "course.yaml")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(manifest, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("id: c\rtitle: C\n" + list)
	if _, err := New(dir, "Second"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(manifest); string(got) != "id: c\rtitle: C\nlessons:\n  - welcome\n  - second\nreview_limit: 40\n" {
		t.Errorf("manifest after new:\n%q", got)
	}

	separated := "id: c\ntitle: \"C\u2028D\"\n" + list
	write(separated)
	_, err := New(dir, "Third")
	if err == nil || !strings.Contains(err.Error(), "course.yaml: 2:10: a Unicode line break (U+2028)") {
		t.Errorf("err = %v, want the line break named at its place", err)
	}
	if got, _ := os.ReadFile(manifest); string(got) != separated {
		t.Errorf("a refused new changed the manifest to\n%q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "03-third.md")); !os.IsNotExist(err) {
		t.Errorf("a refused new wrote the lesson (%v)", err)
	}
}
