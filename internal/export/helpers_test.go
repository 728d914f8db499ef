package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/aieng/aieng/lessons"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// fixture loads testdata/course, which has every question kind, per-choice feedback, hints,
// a code block and the characters that need escaping (<, &, quotes), and a lesson with no quiz.
func fixture(t *testing.T) *lessons.Course {
	t.Helper()
	c, probs, err := lessons.LoadDir("testdata/course")
	if err != nil {
		t.Fatal(err)
	}
	if probs.HasErrors() {
		t.Fatalf("fixture course has errors: %v", probs)
	}
	return c
}

// xnode is a parsed XML element, read back with encoding/xml independently of how it was written.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []xnode    `xml:",any"`
}

// parseXML parses a whole document strictly: encoding/xml rejects characters XML cannot hold.
func parseXML(t *testing.T, data []byte) xnode {
	t.Helper()
	var root xnode
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&root); err != nil {
		t.Fatalf("invalid XML: %v\n%s", err, data)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if cd, ok := tok.(xml.CharData); err != nil || !ok || len(bytes.TrimSpace(cd)) > 0 {
			t.Fatalf("content after the root element: %v %v", tok, err)
		}
	}
	return root
}

func (n xnode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// all returns the children with the given name.
func (n xnode) all(name string) []xnode {
	var out []xnode
	for _, c := range n.Nodes {
		if c.XMLName.Local == name {
			out = append(out, c)
		}
	}
	return out
}

// one returns the only element at the path of child names.
func (n xnode) one(t *testing.T, path ...string) xnode {
	t.Helper()
	cur := n
	for _, name := range path {
		found := cur.all(name)
		if len(found) != 1 {
			t.Fatalf("<%s> has %d <%s> children, want 1", cur.XMLName.Local, len(found), name)
		}
		cur = found[0]
	}
	return cur
}

func (n xnode) text() string { return strings.TrimSpace(n.Text) }

// htmlPlain is the text a browser shows for an HTML fragment: its character data, entities
// decoded. The exports write XHTML, so encoding/xml can read it; a fragment that is not
// well-formed fails the test.
func htmlPlain(t *testing.T, h string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader("<div>" + h + "</div>"))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("HTML is not well-formed: %v\n%s", err, h)
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
	return squash(b.String())
}

// mdPlain is the text of lesson Markdown, read from goldmark's syntax tree rather than its HTML:
// text with escapes resolved, code spans and code blocks as written, raw HTML as written.
func mdPlain(md string) string {
	src := []byte(md)
	parser := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
	return nodePlain(parser.Parse(text.NewReader(src)), src)
}

// nodePlain is the text of a parsed Markdown node, as mdPlain reads it.
func nodePlain(node ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(node, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ') // blocks are apart, as HTML's block elements are
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			if _, code := n.Parent().(*ast.CodeSpan); !code {
				v = util.ResolveEntityNames(util.UnescapePunctuations(v))
			}
			b.Write(v)
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(src))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return squash(b.String())
}

// squash collapses runs of white space, which HTML does not keep either.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// assertPlain checks that exported HTML shows the same text as the lesson's Markdown.
func assertPlain(t *testing.T, what, gotHTML, wantMD string) {
	t.Helper()
	if got, want := htmlPlain(t, gotHTML), mdPlain(wantMD); got != want {
		t.Errorf("%s: text is\n  %q\nwant\n  %q\n(HTML %q)", what, got, want, gotHTML)
	}
}

// hasControl reports a control character other than tab and newline.
func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f))
	}) >= 0
}

// withControls returns a copy of the course whose first question's prompt, first choice and
// explanation carry terminal escape sequences and C1 controls, as a course built by hand
// (not loaded from files, which rejects them) could.
func withControls(c *lessons.Course) *lessons.Course {
	cp := *c
	cp.Lessons = append([]*lessons.Lesson(nil), c.Lessons...)
	l := *cp.Lessons[0]
	q := *l.Quiz[0]
	q.Prompt = "Red \x1b[31malert\x1b[0m\u009b?"
	q.Choices = append([]lessons.Choice(nil), q.Choices...)
	q.Choices[0].Text = "bell\a and NUL\x00"
	q.Explanation = "CSI \u009b2J cleared\r\n"
	l.Quiz = append([]*lessons.Question{&q}, l.Quiz[1:]...)
	cp.Lessons[0] = &l
	return &cp
}
