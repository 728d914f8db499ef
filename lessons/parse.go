package lessons

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown parses lessons: CommonMark plus the GFM extensions that change the document's
// blocks (task lists are the quiz choices) and heading attributes (question ids and kinds).
// GFM's linkify is left out: it only turns bare URLs into links, which Glamour does itself, and
// it costs a tenth of the parse. goldmark's parser keeps no state between calls.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

// quizHeading is the level-2 heading text that starts a lesson's quiz.
const quizHeading = "quiz"

// frontMatter is a lesson's YAML header.
type frontMatter struct {
	ID         string
	Title      string
	Section    string
	Order      int
	Minutes    int
	Objectives []string
}

// ParseLesson parses one lesson file. It returns the lesson (nil only when the file cannot be
// read as a lesson at all) and every problem found, positioned in the file.
func ParseLesson(filePath string, src []byte) (*Lesson, Problems) {
	pl := &problemList{path: filePath}
	if len(src) > MaxFileSize {
		pl.errorf(1, 1, "file is %d bytes; a lesson may be at most 1 MiB", len(src))
		return nil, pl.items
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // a byte-order mark from some editors
	src = normalizeNewlines(src)
	idx := newLineIndex(src)
	checkText(src, idx, pl)

	var fm frontMatter
	yamlSrc, bodyStart, hasFM, err := splitFrontMatter(src)
	var keys = map[string]yamlEntry{}
	readable := false
	switch {
	case err != nil:
		pl.errorf(1, 1, "%v", err)
		bodyStart = 0
	case !hasFM:
		pl.errorf(1, 1, "missing front matter: a lesson starts with a --- block holding at least its title")
	default:
		keys, readable = decodeYAML(yamlSrc, 2, []yamlField{
			{"id", &fm.ID}, {"title", &fm.Title}, {"section", &fm.Section}, {"order", &fm.Order},
			{"minutes", &fm.Minutes}, {"objectives", &fm.Objectives},
		}, pl)
	}

	l := &Lesson{
		ID: fm.ID, Title: strings.TrimSpace(fm.Title), Section: strings.TrimSpace(fm.Section),
		Order: fm.Order, Minutes: fm.Minutes, Path: filePath,
	}
	for _, o := range fm.Objectives {
		if o = strings.TrimSpace(o); o != "" {
			l.Objectives = append(l.Objectives, o)
		}
	}
	checkLessonFields(l, keys, readable, pl)

	p := &lessonParser{src: src, idx: idx, pl: pl, lesson: l}
	p.parseBody(bodyStart)
	return l, pl.items
}

// checkLessonFields checks the front matter; readable is false when there was none to read,
// a problem already reported.
func checkLessonFields(l *Lesson, keys map[string]yamlEntry, readable bool, pl *problemList) {
	at := func(key string) (int, int) {
		if k, ok := keys[key]; ok {
			return k.Key.Line + 1, k.Key.Column
		}
		return 1, 1
	}
	l.idLine, l.idCol = at("id")
	if l.ID == "" {
		l.ID = idFromFileName(l.Path)
	}
	if !validID(l.ID) {
		line, col := at("id")
		if _, explicit := keys["id"]; explicit {
			pl.errorf(line, col, "invalid id %q: use lower-case letters, digits and dashes", l.ID)
		} else {
			pl.errorf(1, 1, "the file name gives the invalid id %q: rename the file or set id: in the front matter (lower-case letters, digits and dashes)", l.ID)
		}
	}
	if !readable {
		return
	}
	if _, ok := keys["title"]; !ok {
		pl.errorf(1, 1, "missing title")
	} else if l.Title == "" {
		line, col := at("title")
		pl.errorf(line, col, "empty title")
	}
	if l.Order < 0 {
		line, col := at("order")
		pl.errorf(line, col, "order must not be negative")
	}
	if l.Minutes < 0 {
		line, col := at("minutes")
		pl.errorf(line, col, "minutes must not be negative")
	}
	if len(l.Objectives) == 0 {
		line, col := at("objectives")
		pl.warnf(line, col, "lesson has no objectives")
	}
}

// idFromFileName derives a lesson id from "02-data-prep.md": "data-prep".
func idFromFileName(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	trimmed := strings.TrimLeft(base, "0123456789")
	if trimmed != base {
		trimmed = strings.TrimLeft(trimmed, "-_. ")
	}
	if trimmed == "" {
		return base
	}
	return trimmed
}

func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// lessonParser walks one lesson's Markdown AST.
type lessonParser struct {
	src    []byte
	idx    *lineIndex
	pl     *problemList
	lesson *Lesson
	base   int // byte offset of the body in src: AST segments are relative to it
}

func (p *lessonParser) parseBody(bodyStart int) {
	p.base = bodyStart
	body := p.src[bodyStart:]
	doc := markdown.Parser().Parse(text.NewReader(body))
	p.lesson.BodyLine, _ = p.idx.pos(bodyStart)

	var quiz ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 && strings.EqualFold(strings.TrimSpace(p.plain(h)), quizHeading) {
			quiz = h
			break
		}
	}
	bodyEnd := len(body)
	if quiz != nil {
		bodyEnd = p.idx.lineStart(p.base+p.nodeStart(quiz)) - p.base
	}
	p.lesson.Body = strings.TrimSpace(string(joinListLines(doc, body, bodyEnd))) + "\n"

	var words strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if quiz != nil && n == quiz {
			return ast.WalkStop, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			words.Write(n.Segment.Value(body))
			if n.SoftLineBreak() || n.HardLineBreak() {
				words.WriteByte(' ')
			}
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			words.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	p.lesson.Words = len(strings.Fields(words.String()))
	p.checkCodeBlocks(doc)

	if quiz != nil {
		p.parseQuiz(quiz.(*ast.Heading))
	}
}

// checkCodeBlocks warns about fences without a language: Glamour would have to guess it.
func (p *lessonParser) checkCodeBlocks(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fc, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || len(fc.Language(p.body())) > 0 {
			return ast.WalkContinue, nil
		}
		line, col := p.fencePos(fc)
		p.pl.warnf(line, col, "code block has no language tag")
		return ast.WalkContinue, nil
	})
}

