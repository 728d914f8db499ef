package goal

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind tells the parser what a token is.
type tokenKind int

const (
	tokEOF tokenKind = iota
	tokIdent
	tokNumber
	tokString
	tokOp
	tokAnd
	tokOr
	tokLParen
	tokRParen
)

// token is one lexeme with its 1-based column (in characters, not bytes) in the goal text.
type token struct {
	kind tokenKind
	text string // the operator in canonical form, the identifier, the number's digits or the unquoted string
	col  int
	end  int // the column just after the token
}

// lexer splits a goal into tokens; columns count runes so that they match what an editor shows.
type lexer struct {
	src string
	pos int // byte offset
	col int // 1-based rune column of pos
}

func (lx *lexer) peekRune() (rune, int) {
	if lx.pos >= len(lx.src) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(lx.src[lx.pos:])
}

func (lx *lexer) advance(size int) {
	lx.pos += size
	lx.col++
}

// tokens lexes the whole goal, or returns the first lexical error.
func (lx *lexer) tokens() ([]token, error) {
	lx.col = 1
	var out []token
	for {
		t, err := lx.next()
		if err != nil {
			return nil, err
		}
		t.end = lx.col
		out = append(out, t)
		if t.kind == tokEOF {
			return out, nil
		}
	}
}

func (lx *lexer) next() (token, error) {
	for {
		r, size := lx.peekRune()
		if size == 0 || !unicode.IsSpace(r) {
			break
		}
		lx.advance(size)
	}
	start := lx.col
	r, size := lx.peekRune()
	switch {
	case size == 0:
		return token{kind: tokEOF, col: start}, nil
	case r == '(' || r == ')':
		lx.advance(size)
		if r == '(' {
			return token{kind: tokLParen, text: "(", col: start}, nil
		}
		return token{kind: tokRParen, text: ")", col: start}, nil
	case r == '"':
		return lx.str()
	case unicode.IsDigit(r) || r == '.' || r == '-' || r == '+':
		return lx.number()
	case unicode.IsLetter(r) || r == '_':
		return lx.word(), nil
	}
	return lx.operator()
}

// operators maps each accepted spelling to its canonical form.
var operators = []struct{ spelling, canonical string }{
	{">=", ">="}, {"<=", "<="}, {"==", "=="}, {"!=", "!="}, {"&&", "and"}, {"||", "or"},
	{"≥", ">="}, {"≤", "<="}, {"≠", "!="}, {">", ">"}, {"<", "<"},
}

func (lx *lexer) operator() (token, error) {
	start := lx.col
	rest := lx.src[lx.pos:]
	for _, op := range operators {
		if strings.HasPrefix(rest, op.spelling) {
			for range utf8.RuneCountInString(op.spelling) {
				_, size := lx.peekRune()
				lx.advance(size)
			}
			switch op.canonical {
			case "and":
				return token{kind: tokAnd, text: "and", col: start}, nil
			case "or":
				return token{kind: tokOr, text: "or", col: start}, nil
			}
			return token{kind: tokOp, text: op.canonical, col: start}, nil
		}
	}
	r, _ := lx.peekRune()
	if r == '=' {
		return token{}, &Error{Col: start, Msg: `"=" is not a comparison: write == (or >=, <=)`}
	}
	return token{}, &Error{Col: start, Msg: fmt.Sprintf("unexpected %q", r)}
}

// word reads an identifier; "and" and "or" in any case are the logical operators, and
// "contains" and "matches" are the text comparisons.
func (lx *lexer) word() token {
	start, from := lx.col, lx.pos
	for {
		r, size := lx.peekRune()
		if size == 0 || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			break
		}
		lx.advance(size)
	}
	w := lx.src[from:lx.pos]
	switch strings.ToLower(w) {
	case "and":
		return token{kind: tokAnd, text: "and", col: start}
	case "or":
		return token{kind: tokOr, text: "or", col: start}
	case "contains", "matches":
		return token{kind: tokOp, text: strings.ToLower(w), col: start}
	}
	return token{kind: tokIdent, text: w, col: start}
}

// number reads a decimal number with an optional sign, fraction, exponent and trailing %.
func (lx *lexer) number() (token, error) {
	start, from := lx.col, lx.pos
	for {
		r, size := lx.peekRune()
		if size == 0 {
			break
		}
		isExpSign := (r == '-' || r == '+') && lx.pos > from && strings.ContainsAny(lx.src[lx.pos-1:lx.pos], "eE")
		if !(unicode.IsDigit(r) || r == '.' || r == 'e' || r == 'E' || r == '%' || isExpSign || lx.pos == from) {
			break
		}
		lx.advance(size)
	}
	return token{kind: tokNumber, text: lx.src[from:lx.pos], col: start}, nil
}

// str reads a double-quoted string; \" and \\ are the only escapes.
func (lx *lexer) str() (token, error) {
	start := lx.col
	lx.advance(1)
	var b strings.Builder
	for {
		r, size := lx.peekRune()
		switch {
		case size == 0:
			return token{}, &Error{Col: start, Msg: "text is not closed: add a \" at its end"}
		case r == '"':
			lx.advance(size)
			return token{kind: tokString, text: b.String(), col: start}, nil
		case r == '\\':
			lx.advance(size)
			esc, esize := lx.peekRune()
			if esc != '"' && esc != '\\' {
				return token{}, &Error{Col: lx.col - 1, Msg: `only \" and \\ may follow a backslash in text`}
			}
			lx.advance(esize)
			b.WriteRune(esc)
		default:
			lx.advance(size)
			b.WriteRune(r)
		}
	}
}
