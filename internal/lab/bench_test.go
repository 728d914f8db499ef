package lab

import (
	"testing"

	"github.com/aieng/aieng/internal/lab/view"
)

// BenchmarkOpen measures opening each built-in lab with its defaults: generating its data and
// training or simulating what it shows first (budget: 100 ms).
func BenchmarkOpen(b *testing.B) {
	for _, name := range builtIn() {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				s := openKind(b, name, nil)
				b.StopTimer() // background work must not slow the next opening
				<-s.Ready()
				b.StartTimer()
			}
		})
	}
}

// BenchmarkKeyPress measures a key press on each lab's first knob and the redraw at 80x24
// (budget: 16 ms). It moves the knob back and forth, so settings an experiment caches are
// measured warm; the experiments' own benchmarks measure a setting seen for the first time.
func BenchmarkKeyPress(b *testing.B) {
	st := view.NewStyles(nil, true)
	for _, name := range builtIn() {
		b.Run(name, func(b *testing.B) {
			s := openKind(b, name, nil)
			<-s.Ready()
			keys := []string{"left", "right"}
			if s.Knobs()[0].IsSwitch() {
				keys = []string{" ", " "}
			}
			i := 0
			for b.Loop() {
				s.HandleKey(keys[i%2])
				s.View(80, 24, st)
				i++
			}
		})
	}
}
