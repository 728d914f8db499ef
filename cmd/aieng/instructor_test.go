package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tests of the instructors' commands on the fixture course: validate in a course folder, show
// --quiz, key, list --json, export. They read the outputs back only enough to know they are
// whole and right for this course; internal/export's tests compare every field.

// runCLIWith runs the command line in-process with stdout taken for a terminal or not.
func runCLIWith(t *testing.T, terminal bool, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &errOut)
	a.terminalOut = func() bool { return terminal }
	code = exitCode(a, a.execute(args))
	return out.String(), errOut.String(), code
}

func TestValidateInCourseFolder(t *testing.T) {
	course, err := filepath.Abs("../../lessons/testdata/problems/mixed-bullets")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(course)
	out, _, code := runCLI(t, "validate")
	want := `01-a.md:15:1: this choice starts a second list because its bullet "-" differs from the first choice's "*": use the same bullet for every choice` + "\n" +
		"the course in this folder: 1 error, 0 warnings\n"
	if code != 1 || out != want {
		t.Errorf("validate in a course folder: exit %d, output:\n%s\nwant:\n%s", code, out, want)
	}
	// A folder without course.yaml is not a course folder: the built-in course is checked.
	t.Chdir(t.TempDir())
	if out, _, code := runCLI(t, "validate"); code != 0 || !strings.HasPrefix(builtinSummary(out), "the built-in course (lessons/course): ok: ") {
		t.Errorf("validate outside a course folder: exit %d, %q", code, out)
	}
}

func TestShowQuiz(t *testing.T) {
	out, _, code := runCLI(t, "--lessons", fixtureCourse, "show", "basics", "--quiz")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// Written order, every choice, the right one marked, feedback under its choice, the
	// explanation after.
	want := []string{
		"## 1. What does a model do?",
		"- [ ] It stores data\n  > Storing data is the job of a database.\n- [x] It turns inputs into outputs\n",
		"> A model maps inputs to outputs.",
		"## 2. Test data is used once, to measure the finished model.",
		"- [x] True\n- [ ] False\n",
	}
	last := -1
	for _, w := range want {
		i := strings.Index(out, w)
		if i < 0 || i < last {
			t.Errorf("show --quiz lacks, or misorders, %q:\n%s", w, out)
		}
		last = i
	}
	if out, _, code := runCLI(t, "--lessons", fixtureCourse, "show", "intro", "--quiz"); code != 0 || !strings.Contains(out, "no quiz") {
		t.Errorf("show --quiz of a lesson without a quiz: exit %d\n%s", code, out)
	}
}

