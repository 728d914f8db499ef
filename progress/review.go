package progress

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/aieng/aieng/internal/srs"
)

// This file holds the rules of the review of answered questions (issue 12): the course's
// review log in the progress file, and what is due, which internal/srs computes with FSRS.
// Every answer a learner gives (a quiz, a practice round, a review session) is rated and logged
// when it is saved (RecordReviews); the cards are rebuilt from the log. A learner whose file
// predates the log has their attempt history replayed into it on first use.

// ReviewEntry is one entry of a course's review log: a counted answer, shaped like Anki's
// revlog and go-fsrs' ReviewLog (srs.LogEntry, whose JSON names it keeps), and the lesson whose
// quiz or review asked the question, so that resetting the lesson drops its entries.
type ReviewEntry struct {
	srs.LogEntry
	Lesson string `json:"lesson"`
}

// ReviewAnswer is an answer to log: the lesson it was given in and where (a quiz, a practice
// round, a review session). Its time is Answer.At.
type ReviewAnswer struct {
	Lesson string
	Answer Answer
	Source srs.Source
	// RatedAt, when set, makes this a second rating of an answer already logged (the learner's
	// "I was right" after the feedback): its entry is replaced, keeping its id.
	RatedAt time.Time
}

// Schedule applies the review rules to one course. It holds no learner's data and is safe for
// concurrent use.
type Schedule struct {
	sched, practice *srs.Scheduler
	zone            *time.Location
	// questions are the course's questions now, every lesson's: id → content hash.
	questions map[string]string
}

// NewSchedule returns the review rules of a course (its daily limit and desired retention) in
// the learner's time zone, which decides where a day begins. It fails only on settings out of
// range, which validation reports first.
func NewSchedule(info CourseInfo, zone *time.Location) (*Schedule, error) {
	if zone == nil {
		zone = time.Local
	}
	cfg := srs.Config{Retention: info.ReviewRetention, DailyLimit: info.ReviewLimit, Zone: zone}
	sched, err := srs.New(cfg)
	if err != nil {
		return nil, err
	}
	cfg.Practice = true
	practice, err := srs.New(cfg)
	if err != nil {
		return nil, err
	}
	questions := map[string]string{}
	for _, l := range info.Lessons {
		for id, hash := range l.QuestionHashes {
			questions[id] = hash
		}
	}
	return &Schedule{sched: sched, practice: practice, zone: zone, questions: questions}, nil
}

// DailyLimit is the most review answers a day.
func (s *Schedule) DailyLimit() int { return s.sched.DailyLimit() }

// event is what internal/srs rates. An answer from a file that kept no hash is taken to be to
// the question as it is now; one without a time to have been given at fallback (its attempt's).
func (s *Schedule) event(a ReviewAnswer, fallback time.Time) srs.Event {
	hash := a.Answer.Hash
	if hash == "" {
		hash = s.questions[a.Answer.QuestionID]
	}
	when := a.Answer.At
	if when.IsZero() {
		when = fallback
	}
	return srs.Event{QuestionID: a.Answer.QuestionID, Hash: hash, Time: when, Correct: a.Answer.Correct,
		Hinted: a.Answer.Hinted, Overridden: a.Answer.Overridden, Source: a.Source, RatedAt: a.RatedAt}
}

// Log is the course's review log: the one saved or, while none is, the learner's attempt
// history replayed (what the first save stores).
func (s *Schedule) Log(p CourseProgress) []ReviewEntry {
	if len(p.Reviews) > 0 {
		return p.Reviews
	}
	return s.replay(p)
}

