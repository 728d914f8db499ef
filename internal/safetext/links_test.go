package safetext

import (
	"regexp"
	"strings"
	"testing"
)

// ourLink matches the hyperlink sequences StyledLinks keeps: aieng's own, marked with this
// process's token, and the sequence that ends a link. Written apart from linkLen's scanner.
var ourLink = regexp.MustCompile("\x1b\\]8;id=" + regexp.QuoteMeta(linkToken) + ";((?i:https?://|mailto:)[\x21-\x7e]*?)?\x1b\\\\")

// assertOnlyOurLinks fails when s holds anything but text, SGR and aieng's own hyperlinks.
func assertOnlyOurLinks(t *testing.T, s string) {
	t.Helper()
	assertTerminalSafe(t, ourLink.ReplaceAllString(s, ""))
}

func link(t *testing.T, uri, text string) string {
	t.Helper()
	start, ok := LinkStart(uri)
	if !ok {
		t.Fatalf("LinkStart refuses %q", uri)
	}
	return start + text + LinkEnd
}

// TestStyledLinksKeepsOnlyOurOwnLinks: a link aieng made survives the last pass; an OSC 8 from
// anywhere else (the review's payload, one that copies aieng's form with another or a guessed
// token, one with a URI of another scheme or a BEL terminator) is dropped whole, and so is
// every other sequence Styled drops.
func TestStyledLinksKeepsOnlyOurOwnLinks(t *testing.T) {
	ours := link(t, "https://example.com/a?b=c;d", "\x1b[4mhttps://example.com/a?b=c;d\x1b[0m")
	mail := link(t, "MAILTO:x@example.com", "x@example.com")
	forged := "\x1b]8;id=aieng-00000000000000000000000000000000;http://evil.example/\x1b\\CLICK" + LinkEnd
	tests := []struct{ in, want string }{
		{"see " + ours + " now", "see " + ours + " now"},
		{mail, mail},
		{"a" + osc8 + "b", "aCLICKb"},
		{forged, "CLICK" + LinkEnd},
		{"\x1b]8;;\x1b\\", ""},
		{"\x1b]8;id=" + linkToken + ";javascript:alert(1)\x1b\\X", "X"},
		{"\x1b]8;id=" + linkToken + ";http://a b\x1b\\X", "X"},
		{"\x1b]8;id=" + linkToken + ";http://evil.example/\aX", "X"},
		{"\x1b]8;id=" + linkToken + ":x;http://evil.example/\x1b\\X", "X"},
		{"\x1b]8;id=" + linkToken + ";http://evil.example/\x1b]0;PWN\aX", "X"},
		{"a" + osc0 + osc52 + dcs + clear + "C" + report + c1CSI + "b", "aC2Jb"},
	}
	for _, tc := range tests {
		got := StyledLinks(tc.in)
		if got != tc.want {
			t.Errorf("StyledLinks(%q) = %q, want %q", tc.in, got, tc.want)
		}
		assertOnlyOurLinks(t, got)
		if strings.Contains(got, "evil") && strings.Contains(got, "\x1b]8;id") {
			t.Errorf("a link that is not ours survives: %q", got)
		}
		if s := Styled(tc.in); strings.Contains(s, "\x1b]") {
			t.Errorf("Styled keeps a hyperlink: %q", s)
		}
	}
	screen := strings.Repeat("text "+ours+" \x1b[1mbold\x1b[0m\n", 20)
	if n := testing.AllocsPerRun(100, func() { _ = StyledLinks(screen) }); n != 0 {
		t.Errorf("StyledLinks allocates %v times on clean input; the interface calls it on every frame", n)
	}
}

func TestLinkURI(t *testing.T) {
	for uri, want := range map[string]bool{
		"https://example.com/x": true, "HTTP://EXAMPLE.COM": true, "mailto:a@b.c": true,
		"ftp://example.com": false, "file:///etc/passwd": false, "javascript:alert(1)": false, "example.com": false,
		"http://a b": false, "http://a\x1b\\": false, "http://a\a": false, "https://é.example": false, "": false,
	} {
		if LinkURI(uri) != want {
			t.Errorf("LinkURI(%q) = %v", uri, !want)
		}
		if _, ok := LinkStart(uri); ok != want {
			t.Errorf("LinkStart(%q) ok = %v", uri, ok)
		}
	}
}
