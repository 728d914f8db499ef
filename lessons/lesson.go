package lessons

import (
	"bytes"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// This file parses one lesson file: its front matter (title, id...) and its body, up to the
// quiz (quiz.go). mdsource.go has the helpers that find positions and Markdown source in the
// parsed document.

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
	Draw       int
}

// parsedFile is one lesson file, parsed: the lesson (nil when the file cannot be read as a
// lesson at all), every problem found, positioned in the file, and where the front matter sets
// the lesson's id (for a problem about a duplicate id).
type parsedFile struct {
	lesson        *Lesson
	problems      Problems
	idLine, idCol int
}

// ParseLesson parses one lesson file on its own, outside any course: for tools and tests that
// look at single files (the renderer's layout property test reads every testdata lesson). It
// returns nil when the file cannot be read as a lesson; filePath names it in problems.
func ParseLesson(filePath string, src []byte) (*Lesson, Problems) {
	f := parseLesson(filePath, src)
	return f.lesson, f.problems
}

// parseLesson parses one lesson file; filePath names it in problems.
func parseLesson(filePath string, src []byte) parsedFile {
	pl := &problemList{path: filePath}
	if len(src) > MaxFileSize {
		pl.errorf(1, 1, "file is %d bytes; a lesson may be at most 1 MiB", len(src))
		return parsedFile{problems: pl.items}
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // a byte-order mark from some editors
	src = normalizeNewlines(src)
	idx := newLineIndex(src)
	checkText(src, idx, pl)
	checkInvisible(src, idx, pl) // decoded.go
	checkFileName(filePath, pl)

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
			{"minutes", &fm.Minutes}, {"objectives", &fm.Objectives}, {"draw", &fm.Draw},
		}, pl)
	}

	l := &Lesson{
		ID: fm.ID, Title: strings.TrimSpace(fm.Title), Section: strings.TrimSpace(fm.Section),
		Order: fm.Order, Minutes: fm.Minutes, Draw: fm.Draw, Path: filePath,
	}
	for _, o := range fm.Objectives {
		if o = strings.TrimSpace(o); o != "" {
			l.Objectives = append(l.Objectives, o)
		}
	}
	idLine, idCol := checkLessonFields(l, keys, readable, pl)
	checkFrontMatterText(keys, 2, pl) // limits.go

	p := &lessonParser{src: src, idx: idx, pl: pl, lesson: l}
	if p.withinParseLimits(bodyStart) { // else the parse could take minutes (limits.go)
		p.parseBody(bodyStart)
	}
	checkDraw(l, keys, pl)
	return parsedFile{lesson: l, problems: pl.items, idLine: idLine, idCol: idCol}
}

// checkLessonFields checks the front matter; readable is false when there was none to read,
// a problem already reported. It returns where the id is set (1:1 when it is not).
func checkLessonFields(l *Lesson, keys map[string]yamlEntry, readable bool, pl *problemList) (idLine, idCol int) {
	at := func(key string) (int, int) {
		if k, ok := keys[key]; ok {
			return k.Key.Line + 1, k.Key.Column
		}
		return 1, 1
	}
	idLine, idCol = at("id")
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
		return idLine, idCol
	}
	switch _, ok := keys["title"]; {
	case explained(keys, "title"):
	case !ok:
		pl.errorf(1, 1, "missing title")
	case l.Title == "":
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
	if len(l.Objectives) == 0 && !explained(keys, "objectives") {
		line, col := at("objectives")
		pl.warnf(line, col, "lesson has no objectives")
	}
	return idLine, idCol
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
	// explained holds the heading lines of questions whose lack of choices a problem already
	// explains (choices indented into a code block: holesquiz.go).
	explained map[int]bool
}

func (p *lessonParser) parseBody(bodyStart int) {
	p.base = bodyStart
	body := p.src[bodyStart:]
	doc := markdown.Parser().Parse(text.NewReader(body))
	if p.checkReferences(doc) { // decoded.go
		body = p.body()
	}
	p.lesson.BodyLine, _ = p.idx.pos(bodyStart)

	var quiz ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 && strings.EqualFold(strings.TrimSpace(p.plain(h)), quizHeading) {
			quiz = h
			break
		}
	}
	bodyEnd, quizLine := len(body), 0
	if quiz != nil {
		bodyEnd = p.idx.lineStart(p.base+p.nodeStart(quiz)) - p.base
		quizLine, _ = p.posOf(quiz)
	}
	cards := p.parseLabs(doc, quizLine)
	p.lesson.Body = strings.TrimSpace(string(joinListLines(doc, body, bodyEnd, cards...))) + "\n"

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
	p.checkBody(doc, quiz)

	if quiz != nil {
		p.parseQuiz(quiz.(*ast.Heading))
	}
	p.checkParsed(doc, quiz) // limits.go
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
