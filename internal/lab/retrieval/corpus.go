package retrieval

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
)

// The document set and its labelled questions were written for this course, about the
// engineering the course teaches; they are part of aieng and share its licence.
var (
	//go:embed corpus/docs.txt
	docsText string
	//go:embed corpus/questions.txt
	questionsText string
)

// document is one article of the corpus, as words (punctuation kept, for showing).
type document struct {
	id, title string
	words     []string
}

// question is a labelled question: its answer lies in words [from, to) of document doc.
type question struct {
	text     string
	doc      int
	from, to int
}

// loadCorpus parses the embedded files: documents start with "# id: title"; each question line
// is "id | question | evidence" with the evidence copied word for word from the document.
func loadCorpus() ([]document, []question, error) {
	var docs []document
	for _, block := range strings.Split(docsText, "\n# ")[0:] {
		block = strings.TrimPrefix(block, "# ")
		head, body, _ := strings.Cut(block, "\n")
		id, title, ok := strings.Cut(head, ": ")
		if !ok {
			return nil, nil, fmt.Errorf("corpus: document heading %q is not \"id: title\"", head)
		}
		docs = append(docs, document{id: id, title: title, words: strings.Fields(body)})
	}
	var qs []question
	for n, line := range strings.Split(questionsText, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, err := parseQuestion(line, docs)
		if err != nil {
			return nil, nil, fmt.Errorf("corpus: questions line %d: %w", n+1, err)
		}
		qs = append(qs, q)
	}
	return docs, qs, nil
}

func parseQuestion(line string, docs []document) (question, error) {
	parts := strings.Split(line, " | ")
	if len(parts) != 3 {
		return question{}, fmt.Errorf("want \"id | question | evidence\"")
	}
	for i, d := range docs {
		if d.id != parts[0] {
			continue
		}
		from, ok := find(d.words, strings.Fields(parts[2]))
		if !ok {
			return question{}, fmt.Errorf("evidence %q is not in document %s", parts[2], d.id)
		}
		return question{text: parts[1], doc: i, from: from, to: from + len(strings.Fields(parts[2]))}, nil
	}
	return question{}, fmt.Errorf("no document %q", parts[0])
}

// find returns where the word sequence needle starts in haystack; words match whatever
// punctuation ends them, so evidence may stop mid-sentence.
func find(haystack, needle []string) (int, bool) {
	for i := 0; i+len(needle) <= len(haystack); i++ {
		match := true
		for j, w := range needle {
			if bare(haystack[i+j]) != bare(w) {
				match = false
				break
			}
		}
		if match {
			return i, true
		}
	}
	return 0, false
}

func bare(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
