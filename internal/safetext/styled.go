package safetext

import (
	"strings"
	"unicode/utf8"
)

// Styled returns terminal output that aieng styled itself (a rendered lesson, a screen of the
// interface) with only what a screen of text needs: printable text, newlines, tabs and SGR
// sequences (ESC [ digits ; : m, which set colours and bold). Every other escape sequence is
// dropped whole: CSI sequences that move the cursor, clear the screen or ask for a report;
// OSC, DCS, SOS, PM and APC strings up to their terminator; two-character ESC sequences. So
// are every other C0 character, DEL and the C1 characters (U+0080 to U+009F); invalid UTF-8
// becomes U+FFFD. A string with nothing to drop comes back as it is, without allocating: the
// interface calls this on every frame.
func Styled(s string) string { return styled(s, false) }

// styled is Styled, keeping aieng's own hyperlinks too when links is set (StyledLinks).
func styled(s string, links bool) string {
	i := firstUnsafe(s, links)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		j := firstUnsafe(s[i:], links)
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j])
		i += j
		i += skipUnsafe(s[i:], &b)
	}
	return b.String()
}

// firstUnsafe returns the offset of the first byte Styled must change or drop, or -1. An SGR
// sequence is safe and skipped, and so is one of aieng's hyperlinks when links is set.
func firstUnsafe(s string, links bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			n := sgrLen(s[i:])
			if n == 0 && links {
				n = linkLen(s[i:])
			}
			if n == 0 {
				return i
			}
			i += n - 1
		case c == '\n' || c == '\t':
		case c < 0x20 || c == 0x7f:
			return i
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9f) {
				return i
			}
			i += size - 1
		}
	}
	return -1
}

// skipUnsafe handles the unsafe character or sequence at the start of s (firstUnsafe found
// it): it writes what stands in for it, if anything, and returns how many bytes it covers.
func skipUnsafe(s string, b *strings.Builder) int {
	c := s[0]
	switch {
	case c == 0x1b:
		return escapeLen(s)
	case c < 0x80:
		return 1 // a C0 control or DEL: dropped
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 {
		b.WriteRune(Replacement)
	}
	return size // a C1 control is dropped
}

// sgrLen returns the length of the SGR sequence at the start of s (ESC [ params m, the
// parameters digits, ';' and ':'), or 0 when s does not start with one.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}

// escapeLen returns the length of the escape sequence at the start of s (s[0] is ESC), as a
// terminal would read it (ECMA-48), so that all of it is dropped. A control string (OSC, DCS,
// SOS, PM, APC) without its terminator covers only its introducer: the rest is shown as
// text, which is harmless, rather than hiding everything after it.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return csiLen(s)
	case ']', 'P', 'X', '^', '_':
		return controlStringLen(s)
	}
	// ESC, intermediate bytes (0x20 to 0x2F), a final byte (0x30 to 0x7E).
	i := 1
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		return i + 1
	}
	return i // an ESC not followed by a sequence: the ESC (and intermediates) alone
}

// csiLen returns the length of a CSI sequence: ESC [, parameter bytes (0x30 to 0x3F),
// intermediate bytes (0x20 to 0x2F), a final byte (0x40 to 0x7E). A malformed one covers its
// bytes up to the one that breaks it.
func csiLen(s string) int {
	i := 2
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		return i + 1
	}
	return i
}

// controlStringLen returns the length of a control string: its introducer (ESC and one of
// ] P X ^ _), its text, and its terminator: ST (ESC \ or U+009C) or, as terminals accept for
// OSC, BEL. Another ESC ends it too, as it does in a terminal: the ESC starts the next
// sequence. Without a terminator it covers the introducer only.
func controlStringLen(s string) int {
	for i := 2; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0x1b:
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return 2
}
