package lessons

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The lessons' code samples are part of what the course teaches, so they are tested like code:
// every Python block marked `run` is run with python3 and its printed output compared with the
// `output` block the lesson shows. docs/authoring.md ("Runnable code") documents the markers.
//
// The test runs the built-in course, or the course folder named by $AIENG_CODE_COURSE. Python
// comes from $AIENG_PYTHON, else the first python3 (on PATH, then /usr/bin/python3) that has the
// course's libraries; .ci/run installs them from Debian packages.

// pythonLibraries are the modules the built-in course's samples import, with their Debian
// packages, for the skip message.
const pythonLibraries = "sklearn, pandas, numpy, fastapi, httpx"
const debianPackages = "python3 python3-sklearn python3-pandas python3-fastapi python3-uvicorn python3-httpx"

// blockTimeout bounds one sample's run: the slowest trains a small model in a second or two.
const blockTimeout = 2 * time.Minute

// codeBlock is one fenced code block of a lesson body.
type codeBlock struct {
	Line   int    // line of the opening fence in the lesson file
	Lang   string // first word of the info string
	Run    bool   // `run`: run it with python3
	Output bool   // `output`: the expected output of the previous run block
	File   string // `file=NAME`: write it to NAME in the lesson's work folder
	Code   string
	Sketch bool // a Python block whose first line is a comment that calls it a sketch
}

// sketchComment is how a Python sample that is not run says so to the learner, on its first line.
var sketchComment = regexp.MustCompile(`(?i)^#.*\bsketch\b`)

// lessonCodeBlocks returns the fenced code blocks of a lesson file's body, up to its quiz.
func lessonCodeBlocks(src []byte) ([]codeBlock, error) {
	_, bodyStart, _, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	body := src[bodyStart:]
	idx := newLineIndex(src)
	doc := markdown.Parser().Parse(text.NewReader(body))
	var blocks []codeBlock
	var bad error
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 && strings.EqualFold(strings.TrimSpace(string(h.Lines().Value(body))), quizHeading) {
			return ast.WalkStop, nil
		}
		fc, ok := n.(*ast.FencedCodeBlock)
		if !ok || fc.Info == nil {
			return ast.WalkContinue, nil
		}
		line, _ := idx.pos(bodyStart + fc.Info.Segment.Start)
		b := codeBlock{Line: line, Code: string(fc.Lines().Value(body))}
		words := strings.Fields(string(fc.Info.Segment.Value(body)))
		b.Lang = words[0]
		for _, w := range words[1:] {
			switch {
			case w == "run":
				b.Run = true
			case w == "output":
				b.Output = true
			case strings.HasPrefix(w, "file="):
				b.File = strings.TrimPrefix(w, "file=")
			default:
				bad = errors.Join(bad, fmt.Errorf("line %d: unknown code block marker %q: use run, output or file=NAME", line, w))
			}
		}
		first, _, _ := strings.Cut(strings.TrimLeft(b.Code, "\n"), "\n")
		b.Sketch = b.Lang == "python" && sketchComment.MatchString(strings.TrimSpace(first))
		blocks = append(blocks, b)
		return ast.WalkContinue, nil
	})
	return blocks, bad
}

// checkBlockMarkers enforces the rules of docs/authoring.md: only Python runs, every output
// block belongs to one run block, every written file is used by a later run, and every Python
// sample either runs or calls itself a sketch.
func checkBlockMarkers(blocks []codeBlock) error {
	var errs []error
	lastRun, outputSeen, pendingFile := -1, false, -1
	for i, b := range blocks {
		switch {
		case b.Run && b.Lang != "python":
			errs = append(errs, fmt.Errorf("line %d: only python blocks can be marked run, not %s", b.Line, b.Lang))
		case b.Output && (b.Run || b.File != ""):
			errs = append(errs, fmt.Errorf("line %d: an output block cannot also be run or written to a file", b.Line))
		case b.Output && lastRun < 0:
			errs = append(errs, fmt.Errorf("line %d: output block with no run block before it", b.Line))
		case b.Output && outputSeen:
			errs = append(errs, fmt.Errorf("line %d: second output block for the run block at line %d", b.Line, blocks[lastRun].Line))
		case b.Lang == "python" && !b.Run && b.File == "" && !b.Sketch:
			errs = append(errs, fmt.Errorf("line %d: Python sample is neither marked run nor introduced as a sketch (first line: # Sketch: ...)", b.Line))
		}
		if b.File != "" && (path.IsAbs(b.File) || strings.Contains(b.File, "..")) {
			errs = append(errs, fmt.Errorf("line %d: file=%s must be a plain relative path", b.Line, b.File))
		}
		switch {
		case b.Run:
			lastRun, outputSeen, pendingFile = i, false, -1
		case b.Output:
			outputSeen = true
		case b.File != "" && b.Lang == "python":
			pendingFile = i
		}
	}
	if pendingFile >= 0 {
		errs = append(errs, fmt.Errorf("line %d: file=%s is written but no later run block uses it", blocks[pendingFile].Line, blocks[pendingFile].File))
	}
	return errors.Join(errs...)
}