// fencePos finds the opening fence of a code block: the line above its first content line.
func (p *lessonParser) fencePos(fc *ast.FencedCodeBlock) (int, int) {
	if fc.Info != nil {
		line, _ := p.idx.pos(p.base + fc.Info.Segment.Start)
		return line, 1
	}
	if fc.Lines().Len() > 0 {
		line, _ := p.idx.pos(p.base + fc.Lines().At(0).Start)
		return line - 1, 1
	}
	prev := fc.PreviousSibling()
	if prev != nil {
		line, _ := p.idx.pos(p.base + p.nodeEnd(prev))
		return line + 1, 1
	}
	return p.lesson.BodyLine, 1
}

func (p *lessonParser) body() []byte { return p.src[p.base:] }

// parseQuiz reads the questions: each level-3 heading after the quiz heading and the blocks
// under it, to the end of the file.
func (p *lessonParser) parseQuiz(quiz *ast.Heading) {
	var (
		current *ast.Heading
		blocks  []ast.Node
		n       = 0
	)
	flush := func() {
		if current != nil {
			n++
			if q := p.parseQuestion(current, blocks, n); q != nil {
				p.lesson.Quiz = append(p.lesson.Quiz, q)
			}
		}
	}
	for node := quiz.NextSibling(); node != nil; node = node.NextSibling() {
		if h, ok := node.(*ast.Heading); ok {
			switch {
			case h.Level == 3:
				flush()
				current, blocks = h, nil
				continue
			case h.Level <= 2:
				line, col := p.posOf(h)
				p.pl.errorf(line, col, "the quiz runs to the end of the file: move this section above \"## Quiz\"")
				continue
			}
		}
		if current == nil {
			continue // an introduction to the quiz: allowed, not shown
		}
		blocks = append(blocks, node)
	}
	flush()
	if n == 0 {
		line, col := p.posOf(quiz)
		p.pl.errorf(line, col, "quiz heading has no questions: add ### questions below it, or remove it")
	}
}

