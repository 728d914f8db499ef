package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// textStyles draws each role and each kind of markup with its own attribute, on an ANSI
// renderer, so a test can tell them apart.
func textStyles() TextStyles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI)
	n := r.NewStyle
	return TextStyles{
		Roles: map[Role]lipgloss.Style{
			RolePlain: n(), RolePrompt: n().Bold(true), RoleFocus: n().Foreground(lipgloss.Color("5")),
			RoleCorrect: n().Foreground(lipgloss.Color("2")), RoleHint: n().Foreground(lipgloss.Color("3")),
			RoleFeedback: n().Italic(true),
		},
		Strong: n().Bold(true), Emphasis: n().Italic(true), Code: n().Reverse(true), CodeBlock: n().Faint(true), Rule: n(),
	}
}

func TestTextRendersQuizMarkdown(t *testing.T) {
	md := NewText(textStyles())
	got := md.Render("Use `go test` and *read* the **output**:\n\n```go\nfmt.Println(1)\n```\n\n- one\n- two\n\n---\n\n> quoted", 30, RolePlain)
	plain := ansi.Strip(got)
	for _, want := range []string{"Use go test and read the", "output:", "  fmt.Println(1)", "• one", "• two", "─", "│ quoted"} {
		if !strings.Contains(plain, want) {
			t.Fatalf("missing %q in:\n%s", want, plain)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(l); w > 30 {
			t.Fatalf("line of %d columns, wider than 30: %q", w, l)
		}
	}
	if !strings.Contains(got, "\x1b[7mgo test") {
		t.Errorf("inline code is not in the code style: %q", got)
	}
}

func TestTextRolesHaveTheirOwnStyle(t *testing.T) {
	md := NewText(textStyles())
	seen := map[string]Role{}
	for _, role := range []Role{RolePlain, RolePrompt, RoleFocus, RoleCorrect, RoleHint, RoleFeedback} {
		out := md.Render("Same text", 40, role)
		if ansi.Strip(out) != "Same text" {
			t.Errorf("role %d changed the text: %q", role, out)
		}
		if other, dup := seen[out]; dup {
			t.Errorf("roles %d and %d are drawn alike: %q", other, role, out)
		}
		seen[out] = role
	}
	// Memoized by role: asking again in another role never returns the first role's drawing.
	if a, b := md.Render("Same text", 40, RolePrompt), md.Render("Same text", 40, RoleHint); a == b {
		t.Error("the memo mixed up two roles")
	}
}

func TestTextOddMarkdown(t *testing.T) {
	md := NewText(textStyles())
	for _, src := range []string{"", "- ", "1.\n2.", "<b>raw</b> html", "# Heading", "![alt](x.png)", "[link](http://x)", "<http://x.org>", "\tcode"} {
		out := md.Render(src, 8, RolePlain) // must not panic
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > 8 {
				t.Errorf("%q: line of %d columns: %q", src, w, l)
			}
		}
	}
}

func TestWrapKeepsEachLineStyled(t *testing.T) {
	got := Wrap("\x1b[1mone two three\x1b[0m four", 4)
	for i, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "\x1b[1m") != strings.Contains(l, "\x1b[0m") {
			t.Errorf("line %d opens a style it does not close, or the reverse: %q", i, l)
		}
	}
	if ansi.Strip(got) != "one\ntwo\nthre\ne\nfour" {
		t.Errorf("wrapped text: %q", ansi.Strip(got))
	}
}

func TestBalanceSGR(t *testing.T) {
	got := balanceSGR([]string{"\x1b[1mone", "two\x1b[0m three", "four"})
	want := []string{"\x1b[1mone\x1b[0m", "\x1b[1mtwo\x1b[0m three", "four"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %q", got)
	}
}

func TestTextMarkdownElements(t *testing.T) {
	md := NewText(textStyles())
	for _, tt := range []struct{ src, plain, styled string }{
		{"# Heading", "Heading", "\x1b[1mHeading"},
		{"<div>\nblock html\n</div>", "<div>\nblock html\n</div>", ""},
		{"Go [here](http://x.org) now", "Go here now", "\x1b[4;4mh"},
		{"See <http://x.org>", "See http://x.org", "\x1b[4;4mh"},
		{"![a chart](c.png)", "a chart", ""},
		{"a <b>bold</b> word", "a <b>bold</b> word", ""},
		{"`a` and `` b` ``", "a and b`", "\x1b[7ma"},
		{"1. one\n2. two\n\n3. three", "1. one\n\n2. two\n\n3. three", ""},
		{"- a\n\n  more of a\n- b", "• a\n  \n  more of a\n\n• b", ""},
		{"***", "────────────────────", ""},
	} {
		got := md.Render(tt.src, 40, RolePlain)
		if plain := ansi.Strip(got); plain != tt.plain {
			t.Errorf("%q drawn as %q, want %q", tt.src, plain, tt.plain)
		}
		if tt.styled != "" && !strings.Contains(got, tt.styled) {
			t.Errorf("%q lacks the style %q: %q", tt.src, tt.styled, got)
		}
	}
}

func TestTextMemoIsBounded(t *testing.T) {
	md := NewText(textStyles())
	for i := range 2100 {
		md.Render(fmt.Sprint("text ", i), 40, RolePlain)
	}
	if n := len(md.memo); n > 2001 {
		t.Errorf("the memo holds %d renderings", n)
	}
	if got := md.Render("text 5", 40, RolePlain); ansi.Strip(got) != "text 5" {
		t.Errorf("after clearing the memo: %q", got)
	}
	if Wrap("no width", 0) != "no width" {
		t.Error("Wrap at width 0 changed the text")
	}
}

// TestTextDecodesReferencesAndEscapes: quiz text shows what Markdown means (finding 14 of the
// reliability review: entities in choices showed literally), and a reference to a control
// character shows as U+FFFD, never as the character.
func TestTextDecodesReferencesAndEscapes(t *testing.T) {
	tx := NewText(TextStyles{})
	cases := map[string]string{
		"3 &lt; 4 &amp;&amp; 5 &gt; 4":   "3 < 4 && 5 > 4",
		"an em dash &mdash; or &#8212;":  "an em dash — or —",
		`a \*literal\* star`:             "a *literal* star",
		"`&lt;code&gt;` stays":           "&lt;code&gt; stays",
		"esc &#27;]0;PWN&#7; and &#x9b;": "esc \uFFFD]0;PWN\uFFFD and \uFFFD",
	}
	for in, want := range cases {
		if got := ansi.Strip(tx.Render(in, 80, RolePlain)); got != want {
			t.Errorf("Render(%q) = %q, want %q", in, got, want)
		}
	}
}
