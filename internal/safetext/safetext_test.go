package safetext

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// The payloads of the reliability review (finding 2): a window title, a clipboard write, a
// hyperlink, a terminal query, a screen clear, a cursor report request, a C1 CSI.
const (
	osc0   = "\x1b]0;PWNTITLE\a"
	osc52  = "\x1b]52;c;UFdORUQ=\a"
	osc8   = "\x1b]8;;http://evil.example/\x1b\\CLICK\x1b]8;;\x1b\\"
	dcs    = "\x1bP+q544e\x1b\\"
	clear  = "\x1b[2J\x1b[H"
	report = "\x1b[6n"
	c1CSI  = "\u009b2J"
)

// sgrRE matches an SGR sequence, the one kind Styled keeps.
var sgrRE = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertTerminalSafe fails when s holds anything but text, newlines, tabs and SGR sequences.
// It is written independently of Styled's scanner, so a slip there shows here.
func assertTerminalSafe(t *testing.T, s string) {
	t.Helper()
	rest := sgrRE.ReplaceAllString(s, "")
	if !utf8.ValidString(rest) {
		t.Fatalf("invalid UTF-8 in %q", s)
	}
	for _, r := range rest {
		if IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("control character %s left in %q", Name(r), s)
		}
	}
}

func TestStyledKeepsSGRAndDropsEverythingElse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\nline two\ttab", "plain text\nline two\ttab"},
		{"\x1b[1;38;2;10;20;30mbold\x1b[0m \x1b[m", "\x1b[1;38;2;10;20;30mbold\x1b[0m \x1b[m"},
		{"\x1b[38:5:200mcolon form\x1b[0m", "\x1b[38:5:200mcolon form\x1b[0m"},
		{"a" + osc0 + "b", "ab"},
		{"a" + osc52 + "b", "ab"},
		{"a" + osc8 + "b", "aCLICKb"},
		{"a" + dcs + "b", "ab"},
		{"a" + clear + "CLEARED" + report + "b", "aCLEAREDb"},
		{"a" + c1CSI + "b", "a2Jb"},
		{"a\x1b[?1049hb", "ab"},                       // private CSI: alternate screen
		{"a\x1b7\x1b(Bb\x1bc", "ab"},                  // two-character sequences and one with an intermediate
		{"a\x1b]0;no terminator", "a0;no terminator"}, // an unterminated OSC hides nothing after it
		{"a\x1b]0;t\x1b[31mred", "a\x1b[31mred"},      // an ESC ends a control string, as in a terminal
		{"a\x1b", "a"},
		{"a\x1b[", "a"},
		{"a\x1b[12", "a"},
		{"bell\a cr\r del\x7f nul\x00", "bell cr del nul"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"ok é ü — 世界 ✓", "ok é ü — 世界 ✓"},
		{"osc st c1 \x1b]0;x\u009cend", "osc st c1 end"},
	}
	for _, tc := range tests {
		got := Styled(tc.in)
		if got != tc.want {
			t.Errorf("Styled(%q) = %q, want %q", tc.in, got, tc.want)
		}
		assertTerminalSafe(t, got)
	}
}

func TestStyledReturnsCleanInputWithoutCopying(t *testing.T) {
	s := strings.Repeat("\x1b[1mword\x1b[0m text ", 100)
	if got := Styled(s); got != s {
		t.Fatal("clean input changed")
	}
	if n := testing.AllocsPerRun(100, func() { _ = Styled(s) }); n != 0 {
		t.Errorf("Styled allocates %v times on clean input; the interface calls it on every frame", n)
	}
}

