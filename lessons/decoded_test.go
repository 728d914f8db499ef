package lessons

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aieng/aieng/internal/safetext"
)

// Regression tests for text that is plain ASCII in a file and a control character once decoded
// (reliability review, finding 2), and for invisible characters (finding 4).

// loadLimit is how long a load may take before a test calls it a hang: not a speed budget
// (these loads take milliseconds), only a guard so that a regression fails instead of stalling.
const loadLimit = 30 * time.Second

// loadFiles loads a course made of files (the manifest defaults to a minimal one), failing the
// test if the load does not end.
func loadFiles(t testing.TB, files map[string]string) (*Course, Problems) {
	t.Helper()
	fsys := fstest.MapFS{ManifestName: {Data: []byte("id: c\ntitle: C\n")}}
	for name, s := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	type result struct {
		c     *Course
		probs Problems
		err   error
	}
	done := make(chan result, 1)
	go func() {
		c, probs, err := Load(fsys, "c")
		done <- result{c, probs, err}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), loadLimit)
	defer cancel()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.c, r.probs
	case <-ctx.Done():
		t.Fatalf("loading the course did not end within %s", loadLimit)
		return nil, nil
	}
}

func lines(ps Problems) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// lesson builds a lesson file: front matter lines, then the body, then a valid quiz unless the
// body has one.
func lesson(frontMatter, body string) string {
	if !strings.Contains(body, "## Quiz") {
		body += "\n## Quiz\n\n### A question?\n\n- [x] Right\n- [ ] Wrong\n\n> Because.\n"
	}
	return "---\nid: one\ntitle: T\nobjectives: [x]\n" + frontMatter + "---\n\n" + body
}

func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

const (
	escapeHarm  = ": it could change the learner's terminal"
	hiddenHarm  = ": it makes the text read differently from what it is; remove it unless it is meant"
	yamlControl = " in this value, from a YAML escape" + escapeHarm
)

func TestYAMLEscapesAreControlCharacters(t *testing.T) {
	_, probs := loadFiles(t, map[string]string{
		"01-one.md": lesson(`section: "S \x1b]0;PWN\x07"`+"\n"+`minutes: 5`+"\n",
			"Body.\n"),
		"02-two.md": "---\nid: two\n" + `title: "T \e]52;c;UFdORUQ=\a"` + "\n" + `objectives: ["O \u001b[2J", "P \x9b6n"]` +
			"\n---\n\nBody.\n",
	})
	wantLines(t, lines(probs),
		"c/01-one.md:5:10: control character U+001B (ESC)"+yamlControl,
		"c/02-two.md:3:8: control character U+001B (ESC)"+yamlControl,
		"c/02-two.md:4:14: control character U+001B (ESC)"+yamlControl,
		"c/02-two.md:4:29: control character U+009B (CSI)"+yamlControl,
	)
}

func TestManifestEscapesAreControlCharacters(t *testing.T) {
	_, probs := loadFiles(t, map[string]string{
		ManifestName: "id: c\ntitle: \"C \\e]0;PWN\\a\"\ndescription: \"\\e[31mred\"\nversion: \"1\\u009b\"\n",
		"01-one.md":  lesson("", "Body.\n"),
	})
	wantLines(t, lines(probs),
		"c/course.yaml:2:8: control character U+001B (ESC)"+yamlControl,
		"c/course.yaml:3:14: control character U+001B (ESC)"+yamlControl,
		"c/course.yaml:4:10: control character U+009B (CSI)"+yamlControl,
	)
}

