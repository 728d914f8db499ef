package tui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// search finds text in a rendered lesson, ignoring case. It searches the text as it reads, not
// line by line: the lines of a paragraph are joined (flatText), so a phrase is found where the
// window's width happens to break it, and a match that crosses a line break is highlighted on
// both lines. Matches are located by terminal column, so highlighting can cut the styled lines
// at the same places.
//
// Each / starts a new query, as in less and vim; enter on an empty query (or ↑) brings back the
// last one.
type search struct {
	c      *common
	input  textinput.Model
	typing bool
	query  string
	last   string // the query before this one started: enter on nothing repeats it

	lines   []string  // the styled lines shown
	text    []string  // the lines searched, line for line, when they differ from lines shown
	plain   []string  // the lines searched without escape codes, made on the first search
	flat    *flatText // the lines joined as text, made on the first search
	matches []searchMatch
	segs    []searchSeg // the matches' parts, one per line they cover
	current int
	byLine  map[int][]int // line -> indexes into segs

	// place, when set, tells where a part of a match (in the columns of text) is drawn in the
	// line shown: ok is false when it is out of view (code scrolled sideways, or cut).
	place func(seg searchSeg) (start, end int, ok bool)
}

// searchMatch is one match: the line it starts on.
type searchMatch struct{ line int }

// searchSeg is the part of a match on one line, in columns.
type searchSeg struct {
	match, line, start, end int
}

func newSearch(c *common) search {
	return search{c: c, input: newTextInput("/", "search this lesson", 80, c.st)}
}

func (s *search) reset() {
	s.typing = false
	s.input.Blur()
	s.input.SetValue("")
	if s.query != "" {
		s.last = s.query
	}
	s.query = ""
	s.matches, s.segs, s.byLine, s.current = nil, nil, nil, 0
}

// start opens an empty query; the last one stays in view until the learner types.
func (s *search) start() tea.Cmd {
	if s.query != "" {
		s.last = s.query
	}
	s.typing = true
	s.input.SetValue("")
	return s.input.Focus()
}

// contentChanged searches the new lines (a new width, code scrolled) for the current query;
// text, when not nil, is what to search in them, line for line (code lines whole).
func (s *search) contentChanged(lines, text []string) {
	s.lines, s.text, s.plain, s.flat = lines, text, nil, nil
	if s.query != "" {
		cur := s.current
		s.find(s.query)
		if cur < len(s.matches) {
			s.current = cur
		}
	}
}

// updateInput handles a key while the learner types a query; jump reports that the view
// should move to the first match (the query changed).
func (s *search) updateInput(km tea.KeyMsg) (jump bool, cmd tea.Cmd) {
	k := s.c.keys
	switch {
	case key.Matches(km, k.Accept):
		s.typing = false
		s.input.Blur()
		if strings.TrimSpace(s.input.Value()) == "" {
			if s.last == "" {
				s.reset()
				return false, nil
			}
			s.find(s.last) // enter alone repeats the last search
			jump = len(s.matches) > 0
		}
		if len(s.matches) == 0 {
			s.c.setFlash(fmt.Sprintf("“%s” is not in this lesson.", s.query), true)
		}
		return jump, nil
	case key.Matches(km, k.Cancel):
		s.reset()
		return false, nil
	case key.Matches(km, k.PrevItem) && s.input.Value() == "" && s.last != "":
		s.input.SetValue(s.last)
		s.input.CursorEnd()
		s.find(s.last)
		return len(s.matches) > 0, nil
	}
	before := s.input.Value()
	s.input, cmd = s.input.Update(km)
	if v := s.input.Value(); v != before {
		s.find(v)
		return len(s.matches) > 0, cmd
	}
	return false, cmd
}

// find looks for query in the text; runs of spaces in the query match one space or line break.
func (s *search) find(query string) {
	s.query = query
	s.matches, s.segs, s.byLine, s.current = nil, nil, nil, 0
	q := strings.Join(strings.Fields(query), " ")
	if q == "" {
		s.query = ""
		return
	}
	if s.flat == nil {
		text := s.text
		if text == nil {
			text = s.lines
		}
		s.plain = make([]string, len(text))
		for i, l := range text {
			s.plain[i] = ansi.Strip(l)
		}
		s.flat = newFlatText(s.plain)
	}
	s.byLine = map[int][]int{}
	for _, r := range s.flat.find(q) {
		segs := s.flat.segments(r[0], r[1])
		if len(segs) == 0 {
			continue
		}
		m := len(s.matches)
		s.matches = append(s.matches, searchMatch{line: segs[0].line})
		for _, seg := range segs {
			seg.match = m
			s.byLine[seg.line] = append(s.byLine[seg.line], len(s.segs))
			s.segs = append(s.segs, seg)
		}
	}
}

// jump selects the next or previous match (dir 0: the first one at or after line from) and
// returns its line.
func (s *search) jump(dir, from int) (int, bool) {
	n := len(s.matches)
	if n == 0 {
		if s.query != "" {
			s.c.setFlash(fmt.Sprintf("“%s” is not in this lesson.", s.query), true)
		}
		return 0, false
	}
	switch dir {
	case 0:
		s.current = sort.Search(n, func(i int) bool { return s.matches[i].line >= from })
		if s.current == n {
			s.current = 0
		}
	case 1:
		s.current = (s.current + 1) % n
	case -1:
		s.current = (s.current - 1 + n) % n
	}
	return s.matches[s.current].line, true
}

