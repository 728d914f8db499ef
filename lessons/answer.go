package lessons

import "math/rand/v2"

// CheckChoices reports whether the selected choices (indexes into q.Choices, in written order)
// are exactly the correct ones.
func (q *Question) CheckChoices(selected []int) bool {
	if q.Typed() {
		return false
	}
	picked := make(map[int]bool, len(selected))
	for _, i := range selected {
		if i < 0 || i >= len(q.Choices) {
			return false
		}
		picked[i] = true
	}
	for i, c := range q.Choices {
		if c.Correct != picked[i] {
			return false
		}
	}
	return true
}

// CorrectChoices returns the indexes of the correct choices, in written order.
func (q *Question) CorrectChoices() []int {
	var out []int
	for i, c := range q.Choices {
		if c.Correct {
			out = append(out, i)
		}
	}
	return out
}

// ChoiceOrder returns the order in which to show the choices: a permutation of their indexes,
// shuffled with rng unless the question keeps its written order.
func (q *Question) ChoiceOrder(rng *rand.Rand) []int {
	order := make([]int, len(q.Choices))
	for i := range order {
		order[i] = i
	}
	if q.Shuffle && q.Kind != TrueFalse && rng != nil {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return order
}
