package export

import (
	"strings"
	"testing"
)

// TestInlineStaysInline: a prompt or choice that starts like a Markdown block (a number and a
// dot, a "#", a dash, a quote mark, a tag) is still one line of text in the LMS.
func TestInlineStaysInline(t *testing.T) {
	for _, s := range []string{
		"1. Which comes first?", "2) Or this?", "# of rows in a table?", "- a dash", "+ a plus",
		"> greater than zero?", "<div> is which kind of tag?", "*** three stars", "```fenced?", "~~~ tildes",
		"Plain `code` and *emphasis*",
	} {
		h, err := inlineHTML(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, block := range []string{"<ol", "<ul", "<h1", "<blockquote", "<pre", "<hr", "<p>"} {
			if strings.Contains(h, block) {
				t.Errorf("inlineHTML(%q) = %q: became a block", s, h)
			}
		}
		if got := htmlPlain(t, h); got != mdPlain(s) && got != s {
			t.Errorf("inlineHTML(%q) reads %q", s, got)
		}
		if got := plainText(s); got != htmlPlain(t, h) {
			t.Errorf("plainText(%q) = %q, HTML reads %q", s, got, htmlPlain(t, h))
		}
	}
}

// TestRawHTMLIsText: HTML in lesson Markdown is shown as the characters written, never passed
// into the LMS as markup and never dropped.
func TestRawHTMLIsText(t *testing.T) {
	h, err := markdownHTML("A <script>alert(1)</script> and\n\n<div class=\"x\">\nblock & more\n</div>")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h, "<script") || strings.Contains(h, "<div") || strings.Contains(h, "omitted") {
		t.Errorf("raw HTML passed through or dropped: %q", h)
	}
	want := `A <script>alert(1)</script> and <div class="x"> block & more </div>`
	if got := htmlPlain(t, h); got != want {
		t.Errorf("reads %q, want %q", got, want)
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"`overlap`":               "overlap",
		"data **drift**":          "data drift",
		`a \* b &amp; c &#65;`:    "a * b & c A",
		"`a \\* b`":               `a \* b`,
		"x*y":                     "x*y",
		"the `inputs` & <b>x</b>": "the inputs & <b>x</b>",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}