func (p *lessonParser) parseQuestion(h *ast.Heading, blocks []ast.Node, n int) *Question {
	line, col := p.posOf(h)
	q := &Question{Prompt: strings.TrimSpace(p.source(h)), Shuffle: true, Line: line}
	q.ID = fmt.Sprintf("%s/q%d", p.lesson.ID, n)
	kind := Kind("")
	for _, attr := range h.Attributes() {
		name := string(attr.Name)
		switch name {
		case "id":
			q.ID = attrString(attr.Value)
		case "kind":
			kind = Kind(attrString(attr.Value))
		case "shuffle":
			b, ok := attr.Value.(bool)
			if !ok {
				p.pl.errorf(line, col, "shuffle must be true or false")
			}
			q.Shuffle = b
		default:
			p.pl.errorf(line, col, "unknown question attribute %q: use #id, kind= or shuffle=", name)
		}
	}
	if strings.HasSuffix(q.Prompt, "}") && strings.Contains(q.Prompt, "{") {
		p.pl.errorf(line, col, "could not read the attributes at the end of this heading: write them as {#id kind=multiple shuffle=false}")
	}
	if q.Prompt == "" {
		p.pl.errorf(line, col, "question has an empty prompt")
	}

	var (
		list   *ast.List
		detail []string
	)
	for _, b := range blocks {
		switch b := b.(type) {
		case *ast.Blockquote:
			md := p.markdownOf(b)
			if label, rest := splitLabel(md, "hint"); label {
				q.Hint = joinParagraphs(q.Hint, rest)
			} else {
				_, rest = splitLabel(md, "explanation")
				q.Explanation = joinParagraphs(q.Explanation, rest)
			}
		case *ast.List:
			if list != nil {
				bl, bc := p.posOf(b)
				p.pl.errorf(bl, bc, "question has a second list of choices: keep the choices in one list")
				continue
			}
			list = b
		default:
			if list != nil {
				bl, bc := p.posOf(b)
				p.pl.errorf(bl, bc, "unexpected text after the choices: put the explanation in a blockquote (> ...)")
				continue
			}
			detail = append(detail, p.markdownOf(b))
		}
	}
	q.Detail = strings.Join(detail, "\n\n")
	if list != nil {
		p.readChoices(q, list)
	}
	q.Kind = inferKind(kind, q)
	p.checkQuestion(q, list, line, col)
	q.Hash = questionHash(q)
	return q
}

// attrString turns a goldmark attribute value (bytes for bare words and strings) into text.
func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

func (p *lessonParser) readChoices(q *Question, list *ast.List) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil {
			continue
		}
		box, _ := first.FirstChild().(*east.TaskCheckBox)
		line, col := p.posOf(first)
		if box == nil {
			p.pl.errorf(line, col, "choices must be a task list: start each choice with [ ] or [x]")
			continue
		}
		c := Choice{Text: p.inlineAfter(box), Correct: box.IsChecked}
		for sub := first.NextSibling(); sub != nil; sub = sub.NextSibling() {
			if bq, ok := sub.(*ast.Blockquote); ok {
				c.Feedback = joinParagraphs(c.Feedback, p.markdownOf(bq))
			} else {
				sl, sc := p.posOf(sub)
				p.pl.errorf(sl, sc, "unexpected content under a choice: choice feedback goes in an indented blockquote (  > ...)")
			}
		}
		if c.Text == "" {
			p.pl.errorf(line, col, "choice is empty")
		}
		q.Choices = append(q.Choices, c)
	}
}

// inferKind applies the documented defaults: an explicit kind wins; two choices named True and
// False make a true/false question; anything else is single choice.
func inferKind(explicit Kind, q *Question) Kind {
	if explicit != "" {
		return explicit
	}
	if isTrueFalse(q.Choices) {
		return TrueFalse
	}
	return SingleChoice
}

func isTrueFalse(cs []Choice) bool {
	if len(cs) != 2 {
		return false
	}
	a, b := strings.ToLower(cs[0].Text), strings.ToLower(cs[1].Text)
	return (a == "true" && b == "false") || (a == "false" && b == "true")
}