// highlight marks the matches of one styled line; segs are indexes into s.segs.
func (s *search) highlight(line string, segs []int) string {
	st := s.c.st
	var b strings.Builder
	col := 0
	plain := s.plain[s.segs[segs[0]].line]
	if s.place != nil {
		plain = ansi.Strip(line)
	}
	for _, si := range segs {
		seg := s.segs[si]
		if s.place != nil {
			var ok bool
			if seg.start, seg.end, ok = s.place(seg); !ok {
				continue
			}
		}
		if seg.start > col {
			b.WriteString(ansi.Cut(line, col, seg.start))
		}
		style := st.SearchMatch
		if seg.match == s.current {
			style = st.SearchCurrent
		}
		b.WriteString(style.Render(ansi.Cut(plain, max(seg.start, col), seg.end)))
		col = max(col, seg.end)
	}
	b.WriteString(ansi.Cut(line, col, 1<<30))
	return b.String()
}

func (s *search) count() string {
	if strings.TrimSpace(s.input.Value()) == "" {
		if s.last != "" {
			return fmt.Sprintf("%s: “%s” again", keyName(s.c.keys.Accept), s.last)
		}
		return ""
	}
	if len(s.matches) == 0 {
		return "no match"
	}
	return fmt.Sprintf("%d %s", len(s.matches), plural(len(s.matches), "match", "matches"))
}

func (s *search) summary() string {
	if len(s.matches) == 0 {
		return fmt.Sprintf("“%s”: no match", s.query)
	}
	return fmt.Sprintf("“%s”: match %d of %d", s.query, s.current+1, len(s.matches))
}

// flatText is the text of lines as it reads: each line without its indent (and quote bars),
// the lines of a block joined by a space, blocks (separated by a blank line) by a line break.
// For each byte it keeps the line and the columns it is drawn at, -1 for the joining spaces.
type flatText struct {
	text       string
	lower      string // text in lower case, when that keeps every byte offset: the fast path
	line       []int32
	start, end []int32 // the columns of the character a byte belongs to
}

func newFlatText(lines []string) *flatText {
	f := &flatText{}
	var b strings.Builder
	add := func(s string, line, start, end int) {
		b.WriteString(s)
		for range len(s) {
			f.line, f.start, f.end = append(f.line, int32(line)), append(f.start, int32(start)), append(f.end, int32(end))
		}
	}
	prevText := false
	for i, l := range lines {
		body := strings.TrimLeft(l, " │|▏┃")
		body = strings.TrimRight(body, " ")
		if body == "" {
			if prevText {
				add("\n", -1, 0, 0)
			}
			prevText = false
			continue
		}
		if prevText {
			add(" ", -1, 0, 0)
		}
		col := ansi.StringWidth(l[:len(l)-len(strings.TrimLeft(l, " │|▏┃"))])
		for j := 0; j < len(body); {
			g, w := body[j:j+1], 1
			if body[j] >= utf8.RuneSelf {
				g, w = ansi.FirstGraphemeCluster(body[j:], ansi.GraphemeWidth)
			}
			add(g, i, col, col+w)
			col += w
			j += len(g)
		}
		prevText = true
	}
	f.text = b.String()
	f.lower, _ = lowerSameLength(f.text)
	return f
}

// lowerSameLength returns s in lower case, and false (with "") when that changes the length of
// a character in bytes, which would move the matches' byte offsets.
func lowerSameLength(s string) (string, bool) {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return "", false
	}
	for i, r := range s {
		l, _ := utf8.DecodeRuneInString(lower[i:])
		if utf8.RuneLen(unicode.ToLower(r)) != utf8.RuneLen(r) || l != unicode.ToLower(r) {
			return "", false
		}
	}
	return lower, true
}

// find returns the byte ranges of the non-overlapping matches of q, ignoring case.
func (f *flatText) find(q string) [][2]int {
	var out [][2]int
	if lq, ok := lowerSameLength(q); ok && f.lower != "" {
		for i := 0; ; {
			at := strings.Index(f.lower[i:], lq)
			if at < 0 {
				return out
			}
			out = append(out, [2]int{i + at, i + at + len(lq)})
			i += at + len(lq)
		}
	}
	return indexAllFold(f.text, q, utf8.RuneCountInString(q))
}

// segments returns the parts of the text's bytes [from, to) on each line, in order.
func (f *flatText) segments(from, to int) []searchSeg {
	var segs []searchSeg
	for i := from; i < to; i++ {
		line := int(f.line[i])
		if line < 0 {
			continue
		}
		if n := len(segs); n > 0 && segs[n-1].line == line {
			segs[n-1].end = int(f.end[i])
			continue
		}
		segs = append(segs, searchSeg{line: line, start: int(f.start[i]), end: int(f.end[i])})
	}
	return segs
}

// indexAllFold returns the byte ranges of the non-overlapping matches of q (qn runes long) in
// s, ignoring case.
func indexAllFold(s, q string, qn int) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := i
		for n := 0; n < qn && j < len(s); n++ {
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
		}
		if strings.EqualFold(s[i:j], q) {
			out = append(out, [2]int{i, j})
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}
