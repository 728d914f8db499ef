package safetext

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// OSC 8 hyperlinks that aieng writes itself (render.Doc.Hyperlinked: the URLs a lesson shows).
// Styled drops every OSC 8 sequence; StyledLinks keeps aieng's own and drops any other. What
// tells them apart cannot come from a course: aieng's links carry an id parameter holding a
// token drawn at random when the program starts, which no text written before it can know.
// The course's text has no escape sequence by then anyway (lessons.Load neutralises it, a
// rendering keeps only styling): this is the last line, for what slips past the others.

// linkToken is this process's mark on the links it writes, and linkOpen the start of every
// link sequence that carries it.
var (
	linkToken = newLinkToken()
	linkOpen  = "\x1b]8;id=" + linkToken + ";"
)

// LinkEnd ends a hyperlink: an OSC 8 sequence without a URI, marked as aieng's like the start
// (a course's own end of a link is no more welcome than its start).
var LinkEnd = linkOpen + "\x1b\\"

func newLinkToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics rather than return short)
	return "aieng-" + hex.EncodeToString(b[:])
}

// LinkStart returns the OSC 8 sequence that starts a hyperlink to uri, marked as aieng's, and
// false when uri is no LinkURI: then no link may be written.
func LinkStart(uri string) (string, bool) {
	if !LinkURI(uri) {
		return "", false
	}
	return linkOpen + uri + "\x1b\\", true
}

// LinkURI reports whether uri may be the target of a hyperlink aieng writes: an http, https or
// mailto URI (any case) of printable ASCII without spaces, so that nothing in it can end the
// sequence, act on the terminal or hide where the link goes. Other characters must be
// percent-encoded first.
func LinkURI(uri string) bool {
	lower := strings.ToLower(uri)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "mailto:") {
		return false
	}
	for i := 0; i < len(uri); i++ {
		if uri[i] <= 0x20 || uri[i] >= 0x7f {
			return false
		}
	}
	return true
}

// StyledLinks is Styled that keeps aieng's own hyperlinks too: the sequences LinkStart makes,
// in this process, for a URI LinkURI accepts, and LinkEnd. Every other OSC 8 sequence, and
// every other escape sequence but SGR, is dropped as Styled drops it. Like Styled, it returns
// clean input as it is, without allocating.
func StyledLinks(s string) string { return styled(s, true) }

// linkLen returns the length of the hyperlink sequence StyledLinks keeps at the start of s (s
// starts with ESC), or 0 when there is none.
func linkLen(s string) int {
	if !strings.HasPrefix(s, linkOpen) {
		return 0
	}
	start := len(linkOpen)
	end := strings.IndexByte(s[start:], 0x1b)
	if end < 0 || !strings.HasPrefix(s[start+end:], "\x1b\\") || (end > 0 && !LinkURI(s[start:start+end])) {
		return 0
	}
	return start + end + 2
}
