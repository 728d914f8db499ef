// Package ml holds the small models and measures the labs train and evaluate when they open:
// logistic regression (fitted with gonum's optimize), a decision tree, classification metrics
// (from gonum's stat.ROC), the population stability index and seeded random sources.
package ml

import "math/rand/v2"

// NewRand returns a random source fixed by seed: PCG, whose output math/rand/v2 specifies,
// so a lab shows the same numbers for the same seed on every machine and Go release.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x5eed1ab5))
}
