// Package safetext keeps a course's text from acting on the learner's terminal. A course is
// input from someone else, and text decoded from it (a YAML escape such as "\e", a Markdown
// reference such as &#27;) can hold the control characters a terminal obeys: an escape
// sequence can retitle the window, write the clipboard (OSC 52), clear the screen or ask the
// terminal to answer as if typed. Validation reports them (lessons); these functions
// neutralise them at the edge where text is written, so a course that was never validated is
// safe too.
//
//   - Line and Text are for text from a course (titles, names, messages): every control
//     character becomes U+FFFD, which shows that something was there.
//   - Styled is for output aieng styled itself (a rendered lesson, a screen): its SGR
//     sequences (colours, bold) are kept and every other escape sequence is dropped whole.
//     StyledLinks keeps aieng's own OSC 8 hyperlinks too (LinkStart, LinkEnd), which carry a
//     mark no course can know; any other hyperlink is dropped.
//   - Quote is for a file name in a message: printed as is when it is plain, quoted with Go
//     escapes when it holds anything a terminal could act on or a reader could not see.
package safetext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Replacement stands in for a control character in course text.
const Replacement = '\uFFFD'

// IsControl reports whether r is a control character a terminal may act on: C0 (U+0000 to
// U+001F), DEL and C1 (U+0080 to U+009F, which some terminals take as ESC sequences: U+009B is
// CSI). Tab and newline are controls too; callers that allow them say so.
func IsControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// IsBidi reports whether r is a bidirectional formatting character: the embeddings,
// overrides and isolates (U+202A to U+202E, U+2066 to U+2069) and the marks (U+200E, U+200F,
// U+061C). A terminal that implements bidirectional text shows the text around them in
// another order than it is stored ("Trojan Source").
func IsBidi(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x200e || r == 0x200f || r == 0x061c
}

// IsZeroWidth reports whether r is an invisible character that joins or separates others:
// zero-width space, non-joiner and joiner, word joiner, the invisible operators (U+2061 to
// U+2064) and a byte-order mark inside text. Two strings that look the same can differ by one.
func IsZeroWidth(r rune) bool {
	switch r {
	case 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e:
		return true
	}
	return false
}

// IsInvisible reports whether r is a bidirectional formatting or zero-width character.
func IsInvisible(r rune) bool { return IsBidi(r) || IsZeroWidth(r) }

// Name names a control or invisible character for a message: "U+001B (ESC)".
func Name(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	if n, ok := names[r]; ok {
		s += " (" + n + ")"
	}
	return s
}

// names are the abbreviations of the characters a reader is most likely to meet.
var names = map[rune]string{
	0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0a: "LF", 0x0b: "VT", 0x0c: "FF", 0x0d: "CR",
	0x1b: "ESC", 0x7f: "DEL", 0x90: "DCS", 0x9b: "CSI", 0x9c: "ST", 0x9d: "OSC",
	0x061c: "ARABIC LETTER MARK", 0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER",
	0x200d: "ZERO WIDTH JOINER", 0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK",
	0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING",
	0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE", 0x2060: "WORD JOINER",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
}

// Line returns s fit for one line of a terminal: tabs, newlines and carriage returns become
// spaces, every other control character U+FFFD, and so does invalid UTF-8.
func Line(s string) string { return clean(s, false) }

// Text returns s fit for a terminal over several lines: newlines and tabs stay, a carriage
// return is dropped, every other control character becomes U+FFFD, and so does invalid UTF-8.
func Text(s string) string { return clean(s, true) }

func clean(s string, multiline bool) string {
	if isClean(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(Replacement)
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if !multiline {
				b.WriteByte(' ')
			}
		case IsControl(r):
			b.WriteRune(Replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether clean would return s unchanged, without allocating.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' || c == '\t':
			if !multiline {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && size == 1) || IsControl(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// Quote returns a file name, or another string from outside, for a message: as it is when
// every character is printable, else quoted with Go's escapes ("02-\x1b]0;x\a.md",
// "a\u202eb.md"), so the message shows what is there and does nothing to the terminal.
func Quote(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || (!unicode.IsPrint(r) && r != ' ') || IsInvisible(r) {
			return strconv.Quote(s)
		}
	}
	return s
}
