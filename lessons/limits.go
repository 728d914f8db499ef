package lessons

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// Limits on a lesson's Markdown. A lesson is input from someone else, and some Markdown costs
// far more than its size: goldmark's parser is quadratic on an unclosed link run like
// "[a](" repeated (80 KB: 1.6 s; 900 KB: more than 40 s) and on block quotes nested deep on
// one line, and Glamour's rendering grows faster than linearly with nesting (lists 800 deep:
// 34 s and 1.5 GB), recurses once per level of emphasis (100 000 levels overflow the stack)
// and, before internal/render laid lessons out itself, with the length of a word. Within these
// limits every lesson that validates parses in milliseconds and renders in well under a
// second at any width from 20 to 500; docs/authoring.md lists them, and
// internal/render's tests check the worst lesson within them.
const (
	// MaxNesting bounds lists and block quotes inside each other.
	MaxNesting = 8
	// MaxInlineNesting bounds emphasis, links and strikethrough inside each other.
	MaxInlineNesting = 8
	// MaxWordLength bounds a run of characters without a space outside code blocks: a long URL
	// fits, a pasted blob does not. Each character of a script written without spaces ends a word.
	MaxWordLength = 500
	// MaxParagraphSize bounds one paragraph, heading or table, in bytes.
	MaxParagraphSize = 16 << 10
	// MaxMarkup bounds the markup in one paragraph: runs of * _ ~ and backticks, and each
	// [ ] and <. Each can start a search through the rest of the paragraph.
	MaxMarkup = 1000
	// MaxLessonMarkup bounds the same marks in a whole lesson file, outside code blocks: ten
	// times what a long lesson holds. Dense markup costs the parser far more than prose.
	MaxLessonMarkup = 10000
	// MaxTextSize bounds what a learner reads of a lesson, in bytes: its title, objectives and
	// body before the quiz.
	MaxTextSize = 64 << 10
	// MaxBlocks bounds the blocks of that text: paragraphs, headings, code blocks, list items,
	// lists, quotes, table rows. Nesting counts each level as a block.
	MaxBlocks = 1000
	// MaxCodeBlocks bounds the code blocks of that text: each is highlighted on its own, at a
	// cost of about half a millisecond.
	MaxCodeBlocks = 200
)

// blockParser parses the block structure of Markdown only: no inline parser runs, so it is
// linear in the size of the text once no line nests containers deeper than MaxNesting.
var blockParser = parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...))

// withinParseLimits checks, before the full parse, what would make goldmark's parse slow: a
// line that opens more than MaxNesting containers, then (on the block structure alone) deep
// nesting, long paragraphs, long words and dense markup. It reports each problem and returns
// false when there is any: the full parse is then skipped, since it could take minutes.
func (p *lessonParser) withinParseLimits(bodyStart int) bool {
	before := len(p.pl.items)
	body := p.src[bodyStart:]
	if !p.checkLineNesting(body, bodyStart) {
		return false
	}
	doc := blockParser.Parse(text.NewReader(body))
	p.base = bodyStart
	total := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if d := containerDepth(n); d > MaxNesting {
			line, col := p.posOf(n)
			p.pl.errorf(line, col, "lists and quotes nested %d deep; at most %d", d, MaxNesting)
			return ast.WalkSkipChildren, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			if total += p.checkInlineSource(n, body); total > MaxLessonMarkup {
				line, col := p.posOf(n)
				p.pl.errorf(line, col, "the lesson holds more than %d marks of Markdown (* _ ~ ` [ ] <) outside code blocks by here; at most %d: split the lesson",
					MaxLessonMarkup, MaxLessonMarkup)
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return len(p.pl.items) == before
}

// containerDepth counts the list items and block quotes n is in, n included.
func containerDepth(n ast.Node) int {
	d := 0
	for c := n; c != nil; c = c.Parent() {
		switch c.(type) {
		case *ast.ListItem, *ast.Blockquote:
			d++
		}
	}
	return d
}

// checkLineNesting reports the lines whose container markers (> and list markers at the start
// of the line) nest deeper than MaxNesting. goldmark's block parser takes time quadratic in
// that depth, so this is checked on the text before any parse.
func (p *lessonParser) checkLineNesting(body []byte, bodyStart int) bool {
	ok := true
	reported := 0
	for off := 0; off < len(body); {
		line := body[off:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl+1]
		}
		if d, at := lineNesting(line); d > MaxNesting {
			ok = false
			if reported < maxCharReports {
				l, c := p.idx.pos(bodyStart + off + at)
				p.pl.errorf(l, c, "lists and quotes nested more than %d deep on one line; at most %d", MaxNesting, MaxNesting)
				reported++
			}
		}
		off += len(line)
	}
	return ok
}

// lineNesting counts the container markers a line starts with (> and list markers, each
// followed by a space) and returns where the one past MaxNesting is. A thematic break such as
// "- - -" or "* * * *" is not a list: its dashes and stars are not counted.
func lineNesting(line []byte) (depth, at int) {
	onlyRule := isRuleLike(line)
	for i := 0; i < len(line); {
		start := i
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '>':
			i++
		case !onlyRule && listMarkerLen(line[i:]) > 0:
			i += listMarkerLen(line[i:])
		default:
			return depth, 0
		}
		depth++
		if depth > MaxNesting {
			return depth, start
		}
	}
	return depth, 0
}

