package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkSideScrollKey is one → or ← in the reader at 200x50 (budget: 16 ms, a frame), with
// a search's matches highlighted: the code blocks are scrolled, the lines composed again and the
// search run again on them. The built-in lessons' code fits the 100-column reading width, so
// the largest lesson gets a code line 180 columns wide.
func BenchmarkSideScrollKey(b *testing.B) {
	c := benchCourse(b)
	largest := 0
	for i, l := range c.Lessons {
		if len(l.Body) > len(c.Lessons[largest].Body) {
			largest = i
		}
	}
	wide := *c.Lessons[largest]
	fence := strings.Index(wide.Body, "```python")
	if fence < 0 {
		b.Skip("the largest lesson has no Python block")
	}
	nl := fence + strings.IndexByte(wide.Body[fence:], '\n') + 1
	wide.Body = wide.Body[:nl] + "# " + strings.Repeat("wide ", 36) + "\n" + wide.Body[nl:]
	course := *c
	course.Lessons = append(course.Lessons[:0:0], c.Lessons...)
	course.Lessons[largest] = &wide
	m := New(&course, nil, benchOptions())
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
	openLesson(m, largest)
	for _, k := range keyMsgs("/model") {
		m.Update(k)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	r := m.screens[readerScreen].(*readerModel)
	if r.doc.MaxOffset() == 0 {
		b.Fatal("nothing to scroll sideways")
	}
	keys := []tea.KeyMsg{{Type: tea.KeyRight}, {Type: tea.KeyLeft}}
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
	if r.code.offset != 0 && r.code.offset != min(max(r.width/4, 4), r.doc.MaxOffset()) {
		b.Errorf("offset %d after the presses", r.code.offset)
	}
}
