package main

import (
	"fmt"
	"strconv"

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
			return a.writeProgressTable(info, p, now, a.tableWidth())
		},
	}
	cmd.Flags().BoolVar(&showPath, "path", false, "print where the progress file is, and nothing else")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the progress report as JSON (schema in docs/progress.md)")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print the progress report as CSV, one row per lesson")
	return cmd
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