func TestCharacterReferencesToControlCharacters(t *testing.T) {
	body := "Text &#27;]0;PWN&#7; and &#X1B;[2J.\n\n" + // line 7
		"## Head &#155;6n\n\n" + // line 9
		"Code `&#27;[H` and no semicolon &#27[2J.\n\n" + // line 11
		"```html\n&#27; is shown as written in a code block\n```\n\n" +
		"    &#27; and in an indented one\n\n" +
		"Fine: &amp; &lt; &#8212; &#x41; &#9; &#10; &# &#x;\n\n" + // line 19
		"## Quiz\n\n" +
		"### Prompt &#27;?\n\n" + // line 23
		"- [x] Choice &#x1b;\n" + // line 25
		"  > Feedback &#155;\n" + // line 26
		"- [ ] Other\n\n" +
		"> Hint: &#27;\n\n" + // line 29: the eleventh, past the ten listed
		"> Explanation &#0000027;\n" // line 31
	c, probs := loadFiles(t, map[string]string{"01-one.md": lesson("", body)})
	ref := func(pos, r, name string) string {
		return "c/01-one.md:" + pos + ": character reference \"" + r + "\" is a control character " + name + escapeHarm
	}
	wantLines(t, lines(probs),
		ref("7:6", "&#27;", "U+001B (ESC)"), ref("7:17", "&#7;", "U+0007 (BEL)"), ref("7:26", "&#X1B;", "U+001B (ESC)"),
		ref("9:9", "&#155;", "U+009B (CSI)"),
		ref("11:7", "&#27;", "U+001B (ESC)"), ref("11:33", "&#27", "U+001B (ESC)"),
		"c/01-one.md:23:1: warning: the right choice is 8 characters, more than 1.5x every other choice (longest 5): learners can pick it by its length; shorten it or make the others as specific",
		ref("23:12", "&#27;", "U+001B (ESC)"),
		ref("25:14", "&#x1b;", "U+001B (ESC)"),
		ref("26:14", "&#155;", "U+009B (CSI)"),
		ref("29:9", "&#27;", "U+001B (ESC)"),
		"c/01-one.md:31:15: more character references to control or invisible characters follow; only the first 10 are listed",
	)
	// Neutralised in what was loaded: each reference is now U+FFFD and spaces.
	l := c.Lessons[0]
	q := l.Quiz[0]
	for _, s := range []string{q.Prompt, q.Choices[0].Text, q.Choices[0].Feedback, q.Hint, q.Explanation} {
		if strings.Contains(s, "&#") {
			t.Errorf("reference left in %q", s)
		}
	}
	for _, ref := range []string{"&#27;]0;PWN", "&#7;", "&#X1B;", "&#155;6n", "`&#27;[H`", "&#27[2J"} {
		if strings.Contains(l.Body, ref) {
			t.Errorf("reference %q left in the body:\n%s", ref, l.Body)
		}
	}
	if !strings.Contains(l.Body, "&#27; is shown as written in a code block") || !strings.Contains(l.Body, "&#8212; &#x41; &#9; &#10; &# &#x;") {
		t.Errorf("a reference in code, or to a printable character, was changed:\n%s", l.Body)
	}
}

func TestInvisibleCharactersAreWarnings(t *testing.T) {
	body := "Read \u202eevil\u202c text.\n\n" + // line 7: RLO and PDF
		"A zero\u200bwidth space and a join\u200der.\n\n" + // line 9
		"A family 👨\u200d👩\u200d👧 and می\u200cخواهم are fine.\n\n" + // line 11: ZWJ in emoji, ZWNJ in Persian
		"A reference &#8238; too.\n" // line 13
	_, probs := loadFiles(t, map[string]string{"01-one.md": lesson(`section: "S \u2066x"`+"\n", body)})
	warn := func(pos, name string) string {
		return "c/01-one.md:" + pos + ": warning: invisible character " + name + hiddenHarm
	}
	wantLines(t, lines(probs),
		"c/01-one.md:5:10: warning: invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) in this value, from a YAML escape"+hiddenHarm,
		warn("8:6", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), warn("8:11", "U+202C (POP DIRECTIONAL FORMATTING)"),
		warn("10:7", "U+200B (ZERO WIDTH SPACE)"), warn("10:30", "U+200D (ZERO WIDTH JOINER)"),
		"c/01-one.md:14:13: warning: character reference \"&#8238;\" is an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"+hiddenHarm,
	)
}

