package classreport

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/safetext"
)

// This file writes the report as text for an 80-column terminal: per version, a table of
// lessons, then each quiz's questions with the wrong choices and rejected answers under them.

// TextTop is how many wrong choices and rejected answers a question lists in the text report.
const TextTop = 3

// column is a table's column: its width, and whether its cells are right-aligned (numbers).
type column struct {
	width int
	right bool
}

// The lesson table: #, lesson, started, passed, median first attempt, time (78 columns).
var lessonCols = []column{{3, true}, {27, false}, {10, true}, {10, true}, {10, true}, {8, true}}

// The question table, indented by 3 under its lesson: question, missed, older (78 columns).
var questionCols = []column{{48, false}, {18, true}, {5, true}}

// detailWidth is the width of a line of wrong choices or rejected answers.
const detailWidth = 80

// WriteText writes the report for a terminal, at most 80 columns wide.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	writeTitle(&b, r.Course)
	read := fmt.Sprintf("%d %s read", r.HandIns, plural(r.HandIns, "hand-in", "hand-ins"))
	if n := len(r.Skipped); n > 0 {
		read += fmt.Sprintf(", %d skipped (named on standard error)", n)
	}
	writeProse(&b, read+".")
	if len(r.Versions) > 1 {
		writeProse(&b, fmt.Sprintf("The hand-ins come from %d versions of the course: each is reported on its own.", len(r.Versions)))
	}
	for _, v := range r.Versions {
		b.WriteByte('\n')
		writeVersion(&b, v, r.Course.Version)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTitle names the course: on one line when it fits, else the title on a line of its own
// (cut with "…" when even that is too long) and the id and version under it.
func writeTitle(b *strings.Builder, c Course) {
	version := ""
	if c.Version != "" {
		version = ", version " + safetext.Line(c.Version)
	}
	title := "Class report: " + c.Title
	if line := title + " (" + c.ID + ")" + version; ansi.StringWidth(line) <= detailWidth {
		b.WriteString(line + "\n")
		return
	}
	b.WriteString(ansi.Truncate(title, detailWidth, "…") + "\n")
	writeProse(b, "Course id: "+c.ID+version)
}

// writeProse writes a sentence wrapped to the report's width, breaking a word only when it is
// wider than a line, and returns the width of its widest line.
func writeProse(b *strings.Builder, s string) int {
	widest := 0
	for _, line := range strings.Split(ansi.Wrap(s, detailWidth, ""), "\n") {
		line = strings.TrimRight(line, " ")
		widest = max(widest, ansi.StringWidth(line))
		b.WriteString(line + "\n")
	}
	return widest
}

func writeVersion(b *strings.Builder, v Version, current string) {
	heading := "Version " + versionName(v.Version)
	if v.Current {
		heading += ", the course's version"
	} else if current != "" {
		heading += " (the course is at " + safetext.Line(current) + ")"
	}
	heading += fmt.Sprintf(": %d %s", v.Learners, plural(v.Learners, "learner", "learners"))
	b.WriteString(strings.Repeat("=", writeProse(b, heading)) + "\n")
	if t := v.TimeSpent; t != nil {
		writeProse(b, fmt.Sprintf("Time in the course: median %s (%s).", duration(t.Median), reportedBy(t.Learners, v.Learners)))
	}
	if s := v.StreakDays; s != nil {
		writeProse(b, fmt.Sprintf("Day streak: %s.", streak(s)))
	}
	b.WriteByte('\n')
	row(b, lessonCols, "#", "LESSON", "STARTED", "PASSED", "MEDIAN 1ST", "TIME")
	var absent []string
	for _, l := range v.Lessons {
		writeLessonRow(b, l, v.Learners)
		if l.HandedIn == 0 {
			absent = append(absent, strconv.Itoa(l.Number))
		}
	}
	b.WriteString("Started, passed: learners (share of all). Median 1st: the first full attempt's\n" +
		"score. Time: median of the learners who started the lesson and report it.\n")
	if len(absent) > 0 {
		writeProse(b, fmt.Sprintf("Not in these hand-ins (this version had no such lesson): %s.", strings.Join(absent, ", ")))
	}
	for _, l := range v.Lessons {
		if len(l.QuestionStats) > 0 && l.HandedIn > 0 {
			b.WriteByte('\n')
			writeQuestions(b, l)
		}
	}
}

func writeLessonRow(b *strings.Builder, l Lesson, learners int) {
	started, passed, first, spent := share(l.Started, learners), "—", "—", "—"
	if l.Questions > 0 {
		passed = share(l.Passed, learners)
	}
	if m := l.MedianFirstAttemptPercent; m != nil {
		first = percent(*m)
	}
	if t := l.TimeSpent; t != nil {
		spent = duration(t.Median)
	}
	if l.HandedIn == 0 {
		started, passed = "—", "—"
	}
	row(b, lessonCols, strconv.Itoa(l.Number), l.Title, started, passed, first, spent)
}

func writeQuestions(b *strings.Builder, l Lesson) {
	b.WriteString(ansi.Truncate(fmt.Sprintf("Lesson %d: %s", l.Number, l.Title), detailWidth, "…") + "\n")
	cols := questionCols
	b.WriteString("   ")
	row(b, cols, "QUESTION", "MISSED AT 1ST TRY", "OLDER")
	for qi, q := range l.QuestionStats {
		prompt := fmt.Sprintf("%d.%d %s", l.Number, qi+1, q.Prompt)
		if !q.InCourse {
			prompt = fmt.Sprintf("%d.%d %s (no longer in the course)", l.Number, qi+1, q.ID)
		}
		missed, older := "—", "—"
		if q.MissPercent != nil {
			missed = fmt.Sprintf("%d/%d %s", q.Missed, q.FirstTries, percent(*q.MissPercent))
		}
		if q.OlderVersion > 0 {
			older = strconv.Itoa(q.OlderVersion)
		}
		b.WriteString("   ")
		row(b, cols, prompt, missed, older)
		detail(b, "wrong", q.WrongChoices)
		detail(b, "rejected", q.RejectedAnswers)
	}
}

// detail lists the top tallies on one line under a question, cut at 80 columns.
func detail(b *strings.Builder, label string, ts []Tally) {
	if len(ts) == 0 {
		return
	}
	parts := make([]string, 0, TextTop)
	for _, t := range ts[:min(len(ts), TextTop)] {
		p := strconv.Quote(t.Text) + " " + strconv.Itoa(t.Learners)
		if t.Overridden > 0 {
			p += fmt.Sprintf(" (%d overrode)", t.Overridden)
		}
		parts = append(parts, p)
	}
	line := "     " + label + ": " + strings.Join(parts, " · ")
	b.WriteString(ansi.Truncate(line, detailWidth, "…") + "\n")
}

// row writes cells padded to their columns' widths, two spaces apart; text too long is cut
// with "…".
func row(b *strings.Builder, cols []column, cells ...string) {
	var line strings.Builder
	for i, c := range cells {
		c = ansi.Truncate(c, cols[i].width, "…")
		pad := strings.Repeat(" ", cols[i].width-ansi.StringWidth(c))
		if cols[i].right {
			line.WriteString(pad + c)
		} else {
			line.WriteString(c + pad)
		}
		if i < len(cells)-1 {
			line.WriteString("  ")
		}
	}
	b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
}

// share is "n (p%)": a count of learners and its share of all, rounded to a whole percent.
func share(n, of int) string {
	if of == 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%d%%)", n, (100*n+of/2)/of)
}

// percent shows a score with at most one decimal: 75%, 66.7%.
func percent(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) + "%" }

// duration shows seconds the way people read them: 45s, 12m, 1h 05m.
func duration(seconds float64) string {
	s := int64(seconds + 0.5)
	m := (s + 30) / 60
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case m < 60:
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dh %02dm", m/60, m%60)
}

func versionName(v string) string {
	if v == "" {
		return "(none)"
	}
	return safetext.Line(v)
}

// streak sums up the learners' day streaks: "median 1 day, longest 3".
func streak(s *Spread) string {
	days := "days"
	if s.Median == 1 {
		days = "day"
	}
	return fmt.Sprintf("median %s %s, longest %d", strconv.FormatFloat(s.Median, 'f', -1, 64), days, s.Max)
}

// reportedBy says how many of the learners report a number: "1 of 1 learner reports it",
// "2 of 3 learners report it".
func reportedBy(n, of int) string {
	return fmt.Sprintf("%d of %d %s %s it", n, of, plural(of, "learner", "learners"), plural(n, "reports", "report"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