// expectedOutput pairs each run block (by index) with the output block that follows it, if any.
func expectedOutput(blocks []codeBlock) map[int]string {
	out := map[int]string{}
	last := -1
	for i, b := range blocks {
		switch {
		case b.Run:
			last = i
		case b.Output && last >= 0:
			out[last] = b.Code
		}
	}
	return out
}

// outputMatches compares printed output with the lesson's, ignoring trailing spaces on each line
// and trailing blank lines; "..." in the lesson's output matches any text within its line.
func outputMatches(want, got string) bool {
	w, g := normalizeOutput(want), normalizeOutput(got)
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		parts := strings.Split(w[i], "...")
		quoted := make([]string, len(parts))
		for j, p := range parts {
			quoted[j] = regexp.QuoteMeta(p)
		}
		if !regexp.MustCompile("^" + strings.Join(quoted, ".*") + "$").MatchString(g[i]) {
			return false
		}
	}
	return true
}

func normalizeOutput(s string) []string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// findPython picks the interpreter: $AIENG_PYTHON, else the first candidate that imports the
// course's libraries, else the first that exists (its samples then skip, naming the module).
func findPython(t *testing.T) string {
	if p := os.Getenv("AIENG_PYTHON"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			t.Fatalf("AIENG_PYTHON=%s: %v", p, err)
		}
		return found
	}
	var found []string
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		if p, err := exec.LookPath(name); err == nil {
			found = append(found, p)
		}
	}
	for _, p := range found {
		if exec.Command(p, "-c", "import "+pythonLibraries).Run() == nil {
			return p
		}
	}
	if len(found) > 0 {
		return found[0]
	}
	return ""
}

var missingModule = regexp.MustCompile(`ModuleNotFoundError: No module named '([^']+)'`)

// codeCourse returns the course files the test runs: $AIENG_CODE_COURSE or the built-in course.
func codeCourse(t *testing.T) (fs.FS, string) {
	if dir := os.Getenv("AIENG_CODE_COURSE"); dir != "" {
		return os.DirFS(dir), dir
	}
	sub, err := fs.Sub(builtinFS, "course")
	if err != nil {
		t.Fatal(err)
	}
	return sub, builtinSource
}

func TestLessonCodeRuns(t *testing.T) {
	fsys, source := codeCourse(t)
	files, err := fs.Glob(fsys, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	python := findPython(t)
	for _, name := range files {
		if strings.EqualFold(name, "README.md") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		display := path.Join(source, name)
		blocks, err := lessonCodeBlocks(src)
		if err == nil {
			err = checkBlockMarkers(blocks)
		}
		if err != nil {
			t.Errorf("%s: %v", display, err)
			continue
		}
		if !hasRunBlock(blocks) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each lesson runs in its own folder
			if python == "" {
				t.Skipf("python3 not found: the code samples of %s are not checked (install with: apt-get install -y %s; .ci/run does)", display, debianPackages)
			}
			runLessonBlocks(t, python, display, blocks)
		})
	}
}

func hasRunBlock(blocks []codeBlock) bool {
	for _, b := range blocks {
		if b.Run {
			return true
		}
	}
	return false
}

