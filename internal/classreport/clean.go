package classreport

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text from a hand-in (a typed answer, a course version) and from a course reaches terminals,
// CSV files opened in spreadsheets and HTML pages. These are the last guards at those edges.
// They follow the rules of internal/safetext (issue 16): when that package is on main, Line
// and QuoteFile are its Line and Quote.

// Line returns s fit for one line of a terminal: tabs and line breaks become spaces, every
// other control character (C0, DEL, C1: an ESC sequence can retitle a window or write the
// clipboard) and invalid UTF-8 become U+FFFD, which shows something was there.
func Line(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case isControl(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPlain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) {
			return false
		}
	}
	return true
}

// isControl reports a character a terminal may act on: C0, DEL and C1 (U+009B is CSI).
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) }

// QuoteFile names a file in a message: as it is when plain, quoted with Go escapes when it
// holds a control character, so the name can neither act on the terminal nor hide.
func QuoteFile(name string) string {
	if isPlain(name) {
		return name
	}
	return strconv.Quote(name)
}

// spreadsheetSafe keeps a cell of learner's text from being read as a formula by a
// spreadsheet (CSV injection): a cell starting with =, +, -, @ is prefixed with an apostrophe,
// unless it is a number ("-5" is an answer to a numeric question, not a formula).
func spreadsheetSafe(s string) string {
	if s == "" || !strings.ContainsRune("=+-@", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
