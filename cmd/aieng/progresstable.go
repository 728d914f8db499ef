package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/progress"
)

// `aieng progress` without --json or --csv: a table that fits the width it is printed at (80
// columns unless stdout is a terminal: then the terminal's, at most 100), in the words and
// with the percentages the interface uses. Titles too long for it are cut with an ellipsis;
// the lesson ids, dates and everything else are in --json and --csv (and ids in aieng list).

// progressTitleMin is the narrowest the lesson column gets, however narrow the width.
const progressTitleMin = 12

// tableWidth is the width `aieng progress` prints at: the terminal's when stdout is one (at
// most 100, like show), else 80.
func (a *app) tableWidth() int { return a.printWidth(0) }

// writeProgressTable prints the learner's standing in each lesson: its first and best full
// attempts, how many there were, labs passed and time spent; then the course's totals and
// notes on practice rounds and overrides ("I was right"), which a report must not hide.
func (a *app) writeProgressTable(info progress.CourseInfo, p progress.CourseProgress, now time.Time, width int) error {
	var b strings.Builder
	heading := safetext.Line(info.Title)
	if info.Version != "" {
		heading += fmt.Sprintf(" (version %s)", safetext.Line(info.Version))
	}
	writeWrapped(&b, heading, width)
	b.WriteString("\n")
	for _, line := range lessonTable(info, p, width) {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	var prose strings.Builder
	sum := info.Summary(p)
	fmt.Fprintf(&prose, "\n%d of %d lessons complete (%s): %d passed, %d read.\n",
		sum.Complete, sum.Lessons, formatPercent(sum.PercentComplete()), sum.Passed, sum.Read)
	if sum.Labs > 0 {
		fmt.Fprintf(&prose, "%d of %d labs passed.\n", sum.LabsPassed, sum.Labs)
	}
	writeNotes(&prose, info, p)
	if err := a.writeActivity(&prose, info, p, now); err != nil {
		return err
	}
	for _, l := range info.Lessons {
		if l.ID == p.LastLesson {
			fmt.Fprintf(&prose, "Last opened: %s. Run %s to continue.\n", l.Title, a.name)
		}
	}
	fmt.Fprintf(&prose, "Lesson ids (for %[1]s show and %[1]s reset --lesson): %[1]s list.\n", a.name)
	for _, line := range strings.Split(strings.TrimSuffix(safetext.Text(prose.String()), "\n"), "\n") {
		writeWrapped(&b, line, width)
	}
	_, err := fmt.Fprint(a.stdout, b.String())
	return err
}

// lessonTable is the table's lines, padded to its columns. The LABS column is left out of a
// course without labs; the lesson column gets the width the others leave.
func lessonTable(info progress.CourseInfo, p progress.CourseProgress, width int) []string {
	labs := false
	for _, l := range info.Lessons {
		labs = labs || len(l.Labs) > 0
	}
	rows := [][]string{{"#", "LESSON", "STATUS", "FIRST", "BEST", "TRIES", "LABS", "TIME"}}
	for i, l := range info.Lessons {
		lp := p.Lessons[l.ID]
		first, best := "-", "-"
		if f, ok := lp.FirstAttempt(); ok {
			first, best = formatPercent(f.Percent), formatPercent(lp.Best)
		}
		passed := "-"
		if len(l.Labs) > 0 {
			passed = fmt.Sprintf("%d/%d", info.LabsPassed(p, i), len(l.Labs))
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), safetext.Line(l.Title), info.Standing(p, i).String(),
			first, best, fmt.Sprint(len(lp.FullAttempts())), passed, shortDuration(lp.TimeSpent)})
	}
	if !labs {
		for i := range rows {
			rows[i] = append(rows[i][:6], rows[i][7])
		}
	}
	return layOut(rows, width)
}

// layOut pads a table's cells to their columns, two spaces apart, the first column (the
// lesson's number) right-aligned under a margin of two. The second column (the title) takes
// the width the others leave, at least progressTitleMin, and its cells are cut to it.
func layOut(rows [][]string, width int) []string {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	widths[0] = max(widths[0], 2)
	others := 2 + 2*(len(widths)-1)
	for i, w := range widths {
		if i != 1 {
			others += w
		}
	}
	widths[1] = min(widths[1], max(width-others, progressTitleMin))
	lines := make([]string, len(rows))
	for n, r := range rows {
		var b strings.Builder
		b.WriteString("  " + strings.Repeat(" ", widths[0]-ansi.StringWidth(r[0])) + r[0])
		for i := 1; i < len(r); i++ {
			c := ansi.Truncate(r[i], widths[i], "…")
			b.WriteString("  " + c + strings.Repeat(" ", widths[i]-ansi.StringWidth(c)))
		}
		lines[n] = b.String()
	}
	return lines
}

// nbsp joins the words of a note's item ("2 in lesson 3"), which wrapping keeps on one line;
// writeWrapped turns it back into a space.
const nbsp = "\u00a0"

// writeNotes says which lessons had practice rounds and overrides, which the table's scores
// leave out.
func writeNotes(b *strings.Builder, info progress.CourseInfo, p progress.CourseProgress) {
	var practice, overrides []string
	item := func(n, lesson int) string { return fmt.Sprintf("%d"+nbsp+"in"+nbsp+"lesson"+nbsp+"%d", n, lesson) }
	for i, l := range info.Lessons {
		lp := p.Lessons[l.ID]
		if n := lp.PracticeRounds(); n > 0 {
			practice = append(practice, item(n, i+1))
		}
		if n := lp.Overrides(); n > 0 {
			overrides = append(overrides, item(n, i+1))
		}
	}
	if len(practice) > 0 {
		fmt.Fprintf(b, "Practice rounds (retries of missed questions, not counted): %s.\n", strings.Join(practice, ", "))
	}
	if len(overrides) > 0 {
		fmt.Fprintf(b, "Answers marked wrong that you counted right (\"I was right\"): %s.\n", strings.Join(overrides, ", "))
	}
}

// writeWrapped writes a line of prose wrapped at width by display width, its continuation
// lines indented by two.
func writeWrapped(b *strings.Builder, line string, width int) {
	if ansi.StringWidth(line) <= width {
		b.WriteString(strings.ReplaceAll(line, nbsp, " ") + "\n")
		return
	}
	wrapped := strings.ReplaceAll(ansi.Wrap(line, width-2, ""), nbsp, " ")
	for i, part := range strings.Split(wrapped, "\n") {
		part = strings.TrimRight(part, " ")
		if i > 0 {
			part = "  " + strings.TrimLeft(part, " ")
		}
		b.WriteString(part + "\n")
	}
}
