package lessons

// Update carries a round over to a new version of its lesson, for a quiz that stays open while
// an instructor edits the lesson (--watch). It succeeds when the edit touched only what the
// content hash leaves out (explanations, hints, feedback) in the attempt's questions, and the
// attempt is still one the lesson asks: every question of the quiz, in the written order, or,
// for a lesson that draws from a pool, as many as it draws, all still in the pool. Every
// answer then keeps its meaning: the new round asks the same questions, each now the new
// version, with the same answers checked again (Answer.Recheck). Any other edit returns false:
// the answers may no longer fit the questions.
func (r *Round) Update(l *Lesson) (*Round, bool) {
	to, ok := r.newVersions(l)
	if !ok {
		return nil, false
	}
	next := &Round{practice: r.practice, hinted: r.hinted}
	for _, q := range r.quiz {
		next.quiz = append(next.quiz, to[q])
	}
	for _, q := range r.asked {
		next.asked = append(next.asked, to[q])
	}
	for _, a := range r.answers {
		next.answers = append(next.answers, a.Recheck(to[a.Question]))
	}
	return next, true
}

// newVersions maps each question of the round's attempt to its version in l, when the attempt
// is still one l asks (see Update).
func (r *Round) newVersions(l *Lesson) (map[*Question]*Question, bool) {
	want := len(l.Quiz)
	if l.Draw > 0 && l.Draw < len(l.Quiz) {
		want = l.Draw
	}
	if len(r.quiz) != want {
		return nil, false
	}
	index := make(map[string]int, len(l.Quiz))
	for i, q := range l.Quiz {
		index[q.ID] = i
	}
	to := make(map[*Question]*Question, len(r.quiz))
	last := -1
	for _, q := range r.quiz {
		i, ok := index[q.ID]
		if !ok || i <= last || l.Quiz[i].Hash != q.Hash {
			return nil, false // gone, moved or changed
		}
		to[q], last = l.Quiz[i], i
	}
	return to, true
}

// Recheck checks the answer again as an answer to q, the question it answered or a version of
// it with the same content: the same choices or the same typed text, judged anew (so the credit
// follows the course's partial-credit setting and the accepted answer a typo is taken for, the
// current rules). Whether the hint was used is kept, and so is the learner's override ("I was
// right") where the answer may still be overridden.
func (a Answer) Recheck(q *Question) Answer {
	var b Answer
	if q.Typed() {
		b = q.AnswerText(a.Text)
	} else {
		b = q.AnswerChoices(a.Choices)
	}
	b.Hinted = a.Hinted
	if a.Overridden && b.CanOverride() {
		b.Correct, b.Credit, b.Overridden = true, 1, true
	}
	return b
}