// runLessonBlocks writes and runs a lesson's blocks in order in one folder, so a block can use the
// files that earlier blocks wrote, as a learner following the lesson would.
func runLessonBlocks(t *testing.T, python, display string, blocks []codeBlock) {
	dir := t.TempDir()
	want := expectedOutput(blocks)
	for i, b := range blocks {
		if b.File != "" {
			target := filepath.Join(dir, filepath.FromSlash(b.File))
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(target, []byte(b.Code), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if !b.Run {
			continue
		}
		script := b.File
		if script == "" {
			script = fmt.Sprintf("block-line-%d.py", b.Line)
			if err := os.WriteFile(filepath.Join(dir, script), []byte(b.Code), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		stdout, stderr, err := runPython(python, dir, script)
		if m := missingModule.FindStringSubmatch(stderr); m != nil {
			t.Skipf("%s:%d needs the Python module %q, which %s lacks: install with apt-get install -y %s (.ci/run does)", display, b.Line, m[1], python, debianPackages)
		}
		if err != nil {
			t.Fatalf("%s:%d: the sample fails with %s (%v):\n%s", display, b.Line, python, err, stderr)
		}
		if exp, ok := want[i]; ok && !outputMatches(exp, stdout) {
			t.Errorf("%s:%d: the sample prints something other than the lesson shows\n--- lesson shows:\n%s\n--- python3 printed:\n%s", display, b.Line, exp, stdout)
		}
	}
}

func runPython(python, dir, script string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), blockTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, script)
	cmd.Dir = dir
	// A fixed terminal size: pandas sizes its tables by COLUMNS, which a narrow shell would set.
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0", "COLUMNS=80", "LINES=24")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// TestCodeBlockMarkers checks the marker rules on small examples, so a broken rule cannot hide
// behind a course that happens to follow it.
func TestCodeBlockMarkers(t *testing.T) {
	lesson := func(body string) []byte { return []byte("---\ntitle: T\n---\n\n" + body) }
	tests := []struct {
		name, body, wantErr string
	}{
		{"run with output", "```python run\nprint(1)\n```\n\nIt prints:\n\n```text output\n1\n```\n", ""},
		{"sketch", "```python\n# Sketch: needs a server\nconnect()\n```\n", ""},
		{"unmarked python", "```python\nprint(1)\n```\n", "neither marked run nor introduced as a sketch"},
		{"orphan output", "```text output\n1\n```\n", "output block with no run block before it"},
		{"two outputs", "```python run\nprint(1)\n```\n\n```text output\n1\n```\n\n```text output\n1\n```\n", "second output block"},
		{"unused file", "```python file=serve.py\napp = 1\n```\n", "no later run block uses it"},
		{"file then run", "```python file=m.py\nx = 1\n```\n\n```python run\nimport m\n```\n", ""},
		{"bash cannot run", "```bash run\nls\n```\n", "only python blocks can be marked run"},
		{"typo", "```python rnu\nprint(1)\n```\n", `unknown code block marker "rnu"`},
		{"quiz blocks are ignored", "Body.\n\n## Quiz\n\n### Q?\n\n```python\nx\n```\n\n- [x] a\n- [ ] b\n\n> c\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, err := lessonCodeBlocks(lesson(tt.body))
			if err == nil {
				err = checkBlockMarkers(blocks)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestCodeBlockLinesAndOutput(t *testing.T) {
	src := []byte("---\ntitle: T\n---\n\nText.\n\n```python run file=a.py\nprint('hi')\n```\n\nIt prints:\n\n```text output\nhi\n```\n")
	blocks, err := lessonCodeBlocks(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 2 || blocks[0].Line != 7 || blocks[0].File != "a.py" || !blocks[0].Run || blocks[0].Code != "print('hi')\n" || blocks[1].Line != 13 {
		t.Fatalf("blocks = %+v", blocks)
	}
	if got := expectedOutput(blocks); got[0] != "hi\n" {
		t.Errorf("expected output = %v", got)
	}
}

func TestOutputMatches(t *testing.T) {
	tests := []struct {
		want, got string
		match     bool
	}{
		{"a\nb\n", "a\nb\n", true},
		{"a\nb", "a  \nb\n\n", true},
		{"a\nb\n", "a\nc\n", false},
		{"a\n", "a\nb\n", false},
		{"p95: ... ms\n", "p95: 1.73 ms\n", true},
		{"p95: ... ms\n", "p95: 1.73 s\n", false},
		{"x (1+1)\n", "x (1+1)\n", true}, // regular-expression characters are literal
		{"x (1+1)\n", "x 11\n", false},
	}
	for _, tt := range tests {
		if got := outputMatches(tt.want, tt.got); got != tt.match {
			t.Errorf("outputMatches(%q, %q) = %v, want %v", tt.want, tt.got, got, tt.match)
		}
	}
}

// TestAuthoringRunnableExample keeps the documented example of the markers honest: it follows the
// rules and pairs its run block with its output block.
func TestAuthoringRunnableExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/authoring.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)````markdown\n(```python run\n.*?)\n````").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/authoring.md has no example of a run block")
	}
	blocks, err := lessonCodeBlocks(append([]byte("---\ntitle: T\n---\n\n"), m[1]...))
	if err == nil {
		err = checkBlockMarkers(blocks)
	}
	if err != nil {
		t.Fatal(err)
	}
	if out := expectedOutput(blocks); len(blocks) != 2 || out[0] != "sum of 1 to 10: 55\n" {
		t.Errorf("blocks %+v, expected output %v", blocks, out)
	}
}
