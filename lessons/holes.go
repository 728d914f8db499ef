package lessons

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// This file closes the validator's silent holes in a lesson's body: mistakes that used to pass
// and then showed learners the answers (a near-miss quiz heading, a checked task list), or
// shipped unfinished text (the scaffold's placeholders, an empty lesson, the title repeated).
// The quiz's own holes are in holesquiz.go, the front matter's in holesyaml.go, the course's in
// holescourse.go.

// checkBody reports the body's holes. quiz is the quiz heading, or nil when the lesson has none.
func (p *lessonParser) checkBody(doc ast.Node, quiz ast.Node) {
	blocks := bodyBlocks(doc, quiz)
	covered := p.checkQuizHeadings(blocks, quiz)
	p.checkBodyAnswers(blocks, covered)
	p.checkBodyStart(blocks, quiz != nil)
	p.checkRawHTML(blocks)
	p.collectImages(doc)
	p.checkPlaceholders()
}

// bodyBlocks returns the top-level blocks of the body, up to the quiz heading.
func bodyBlocks(doc ast.Node, quiz ast.Node) []ast.Node {
	var out []ast.Node
	for n := doc.FirstChild(); n != nil && n != quiz; n = n.NextSibling() {
		out = append(out, n)
	}
	return out
}

// blockSpan is a range of top-level blocks, [from, to) by index into bodyBlocks.
type blockSpan struct{ from, to int }

func (s blockSpan) holds(i int) bool { return i >= s.from && i < s.to }

// checkQuizHeadings reports headings in the body that were meant as the quiz heading, and
// warns about a quiz heading not written as "## Quiz". It returns the sections of the body
// under a reported heading, so their task lists are not reported a second time.
func (p *lessonParser) checkQuizHeadings(blocks []ast.Node, quiz ast.Node) []blockSpan {
	if h, ok := quiz.(*ast.Heading); ok && strings.TrimSpace(p.plain(h)) != "Quiz" {
		line, col := p.posOf(h)
		p.pl.warnf(line, col, "quiz heading %q: did you mean \"## Quiz\"? (it works, but write it the documented way)", p.headingSource(h))
	}
	var covered []blockSpan
	for i, b := range blocks {
		h, ok := b.(*ast.Heading)
		if !ok {
			continue
		}
		end := sectionEnd(blocks, i, min(h.Level, 2))
		strong, weak := quizLikeHeading(p.plain(h))
		if !strong && !(weak && holdsAnswers(blocks[i+1:end])) {
			continue
		}
		line, col := p.posOf(h)
		p.pl.errorf(line, col, "%q is not the quiz heading, so the questions under it show in the lesson with their answers: did you mean \"## Quiz\"?", p.headingSource(h))
		covered = append(covered, blockSpan{i, end})
	}
	return covered
}

// sectionEnd is the index of the first block after i that is a heading of level at most
// level, or len(blocks).
func sectionEnd(blocks []ast.Node, i, level int) int {
	for j := i + 1; j < len(blocks); j++ {
		if h, ok := blocks[j].(*ast.Heading); ok && h.Level <= level {
			return j
		}
	}
	return len(blocks)
}

// quizLikeHeading tells a heading meant as the quiz heading. strong: its words are just "quiz"
// ("## Quiz:", "# Quiz", "### Quiz", "## Quiz 🧠"), always a mistake outside the quiz heading.
// weak: it reads like a quiz ("## Questions", "## Quiz time", "## Check your understanding"),
// a mistake only when answers are marked under it; "## Quizzes in other tools" or
// "## Questions to ask your users" over prose are not.
func quizLikeHeading(text string) (strong, weak bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 1 && words[0] == "quiz" {
		return true, true
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, w := range []string{" quiz ", " questions ", " question ", " check your understanding ", " knowledge check ",
		" test yourself ", " self check ", " self assessment "} {
		if strings.Contains(joined, w) {
			return false, true
		}
	}
	return false, false
}

// holdsAnswers reports whether blocks hold a checked task-list item or a heading with question
// attributes: the marks of a quiz.
func holdsAnswers(blocks []ast.Node) bool {
	for _, b := range blocks {
		if firstCheckedBox(b) != nil {
			return true
		}
		if h, ok := b.(*ast.Heading); ok && hasQuestionAttributes(h) {
			return true
		}
	}
	return false
}

// firstCheckedBox returns the first checked task-list box in n, or nil.
func firstCheckedBox(n ast.Node) *east.TaskCheckBox {
	var found *east.TaskCheckBox
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if box, ok := c.(*east.TaskCheckBox); ok && entering && box.IsChecked {
			found = box
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

func hasQuestionAttributes(h *ast.Heading) bool {
	for _, a := range h.Attributes() {
		if name := string(a.Name); name == "kind" || name == "shuffle" {
			return true
		}
	}
	return false
}

// checkBodyAnswers reports, outside the sections already reported, each list with a checked
// task-list item and each heading with question attributes: in the body, learners see them.
func (p *lessonParser) checkBodyAnswers(blocks []ast.Node, covered []blockSpan) {
	for i, b := range blocks {
		if inSpans(covered, i) {
			continue
		}
		if h, ok := b.(*ast.Heading); ok && hasQuestionAttributes(h) {
			line, col := p.posOf(h)
			p.pl.errorf(line, col, "a heading with question attributes ({kind=...} or {shuffle=...}) in the lesson body: questions go under \"## Quiz\", or learners see them with their answers")
			continue
		}
		_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			list, ok := n.(*ast.List)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			if box := firstCheckedBox(list); box != nil {
				line, col := p.posOf(box.Parent())
				p.pl.errorf(line, col, "a checked task-list item ([x]) in the lesson body shows learners a marked answer: questions go under \"## Quiz\"; write a checklist without [x]")
			}
			return ast.WalkSkipChildren, nil
		})
	}
}

func inSpans(spans []blockSpan, i int) bool {
	for _, s := range spans {
		if s.holds(i) {
			return true
		}
	}
	return false
}

// checkBodyStart warns about a lesson without text before its quiz, and about a first line that
// repeats the title, which the reader already shows above the lesson.
func (p *lessonParser) checkBodyStart(blocks []ast.Node, hasQuiz bool) {
	if p.lesson.Title == "" {
		return // no front matter, or no title: reported already
	}
	if len(blocks) == 0 {
		where := "after the front matter"
		if hasQuiz {
			where = "between the front matter and \"## Quiz\""
		}
		p.pl.warnf(p.lesson.BodyLine, 1, "lesson has no text: write the lesson %s", where)
		return
	}
	first := blocks[0]
	text := ""
	switch b := first.(type) {
	case *ast.Heading:
		text = p.plain(b)
	case *ast.Paragraph:
		if b.Lines().Len() > 0 {
			seg := b.Lines().At(0)
			text = string(seg.Value(p.body()))
		}
	}
	if sameWords(text, p.lesson.Title) {
		line, col := p.posOf(first)
		if _, ok := first.(*ast.Heading); ok {
			col = 1
		}
		p.pl.warnf(line, col, "the first line repeats the title, which the reader already shows above the lesson: remove it")
	}
}

// sameWords compares two texts by their letters and digits, ignoring case and markup.
func sameWords(a, b string) bool {
	norm := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
	}
	na := norm(a)
	return na != "" && na == norm(b)
}

