// Package srs schedules reviews of quiz questions a learner has answered, with FSRS (the
// Free Spaced Repetition Scheduler, through go-fsrs), so that what was missed comes back just
// before it would be forgotten.
//
// The model:
//
//   - A card is one question in one version: it is keyed by the question's id and content hash
//     (Key). When an instructor edits a question its hash changes, and the learner's card for it
//     starts afresh: nothing of the old version's history carries over.
//   - Every answer is an Event. Its rating follows from what happened: wrong is Again; right
//     after a hint, or by the learner's "I was right" override, is Hard; right is Good. Answers
//     from quizzes, "retry missed" rounds and review sessions all rate.
//   - A card is rated at most once per local day: the first answer of the day counts and later
//     ones that day change nothing. The first answer is the honest measure of recall; later
//     ones come right after the learner has seen the explanation (a retry round also carries
//     over answers already given).
//   - Every counted answer yields a LogEntry, shaped like Anki's revlog and go-fsrs'
//     ReviewLog, with an id derived from the card and the time so that two processes' logs
//     merge by id without duplicates. Once a log exists it is the source of truth: Rebuild
//     turns it back into cards. Before that, Replay turns a learner's attempt history into
//     cards and the log to store, so existing learners start with a schedule.
//   - Intervals are whole days. FSRS runs in its long-term mode (no minute-scale learning
//     steps): a quiz question is not a flashcard drilled in one sitting, so even a miss is
//     asked again the next day, not in ten minutes. Days are the learner's local days
//     (Config.Zone), and a card is due on the local day of its due time, from midnight on.
//   - Nothing here reads the clock: every function that needs "now" takes it, so tests and
//     the AIENG_NOW testing aid can step days ahead.
package srs