func TestLineAndText(t *testing.T) {
	in := "T\x1b]0;PWN\a\tx\ny\r\nz\u009b2J\xff"
	if got, want := Line(in), "T\uFFFD]0;PWN\uFFFD x y  z\uFFFD2J\uFFFD"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got, want := Text(in), "T\uFFFD]0;PWN\uFFFD\tx\ny\nz\uFFFD2J\uFFFD"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	for _, s := range []string{"plain", "naïve café — ok", "right\u202eleft"} {
		if Line(s) != s || Text(s) != s {
			t.Errorf("%q changed: Line %q, Text %q", s, Line(s), Text(s))
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = Line("an ordinary title") }); n != 0 {
		t.Errorf("Line allocates %v times on clean input", n)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"lessons/01-intro.md", "lessons/01-intro.md"},
		{"my course/01 intro.md", "my course/01 intro.md"},
		{"dir/01-ünï.md", "dir/01-ünï.md"},
		{"02-X\x1b]0;PWNTITLE\a.md", `"02-X\x1b]0;PWNTITLE\a.md"`},
		{"02-a\u202eb.md", `"02-a\u202eb.md"`},
		{"02-zero\u200bwidth.md", `"02-zero\u200bwidth.md"`},
		{"tab\there", `"tab\there"`},
		{"bad\xffbyte", `"bad\xffbyte"`},
	}
	for _, tc := range tests {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestCharacterClasses(t *testing.T) {
	for _, r := range []rune{0, 7, 0x1b, 0x7f, 0x80, 0x9b, 0x9f} {
		if !IsControl(r) {
			t.Errorf("%s is a control", Name(r))
		}
	}
	for _, r := range []rune{' ', 'a', 0xa0, 0xe9, 0x202e} {
		if IsControl(r) {
			t.Errorf("%s is not a control", Name(r))
		}
	}
	for _, r := range []rune{0x202a, 0x202e, 0x2066, 0x2069, 0x200e, 0x200f, 0x061c} {
		if !IsBidi(r) || !IsInvisible(r) {
			t.Errorf("%s is a bidi control", Name(r))
		}
	}
	for _, r := range []rune{0x200b, 0x200c, 0x200d, 0x2060, 0xfeff} {
		if !IsZeroWidth(r) || !IsInvisible(r) {
			t.Errorf("%s is zero-width", Name(r))
		}
	}
	for _, r := range []rune{'a', ' ', 0x05d0, 0x0627, 0x2014} {
		if IsInvisible(r) {
			t.Errorf("%s is visible", Name(r))
		}
	}
	if got := Name(0x1b); got != "U+001B (ESC)" {
		t.Errorf("Name(ESC) = %q", got)
	}
	if got := Name(0x202e); got != "U+202E (RIGHT-TO-LEFT OVERRIDE)" {
		t.Errorf("Name(RLO) = %q", got)
	}
}

// FuzzStyled checks that nothing but text and SGR comes out of Styled (and aieng's own links
// besides of StyledLinks), that cleaning twice changes nothing more, and that Line and Text
// leave no control character.
func FuzzStyled(f *testing.F) {
	for _, s := range []string{"", "plain", osc0 + osc52 + osc8 + dcs + clear + report + c1CSI, "\x1b[1mb\x1b[0m",
		"\x1b]0;\x1b[31m", "\x1b[\x1b[m", "\x1bP\x1b\\\x1b", "\xc2\x9b\xc2", "\x1b[1;2;3", "é\x1b_x\a",
		"\x1b]8;id=" + linkToken + ";https://example.com/\x1b\\x\x1b]8;;\x1b\\", "\x1b]8;id=" + linkToken + ";http://a\x1b]8;;\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Styled(s)
		assertTerminalSafe(t, out)
		if again := Styled(out); again != out {
			t.Fatalf("Styled is not idempotent: %q -> %q -> %q", s, out, again)
		}
		if len(out) > 3*len(s) { // only an invalid byte grows: to the three bytes of U+FFFD
			t.Fatalf("Styled grew %q to %q", s, out)
		}
		linked := StyledLinks(s)
		assertOnlyOurLinks(t, linked)
		if again := StyledLinks(linked); again != linked {
			t.Fatalf("StyledLinks is not idempotent: %q -> %q -> %q", s, linked, again)
		}
		if Styled(linked) != out {
			t.Fatalf("StyledLinks keeps more than its links: %q -> %q, Styled %q", s, linked, out)
		}
		for _, r := range Line(s) {
			if IsControl(r) {
				t.Fatalf("Line left %s in %q", Name(r), Line(s))
			}
		}
		for _, r := range Text(s) {
			if IsControl(r) && r != '\n' && r != '\t' {
				t.Fatalf("Text left %s in %q", Name(r), Text(s))
			}
		}
	})
}

func BenchmarkStyledScreen(b *testing.B) {
	// A screen of the interface: 40 lines of 100 columns with a few styles on each.
	line := "\x1b[38;2;160;140;255m▌\x1b[0m " + strings.Repeat("text ", 16) + "\x1b[1mbold\x1b[0m " + strings.Repeat("x", 8)
	screen := strings.Repeat(line+"\n", 40)
	b.SetBytes(int64(len(screen)))
	for b.Loop() {
		_ = Styled(screen)
	}
}
