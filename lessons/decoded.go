package lessons

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/aieng/aieng/internal/safetext"
)

// The raw-byte check (checkText) sees a file as written. This file checks text as it is
// decoded: a YAML escape ("\e", "\x1b", "\u001b", "\x9b") or a Markdown character reference
// (&#27;, &#x1b;, &#155;) is plain ASCII in the file and a control character once read, which
// would reach the learner's terminal. Invisible characters (bidirectional overrides,
// zero-width characters) make text read differently from what it is: in lesson text they are
// warnings, in ids and file names errors.

// maxCharReports bounds the reports of one kind of character problem per file.
const maxCharReports = 10

// unsafeRune says what is wrong with r in decoded text: "" when nothing, else the start of a
// message. warn tells a warning (an invisible character) from an error (a control character).
// prev and next are the characters around r (-1 at an end): some invisible characters are
// needed between letters of scripts and in emoji, and only suspicious between ASCII ones.
func unsafeRune(prev, r, next rune) (msg string, warn bool) {
	switch {
	case r == '\n' || r == '\t':
		return "", false
	case safetext.IsControl(r):
		return "control character " + safetext.Name(r), false
	case !safetext.IsInvisible(r):
		return "", false
	}
	switch r {
	case 0x200c, 0x200d, 0x200e, 0x200f, 0x061c:
		if prev >= 0x80 || next >= 0x80 {
			return "", false // joiners in emoji and Indic or Arabic words; marks in right-to-left text
		}
	}
	return "invisible character " + safetext.Name(r), true
}

const (
	controlHarm   = "it could change the learner's terminal"
	invisibleHarm = "it makes the text read differently from what it is; remove it unless it is meant"
)

// checkInvisible warns about the invisible characters written as such in a file. Control
// characters are checkText's.
func checkInvisible(src []byte, idx *lineIndex, pl *problemList) {
	reported := 0
	prev := rune(-1)
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		next := rune(-1)
		if i+size < len(src) {
			next, _ = utf8.DecodeRune(src[i+size:])
		}
		if msg, warn := unsafeRune(prev, r, next); warn && reported < maxCharReports {
			line, col := idx.pos(i)
			pl.warnf(line, col, "%s: %s", msg, invisibleHarm)
			reported++
		}
		prev = r
		i += size
	}
}

