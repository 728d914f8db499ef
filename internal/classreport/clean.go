package classreport

import (
	"strconv"
	"strings"
)

// Text from a hand-in (a typed answer, a course version) and from a course reaches terminals,
// CSV files opened in spreadsheets and HTML pages. internal/safetext guards the terminal
// (Line, Quote); html/template the page; spreadsheetSafe the spreadsheet.

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
