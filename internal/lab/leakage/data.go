package leakage

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/aieng/aieng/internal/lab/ml"
)

// row is one generated transaction.
type row struct {
	t        float64 // time: history in [0, 1), the later period after it
	x1, x2   float64 // numeric features
	merchant int     // a category with its own risk
	refund   bool    // filed after the outcome: known only once the label is
	y        bool
}

// world is the documented process the rows come from: the label's log-odds are
// −1.5 + β₁(t)·x₁ + β₂(t)·x₂ + 1.2·risk(merchant), with x₁, x₂ and each merchant's risk
// standard normal, β₁(t) = 1.5 − drift·t and β₂(t) = −0.3 + drift·t, so the rule slowly
// changes over time; a refund is filed for 80% of positives and 3% of negatives.
type world struct {
	rng   *rand.Rand
	norm  distuv.Normal
	risk  []float64
	drift float64
}

func newWorld(seed uint64, merchants int, drift float64) *world {
	rng := ml.NewRand(seed)
	w := &world{rng: rng, norm: distuv.Normal{Mu: 0, Sigma: 1, Src: rng}, drift: drift}
	w.risk = make([]float64, merchants)
	for i := range w.risk {
		w.risk[i] = w.norm.Rand()
	}
	return w
}

// rows draws n rows evenly spread in time over [from, to).
func (w *world) rows(n int, from, to float64) []row {
	out := make([]row, n)
	for i := range out {
		r := row{t: from + (to-from)*float64(i)/float64(n), x1: w.norm.Rand(), x2: w.norm.Rand(), merchant: w.rng.IntN(len(w.risk))}
		z := -1.5 + (1.5-w.drift*r.t)*r.x1 + (-0.3+w.drift*r.t)*r.x2 + 1.2*w.risk[r.merchant]
		r.y = w.rng.Float64() < 1/(1+math.Exp(-z))
		if r.y {
			r.refund = w.rng.Float64() < 0.8
		} else {
			r.refund = w.rng.Float64() < 0.03
		}
		out[i] = r
	}
	return out
}
