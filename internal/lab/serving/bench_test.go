package serving

import (
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
	"github.com/aieng/aieng/internal/lab/view"
)

// BenchmarkNewSetting measures a knob move to a setting not simulated before: a whole
// simulation of the default 12,000 requests and the redraw.
func BenchmarkNewSetting(b *testing.B) {
	l := labtest.Open(b, Def, nil).(*lab)
	st := view.NewStyles(nil, true)
	i := 0
	for b.Loop() {
		l.results = map[config]outcome{}
		l.Set("replicas", float64(2+i%6))
		l.Values()
		l.View(80, 21, st)
		i++
	}
}
