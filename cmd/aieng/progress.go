package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/progress"
)

func (a *app) progressCmd() *cobra.Command {
	var showPath, asJSON, asCSV bool
	cmd := &cobra.Command{
		Use:   "progress",
		Short: "Show your progress in the course (--json or --csv for a report)",
		Long: "Show your progress in the course: each lesson's status, best score and last attempt,\n" +
			"and the course total. --json and --csv print a stable report for a bootcamp to collect\n" +
			"(see docs/progress.md); --path prints where the progress file is.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if btoi(showPath)+btoi(asJSON)+btoi(asCSV) > 1 {
				return usageError("--path, --json and --csv cannot be combined")
			}
			if showPath {
				// Needs neither the course nor the file: it must answer even when they are broken.
				path, err := a.progressPath()
				if err != nil {
					return err
				}
				_, err = fmt.Fprintln(a.stdout, path)
				return err
			}
			clock, err := a.clock()
			if err != nil {
				return err
			}
			course, store, err := a.courseAndProgress()
			if err != nil {
				return err
			}
			info, p, now := courseinfo.Of(course), store.Course(course.ID), clock()
			switch {
			case asJSON:
				return cleanReport(progress.NewReport(info, p, now)).WriteJSON(a.stdout)
			case asCSV:
				return cleanReport(progress.NewReport(info, p, now)).WriteCSV(a.stdout)
			}
			return a.writeProgressTable(info, p, now)
		},
	}
	cmd.Flags().BoolVar(&showPath, "path", false, "print where the progress file is, and nothing else")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the progress report as JSON (schema in docs/progress.md)")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print the progress report as CSV, one row per lesson")
	return cmd
}

// writeProgressTable prints the learner's standing in each lesson, in the words and with the
// percentages the interface uses: its first and best full attempts, how many there were, and
// notes on practice rounds and overrides ("I was right"), which a report must not hide.
func (a *app) writeProgressTable(info progress.CourseInfo, p progress.CourseProgress, now time.Time) error {
	var b strings.Builder
	b.WriteString(info.Title)
	if info.Version != "" {
		fmt.Fprintf(&b, " (version %s)", info.Version)
	}
	b.WriteString("\n\n")
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "   #\tLESSON\tSTATUS\tFIRST\tBEST\tATTEMPTS\tLAST ATTEMPT\tLABS\tTIME")
	var notes []string
	for i, l := range info.Lessons {
		lp := p.Lessons[l.ID]
		first, best, last := "-", "-", "-"
		if at, ok := lp.LastAttempt(); ok {
			f, _ := lp.FirstAttempt()
			first, best = formatPercent(f.Percent), formatPercent(lp.Best)
			last = at.Time.Local().Format("2006-01-02 15:04") + " (" + formatPercent(at.Percent) + ")"
		}
		labs := "-"
		if len(l.Labs) > 0 {
			labs = fmt.Sprintf("%d/%d", info.LabsPassed(p, i), len(l.Labs))
		}
		fmt.Fprintf(tw, "  %2d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", i+1, clipTitle(l.Title), info.Standing(p, i), first, best,
			len(lp.FullAttempts()), last, labs, shortDuration(lp.TimeSpent))
		if n := lp.PracticeRounds(); n > 0 {
			notes = append(notes, fmt.Sprintf("%d: %d practice %s (retries of the missed questions; they do not count)", i+1, n, pluralOf(n, "round", "rounds")))
		}
		if n := lp.Overrides(); n > 0 {
			notes = append(notes, fmt.Sprintf("%d: %d %s counted right by you after being marked wrong (\"I was right\")", i+1, n, pluralOf(n, "answer", "answers")))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	sum := info.Summary(p)
	fmt.Fprintf(&b, "\n%d of %d lessons complete (%s): %d passed, %d read.\n",
		sum.Complete, sum.Lessons, formatPercent(sum.PercentComplete()), sum.Passed, sum.Read)
	if sum.Labs > 0 {
		fmt.Fprintf(&b, "%d of %d labs passed.\n", sum.LabsPassed, sum.Labs)
	}
	for _, n := range notes {
		fmt.Fprintf(&b, "Lesson %s.\n", n)
	}
	if err := a.writeActivity(&b, info, p, now); err != nil {
		return err
	}
	for _, l := range info.Lessons {
		if l.ID == p.LastLesson {
			fmt.Fprintf(&b, "Last opened: %s. Run %s to continue.\n", l.Title, a.name)
		}
	}
	fmt.Fprintf(&b, "Lesson ids (for %[1]s show and %[1]s reset --lesson): %[1]s list.\n", a.name)
	_, err := fmt.Fprint(a.stdout, safetext.Text(b.String()))
	return err
}

// clipTitle keeps a lesson title short enough for the table to fit 80 columns.
func clipTitle(title string) string {
	const width = 34
	if r := []rune(title); len(r) > width {
		return strings.TrimSpace(string(r[:width-1])) + "…"
	}
	return title
}

func pluralOf(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// cleanReport neutralises the control characters of a report's text, which comes from the
// course: CSV quotes none, JSON writes C1 characters as they are, and both end up in
// terminals and spreadsheets.
func cleanReport(r progress.Report) progress.Report {
	c := &r.Course
	c.ID, c.Title, c.Version = safetext.Line(c.ID), safetext.Line(c.Title), safetext.Line(c.Version)
	for i, l := range r.Lessons {
		r.Lessons[i].ID, r.Lessons[i].Title, r.Lessons[i].Section = safetext.Line(l.ID), safetext.Line(l.Title), safetext.Line(l.Section)
	}
	return r
}

// formatPercent shows a percentage the way every screen does (progress.WholePercent).
func formatPercent(p float64) string {
	return strconv.Itoa(progress.WholePercent(p)) + "%"
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
