package lessons

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hbollon/go-edlib"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// This file explains the quiz mistakes that change how Markdown parses, at the line where they
// are: the parser alone would report what they lead to (no choices, a second list), far from the
// cause. Where the intent is plain (a bullet that differs, feedback not indented), the blocks are
// put back together as meant, so the one mistake gives one message.

// repairQuestionBlocks checks the blocks under question heading line and returns them with
// split choice lists joined again.
func (p *lessonParser) repairQuestionBlocks(blocks []ast.Node, line int) []ast.Node {
	var out []ast.Node
	for _, b := range blocks {
		switch b := b.(type) {
		case *ast.CodeBlock, *ast.Paragraph:
			if p.indentedChoices(b) {
				p.quiet(line)
			}
		case *ast.List:
			if isTaskList(b) {
				p.unnestChoices(b)
			}
			if kept, ok := p.joinSplitList(out, b); ok {
				out = kept
				continue
			}
		case *ast.Blockquote:
			p.checkQuoteLabel(b)
		}
		out = append(out, b)
	}
	return out
}

// quiet records that question line has no choices for a reason already reported.
func (p *lessonParser) quiet(line int) {
	if p.explained == nil {
		p.explained = map[int]bool{}
	}
	p.explained[line] = true
}

// indentedChoiceLine matches a choice indented by a tab or four spaces: Markdown reads it as code
// (after a blank line) or as more text of the paragraph above.
var indentedChoiceLine = regexp.MustCompile(`^(\t| {4,})[ \t]*([-*+]|\d+[.)])[ \t]+\[[ xX]\]`)

// indentedChoices reports choices that Markdown did not read as a list because of their
// indentation; it returns whether it found any.
func (p *lessonParser) indentedChoices(b ast.Node) bool {
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		start := p.idx.lineStart(p.base + lines.At(i).Start)
		if indentedChoiceLine.Match(p.src[start:]) {
			line, _ := p.idx.pos(start)
			p.pl.errorf(line, 1, "these choices are indented by a tab or 4 spaces, so Markdown reads them as %s, not as choices: start each choice at the beginning of its line (- [ ] ...)", blockName(b))
			return true
		}
	}
	return false
}

func blockName(b ast.Node) string {
	if _, ok := b.(*ast.CodeBlock); ok {
		return "a code block"
	}
	return "text"
}

// joinSplitList handles a task list that follows another task list of the same question: the
// choices were split in two, by a bullet that differs from the first list's or by feedback
// that is not indented under its choice. It reports the cause, joins the lists (moving the
// feedback under its choice) and returns the blocks so far without the joined parts.
func (p *lessonParser) joinSplitList(before []ast.Node, list *ast.List) ([]ast.Node, bool) {
	if !isTaskList(list) {
		return before, false
	}
	n := len(before)
	if n >= 1 {
		if first, ok := before[n-1].(*ast.List); ok && isTaskList(first) && first.NextSibling() == list {
			line, col := p.posOf(list.FirstChild())
			p.pl.errorf(line, p.firstCol(line, col), "this choice starts a second list because its bullet %s differs from the first choice's %s: use the same bullet for every choice",
				markerName(list), markerName(first))
			moveItems(list, first)
			return before, true
		}
	}
	if n >= 2 {
		bq, isQuote := before[n-1].(*ast.Blockquote)
		first, isList := before[n-2].(*ast.List)
		if isQuote && isList && isTaskList(first) && p.adjacent(first, bq) && p.adjacent(bq, list) {
			line, col := p.posOf(bq)
			p.pl.errorf(line, p.firstCol(line, col), "feedback must be indented under its choice (two spaces before \">\"): unindented, it ends the list of choices")
			first.LastChild().AppendChild(first.LastChild(), bq)
			moveItems(list, first)
			return before[:n-1], true
		}
	}
	return before, false
}

// adjacent reports whether block b starts on the line after block a ends, with no blank line
// or other block between: feedback written under its choice, not an explanation after the
// choices.
func (p *lessonParser) adjacent(a, b ast.Node) bool {
	if a.NextSibling() != b {
		return false
	}
	endLine, _ := p.idx.pos(p.base + p.nodeEnd(a) - 1)
	startLine, _ := p.posOf(b)
	return startLine == endLine+1
}

func moveItems(from, to *ast.List) {
	for item := from.FirstChild(); item != nil; {
		next := item.NextSibling()
		to.AppendChild(to, item)
		item = next
	}
}

func isTaskList(list *ast.List) bool {
	item := list.FirstChild()
	if item == nil || item.FirstChild() == nil {
		return false
	}
	_, ok := item.FirstChild().FirstChild().(*east.TaskCheckBox)
	return ok
}

func markerName(list *ast.List) string {
	if list.IsOrdered() {
		return fmt.Sprintf("%q", "1"+string(list.Marker))
	}
	return fmt.Sprintf("%q", string(list.Marker))
}

// firstCol is the column of the first character that is not a space on line, or col when the
// line cannot be found.
func (p *lessonParser) firstCol(line, col int) int {
	if line < 1 || line > len(p.idx.starts) {
		return col
	}
	n := 1
	for _, b := range p.src[p.idx.starts[line-1]:] {
		if b != ' ' && b != '\t' {
			return n
		}
		n++
	}
	return col
}

