package tui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// search finds text in a rendered lesson, ignoring case. Matches are found in the lines with
// their escape codes stripped and located by terminal column, so highlighting can cut the
// styled lines at the same places.
type search struct {
	c      *common
	input  textinput.Model
	typing bool
	query  string

	lines   []string // the styled lines searched
	plain   []string // the same without escape codes, made on the first search
	matches []searchMatch
	current int
	byLine  map[int][]int // line -> indexes into matches
}

type searchMatch struct {
	line       int
	start, end int // columns
}

func newSearch(c *common) search {
	return search{c: c, input: newTextInput("/", "search this lesson", 80, c.st)}
}

func (s *search) reset() {
	s.typing = false
	s.input.Blur()
	s.input.SetValue("")
	s.query = ""
	s.matches, s.byLine, s.current = nil, nil, 0
}

func (s *search) start() tea.Cmd {
	s.typing = true
	s.input.SetValue(s.query)
	s.input.CursorEnd()
	return s.input.Focus()
}

// contentChanged searches the new lines (a new width) for the current query.
func (s *search) contentChanged(lines []string) {
	s.lines, s.plain = lines, nil
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
			s.reset()
			return false, nil
		}
		if len(s.matches) == 0 {
			s.c.setFlash(fmt.Sprintf("“%s” is not in this lesson.", s.query), true)
		}
		return false, nil
	case key.Matches(km, k.Cancel):
		s.reset()
		return false, nil
	}
	before := s.input.Value()
	s.input, cmd = s.input.Update(km)
	if v := s.input.Value(); v != before {
		s.find(v)
		return len(s.matches) > 0, cmd
	}
	return false, cmd
}

// find looks for query in every line.
func (s *search) find(query string) {
	s.query = query
	s.matches, s.byLine, s.current = nil, nil, 0
	q := strings.TrimSpace(query)
	if q == "" {
		s.query = ""
		return
	}
	if s.plain == nil {
		s.plain = make([]string, len(s.lines))
		for i, l := range s.lines {
			s.plain[i] = ansi.Strip(l)
		}
	}
	s.byLine = map[int][]int{}
	qn := utf8.RuneCountInString(q)
	lq := strings.ToLower(q)
	for i, line := range s.plain {
		if isASCII(line) && isASCII(q) && !strings.Contains(strings.ToLower(line), lq) {
			continue
		}
		for _, r := range indexAllFold(line, q, qn) {
			start := ansi.StringWidth(line[:r[0]])
			s.byLine[i] = append(s.byLine[i], len(s.matches))
			s.matches = append(s.matches, searchMatch{line: i, start: start, end: start + ansi.StringWidth(line[r[0]:r[1]])})
		}
	}
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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

// highlight marks the matches of one styled line; ms are indexes into matches.
func (s *search) highlight(line string, ms []int) string {
	st := s.c.st
	var b strings.Builder
	col := 0
	plain := s.plain[s.matches[ms[0]].line]
	for _, mi := range ms {
		m := s.matches[mi]
		if m.start > col {
			b.WriteString(ansi.Cut(line, col, m.start))
		}
		style := st.SearchMatch
		if mi == s.current {
			style = st.SearchCurrent
		}
		b.WriteString(style.Render(ansi.Cut(plain, m.start, m.end)))
		col = m.end
	}
	b.WriteString(ansi.Cut(line, col, 1<<30))
	return b.String()
}

func (s *search) count() string {
	if strings.TrimSpace(s.input.Value()) == "" {
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
