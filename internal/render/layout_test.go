package render

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

// TestLayoutExample shows the layout on a small document, in plain text at 32 columns (text
// takes 30: the margins are 2 columns each side): prose wrapped once, hyphens counted, list
// items hanging under their text, a code line cut with the marker, a table too wide for the
// column stacked into records.
func TestLayoutExample(t *testing.T) {
	md := "# Data\n\nA well-known state-of-the-art pipeline cleans big-data tables first.\n\n" +
		"- A list item long enough to wrap onto a second line.\n  1. A nested step that wraps as well, under its text.\n\n" +
		"```python\nrows = [r for r in read_rows(\"orders.csv\") if r.total > 0]\n```\n\n" +
		"| Step | What it does |\n| --- | --- |\n| clean | drops duplicate and test orders |\n"
	want := `
  Data
  ====

  A well-known
  state-of-the-art pipeline
  cleans big-data tables
  first.

  • A list item long enough to
    wrap onto a second line.
      1. A nested step that
         wraps as well, under
         its text.

    rows = [r for r in read_r→

  Step: clean
  What it does: drops
    duplicate and test orders

`
	got, err := markdown(md, Options{Width: 32, Style: NoTTY})
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

const wideCode = "Some code:\n\n```python\nshort = 1\n\tindented = \"a line of code far wider than forty columns, and then some more\"\n```\n"

// TestCodeBlockScroll: a code block reports where it is and what it holds, and scrolls
// sideways: the indent stays, the code moves, markers show what is hidden on either side.
func TestCodeBlockScroll(t *testing.T) {
	for _, style := range []Style{Dark, NoTTY} {
		d, err := markdownDoc(wideCode, Options{Width: 40, Style: style, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Code) != 1 {
			t.Fatalf("%s: %d code blocks, want 1", style, len(d.Code))
		}
		b := d.Code[0]
		if b.Lang != "python" || b.Raw != "short = 1\n\tindented = \"a line of code far wider than forty columns, and then some more\"\n" {
			t.Errorf("%s: lang %q, raw %q: want the code as written, tab and all", style, b.Lang, b.Raw)
		}
		if b.End-b.Start != 2 || !b.Cut() {
			t.Fatalf("%s: lines [%d,%d), cut %v: want 2 lines, cut", style, b.Start, b.End, b.Cut())
		}
		at0 := b.Lines(0)
		if strings.Join(at0, "\n") != strings.Join(d.Lines[b.Start:b.End], "\n") {
			t.Errorf("%s: Lines(0) differs from the document's lines", style)
		}
		long := ansi.Strip(at0[1])
		if !strings.HasSuffix(long, CutMarker) || ansi.StringWidth(long) != 38 || !strings.HasPrefix(long, "        indented") {
			t.Errorf("%s: the wide line is %q: want the indent, the tab expanded, cut with the marker at column 38", style, long)
		}
		shifted := ansi.Strip(b.Lines(4)[1])
		if !strings.HasPrefix(shifted, "    "+ScrollMarker+"indented") || !strings.HasSuffix(shifted, CutMarker) {
			t.Errorf("%s: scrolled by 4 the line is %q: want the indent, the marker, the code from column 4, the cut marker", style, shifted)
		}
		end := ansi.Strip(b.Lines(b.MaxOffset())[1])
		if !strings.HasSuffix(end, `some more"`) || ansi.StringWidth(end) > 38 {
			t.Errorf("%s: at the largest offset the line is %q: want its end, within the width", style, end)
		}
		if got := d.Scrolled(3); got[b.Start+1] != b.Lines(3)[1] || got[0] != d.Lines[0] {
			t.Errorf("%s: Scrolled moved something other than the code", style)
		}
	}
}

// TestTableStacks: a table that fits keeps its columns; one that does not becomes records, and
// no cell is cut.
func TestTableStacks(t *testing.T) {
	md := "| Kind | What changes | Seen in monitoring as |\n| --- | --- | --- |\n" +
		"| Data drift | the inputs move away from the training data | feature distributions |\n"
	wide, err := markdown(md, Options{Width: 120, Style: NoTTY})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(wide, "| What changes") || strings.Contains(wide, "Kind:") {
		t.Errorf("at 120 columns the table should keep its columns:\n%s", wide)
	}
	narrow, err := markdown(md, Options{Width: 40, Style: NoTTY})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Kind: Data drift", "What changes: the inputs move", "Seen in monitoring as:"} {
		if !strings.Contains(narrow, want) {
			t.Errorf("at 40 columns the stacked table lacks %q:\n%s", want, narrow)
		}
	}
	if strings.Contains(narrow, "…") || !strings.Contains(narrow, "feature") || !strings.Contains(narrow, "training data") {
		t.Errorf("a cell was cut:\n%s", narrow)
	}
}

var sgrRe = regexp.MustCompile("\x1b\\[([0-9;]*)m")

// TestMonoShowsNoMarkers: NO_COLOR's style shows headings, emphasis and code by attributes,
// never by raw Markdown markers, and sets no colour at all.
func TestMonoShowsNoMarkers(t *testing.T) {
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons {
		d, err := LessonDoc(l, Options{Width: 80, Style: Mono, Profile: termenv.TrueColor})
		if err != nil {
			t.Fatal(err)
		}
		out := d.String()
		for _, m := range sgrRe.FindAllStringSubmatch(out, -1) {
			for _, p := range strings.Split(m[1], ";") {
				if !strings.Contains(" 0 1 3 4 7 ", " "+p+" ") && p != "" {
					t.Fatalf("%s: SGR %q sets more than bold, italic, underline or reverse", l.ID, m[0])
				}
			}
		}
		if !strings.Contains(out, "\x1b[1m") {
			t.Errorf("%s: nothing is bold", l.ID)
		}
		checkNoMarkers(t, l.ID, d)
	}
}

// checkNoMarkers fails when prose (code blocks left out) shows Markdown's ** or # markers.
func checkNoMarkers(t *testing.T, name string, d *Doc) {
	t.Helper()
	inCode := map[int]bool{}
	for _, b := range d.Code {
		for i := b.Start; i < b.End; i++ {
			inCode[i] = true
		}
	}
	for i, line := range d.Lines {
		plain := strings.TrimSpace(ansi.Strip(line))
		if !inCode[i] && (strings.Contains(plain, "**") || strings.HasPrefix(plain, "#")) {
			t.Errorf("%s: line %d shows a Markdown marker: %q", name, i, plain)
		}
	}
}

// TestPlainIsPlain: text for pipes and files has no escape sequence and no Markdown marker;
// the title is underlined.
func TestPlainIsPlain(t *testing.T) {
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons {
		d, err := LessonDoc(l, Options{Width: 80, Style: NoTTY, Profile: termenv.TrueColor})
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(d.String(), '\x1b') {
			t.Errorf("%s: plain text has an escape sequence", l.ID)
		}
		if d.Lines[1] != "  "+l.Title || d.Lines[2] != "  "+strings.Repeat("=", len([]rune(l.Title))) {
			t.Errorf("%s: the title is %q / %q: want it underlined", l.ID, d.Lines[1], d.Lines[2])
		}
		checkNoMarkers(t, l.ID, d)
	}
}

// TestLinesStandAlone: every line of a coloured rendering resets the styles it sets, so it
// shows right without the lines above it (a scrolled view, a search result).
func TestLinesStandAlone(t *testing.T) {
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons {
		d, err := LessonDoc(l, Options{Width: 50, Style: Dark, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range d.Lines {
			if _, state := parseCells(line, ""); state != "" {
				t.Fatalf("%s: line %d leaves the style %q set: %q", l.ID, i, state, line)
			}
		}
	}
}

// TestLinks: a link's target is found where the rendering shows it.
func TestLinks(t *testing.T) {
	md := "Read [the guide](https://example.com/guide) first, then <https://example.org/faq>.\n\n[top](#top)\n"
	d, err := markdownDoc(md, Options{Width: 30, Style: Dark, Profile: termenv.ANSI256})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Links) != 3 {
		t.Fatalf("links %+v: want 3", d.Links)
	}
	for _, link := range d.Links[:2] {
		if link.Line < 0 {
			t.Errorf("%s not found", link.URL)
			continue
		}
		plain := ansi.Strip(d.Lines[link.Line])
		if at := ansi.Cut(plain, link.Col, link.Col+len(link.URL)); at != link.URL {
			t.Errorf("%s placed at line %d column %d, which shows %q", link.URL, link.Line, link.Col, at)
		}
	}
	if d.Links[2].Line != -1 {
		t.Errorf("an anchor link is not shown, but was placed at line %d", d.Links[2].Line)
	}
}

// TestCarriageReturns: Markdown with CRLF or CR line endings renders as with LF, and no
// carriage return reaches the output, in code blocks least of all.
func TestCarriageReturns(t *testing.T) {
	lf := "Some text\nover two lines.\n\n```sh\necho one\necho two\n```\n"
	want, err := markdown(lf, Options{Width: 60, Style: Dark, Profile: termenv.ANSI256})
	if err != nil {
		t.Fatal(err)
	}
	for _, md := range []string{strings.ReplaceAll(lf, "\n", "\r\n"), strings.ReplaceAll(lf, "\n", "\r")} {
		got, err := markdown(md, Options{Width: 60, Style: Dark, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		if got != want || strings.Contains(got, "\r") {
			t.Errorf("rendered %q\nwant %q", got, want)
		}
	}
}

// TestConcurrentLayouts: layouts share a prepared document and must not change it: laid out at
// once on several goroutines, at several widths, a lesson reads as when prepared and laid out
// alone. (Text is compared without styles: Chroma picks between two equally close colours at
// random, so two preparations may differ in a colour.)
func TestConcurrentLayouts(t *testing.T) {
	c, _, err := lessons.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	// The longest lesson, whichever course lessons/course holds: the most blocks to lay out.
	longest := c.Lessons[0]
	for _, l := range c.Lessons {
		if len(l.Body) > len(longest.Body) {
			longest = l
		}
	}
	md := lessonMarkdown(longest)
	layout := func(p *prepared, w int) string {
		d, err := p.layout(Options{Width: w, Style: Dark, Profile: termenv.ANSI256})
		if err != nil {
			t.Error(err)
			return ""
		}
		return ansi.Strip(d.String())
	}
	prep := func() *prepared {
		p, err := prepare(md, Options{Style: Dark, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	widths := []int{30, 41, 57, 80, 123}
	want := map[int]string{}
	for _, w := range widths {
		want[w] = layout(prep(), w)
	}
	shared := prep()
	got := make([]string, len(widths)*4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = layout(shared, widths[i%len(widths)])
		}()
	}
	wg.Wait()
	for i, g := range got {
		if w := widths[i%len(widths)]; g != want[w] {
			t.Errorf("width %d: a layout of a shared preparation differs from one done alone", w)
		}
	}
}

// TestScrolledShortLineIsBlank is a QA finding: scrolled sideways past the end of a line (an
// empty line, a short one), the line showed a lone ScrollMarker, as if text were hidden to its
// left. Like less -S and vim, it shows blank; a line with code left in view keeps the marker.
func TestScrolledShortLineIsBlank(t *testing.T) {
	md := "Code:\n\n```python\nrows = [row for row in read_rows(\"orders.csv\") if row.total > 0]\n\ndef f():\n    return 1\n```\n"
	for _, style := range []Style{Dark, Mono, NoTTY} {
		d, err := markdownDoc(md, Options{Width: 40, Style: style, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		b := d.Code[0]
		if b.End-b.Start != 4 {
			t.Fatalf("%s: %d code lines, want 4", style, b.End-b.Start)
		}
		lines := b.Lines(10) // "def f():" is 8 columns, "    return 1" 12
		want := []string{ScrollMarker + "w for", "", "", ScrollMarker + " 1"}
		for i, w := range want {
			got := strings.TrimSpace(ansi.Strip(lines[i]))
			if w == "" && got != "" || !strings.HasPrefix(got, w) {
				t.Errorf("%s: scrolled by 10, line %d is %q: want it to start with %q", style, i+1, got, w)
			}
		}
	}
}

// TestShownMatchesLines: Shown tells, for every line and offset, the columns of the whole line
// that Lines draws and where: each character in view is drawn at its column plus shift. And
// OffsetShowing returns an offset at which the columns asked for are in view.
func TestShownMatchesLines(t *testing.T) {
	md := "Code:\n\n```python\nrows = [row for row in read_rows(\"orders.csv\") if row.total > 0 and row.country == \"NL\"]\n\ndef f():\n\tindented = \"a line of code far wider than forty columns\"\n```\n"
	for _, style := range []Style{Dark, NoTTY} {
		d, err := markdownDoc(md, Options{Width: 40, Style: style, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		b := &d.Code[0]
		whole := d.Uncut()[b.Start:b.End]
		for offset := 0; offset <= b.MaxOffset(); offset++ {
			for i, drawn := range b.Lines(offset) {
				src, got := []rune(ansi.Strip(whole[i])), []rune(ansi.Strip(drawn))
				from, to, shift := b.Shown(i, offset)
				for c := from; c < to; c++ {
					if c >= len(src) || c+shift >= len(got) || src[c] != got[c+shift] {
						t.Fatalf("%s offset %d line %d: column %d of %q is not at %d of %q (in view: [%d,%d))", style, offset, i, c, string(src), c+shift, string(got), from, to)
					}
				}
				if shown := len([]rune(strings.TrimSpace(string(got)))); to-from < shown-2 {
					t.Errorf("%s offset %d line %d: in view [%d,%d), but %q is drawn", style, offset, i, from, to, string(got))
				}
				for start := 4; start+4 <= len(src); start += 7 {
					o := b.OffsetShowing(i, start, start+4, offset)
					if f, e, _ := b.Shown(i, o); start < f || start+4 > e {
						t.Errorf("%s line %d: OffsetShowing(%d, %d) is %d, which shows [%d,%d)", style, i, start, start+4, o, f, e)
					}
				}
			}
		}
	}
}

// TestBlockStart: every line of a wrapped paragraph or list item leads back to its first line;
// other lines (blank, heading, code, an item's own first line) are their own start.
func TestBlockStart(t *testing.T) {
	md := "# Title\n\nA paragraph long enough to wrap over several lines at thirty columns, and then some.\n\n" +
		"- an item that is long enough to wrap at thirty columns\n- a short one\n\n```\ncode line one\ncode line two\n```\n"
	for _, style := range []Style{Dark, NoTTY} {
		d, err := markdownDoc(md, Options{Width: 30, Style: style, Profile: termenv.ANSI256})
		if err != nil {
			t.Fatal(err)
		}
		start, starts := 0, 0
		for i, l := range d.Lines {
			text := strings.TrimSpace(ansi.Strip(l))
			if text == "" || strings.HasPrefix(text, "A paragraph") || strings.HasPrefix(text, "•") || strings.HasPrefix(text, "code line") ||
				strings.Contains(text, "Title") || strings.Trim(text, "=") == "" {
				start = i
				starts++
			}
			if got := d.BlockStart(i); got != start {
				t.Errorf("%s: line %d %q starts at line %d, want %d", style, i, text, got, start)
			}
		}
		if wrapped := len(d.Lines) - starts; wrapped < 3 {
			t.Errorf("%s: %d lines wrapped: the test shows little", style, wrapped)
		}
	}
}
