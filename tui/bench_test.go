package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

// The budgets (issue 4): first frame of the outline under 100 ms after exec; opening a lesson
// under 30 ms the first time and under 2 ms from the cache; a scroll key's Update plus View
// under 1 ms. These benchmarks use the built-in course, with the dark style and the TrueColor
// profile (the heaviest output), as a learner's terminal would.

func benchCourse(b *testing.B) *lessons.Course {
	b.Helper()
	c, probs, err := lessons.Builtin()
	if err != nil || probs.HasErrors() {
		b.Skipf("built-in course: %v %v", err, probs.Errors())
	}
	return c
}

func benchOptions() Options {
	o := testOptions()
	o.Look = termstyle.Look{Style: render.Dark, Profile: termenv.TrueColor, Dark: true}
	return o
}

// BenchmarkOutlineFirstFrame: from a loaded course to the first outline frame.
func BenchmarkOutlineFirstFrame(b *testing.B) {
	c := benchCourse(b)
	for b.Loop() {
		m := New(c, nil, benchOptions())
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
	}
}

func openLesson(m *Model, i int) {
	_, cmd := m.Update(openLessonMsg{index: i})
	if cmd != nil {
		m.Update(cmd()) // the rendering, run here rather than in a goroutine
	}
	_ = m.View()
}

// BenchmarkOpenLessonFirstTime renders the largest lesson of the course at 80 columns.
func BenchmarkOpenLessonFirstTime(b *testing.B) {
	c := benchCourse(b)
	largest := 0
	for i, l := range c.Lessons {
		if len(l.Body) > len(c.Lessons[largest].Body) {
			largest = i
		}
	}
	b.ReportMetric(float64(len(c.Lessons[largest].Body)), "body-bytes")
	m := New(c, nil, benchOptions())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for b.Loop() {
		m.c.render = newLessonRenderer(render.NewCache(8), m.c.opts.Look) // nothing cached
		openLesson(m, largest)
	}
}

// BenchmarkOpenLessonCached opens a lesson rendered before.
func BenchmarkOpenLessonCached(b *testing.B) {
	c := benchCourse(b)
	m := New(c, nil, benchOptions())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	openLesson(m, 1)
	for b.Loop() {
		openLesson(m, 1)
	}
}

// BenchmarkScrollKey is one j or k: Update and View.
func BenchmarkScrollKey(b *testing.B) { benchScroll(b, 80, 24, "") }

// BenchmarkScrollKeyWide is the same at 200x50 with search matches highlighted.
func BenchmarkScrollKeyWide(b *testing.B) { benchScroll(b, 200, 50, "model") }

func benchScroll(b *testing.B, w, h int, search string) {
	c := benchCourse(b)
	m := New(c, nil, benchOptions())
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	openLesson(m, 1)
	if search != "" { // highlighted matches on screen, as the learner would search
		for _, k := range keyMsgs("/" + search) {
			m.Update(k)
		}
		m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	}
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'j'}}, {Type: tea.KeyRunes, Runes: []rune{'k'}}}
	m.Update(keys[0])
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}

// BenchmarkQuizKey moves between choices of a question.
func BenchmarkQuizKey(b *testing.B) {
	c := benchCourse(b)
	m := New(c, nil, benchOptions())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(startQuizMsg{index: 0})
	keys := []tea.KeyMsg{{Type: tea.KeyDown}, {Type: tea.KeyUp}}
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}
