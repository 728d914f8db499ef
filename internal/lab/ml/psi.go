package ml

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// psiFloor stands in for an empty bin's share, so that PSI stays finite (the usual practice).
const psiFloor = 1e-4

// PSIBins returns the inner edges of bins that split the reference sample into equal parts
// (gonum's stat.Quantile, empirical).
func PSIBins(reference []float64, bins int) []float64 {
	sorted := append([]float64(nil), reference...)
	sort.Float64s(sorted)
	edges := make([]float64, 0, bins-1)
	for k := 1; k < bins; k++ {
		edges = append(edges, stat.Quantile(float64(k)/float64(bins), stat.Empirical, sorted, nil))
	}
	return edges
}

// PSI is the population stability index of sample against reference over the bins with the
// given inner edges: Σ (a−e)·ln(a/e) over the bins' shares a (sample) and e (reference).
// A value is in bin k when edges[k-1] < v <= edges[k].
func PSI(reference, sample []float64, edges []float64) float64 {
	e := shares(reference, edges)
	a := shares(sample, edges)
	psi := 0.0
	for k := range e {
		psi += (a[k] - e[k]) * math.Log(a[k]/e[k])
	}
	return psi
}

func shares(x []float64, edges []float64) []float64 {
	counts := make([]float64, len(edges)+1)
	for _, v := range x {
		counts[sort.SearchFloat64s(edges, v)]++
	}
	for k := range counts {
		counts[k] = math.Max(counts[k]/float64(len(x)), psiFloor)
	}
	return counts
}