// isRuleLike reports whether a line, past its quote markers, holds only -, *, _ and spaces:
// a thematic break or a setext underline, not list markers.
func isRuleLike(line []byte) bool {
	return len(bytes.Trim(line, " \t\r\n>-*_")) == 0
}

// listMarkerLen returns the length of the list marker at the start of s ("- ", "* ", "+ ",
// "12. ", "3) "), or 0.
func listMarkerLen(s []byte) int {
	i := 0
	if len(s) > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '+') {
		i = 1
	} else if i = orderedMarkerLen(s); i == 0 {
		return 0
	}
	if i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		return i + 1
	}
	return 0
}

// orderedMarkerLen returns the length of the number and its . or ) at the start of s, or 0.
func orderedMarkerLen(s []byte) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s) || (s[i] != '.' && s[i] != ')') {
		return 0
	}
	return i + 1
}

// checkInlineSource checks the text of a block the inline parser will read: its size, its
// longest word, and how much markup it holds, which it returns.
func (p *lessonParser) checkInlineSource(n ast.Node, body []byte) int {
	size, markup := 0, 0
	var prev byte
	lines := n.Lines()
	reported := false
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len()
		for j := seg.Start; j < seg.Stop; j++ {
			if c := body[j]; isMarkup(c) && (c != prev || c == '[' || c == ']' || c == '<') {
				markup++
			}
			prev = body[j]
		}
		if start := longWord(body[seg.Start:seg.Stop]); start >= 0 && !reported {
			reported = true
			line, col := p.idx.pos(p.base + seg.Start + start)
			p.pl.errorf(line, col, "a word of more than %d characters; at most %d outside code blocks: break it, or put it in a code block",
				MaxWordLength, MaxWordLength)
		}
	}
	line, col := p.posOf(n)
	if size > MaxParagraphSize {
		p.pl.errorf(line, col, "paragraph of %d bytes; at most %d: split it", size, MaxParagraphSize)
	}
	if markup > MaxMarkup {
		p.pl.errorf(line, col, "paragraph with %d marks of Markdown (* _ ~ ` [ ] <); at most %d: split it", markup, MaxMarkup)
	}
	return markup
}