// checkRawHTML warns about HTML in the body: the terminal does not render it. HTML comments,
// which authors use for notes to themselves, are fine, and closing tags are not reported again.
func (p *lessonParser) checkRawHTML(blocks []ast.Node) {
	for _, b := range blocks {
		_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			at := -1
			switch n := n.(type) {
			case *ast.HTMLBlock:
				if n.HTMLBlockType != ast.HTMLBlockType2 && n.Lines().Len() > 0 {
					at = n.Lines().At(0).Start
				}
			case *ast.RawHTML:
				if n.Segments.Len() > 0 {
					at = n.Segments.At(0).Start
				}
			}
			if at < 0 {
				return ast.WalkContinue, nil
			}
			p.reportHTML(at)
			return ast.WalkSkipChildren, nil
		})
	}
}

// reportHTML warns about the HTML tag at or after body offset at, unless it is a comment.
func (p *lessonParser) reportHTML(at int) {
	body := p.body()
	at += max(bytes.IndexByte(body[at:], '<'), 0)
	if bytes.HasPrefix(body[at:], []byte("<!--")) || bytes.HasPrefix(body[at:], []byte("</")) {
		return // a comment, or the end of an element already reported
	}
	tag := body[at:]
	if end := bytes.IndexAny(tag, ">\n"); end >= 0 {
		tag = tag[:end]
	}
	shown := string(tag)
	if len([]rune(shown)) > 30 {
		shown = string([]rune(shown)[:27]) + "..."
	}
	line, col := p.idx.pos(p.base + at)
	p.pl.warnf(line, col, "raw HTML (%s>) is not rendered: learners see it as plain text; write it in Markdown", shown)
}

// placeholders are the texts 'aieng init' and 'aieng new' write for the author to replace
// (internal/scaffold; its tests check that a fresh course reports each of them).
var placeholders = []struct{ text, from string }{
	{"Replace this with what the learner will be able to do", "aieng new"},
	{"Write the lesson here, in Markdown.", "aieng new"},
	{"Replace this with the one thing to remember.", "aieng new"},
	{"Replace this with your first question", "aieng new"},
	{"A plausible wrong answer", "aieng new"},
	{"Optional feedback shown when a learner picks this choice.", "aieng new"},
	{"Explain why the answer is right and why the wrong ones are wrong.", "aieng new"},
	{"This is an example lesson.", "aieng init"},
}

// manifestPlaceholder is the description 'aieng init' writes into course.yaml.
const manifestPlaceholder = "A short description learners see in the outline."

// checkPlaceholders warns about each place in the file that still holds a placeholder.
func (p *lessonParser) checkPlaceholders() {
	for _, ph := range placeholders {
		from := 0
		for {
			i := bytes.Index(p.src[from:], []byte(ph.text))
			if i < 0 {
				break
			}
			line, col := p.idx.pos(from + i)
			p.pl.warnf(line, col, "placeholder from %s left unchanged: %q", ph.from, ph.text)
			from += i + len(ph.text)
		}
	}
}

// headingSource is a heading as the author wrote it, "## Quiz:", for messages. A setext
// heading is shown in the # form it stands for.
func (p *lessonParser) headingSource(h *ast.Heading) string {
	if h.Lines().Len() > 0 {
		start := p.idx.lineStart(p.base + h.Lines().At(0).Start)
		line := p.src[start:]
		if end := bytes.IndexByte(line, '\n'); end >= 0 {
			line = line[:end]
		}
		if t := strings.TrimSpace(string(line)); strings.HasPrefix(t, "#") {
			return t
		}
	}
	return strings.Repeat("#", h.Level) + " " + p.source(h)
}
