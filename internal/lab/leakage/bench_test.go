package leakage

import (
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
	"github.com/aieng/aieng/internal/lab/view"
)

// BenchmarkFlip measures flipping a switch once the background fits are done: the redraw.
func BenchmarkFlip(b *testing.B) {
	l := labtest.Open(b, Def, nil).(*lab)
	<-l.done
	st := view.NewStyles(nil, true)
	i := 0
	for b.Loop() {
		l.Set("label_feature", float64(i%2))
		l.Values()
		l.View(80, 21, st)
		i++
	}
}

// BenchmarkOpen measures opening the lab: generating 16,000 rows and fitting the two models
// the starting pipeline needs.
func BenchmarkOpen(b *testing.B) {
	for range b.N {
		l := labtest.Open(b, Def, nil).(*lab)
		b.StopTimer() // the background fits must not slow the next opening
		<-l.done
		b.StartTimer()
	}
}

// BenchmarkOpenAll measures opening the lab until the background fits are done: the longest a
// switch flipped at once could wait.
func BenchmarkOpenAll(b *testing.B) {
	for b.Loop() {
		<-labtest.Open(b, Def, nil).(*lab).done
	}
}