func TestKey(t *testing.T) {
	md, _, code := runCLI(t, "--lessons", fixtureCourse, "key")
	if code != 0 || !strings.Contains(md, "# Answer key: Command Test Course") || strings.Count(md, "[x]") != 4 {
		t.Errorf("key: exit %d, want the course's title and its 4 right choices marked:\n%s", code, md)
	}
	out, _, code := runCLI(t, "--lessons", fixtureCourse, "key", "--format", "csv")
	if code != 0 {
		t.Fatalf("key --format csv: exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	// One row per choice or accepted answer: 2 + 2 + 2 + 2, after the header.
	if len(rows) != 9 || rows[0][0] != "lesson_id" {
		t.Fatalf("%d rows, want a header and 8:\n%s", len(rows), out)
	}
	right := map[string]bool{}
	for _, r := range rows[1:] {
		if r[9] == "yes" {
			right[r[3]+": "+r[8]] = true
		}
	}
	for _, want := range []string{"basics/q1: It turns inputs into outputs", "basics/q2: True",
		"practice/q1: The live data moving away from the training data", "wrap-up/q1: drift", "wrap-up/q1: its inputs"} {
		if !right[want] {
			t.Errorf("the CSV key does not mark %q right: %v", want, right)
		}
	}
	if _, stderr, code := runCLI(t, "--lessons", fixtureCourse, "key", "--format", "pdf"); code != 2 || !strings.Contains(stderr, "use md or csv") {
		t.Errorf("an unknown format: exit %d, %q", code, stderr)
	}
}

func TestListJSONQuestions(t *testing.T) {
	decode := func(args ...string) outlineJSON {
		t.Helper()
		out, stderr, code := runCLI(t, append([]string{"--lessons", fixtureCourse, "list", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var o outlineJSON
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		return o
	}
	o := decode()
	if len(o.Lessons[0].Quiz) != 0 || o.Lessons[0].Quiz == nil {
		t.Errorf("a lesson without a quiz: quiz %v, want []", o.Lessons[0].Quiz)
	}
	q := o.Lessons[1].Quiz
	want := []questionJSON{
		{ID: "basics/q1", Kind: "single", Prompt: "What does a model do?", Choices: 2},
		{ID: "basics/q2", Kind: "truefalse", Prompt: "Test data is used once, to measure the finished model.", Choices: 2},
	}
	if len(q) != 2 || q[0].ID != want[0].ID || q[0].Kind != want[0].Kind || q[0].Prompt != want[0].Prompt || q[0].Choices != 2 ||
		q[1].ID != want[1].ID || q[1].Kind != want[1].Kind || len(q[0].Answers) != 0 {
		t.Errorf("questions of basics: %+v, want %+v and no answers", q, want)
	}
	short := decode("--answers").Lessons[3].Quiz[0]
	if short.Kind != "short" || short.Choices != 0 || strings.Join(short.Answers, "|") != "drift|its inputs" {
		t.Errorf("a short answer with --answers: %+v", short)
	}
	if got := decode("--answers").Lessons[1].Quiz[0].Answers; strings.Join(got, "|") != "It turns inputs into outputs" {
		t.Errorf("a single choice with --answers: %q", got)
	}
	if _, stderr, code := runCLI(t, "--lessons", fixtureCourse, "list", "--answers"); code != 2 || !strings.Contains(stderr, "--answers goes with --json") {
		t.Errorf("--answers without --json: exit %d, %q", code, stderr)
	}
}

func TestExportQTI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "course.zip")
	out, stderr, code := runCLI(t, "--lessons", fixtureCourse, "export", "qti", "-o", path)
	if code != 0 || !strings.HasPrefix(out, "wrote "+path+": 3 quizzes, 4 questions.") {
		t.Fatalf("export qti: exit %d, %q %q", code, out, stderr)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	assessments := 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/assessment_meta.xml") {
			assessments++
		}
	}
	if assessments != 3 || !hasZipFile(zr, "imsmanifest.xml") {
		t.Errorf("the zip holds %d assessments (want 3, one per lesson with a quiz) and a manifest: %v", assessments, zipNames(zr))
	}
	// To a pipe or file without -o: the same bytes on standard output.
	piped, _, code := runCLIWith(t, false, "--lessons", fixtureCourse, "export", "qti")
	written, _ := os.ReadFile(path)
	if code != 0 || piped != string(written) {
		t.Errorf("export qti to a pipe: exit %d, %d bytes, want the %d bytes of the file", code, len(piped), len(written))
	}
}

func TestExportMoodle(t *testing.T) {
	out, _, code := runCLIWith(t, false, "--lessons", fixtureCourse, "export", "moodle")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var quiz struct {
		Questions []struct {
			Type string `xml:"type,attr"`
		} `xml:"question"`
	}
	if err := xml.Unmarshal([]byte(out), &quiz); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	kinds := map[string]int{}
	for _, q := range quiz.Questions {
		kinds[q.Type]++
	}
	// One category per lesson with a quiz, then its questions.
	want := map[string]int{"category": 3, "multichoice": 2, "truefalse": 1, "shortanswer": 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d questions of type %s, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
}

func TestExportToTerminal(t *testing.T) {
	course := mustAbs(t, fixtureCourse)
	t.Chdir(t.TempDir())
	out, stderr, code := runCLIWith(t, true, "--lessons", course, "export", "qti")
	if code != 0 || !strings.HasPrefix(out, "wrote cmd-test-course-qti.zip: ") || strings.Contains(out, "PK\x03\x04") {
		t.Errorf("export qti on a terminal: exit %d, %q %q", code, out, stderr)
	}
	if _, err := zip.OpenReader("cmd-test-course-qti.zip"); err != nil {
		t.Errorf("the default file: %v", err)
	}
	out, _, code = runCLIWith(t, true, "--lessons", course, "export", "moodle")
	if code != 0 || !strings.HasPrefix(out, "wrote cmd-test-course-moodle.xml: ") {
		t.Errorf("export moodle on a terminal: exit %d, %q", code, out)
	}
	if _, stderr, code := runCLIWith(t, true, "--lessons", course, "export", "qti", "-o", "-"); code != 2 || !strings.Contains(stderr, "not written to a terminal") {
		t.Errorf("a zip to a terminal with -o -: exit %d, %q", code, stderr)
	}
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a temporary file is left behind: %s", e.Name())
		}
	}
}

func TestExportRefusals(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "broken.zip")
	_, stderr, code := runCLI(t, "--lessons", "../../lessons/testdata/problems/no-explanation", "export", "qti", "-o", path)
	if code != 1 || !strings.Contains(stderr, "question has no explanation") {
		t.Errorf("a course with errors: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a refused export wrote a file")
	}
	noQuiz := filepath.Join(dir, "reading")
	if err := os.MkdirAll(noQuiz, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(fixtureCourse, "01-intro.md"), filepath.Join(noQuiz, "01-intro.md"))
	if err := os.WriteFile(filepath.Join(noQuiz, "course.yaml"), []byte("id: reading\ntitle: Reading\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, "--lessons", noQuiz, "export", "moodle", "-o", path); code != 1 || !strings.Contains(stderr, "nothing exported") {
		t.Errorf("a course without questions: exit %d, %q", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--lessons", fixtureCourse, "export"); code != 2 || !strings.Contains(stderr, "export needs a format") {
		t.Errorf("export without a format: exit %d, %q", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--lessons", fixtureCourse, "export", "gift"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("an unknown format: exit %d, %q", code, stderr)
	}
}

func TestVersionFlagEqualsCommand(t *testing.T) {
	for _, args := range [][]string{nil, {"--lessons", fixtureCourse}} {
		cmd, _, _ := runCLI(t, append(args, "version")...)
		flag, _, _ := runCLI(t, append(args, "--version")...)
		short, _, _ := runCLI(t, append(args, "-v")...)
		if cmd != flag || cmd != short || !strings.Contains(cmd, "\ncourse: ") {
			t.Errorf("version %q, --version %q, -v %q: want the same, naming the course", cmd, flag, short)
		}
	}
}

func TestProgramName(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/local/bin/aieng": "aieng", "./rag-course": "rag-course", `rag-course.exe`: "rag-course",
		"RAG.EXE": "RAG", "": "aieng",
	} {
		if got := programName(in); got != want {
			t.Errorf("programName(%q) = %q, want %q", in, got, want)
		}
	}
	var out bytes.Buffer
	a := newApp(strings.NewReader(""), &out, io.Discard)
	a.name = "rag-course"
	if code := exitCode(a, a.execute([]string{"--lessons", fixtureCourse, "list"})); code != 0 || !strings.Contains(out.String(), "Read one with: rag-course show ID") {
		t.Errorf("list under another name: exit %d\n%s", code, out.String())
	}
	out.Reset()
	_ = a.execute([]string{"--help"})
	if !strings.HasPrefix(out.String(), "rag-course is an interactive course") || !strings.Contains(out.String(), "rag-course [command]") {
		t.Errorf("help under another name:\n%s", out.String())
	}
}

func hasZipFile(zr *zip.ReadCloser, name string) bool {
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

func zipNames(zr *zip.ReadCloser) []string {
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