func (p *lessonParser) checkQuestion(q *Question, list *ast.List, line, col int) {
	switch q.Kind {
	case SingleChoice, MultipleSelect, TrueFalse:
	case ShortAnswer:
		for _, c := range q.Choices {
			if !c.Correct {
				p.pl.errorf(line, col, "short-answer question lists an answer that is not marked [x]: every listed item is an accepted answer")
				break
			}
		}
		for _, c := range q.Choices {
			if c.Correct {
				q.Accepted = append(q.Accepted, c.Text)
			}
		}
		q.Choices = nil
		if len(q.Accepted) == 0 {
			p.pl.errorf(line, col, "short-answer question has no accepted answers: list them as - [x] answer")
		}
	default:
		p.pl.errorf(line, col, "unknown question kind %q: use single, multiple, truefalse or short", q.Kind)
		return
	}
	if q.Explanation == "" {
		p.pl.errorf(line, col, "question has no explanation: add a blockquote (> ...) after the choices")
	}
	if q.Kind == ShortAnswer {
		return
	}
	switch len(q.Choices) {
	case 0:
		p.pl.errorf(line, col, "question has no choices: add a task list (- [ ] ...)")
		return
	case 1:
		p.pl.errorf(line, col, "question has fewer than two choices")
	}
	var correct []int
	for i, c := range q.Choices {
		if c.Correct {
			correct = append(correct, i)
		}
	}
	if len(correct) == 0 {
		p.pl.errorf(line, col, "question has no correct answer: mark one choice [x]")
	}
	if q.Kind == TrueFalse && !isTrueFalse(q.Choices) {
		p.pl.errorf(line, col, "true/false question needs exactly the choices True and False")
	}
	if (q.Kind == SingleChoice || q.Kind == TrueFalse) && len(correct) > 1 {
		cl, cc := p.posOf(nthChild(list, correct[1]).FirstChild())
		p.pl.errorf(cl, cc, "single-choice question has %d correct answers; add {kind=multiple} to the heading if that is intended", len(correct))
	}
	if q.Shuffle {
		for i, c := range q.Choices {
			lower := strings.ToLower(c.Text)
			for _, phrase := range []string{"all of the above", "none of the above", "both of the above"} {
				if strings.Contains(lower, phrase) {
					cl, cc := p.posOf(nthChild(list, i).FirstChild())
					p.pl.warnf(cl, cc, "%q in a shuffled question: after shuffling, \"above\" means nothing; rewrite the choice or add {shuffle=false}", phrase)
				}
			}
		}
	}
	if word := negativeWord(q.Prompt); word != "" {
		p.pl.warnf(line, col, "negatively worded prompt (%q): learners misread negative questions; ask the positive question", word)
	}
}

// negativeWord finds the word that makes a prompt negative ("Which is NOT ..."), or "".
func negativeWord(prompt string) string {
	words := strings.FieldsFunc(prompt, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	startsWithWhich := len(words) > 0 && strings.EqualFold(words[0], "which")
	for _, w := range words {
		switch {
		case w == "NOT" || w == "EXCEPT" || w == "NEVER":
			return w
		case startsWithWhich && (strings.EqualFold(w, "not") || strings.EqualFold(w, "except") || strings.EqualFold(w, "isn't")):
			return w
		}
	}
	return ""
}

func nthChild(n ast.Node, i int) ast.Node {
	c := n.FirstChild()
	for ; i > 0 && c != nil; i-- {
		c = c.NextSibling()
	}
	return c
}

// questionHash fingerprints what a learner answered: kind, prompt, detail and the answers.
// Explanations and hints are left out, so improving them keeps learners' answers current.
func questionHash(q *Question) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", q.Kind, q.Prompt, q.Detail)
	for _, c := range q.Choices {
		fmt.Fprintf(h, "%s\x00%t\x00", c.Text, c.Correct)
	}
	for _, a := range q.Accepted {
		fmt.Fprintf(h, "%s\x00", a)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// splitLabel strips a leading "Label:" (plain, bold or italic) from a blockquote's Markdown.
func splitLabel(md, label string) (bool, string) {
	for _, wrap := range []string{"**", "__", "*", "_", ""} {
		for _, form := range []string{wrap + label + ":" + wrap, wrap + label + wrap + ":"} {
			if len(md) >= len(form) && strings.EqualFold(md[:len(form)], form) {
				return true, strings.TrimSpace(md[len(form):])
			}
		}
	}
	return false, md
}

func joinParagraphs(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "\n\n" + b
}

// posOf returns the line and column where a block's content starts.
func (p *lessonParser) posOf(n ast.Node) (int, int) {
	if h, ok := n.(*ast.Heading); ok {
		line, _ := p.idx.pos(p.base + p.nodeStart(h))
		return line, 1
	}
	return p.idx.pos(p.base + p.nodeStart(n))
}

// nodeStart finds the first byte of a block's content by descending to its first line.
func (p *lessonParser) nodeStart(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return 0
}

func (p *lessonParser) nodeEnd(n ast.Node) int {
	for c := n; c != nil; c = c.LastChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(c.Lines().Len() - 1).Stop
		}
	}
	return p.nodeStart(n)
}

