package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/internal/lab"
	"github.com/aieng/aieng/lessons"
)

// The lab budgets (issue 13): opening a lab under 100 ms, a key press in it (the experiment
// recomputed, the view redrawn) under 16 ms, at 80x24, for the built-in course's labs, with the
// dark style and the TrueColor profile.

// eachBuiltinLab runs a benchmark for each lab of the built-in course.
func eachBuiltinLab(b *testing.B, run func(b *testing.B, m *Model, index int, lb *lessons.Lab)) {
	c := benchCourse(b)
	for i, l := range c.Lessons {
		for _, lb := range l.Labs {
			b.Run(lb.ID, func(b *testing.B) {
				m := New(c, nil, benchOptions())
				m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
				run(b, m, i, lb)
			})
		}
	}
}

// benchOpenLab opens a lab as the screen does, its opening command run here, and draws it once.
func benchOpenLab(m *Model, index int, id string) {
	m.screens[labScreen].(*labModel).sessions = map[*lessons.Lab]*lab.Session{} // not kept from before
	_, cmd := m.Update(openLabMsg{index: index, lab: id})
	if cmd != nil {
		m.Update(cmd())
	}
	_ = m.View()
}

// BenchmarkLabOpen: from the learner's l to the lab drawn (models trained, data simulated).
func BenchmarkLabOpen(b *testing.B) {
	eachBuiltinLab(b, func(b *testing.B, m *Model, index int, lb *lessons.Lab) {
		for b.Loop() {
			benchOpenLab(m, index, lb.ID)
		}
	})
}

// BenchmarkLabKey: one knob move (→ then ←, so the knob keeps moving): Update and View.
func BenchmarkLabKey(b *testing.B) {
	eachBuiltinLab(b, func(b *testing.B, m *Model, index int, lb *lessons.Lab) {
		benchOpenLab(m, index, lb.ID)
		if s := m.screens[labScreen].(*labModel).sess; s != nil {
			<-s.Ready() // the leakage lab's other pipelines, fitted in the background once
		}
		keys := []tea.KeyMsg{{Type: tea.KeyRight}, {Type: tea.KeyLeft}}
		i := 0
		for b.Loop() {
			m.Update(keys[i%2])
			_ = m.View()
			i++
		}
	})
}
