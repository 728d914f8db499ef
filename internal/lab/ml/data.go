package ml

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Blobs draws n labelled rows of d features: each row is positive with probability posRate;
// negatives are standard normal in every feature, positives are normal with their mean moved
// by sep/√d in every feature, so the two classes' means are sep standard deviations apart.
func Blobs(rng *rand.Rand, n, d int, posRate, sep float64) ([][]float64, []bool) {
	norm := distuv.Normal{Mu: 0, Sigma: 1, Src: rng}
	coin := distuv.Bernoulli{P: posRate, Src: rng}
	shift := sep / math.Sqrt(float64(d))
	x := make([][]float64, n)
	y := make([]bool, n)
	for i := range x {
		y[i] = coin.Rand() == 1
		row := make([]float64, d)
		for j := range row {
			row[j] = norm.Rand()
			if y[i] {
				row[j] += shift
			}
		}
		x[i] = row
	}
	return x, y
}