// source returns a leaf block's lines as written, joined by newlines.
func (p *lessonParser) source(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(p.body()))
	}
	return strings.TrimRight(b.String(), "\n")
}

// inlineAfter returns the Markdown of a choice's text: its block's lines after the checkbox.
func (p *lessonParser) inlineAfter(box ast.Node) string {
	parent := box.Parent()
	next := box.NextSibling()
	if next == nil || parent.Lines().Len() == 0 {
		return ""
	}
	start := p.nodeStart(next)
	first := parent.Lines().At(0)
	var b strings.Builder
	for i := 0; i < parent.Lines().Len(); i++ {
		seg := parent.Lines().At(i)
		if i == 0 && start >= first.Start && start <= first.Stop {
			seg = text.NewSegment(start, seg.Stop)
		}
		b.Write(bytes.TrimSpace(seg.Value(p.body())))
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// markdownOf rebuilds the Markdown of a block from its leaf blocks' lines. Container prefixes
// ("> ", list indentation) are not part of those lines, so the result is plain Markdown.
func (p *lessonParser) markdownOf(n ast.Node) string {
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		return "```" + string(n.Language(p.body())) + "\n" + p.source(n) + "\n```"
	case *ast.CodeBlock:
		return "```text\n" + p.source(n) + "\n```"
	case *ast.List:
		var items []string
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "- "
			if n.IsOrdered() {
				marker = fmt.Sprintf("%d. ", i)
				i++
			}
			items = append(items, marker+strings.ReplaceAll(p.markdownOf(item), "\n", "\n   "))
		}
		return strings.Join(items, "\n")
	case *ast.Heading:
		return strings.Repeat("#", n.Level) + " " + p.source(n)
	case *ast.ThematicBreak:
		return "---"
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return p.source(n)
	}
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := p.markdownOf(c); s != "" {
			parts = append(parts, s)
		}
	}
	sep := "\n\n"
	if item, ok := n.(*ast.ListItem); ok && item.Parent().(*ast.List).IsTight {
		sep = "\n"
	}
	return strings.Join(parts, sep)
}

// plain returns a node's text without Markdown markup, for comparisons.
func (p *lessonParser) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(p.body()))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// joinListLines returns body[:end] with the soft line breaks inside list items and blockquotes
// turned into spaces. Glamour keeps those breaks when it wraps such text, so a list item or a
// quote wrapped over two source lines would show ragged; top-level paragraphs are unaffected.
func joinListLines(doc ast.Node, body []byte, end int) []byte {
	type span struct{ from, to int }
	var joins []span
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		default:
			return ast.WalkContinue, nil
		}
		if !insideContainer(n) {
			return ast.WalkSkipChildren, nil
		}
		lines := n.Lines()
		for i := 0; i+1 < lines.Len(); i++ {
			cur, next := lines.At(i), lines.At(i+1)
			if next.Start >= end {
				break
			}
			stop := cur.Stop
			for stop > cur.Start && strings.ContainsRune(" \t\r\n", rune(body[stop-1])) {
				stop--
			}
			trailing := body[stop:cur.Stop]
			hardBreak := (stop > cur.Start && body[stop-1] == '\\') || bytes.HasPrefix(trailing, []byte("  "))
			if !hardBreak {
				joins = append(joins, span{stop, next.Start})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	if len(joins) == 0 {
		return body[:end]
	}
	out := make([]byte, 0, end)
	last := 0
	for _, j := range joins {
		out = append(out, body[last:j.from]...)
		out = append(out, ' ')
		last = j.to
	}
	return append(out, body[last:end]...)
}

func insideContainer(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem, *ast.Blockquote:
			return true
		}
	}
	return false
}
