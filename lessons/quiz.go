package lessons

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// This file reads a lesson's quiz: the questions under "## Quiz", their choices, hints and
// explanations, and checks each question the way docs/authoring.md describes.

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
			case h.Level == 3 || p.questionAtWrongLevel(h, current != nil, blocks):
				flush()
				current, blocks = h, nil
				continue
			case h.Level <= 2:
				line, col := p.posOf(h)
				p.pl.errorf(line, col, "the quiz runs to the end of the file: move this section above \"## Quiz\"")
				flush() // the section's blocks are not the question's: reported with the section
				current, blocks = nil, nil
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

// parseQuestion reads question n from its heading and the blocks under it.
func (p *lessonParser) parseQuestion(h *ast.Heading, blocks []ast.Node, n int) *Question {
	line, col := p.posOf(h)
	q := &Question{Prompt: strings.TrimSpace(p.source(h)), Shuffle: true, Line: line}
	q.ID = fmt.Sprintf("%s/q%d", p.lesson.ID, n)
	kind := p.readAttributes(q, h, line, col)
	if q.Prompt == "" {
		p.pl.errorf(line, col, "question has an empty prompt")
	}
	list := p.readQuestionBlocks(q, p.repairQuestionBlocks(blocks, line))
	if list != nil {
		p.readChoices(q, list)
	}
	q.Kind = inferKind(kind, q)
	p.checkQuestion(q, list, line, col)
	p.checkAcceptedAnswers(q, list)
	q.Hash = questionHash(q)
	return q
}

// readAttributes reads the heading's {#id kind=... shuffle=...} into q and returns the kind
// written there, if any.
func (p *lessonParser) readAttributes(q *Question, h *ast.Heading, line, col int) Kind {
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
		case "exact":
			b, ok := attr.Value.(bool)
			if !ok {
				p.pl.errorf(line, col, "exact must be true or false")
			}
			q.Exact = b
		default:
			p.pl.errorf(line, col, "unknown question attribute %q: use #id, kind=, shuffle= or exact=", name)
		}
	}
	if strings.HasSuffix(q.Prompt, "}") && strings.Contains(q.Prompt, "{") {
		p.pl.errorf(line, col, "could not read the attributes at the end of this heading: write them as {#id kind=multiple shuffle=false}")
	}
	return kind
}

// readQuestionBlocks reads what follows a question's heading: detail text, the list of
// choices (returned), then blockquotes for the hint and the explanation.
func (p *lessonParser) readQuestionBlocks(q *Question, blocks []ast.Node) (list *ast.List) {
	var detail []string
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
	return list
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

// checkQuestion reports what is wrong with a question, or likely to mislead learners.
func (p *lessonParser) checkQuestion(q *Question, list *ast.List, line, col int) {
	switch q.Kind {
	case SingleChoice, MultipleSelect, TrueFalse:
	case ShortAnswer:
		p.takeAcceptedAnswers(q, list, line, col)
	case Numeric:
		p.takeAcceptedAnswers(q, list, line, col)
		p.readNumbers(q, list)
	default:
		p.pl.errorf(line, col, "unknown question kind %q: use single, multiple, truefalse, short or numeric", q.Kind)
		return
	}
	if q.Exact && q.Kind != ShortAnswer {
		p.pl.errorf(line, col, "exact=true applies to short-answer questions only")
	}
	if q.Explanation == "" {
		p.pl.errorf(line, col, "question has no explanation: add a blockquote (> ...) after the choices")
	}
	if q.Typed() {
		return
	}
	if !p.checkChoices(q, list, line, col) {
		return
	}
	if word := negativeWord(q.Prompt); word != "" {
		p.pl.warnf(line, col, "negatively worded prompt (%q): learners misread negative questions; ask the positive question", word)
	}
}

// takeAcceptedAnswers turns a short-answer or numeric question's list into its accepted
// answers.
func (p *lessonParser) takeAcceptedAnswers(q *Question, list *ast.List, line, col int) {
	for i, c := range q.Choices {
		if !c.Correct {
			if list != nil && nthChild(list, i) != nil {
				line, col = p.posOf(nthChild(list, i).FirstChild())
			}
			p.pl.errorf(line, col, "%s question lists an answer that is not marked [x]: every listed item is an accepted answer", kindName(q.Kind))
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
		p.pl.errorf(line, col, "%s question has no accepted answers: list them as - [x] answer", kindName(q.Kind))
	}
}

// checkChoices checks the choices of a choice question against its kind; it returns false
// when there are none, which says all there is to say.
func (p *lessonParser) checkChoices(q *Question, list *ast.List, line, col int) bool {
	switch len(q.Choices) {
	case 0:
		if !p.explained[line] {
			p.pl.errorf(line, col, "question has no choices: add a task list (- [ ] ...)")
		}
		return false
	case 1:
		p.pl.errorf(line, col, "question has fewer than two choices")
	}
	correct := q.CorrectChoices()
	switch {
	case len(correct) > 0:
	case q.Kind == MultipleSelect:
		p.pl.errorf(line, col, "multiple-select question has no correct answer: mark every right choice [x]")
	default:
		p.pl.errorf(line, col, "question has no correct answer: mark one choice [x]")
	}
	if q.Kind == TrueFalse && !isTrueFalse(q.Choices) {
		p.pl.errorf(line, col, "true/false question needs exactly the choices True and False")
	}
	if (q.Kind == SingleChoice || q.Kind == TrueFalse) && len(correct) > 1 {
		cl, cc := p.posOf(nthChild(list, correct[1]).FirstChild())
		p.pl.errorf(cl, cc, "%s", tooManyCorrect(q.Kind, len(correct)))
	}
	if q.Shuffle {
		p.checkShuffledWording(q, list)
	}
	return true
}

// checkShuffledWording warns about choices that refer to their neighbours, which shuffling
// moves.
func (p *lessonParser) checkShuffledWording(q *Question, list *ast.List) {
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
	if q.Exact {
		fmt.Fprint(h, "exact\x00") // judged differently: answers to the other version are kept apart
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