func TestInvisibleAndControlCharactersInIDsAndFileNames(t *testing.T) {
	_, probs := loadFiles(t, map[string]string{
		"01-one.md":                lesson("", "## Quiz\n\n### A question? {#q\u200bone}\n\n- [x] Right\n- [ ] Wrong\n\n> Because.\n"),
		"02-a\u202eb.md":           strings.Replace(lesson("", "Body.\n"), "id: one", "id: two", 1),
		"03-X\x1b]0;PWN\x07.md":    strings.Replace(lesson("", "Body.\n"), "id: one", "id: three", 1),
		"04-zero\u200bwidth.md":    strings.Replace(lesson("", "Body.\n"), "id: one", "id: four", 1),
		"05-plain-ünïcödé-name.md": strings.Replace(lesson("", "Body.\n"), "id: one", "id: five", 1),
	})
	var errs []string
	for _, p := range probs.Errors() {
		errs = append(errs, p.String())
	}
	wantLines(t, errs,
		`c/01-one.md:9:1: question id "q\u200bone" holds the character U+200B (ZERO WIDTH SPACE): use letters, digits and dashes`,
		`"c/02-a\u202eb.md":1:1: the file name holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE): rename the file`,
		`"c/03-X\x1b]0;PWN\a.md":1:1: the file name holds the control character U+001B (ESC): rename the file`,
		`"c/04-zero\u200bwidth.md":1:1: the file name holds the invisible character U+200B (ZERO WIDTH SPACE): rename the file`,
	)
}

func TestAliasExpansionIsBounded(t *testing.T) {
	// The review's case: one anchor of 100 KB repeated by 900 aliases, 104 KB of file, 90 MB
	// of objectives (and 24 s and 1.2 GB to show). 9 000 aliases took more than a minute.
	for _, aliases := range []int{900, 9000} {
		fm := "objectives:\n  - &a \"" + strings.Repeat("y", 100_000) + "\"\n" + strings.Repeat("  - *a\n", aliases)
		src := "---\nid: one\ntitle: T\n" + fm + "---\n\nBody.\n"
		c, probs := loadFiles(t, map[string]string{"01-one.md": src})
		want := "aliases expand this YAML to more than"
		if errs := lines(probs.Errors()); len(errs) != 1 || !strings.Contains(errs[0], want) {
			t.Errorf("%d aliases: %q, want one problem %q...", aliases, errs, want)
		}
		if n := len(c.Lessons[0].Objectives); n != 0 {
			t.Errorf("%d aliases: the values were decoded anyway (%d objectives)", aliases, n)
		}
	}
	// A few aliases of small values are fine.
	_, probs := loadFiles(t, map[string]string{"01-one.md": "---\nid: one\ntitle: &t Title\nsection: *t\nobjectives: [*t, *t]\n---\n\nBody.\n"})
	wantLines(t, lines(probs.Errors()))
}

// TestLoadedCourseHoldsNoControlCharacter loads every hostile text of this file at once,
// ignores the problems (as a caller that skipped validation would) and checks that no string
// of the course can act on a terminal.
func TestLoadedCourseHoldsNoControlCharacter(t *testing.T) {
	c, probs := loadFiles(t, map[string]string{
		ManifestName: "id: c\ntitle: \"C \\e]0;PWN\\a\"\ndescription: \"\\e[31mred\\r\"\nversion: \"1\\u009b\"\n",
		"01-one.md": lesson(`section: "S \x1b]0;PWN\x07"`+"\n",
			"Text &#27;]0;PWN&#7; raw \x1b[2J and \u009b.\n\n## Quiz\n\n### P &#27; {#id\x1b}\n\n- [x] C &#x1b;\n  > F &#155;\n- [ ] O\x07\n\n> E &#27;\n"),
	})
	if !probs.HasErrors() {
		t.Fatal("no errors reported")
	}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() && f.Name != "Path" && f.Name != "Source" {
					walk(v.Field(i), path+"."+f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path)
			}
		case reflect.String:
			for _, r := range v.String() {
				if safetext.IsControl(r) && r != '\n' && r != '\t' {
					t.Errorf("%s holds %s: %q", path, safetext.Name(r), v.String())
				}
			}
		}
	}
	walk(reflect.ValueOf(c), "course")
}

// TestParserPanicIsAProblem: the loader parses on goroutines of its own, where a panic would
// end the program with a stack trace (and, under --watch, leave the terminal in raw mode).
func TestParserPanicIsAProblem(t *testing.T) {
	f := parseGuarded("c/01-x.md", func() parsedFile { panic("boom") })
	if f.lesson != nil || len(f.problems) != 1 ||
		f.problems[0].String() != "c/01-x.md:1:1: cannot read this lesson: the parser failed (boom); please report it" {
		t.Fatalf("%+v", f)
	}
}