// replay turns the attempt history of a learner without a review log into one.
func (s *Schedule) replay(p CourseProgress) []ReviewEntry {
	var events []srs.Event
	lessonOf := map[string]string{}
	for _, id := range sortedKeys(p.Lessons) {
		for _, at := range p.Lessons[id].Attempts {
			source := srs.SourceQuiz
			if !at.Counts() {
				source = srs.SourceRetry
			}
			for _, ans := range at.Answers {
				events = append(events, s.event(ReviewAnswer{Lesson: id, Answer: ans, Source: source}, at.Time))
				lessonOf[ans.QuestionID] = id
			}
		}
	}
	if len(events) == 0 {
		return nil
	}
	_, log := s.sched.Replay(events)
	out := make([]ReviewEntry, len(log))
	for i, e := range log {
		out[i] = ReviewEntry{LogEntry: e, Lesson: lessonOf[e.QuestionID]}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Deck turns a review log into the learner's cards.
func (s *Schedule) Deck(log []ReviewEntry) srs.Deck {
	entries := make([]srs.LogEntry, len(log))
	for i := range log {
		entries[i] = log[i].LogEntry
	}
	return s.sched.Rebuild(entries)
}

// record rates answers against the cards d of log, and returns log with their entries and the
// entries they added, in order. An answer to a card already rated that day adds nothing; a
// second rating of an answer (RatedAt) takes the place of its first. d is updated.
func (s *Schedule) record(d srs.Deck, log []ReviewEntry, answers []ReviewAnswer) (out, added []ReviewEntry) {
	for _, a := range answers {
		ev := s.event(a, time.Time{})
		if !ev.RatedAt.IsZero() {
			log = s.unrate(d, log, ev)
		}
		// An entry FSRS could only make from a hand-edited card (an infinite stability) would
		// make every save fail: it is not logged.
		if e, ok := s.sched.Record(d, ev); ok && e.Validate() == nil {
			entry := ReviewEntry{LogEntry: e, Lesson: a.Lesson}
			added = append(added, entry)
			log = insertReviews(log, []ReviewEntry{entry})
		}
	}
	return log, added
}

// unrate takes the entry of ev's answer out of log, and its card in d back to what the rest
// of the log makes it, so that the answer can be rated again. A log without the entry (its
// first rating did not count) is returned as it is.
func (s *Schedule) unrate(d srs.Deck, log []ReviewEntry, ev srs.Event) []ReviewEntry {
	id := ev.EntryID()
	i := slices.IndexFunc(log, func(e ReviewEntry) bool { return e.ID == id })
	if i < 0 {
		return log
	}
	log = append(log[:i:i], log[i+1:]...) // a new array: callers may hold the old one
	k := ev.Key()
	var rest []srs.LogEntry
	for _, e := range log {
		if e.Key() == k {
			rest = append(rest, e.LogEntry)
		}
	}
	if c, ok := s.sched.Rebuild(rest)[k]; ok {
		d[k] = c
	} else {
		delete(d, k)
	}
	return log
}

// ReviewStatus is where a learner stands with the review at a moment.
type ReviewStatus struct {
	// Due is how many questions a review session asks now: those due by the end of the day,
	// within what the daily limit leaves. Waiting counts them without the limit.
	Due, Waiting int
	// Cards counts the course's questions the learner has answered (in their current version).
	Cards int
	// DoneToday counts today's review-session answers, against the daily limit.
	DoneToday int
	// Next is when the first question not due today comes due; zero when none.
	Next time.Time
	// NextCount is how many come due on Next's day.
	NextCount int
}

// Cards are the learner's cards of the course's questions as they are now (srs.Deck.Current):
// a question edited since it was answered has a new card, due at now.
func (s *Schedule) Cards(d srs.Deck, now time.Time) []srs.Card { return d.Current(s.questions, now) }

// Status is where the learner with deck and log stands at now.
func (s *Schedule) Status(d srs.Deck, log []ReviewEntry, now time.Time) ReviewStatus {
	return s.StatusOf(s.Cards(d, now), log, now)
}

// StatusOf is Status for the learner's current cards (Cards), which a caller may keep between
// calls: they change only with an answer or a new version of the course.
func (s *Schedule) StatusOf(cards []srs.Card, log []ReviewEntry, now time.Time) ReviewStatus {
	done := s.reviewsToday(log, now)
	st := ReviewStatus{Due: s.sched.DueCount(cards, now, done), Waiting: s.sched.DueTotal(cards, now), Cards: len(cards), DoneToday: done}
	if next, ok := s.sched.NextDue(cards, now); ok {
		st.Next = next
		y, m, d := next.In(s.zone).Date()
		end := time.Date(y, m, d+1, 0, 0, 0, 0, s.zone) // next is the earliest: the day's cards are before its end
		for i := range cards {
			if !cards[i].Due.Before(next) && cards[i].Due.Before(end) {
				st.NextCount++
			}
		}
	}
	return st
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// Due lists the questions a review session asks now, most overdue first, within the daily
// limit; in practice every question the learner has answered, in the same order, without one.
func (s *Schedule) Due(d srs.Deck, log []ReviewEntry, now time.Time, practice bool) []srs.Card {
	return s.DueOf(s.Cards(d, now), log, now, practice)
}

// DueOf is Due for the learner's current cards (Cards).
func (s *Schedule) DueOf(cards []srs.Card, log []ReviewEntry, now time.Time, practice bool) []srs.Card {
	if practice {
		return s.practice.Due(cards, now, 0)
	}
	return s.sched.Due(cards, now, s.reviewsToday(log, now))
}

// reviewsToday counts the review-session answers logged on now's local day (srs's
// ReviewsToday), scanning the log, which is in time order, from its end: the outline asks on
// every refresh, and a long log holds few of today's entries.
func (s *Schedule) reviewsToday(log []ReviewEntry, now time.Time) int {
	y, m, d := now.In(s.zone).Date()
	start, end := time.Date(y, m, d, 0, 0, 0, 0, s.zone), time.Date(y, m, d+1, 0, 0, 0, 0, s.zone)
	n := 0
	for i := len(log) - 1; i >= 0 && !log[i].Time.Before(start); i-- {
		if log[i].Source == srs.SourceReview && log[i].Time.Before(end) {
			n++
		}
	}
	return n
}

// mergeReviews is the union of two review logs, one entry per id (of an answer rated twice,
// its later rating), in time order (ties by id, then by content, so that the result does not
// depend on the order of the sides). A save
// merges two logs that are mostly the same and already in order: they are merged in one pass.
func mergeReviews(a, b []ReviewEntry) []ReviewEntry {
	if len(a)+len(b) == 0 {
		return nil
	}
	a, b = inOrder(a), inOrder(b)
	out := make([]ReviewEntry, 0, max(len(a), len(b)))
	push := func(e ReviewEntry) {
		if len(out) == 0 || out[len(out)-1].ID != e.ID {
			out = append(out, e)
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && compareReviews(a[i], b[j]) <= 0 {
			push(a[i])
			i++
		} else {
			push(b[j])
			j++
		}
	}
	return out
}

// inOrder returns log in the order compareReviews sets: log itself when it already is.
func inOrder(log []ReviewEntry) []ReviewEntry {
	if slices.IsSortedFunc(log, compareReviews) {
		return log
	}
	log = slices.Clone(log)
	slices.SortFunc(log, compareReviews)
	return log
}

// compareReviews orders entries by time and id, then, for the same id, the one rated last
// first (mergeReviews keeps it), then (for other content, which only a hand edit makes) by
// everything else.
func compareReviews(x, y ReviewEntry) int {
	return cmp.Or(x.Time.Compare(y.Time), cmp.Compare(x.ID, y.ID), y.RatedAt.Compare(x.RatedAt), cmp.Compare(x.Lesson, y.Lesson),
		cmp.Compare(x.QuestionID, y.QuestionID), cmp.Compare(x.Hash, y.Hash), cmp.Compare(x.Source, y.Source),
		cmp.Compare(x.Rating, y.Rating), cmp.Compare(x.State, y.State), cmp.Compare(x.ElapsedDays, y.ElapsedDays),
		cmp.Compare(x.ScheduledDays, y.ScheduledDays), cmp.Compare(x.Stability, y.Stability),
		cmp.Compare(x.Difficulty, y.Difficulty), x.Due.Compare(y.Due))
}

// reviewsAfter keeps the entries a reset leaves: those after the course's reset and after
// their lesson's own.
func reviewsAfter(log []ReviewEntry, courseReset time.Time, lessons map[string]*lessonState) []ReviewEntry {
	out := log[:0:0]
	for _, e := range log {
		if !after(e.Time, courseReset) {
			continue
		}
		if l := lessons[e.Lesson]; l != nil && !after(e.Time, l.ResetAt) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// sanitizeReviews keeps the entries internal/srs could have written, times in UTC, in order.
func sanitizeReviews(log []ReviewEntry) []ReviewEntry {
	out := log[:0]
	for _, e := range log {
		e.Time, e.Due, e.RatedAt = cleanTime(e.Time), cleanTime(e.Due), cleanTime(e.RatedAt)
		if e.Validate() == nil && !e.Due.IsZero() {
			out = append(out, e)
		}
	}
	return mergeReviews(out, nil)
}

// ReviewsOf counts the log's entries for the questions of a lesson (by their ids, whatever
// lesson asked them then).
func ReviewsOf(log []ReviewEntry, l LessonInfo) int {
	n := 0
	for _, e := range log {
		if _, ok := l.QuestionHashes[e.QuestionID]; ok {
			n++
		}
	}
	return n
}

// DueIn counts the lesson's questions due by the end of now's day, without the daily limit.
func (s *Schedule) DueIn(d srs.Deck, l LessonInfo, now time.Time) int {
	return s.sched.DueTotal(d.Current(l.QuestionHashes, now), now)
}

// insertReviews adds entries to a log in time order (they are usually the latest).
func insertReviews(log, added []ReviewEntry) []ReviewEntry {
	for _, e := range added {
		i := sort.Search(len(log), func(i int) bool { return compareReviews(log[i], e) > 0 })
		log = slices.Insert(log, i, e)
	}
	return log
}