// dropCoveredWarnings drops a warning about an invisible character where an error at the same
// place says more (an accepted answer holding one, which no learner can type): one mistake, one
// message.
func dropCoveredWarnings(probs Problems) Problems {
	type at struct {
		path      string
		line, col int
	}
	errs := map[at]bool{}
	for _, p := range probs {
		if p.Severity == Error {
			errs[at{p.Path, p.Line, p.Col}] = true
		}
	}
	out := probs[:0]
	for _, p := range probs {
		if p.Severity == Warning && strings.HasPrefix(p.Message, "invisible character") && errs[at{p.Path, p.Line, p.Col}] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// checkYAMLValues checks every value of a YAML document as decoded, and bounds how much its
// aliases expand it (maxAliasGrowth). firstLine is the file line of the YAML's first line. It
// returns false when the aliases expand it too far: the values are then not to be decoded.
func checkYAMLValues(doc *yaml.Node, src []byte, firstLine int, pl *problemList) bool {
	w := yamlWalk{sizes: map[*yaml.Node]int{}, limit: maxAliasGrowth*len(src) + aliasSlack, firstLine: firstLine, pl: pl, src: src}
	w.visit(doc)
	return !w.stopped
}

// maxAliasGrowth and aliasSlack bound the size of a YAML document's values with every alias
// expanded: at most maxAliasGrowth times the document's own size, plus aliasSlack. An anchor
// of 100 KB repeated by 900 aliases turned a 104 KB lesson into 90 MB of objectives.
const (
	maxAliasGrowth = 4
	aliasSlack     = 4 << 10
)

type yamlWalk struct {
	sizes     map[*yaml.Node]int // expanded size of each node met, so an alias costs a look-up
	total     int                // expanded size of the values so far
	limit     int
	firstLine int
	pl        *problemList
	src       []byte // to tell a character written as such (checkInvisible's) from an escape
	stopped   bool   // the alias limit was reported: nothing more to add
}

func (w *yamlWalk) visit(n *yaml.Node) {
	if n == nil || w.stopped {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		w.checkScalar(n)
		w.total += len(n.Value)
	case yaml.AliasNode:
		w.total += w.size(n.Alias)
	default:
		for _, c := range n.Content {
			w.visit(c)
		}
	}
	if w.total > w.limit && !w.stopped {
		w.stopped = true
		w.pl.errorf(w.firstLine+n.Line-1, n.Column, "aliases expand this YAML to more than %d bytes, %d times its own size: write the values out instead of repeating an anchor",
			w.limit, maxAliasGrowth)
	}
}

// checkScalar reports the first control or invisible character of a value that an escape
// ("\e", "\x1b", "\u202e") put there; one written as such is checkText's or checkInvisible's.
func (w *yamlWalk) checkScalar(n *yaml.Node) {
	prev := rune(-1)
	for i, r := range n.Value {
		next := rune(-1)
		if j := i + utf8.RuneLen(r); j < len(n.Value) {
			next, _ = utf8.DecodeRuneInString(n.Value[j:])
		}
		msg, warn := unsafeRune(prev, r, next)
		prev = r
		if msg == "" || bytes.ContainsRune(w.src, r) {
			continue
		}
		line := w.firstLine + n.Line - 1
		if warn {
			w.pl.warnf(line, n.Column, "%s in this value, from a YAML escape: %s", msg, invisibleHarm)
		} else {
			w.pl.errorf(line, n.Column, "%s in this value, from a YAML escape: %s", msg, controlHarm)
		}
		return
	}
}

// size returns the expanded size of a node, each node's computed once: anchors form a
// directed acyclic graph, so this is linear however often they are repeated.
func (w *yamlWalk) size(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	if s, ok := w.sizes[n]; ok {
		return s
	}
	w.sizes[n] = 0 // a cycle (not valid YAML) counts nothing
	s := len(n.Value)
	if n.Kind == yaml.AliasNode {
		s = w.size(n.Alias)
	}
	for _, c := range n.Content {
		s += w.size(c)
		if s > w.limit {
			break
		}
	}
	w.sizes[n] = s
	return s
}

// checkFileName refuses a lesson file name with a control or invisible character: it names
// the lesson in every message and, without an id in the front matter, gives the lesson its id.
func checkFileName(filePath string, pl *problemList) {
	name := path.Base(filePath)
	for _, r := range name {
		switch {
		case safetext.IsControl(r):
			pl.errorf(1, 1, "the file name holds the control character %s: rename the file", safetext.Name(r))
			return
		case safetext.IsInvisible(r):
			pl.errorf(1, 1, "the file name holds the invisible character %s: rename the file", safetext.Name(r))
			return
		}
	}
}

// checkQuestionIDText refuses a question id ({#id}) with a control or invisible character:
// progress is kept under it, and two ids that look the same must not differ.
func checkQuestionIDText(q *Question, pl *problemList) {
	for _, r := range q.ID {
		if safetext.IsControl(r) || safetext.IsInvisible(r) {
			pl.errorf(q.Line, 1, "question id %q holds the character %s: use letters, digits and dashes", q.ID, safetext.Name(r))
			return
		}
	}
}

// checkReferences reports the numeric character references (&#27;, &#x1b;) in a lesson's
// Markdown that stand for a control character (errors) or an invisible one (warnings), outside
// code blocks, where they are shown as written. Glamour decodes them in text, headings, code
// spans and HTML, as a browser does, even without the closing semicolon. A control character
// so written is then replaced by U+FFFD and spaces of the same length, so that the lesson holds
// none even when its problems are ignored: the source is copied first (the caller's bytes stay
// as they were), and the parsed document, which refers to offsets, stays valid. It reports
// whether it replaced any, so that the caller takes the body again.
func (p *lessonParser) checkReferences(doc ast.Node) (replaced bool) {
	body := p.body()
	if !bytes.Contains(body, []byte("&#")) {
		return false
	}
	code := codeRanges(doc)
	reported := 0
	var controls [][2]int
	for i := bytes.Index(body, []byte("&#")); i >= 0; {
		end, r := numericReference(body, i)
		for len(code) > 0 && code[0][1] <= i {
			code = code[1:]
		}
		inCode := len(code) > 0 && code[0][0] <= i
		if msg, warn := unsafeRune(-1, r, -1); r >= 0 && msg != "" && !inCode {
			reported++
			p.reportReference(i, end, msg, warn, reported)
			if !warn {
				controls = append(controls, [2]int{p.base + i, p.base + end})
			}
		}
		next := bytes.Index(body[end:], []byte("&#"))
		if next < 0 {
			break
		}
		i = end + next
	}
	return p.replaceReferences(controls)
}

// replaceReferences overwrites each range of the source with U+FFFD and spaces, on a copy.
func (p *lessonParser) replaceReferences(ranges [][2]int) bool {
	if len(ranges) == 0 {
		return false
	}
	p.src = bytes.Clone(p.src)
	for _, c := range ranges {
		n := copy(p.src[c[0]:c[1]], "\uFFFD")
		for i := c[0] + n; i < c[1]; i++ {
			p.src[i] = ' '
		}
	}
	return true
}

// reportReference reports the nth unsafe reference, body[start:end]; past maxCharReports it
// says once that more follow.
func (p *lessonParser) reportReference(start, end int, msg string, warn bool, nth int) {
	line, col := p.idx.pos(p.base + start)
	ref := string(p.body()[start:end])
	switch {
	case nth == maxCharReports+1:
		p.pl.errorf(line, col, "more character references to control or invisible characters follow; only the first %d are listed", maxCharReports)
	case nth > maxCharReports:
	case warn:
		p.pl.warnf(line, col, "character reference %q is an %s: %s", ref, msg, invisibleHarm)
	default:
		p.pl.errorf(line, col, "character reference %q is a %s: %s", ref, msg, controlHarm)
	}
}

// numericReference reads the numeric character reference at body[i:] ("&#" first) the way
// html.UnescapeString does: decimal or x and hex digits, the semicolon optional. It returns
// where the reference ends and the character it stands for (-1 when there are no digits, and
// U+FFFD for a number past Unicode).
func numericReference(body []byte, i int) (end int, r rune) {
	j, base := i+2, rune(10)
	if j < len(body) && (body[j] == 'x' || body[j] == 'X') {
		j, base = j+1, 16
	}
	start, v := j, rune(0)
	for ; j < len(body); j++ {
		d := digitValue(body[j], base)
		if d < 0 {
			break
		}
		if v <= utf8.MaxRune {
			v = v*base + d
		}
	}
	if j == start {
		return j, -1
	}
	if j < len(body) && body[j] == ';' {
		j++
	}
	if v > utf8.MaxRune {
		v = utf8.RuneError
	}
	return j, v
}

func digitValue(c byte, base rune) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return rune(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

// codeRanges returns the byte ranges of the body that code blocks hold, in order.
func codeRanges(doc ast.Node) [][2]int {
	var out [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if entering && n.Lines().Len() > 0 {
				out = append(out, [2]int{n.Lines().At(0).Start, n.Lines().At(n.Lines().Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// neutralise replaces the control characters left in a loaded course's text, so that a
// course whose problems are ignored (or a check that missed one) shows U+FFFD rather than
// acting on the learner's terminal. Validation has reported each of them already.
func neutralise(c *Course) {
	line, text := safetext.Line, safetext.Text
	c.ID, c.Title, c.Description, c.Version = line(c.ID), line(c.Title), text(c.Description), line(c.Version)
	for _, l := range c.Lessons {
		l.ID, l.Title, l.Section, l.Body = line(l.ID), line(l.Title), line(l.Section), text(l.Body)
		for i, o := range l.Objectives {
			l.Objectives[i] = line(o)
		}
		for _, q := range l.Quiz {
			q.ID, q.Prompt = line(q.ID), line(q.Prompt)
			q.Detail, q.Explanation, q.Hint = text(q.Detail), text(q.Explanation), text(q.Hint)
			for i := range q.Choices {
				q.Choices[i].Text, q.Choices[i].Feedback = line(q.Choices[i].Text), text(q.Choices[i].Feedback)
			}
			for i, a := range q.Accepted {
				q.Accepted[i] = line(a)
			}
		}
	}
}
