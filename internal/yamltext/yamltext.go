// Package yamltext finds the text that YAML reads otherwise than the file it comes from: bytes
// that are not UTF-8 (a leading FE FF makes YAML decode UTF-16, other bytes stop it with an
// error at the wrong line), and the line breaks only YAML sees, NEL (U+0085), LINE SEPARATOR
// (U+2028) and PARAGRAPH SEPARATOR (U+2029), which fold a plain value silently and put every
// later line number YAML gives one too far. The readers of lesson YAML report the first such
// place instead of reading on.
package yamltext

import (
	"fmt"
	"unicode/utf8"
)

// InvalidUTF8 is the message for a byte that is not UTF-8: the same words as the lesson file's
// own check, so that the two report one mistake once.
const InvalidUTF8 = "invalid UTF-8: save the file as UTF-8"

// Unreadable returns the first place in src that YAML would read otherwise than the file, at its
// line and column (in characters, a stray byte counting as one) as the file counts them: lines
// end at \n, \r\n or a lone \r.
func Unreadable(src []byte) (line, col int, msg string, found bool) {
	line, col = 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return line, col, InvalidUTF8, true
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			return line, col, fmt.Sprintf("a Unicode line break (%U) in YAML: YAML starts a new line there and the file does not; use a plain new line or a space", r), true
		case endsLine(src, i):
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return 0, 0, "", false
}

// Lines splits src after each line break YAML counts in text Unreadable accepts (\n, \r\n, a lone
// \r), so that YAML's line n is Lines(src)[n-1]. The last line has no break when src does not
// end with one. Each line's capacity ends with it: appending to one never overwrites the next.
func Lines(src []byte) [][]byte {
	var lines [][]byte
	start := 0
	for i := 0; i < len(src); i++ {
		if endsLine(src, i) {
			lines = append(lines, src[start:i+1:i+1])
			start = i + 1
		}
	}
	if start < len(src) {
		lines = append(lines, src[start:len(src):len(src)])
	}
	return lines
}

// endsLine reports whether the byte at i ends a line: \n, or \r not followed by \n.
func endsLine(src []byte, i int) bool {
	return src[i] == '\n' || src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n')
}