// longWord returns the offset of the first word in line longer than MaxWordLength characters,
// or -1. A word ends at a space, and at each character of a script written without spaces
// (Chinese, Japanese, Korean, Thai...), where lines may break.
func longWord(line []byte) int {
	n, start := 0, 0
	for i := 0; i < len(line); {
		r, size := rune(line[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(line[i:])
		}
		switch {
		case unicode.IsSpace(r) || breaksLines(r):
			n = 0
		case n == 0:
			n, start = 1, i
		default:
			n++
		}
		if n > MaxWordLength {
			return start
		}
		i += size
	}
	return -1
}

// breaksLines reports whether r belongs to a script written without spaces between words.
func breaksLines(r rune) bool {
	return r >= 0x0e00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

func isMarkup(c byte) bool {
	switch c {
	case '*', '_', '~', '`', '[', ']', '<':
		return true
	}
	return false
}

// checkParsed checks a fully parsed lesson against the limits that bound rendering: inline
// nesting, and the size and blocks of the text a learner reads (title, objectives and the body
// before the quiz); and the quiz's question ids.
func (p *lessonParser) checkParsed(doc, quiz ast.Node) {
	l := p.lesson
	p.checkInlineNesting(doc)
	blocks, code := 2+len(l.Objectives), 0 // the title, the line of facts, one item per objective
	for n := doc.FirstChild(); n != nil && n != quiz; n = n.NextSibling() {
		b, c := countBlocks(n)
		blocks, code = blocks+b, code+c
		if blocks > MaxBlocks || code > MaxCodeBlocks {
			line, col := p.posOf(n)
			p.pl.errorf(line, col, "the lesson's text holds more than %d blocks (paragraphs, list items, headings, quotes, table rows) or %d code blocks by here; at most that: split the lesson",
				MaxBlocks, MaxCodeBlocks)
			break
		}
	}
	size := len(l.Title) + len(l.Body)
	for _, o := range l.Objectives {
		size += len(o)
	}
	if size > MaxTextSize {
		p.pl.errorf(l.BodyLine, 1, "the lesson's text (title, objectives and body before the quiz) is %d bytes; at most %d: split the lesson", size, MaxTextSize)
	}
	for _, q := range l.Quiz {
		checkQuestionIDText(q, p.pl)
	}
}

// countBlocks counts n and the blocks inside it (a table counts its rows, not its cells), and
// the code blocks among them.
func countBlocks(n ast.Node) (blocks, code int) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch c.(type) {
		case *east.TableCell:
			return ast.WalkContinue, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			code++
		}
		blocks++
		return ast.WalkContinue, nil
	})
	return blocks, code
}

// checkInlineNesting reports the first place where emphasis, links or strikethrough nest more
// than MaxInlineNesting deep.
func (p *lessonParser) checkInlineNesting(doc ast.Node) {
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeInline || !n.HasChildren() {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		if depth++; depth > MaxInlineNesting {
			block := n.Parent()
			for block != nil && block.Type() != ast.TypeBlock {
				block = block.Parent()
			}
			line, col := p.posOf(block)
			p.pl.errorf(line, col, "emphasis, links and strikethrough nested %d deep; at most %d", depth, MaxInlineNesting)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
}

// checkFrontMatterText checks the title and objectives, which are rendered as Markdown at the
// top of the lesson (a heading and list items), against the same limits as the body.
func checkFrontMatterText(keys map[string]yamlEntry, firstLine int, pl *problemList) {
	if t := keys["title"].Value; t != nil && t.Kind == yaml.ScalarNode {
		checkShortMarkdown("# "+t.Value, firstLine+t.Line-1, t.Column, pl)
	}
	if o := keys["objectives"].Value; o != nil && o.Kind == yaml.SequenceNode {
		for _, item := range o.Content {
			if item.Kind == yaml.ScalarNode {
				checkShortMarkdown("- "+item.Value, firstLine+item.Line-1, item.Column, pl)
			}
		}
	}
}

// checkShortMarkdown checks one piece of Markdown from the front matter, reported at its
// value's position.
func checkShortMarkdown(md string, line, col int, pl *problemList) {
	src := []byte(md)
	for _, l := range bytes.Split(src, []byte("\n")) {
		if d, _ := lineNesting(l); d > MaxNesting {
			pl.errorf(line, col, "lists and quotes nested more than %d deep; at most %d", MaxNesting, MaxNesting)
			return
		}
		if longWord(l) >= 0 {
			pl.errorf(line, col, "a word of more than %d characters; at most %d", MaxWordLength, MaxWordLength)
			return
		}
	}
	if len(src) > MaxParagraphSize {
		pl.errorf(line, col, "text of %d bytes; at most %d", len(src), MaxParagraphSize)
	}
}
