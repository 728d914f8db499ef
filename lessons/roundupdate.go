package lessons

// Update carries a round over to a new version of its quiz, for a quiz that stays open while
// an instructor edits its lesson (--watch). It succeeds when the new quiz has the same
// questions in the same order with the same content hashes: the edit touched only what the
// hash leaves out (explanations, hints, feedback), so every answer keeps its meaning and its
// result. The new round has the same answers and asks the same questions, each now the new
// version. Any other edit returns false: the answers may no longer fit the questions.
func (r *Round) Update(quiz []*Question) (*Round, bool) {
	if len(quiz) != len(r.quiz) {
		return nil, false
	}
	to := make(map[*Question]*Question, len(quiz))
	for i, q := range r.quiz {
		if q.ID != quiz[i].ID || q.Hash != quiz[i].Hash {
			return nil, false
		}
		to[q] = quiz[i]
	}
	moved := func(as []Answer) []Answer {
		out := make([]Answer, 0, len(as))
		for _, a := range as {
			a.Question = to[a.Question]
			out = append(out, a)
		}
		return out
	}
	next := &Round{quiz: quiz, carried: moved(r.carried), answers: moved(r.answers)}
	for _, q := range r.asked {
		next.asked = append(next.asked, to[q])
	}
	return next, true
}
