package lessons

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/aieng/aieng/internal/lab"
)

// This file reads a lesson's labs: fenced blocks whose info string is `lab`, holding YAML that
// package lab reads and validates (docs/labs.md). In Lesson.Body each block is replaced by a
// short card, so that the reader shows "▶ Lab: ... press l" where the author put the lab.

// LabKey is the key that opens a lab in the reader. The card in the lesson names it, and the
// interface's key map binds it; a test keeps the two the same.
const LabKey = "l"

// labInfo is the info string that makes a fenced block a lab.
const labInfo = "lab"

// Lab is a hands-on lab written in a lesson: its spec as package lab reads it (id, title, kind,
// parameters, goal), and where it is.
type Lab struct {
	lab.Spec
	// Line is the line of the block's opening fence in the lesson file.
	Line int
	// indent is how far the fence is indented: goldmark strips as much from the block's lines,
	// so problems' columns within the block are that much further right in the file.
	indent int
}

// Pos returns the position in the lesson file of a position within the lab's block.
func (l *Lab) Pos(p lab.Pos) (line, col int) {
	if p.Line == 0 {
		return l.Line, 1
	}
	return l.Line + p.Line, p.Col + l.indent
}

// Lab returns the lesson's lab with the given id, or nil.
func (l *Lesson) Lab(id string) *Lab {
	for _, lb := range l.Labs {
		if lb.ID == id {
			return lb
		}
	}
	return nil
}

// edit replaces body[from:to] with text when the lesson's Body is made.
type edit struct {
	from, to int
	text     string
}

// parseLabs reads every lab block. One at the top level of the body becomes a Lab and, in Body,
// a card (the edits returned); one inside a list or a quote, or in the quiz, is an error.
func (p *lessonParser) parseLabs(doc ast.Node, quizLine int) []edit {
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fc, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || string(fc.Language(p.body())) != labInfo {
			return ast.WalkContinue, nil
		}
		line, col := p.fencePos(fc)
		switch {
		case quizLine > 0 && line > quizLine:
			p.pl.errorf(line, col, "a lab block belongs in the lesson, above \"## Quiz\"")
		case fc.Parent() != doc:
			p.pl.errorf(line, col, "a lab block must stand on its own, not inside a list or a quote")
		default:
			if l := p.readLab(fc, line); l != nil {
				p.lesson.Labs = append(p.lesson.Labs, l)
				from, to := p.fenceSpan(fc, line)
				edits = append(edits, edit{from: from, to: to, text: labCard(l)})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return edits
}

// readLab reads one lab block and reports its problems at their place in the file; it returns
// nil when the lab has errors.
func (p *lessonParser) readLab(fc *ast.FencedCodeBlock, fenceLine int) *Lab {
	start := p.idx.starts[fenceLine-1]
	indent := 0
	for start+indent < len(p.src) && p.src[start+indent] == ' ' {
		indent++
	}
	spec, probs := lab.ParseBlock([]byte(p.source(fc) + "\n"))
	l := &Lab{Spec: spec, Line: fenceLine, indent: indent}
	for _, pr := range probs {
		line, col := l.Pos(pr.Pos)
		if pr.Warning {
			p.pl.warnf(line, col, "%s", pr.Message)
		} else {
			p.pl.errorf(line, col, "%s", pr.Message)
		}
	}
	if probs.HasErrors() {
		return nil
	}
	return l
}

// fenceSpan returns where a fenced block is in the body, from the start of its opening fence's
// line to the end of its closing fence's line (or of its last line, when it is not closed).
func (p *lessonParser) fenceSpan(fc *ast.FencedCodeBlock, fenceLine int) (from, to int) {
	from = p.idx.starts[fenceLine-1] - p.base
	after := p.idx.starts[min(fenceLine, len(p.idx.starts)-1)] - p.base // the line after the fence
	if n := fc.Lines().Len(); n > 0 {
		after = fc.Lines().At(n - 1).Stop
	}
	body := p.body()
	after = min(max(after, 0), len(body))
	rest := body[after:]
	closing, _, _ := strings.Cut(string(rest), "\n")
	if c := strings.TrimLeft(closing, " "); strings.HasPrefix(c, "```") || strings.HasPrefix(c, "~~~") {
		return from, min(after+len(closing)+1, len(body))
	}
	return from, after
}

// labCard is the Markdown that stands for a lab in the lesson's body: a quote, so that every
// style (dark, light and plain text) sets it apart from the prose with its bar. No emphasis:
// the plain-text style would show its asterisks. Glamour joins a hard line break's lines, so the
// goal is a paragraph of its own. The reader marks a passed lab by turning ▶ into ✓.
func labCard(l *Lab) string {
	return fmt.Sprintf("\n> %s %s — press %s\n>\n> Goal: %s\n\n", CardMark, escapeMarkdown(l.Title), LabKey, escapeMarkdown(l.GoalWords()))
}

// CardMark starts the first line of a lab's card in a rendered lesson: the reader finds the
// cards by it, in the order of the lesson's Labs.
const CardMark = "▶ Lab:"

// escapeMarkdown writes s so that Markdown shows it as it is: a goal's `<`, `_` or `*` are
// not markup. (A code span would do, but Glamour pads code spans with spaces.)
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~!&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkLabs reports, for a lesson of a course read from fsys, the labs whose id another lesson's
// lab already has (labAt: where each id was seen first) and the command labs whose starter or
// solution folder is not beside the lesson; it records the lesson's lab ids.
func checkLabs(fsys fs.FS, l *Lesson, labAt map[string]string) Problems {
	var probs Problems
	add := func(lb *Lab, at lab.Pos, format string, args ...any) {
		line, col := lb.Pos(at)
		probs = append(probs, Problem{Path: l.Path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
	}
	for _, lb := range l.Labs {
		if where, dup := labAt[lb.ID]; dup {
			add(lb, lb.ValuePos("id"), "duplicate lab id %q (also in %s): lab ids must be unique in the course", lb.ID, where)
			continue
		}
		labAt[lb.ID] = fmt.Sprintf("%s:%d", path.Base(l.Path), lb.Line)
		if lb.Kind != "command" {
			continue
		}
		for _, name := range []string{"starter", "solution"} {
			dir, _ := lb.Params[name].(string)
			if dir == "" {
				continue
			}
			if msg := folderProblem(fsys, path.Join(LessonDir, dir)); msg != "" {
				add(lb, lb.ValuePos("params."+name), "%s folder %q %s", name, dir, msg)
			}
		}
	}
	return probs
}

// LessonDir is the folder of every lesson within a course's files: lessons are the Markdown
// files at the top of the course folder, so paths in their labs are relative to it.
const LessonDir = "."

// folderProblem says why name is not a folder of fsys, or "".
func folderProblem(fsys fs.FS, name string) string {
	info, err := fs.Stat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist beside the lesson: the path is relative to the lesson's folder"
	case err != nil:
		return "cannot be read: " + err.Error()
	case !info.IsDir():
		return "is a file, not a folder"
	}
	return ""
}