// unnestChoices reports choices indented under the choice above them, which Markdown reads as
// a list inside that choice, and moves them back into the list of choices after it.
func (p *lessonParser) unnestChoices(list *ast.List) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		for sub := item.FirstChild(); sub != nil; {
			next := sub.NextSibling()
			if nested, ok := sub.(*ast.List); ok && isTaskList(nested) {
				line, col := p.posOf(nested.FirstChild())
				p.pl.errorf(line, p.firstCol(line, col), "this choice is indented more than the choice above it, so Markdown nests it under that choice: start every choice at the same column")
				after := item
				for c := nested.FirstChild(); c != nil; {
					following := c.NextSibling()
					list.InsertAfter(list, after, c)
					after, c = c, following
				}
				item.RemoveChild(item, nested)
			}
			sub = next
		}
	}
}

// questionAtWrongLevel reports a heading in the quiz that is a question written at another
// level than ###: the blocks after it, before the next heading, hold a task list with a right
// answer marked (a checklist after the quiz is not a question). A #### heading inside a
// question that has no choices yet is that question's text, not a question. It returns whether
// h starts a question.
func (p *lessonParser) questionAtWrongLevel(h *ast.Heading, inQuestion bool, blocks []ast.Node) bool {
	if h.Level == 3 || (h.Level > 3 && inQuestion && !hasList(blocks)) {
		return false
	}
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Heading); ok {
			return false
		}
		if list, ok := n.(*ast.List); ok {
			if !isTaskList(list) || firstCheckedBox(list) == nil {
				return false
			}
			line, col := p.posOf(h)
			p.pl.errorf(line, col, "question written as a level-%d heading (%s): in the quiz, each question is a level-3 heading (### ...)", h.Level, strings.Repeat("#", h.Level))
			return true
		}
	}
	return false
}

func hasList(blocks []ast.Node) bool {
	for _, b := range blocks {
		if _, ok := b.(*ast.List); ok {
			return true
		}
	}
	return false
}

// labelPattern finds a label at the start of a blockquote: "Tip:", "**Tip:**", "_Tip_:".
var labelPattern = regexp.MustCompile(`^(?:\*\*|__|\*|_)?([\p{L}][\p{L} ]{0,20}?)(?:\*\*|__|\*|_)?\s*:`)

// hintLabels are labels authors write for a hint; only "Hint:" makes one.
var hintLabels = map[string]bool{"tip": true, "tips": true, "clue": true, "clues": true, "help": true, "nudge": true,
	"suggestion": true, "pointer": true, "tipp": true, "astuce": true, "indice": true, "pista": true, "hinweis": true}

// checkQuoteLabel warns about a question's blockquote labelled like a hint but not "Hint:": it
// becomes part of the explanation.
func (p *lessonParser) checkQuoteLabel(bq *ast.Blockquote) {
	m := labelPattern.FindStringSubmatch(p.markdownOf(bq))
	if m == nil {
		return
	}
	label := strings.ToLower(strings.TrimSpace(m[1]))
	if label == "hint" || label == "explanation" || !(hintLabels[label] || edlib.LevenshteinDistance(label, "hint") == 1) {
		return
	}
	line, col := p.posOf(bq)
	p.pl.warnf(line, col, "blockquote label %q is not a hint: only \"Hint:\" makes a hint the learner can ask for; as written, this text is added to the explanation", strings.TrimSpace(m[1])+":")
}

// checkAcceptedAnswers reports invisible characters in a short-answer question's accepted
// answers: learners cannot type them, so the answer could never be accepted.
func (p *lessonParser) checkAcceptedAnswers(q *Question, list *ast.List) {
	if q.Kind != ShortAnswer || list == nil {
		return
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil {
			continue
		}
		if box, ok := first.FirstChild().(*east.TaskCheckBox); ok && box.IsChecked {
			p.checkInvisible(first)
		}
	}
}

// checkInvisible reports the first invisible character in a block's lines.
func (p *lessonParser) checkInvisible(b ast.Node) {
	body := p.body()
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		text := body[seg.Start:seg.Stop]
		prev := rune(-1)
		for off := 0; off < len(text); {
			r, size := utf8.DecodeRune(text[off:])
			next, _ := utf8.DecodeRune(text[off+size:])
			if off+size >= len(text) {
				next = -1
			}
			if invisible(r, prev, next) {
				line, col := p.idx.pos(p.base + seg.Start + off)
				p.pl.errorf(line, col, "accepted answer contains an invisible character, %s: learners cannot type it, so this answer is never accepted; delete it", invisibleName(r))
				return
			}
			prev = r
			off += size
		}
	}
}

// invisible reports a character that shows nothing: a format character (zero-width spaces and
// joiners, bidirectional controls, the soft hyphen) or a filler. The joiners U+200C and U+200D
// are needed between the letters of some scripts (Persian, Indic scripts, emoji sequences), so
// they count only next to ASCII, where no script needs them, or at an end.
func invisible(r, prev, next rune) bool {
	switch r {
	case 0x200C, 0x200D:
		return prev < utf8.RuneSelf || next < utf8.RuneSelf
	case 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

var invisibleNames = map[rune]string{
	0x00AD: "SOFT HYPHEN", 0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK", 0x2060: "WORD JOINER", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0x061C: "ARABIC LETTER MARK",
}

func invisibleName(r rune) string {
	if n, ok := invisibleNames[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

// tooManyCorrect is the message for a single-choice or true/false question with more than one
// right choice.
func tooManyCorrect(kind Kind, n int) string {
	if kind == TrueFalse {
		return "true/false question has both True and False marked [x]: mark only the right one"
	}
	return fmt.Sprintf("single-choice question has %d correct answers; add {kind=multiple} to the heading if that is intended", n)
}
