package retrieval

import (
	"testing"

	"github.com/aieng/aieng/internal/lab/labtest"
	"github.com/aieng/aieng/internal/lab/view"
)

// BenchmarkNewSetting measures a chunk size not indexed before: chunking, indexing with BM25,
// ranking every question, and the redraw.
func BenchmarkNewSetting(b *testing.B) {
	l := labtest.Open(b, Def, nil).(*lab)
	st := view.NewStyles(nil, true)
	i := 0
	for b.Loop() {
		l.rankings = map[int]*ranking{}
		l.Set("chunk_words", float64(20+10*(i%28)))
		l.Values()
		l.View(80, 21, st)
		i++
	}
}
