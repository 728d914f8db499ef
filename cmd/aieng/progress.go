package main

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

func init() {
	extraCommands = append(extraCommands, (*app).progressCmd, (*app).resetCmd)
}

// stdinIsTerminal decides whether reset may ask for confirmation; tests replace it.
var stdinIsTerminal = isTerminal

// progressPath returns the progress file: --progress, else $AIENG_PROGRESS, else the XDG
// state directory.
func (a *app) progressPath() (string, error) {
	if a.progressFile == "" {
		return progress.DefaultPath()
	}
	abs, err := filepath.Abs(a.progressFile)
	if err != nil {
		return "", fmt.Errorf("--progress %s: %w", a.progressFile, err)
	}
	return abs, nil
}

// openProgress opens the learner's progress file and prints each of its warnings on stderr, one
// line each. Problems with the file are warnings, not errors: the learner can go on.
func (a *app) openProgress() (*progress.Store, error) {
	path, err := a.progressPath()
	if err != nil {
		return nil, err
	}
	store, err := progress.Open(path)
	if err != nil {
		return nil, err
	}
	for _, w := range store.Warnings() {
		fmt.Fprintln(a.stderr, "aieng: warning: "+w)
	}
	return store, nil
}

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
			course, store, err := a.courseAndProgress()
			if err != nil {
				return err
			}
			info, p := courseinfo.Of(course), store.Course(course.ID)
			switch {
			case asJSON:
				return progress.NewReport(info, p, time.Now()).WriteJSON(a.stdout)
			case asCSV:
				return progress.NewReport(info, p, time.Now()).WriteCSV(a.stdout)
			}
			return a.writeProgressTable(info, p)
		},
	}
	cmd.Flags().BoolVar(&showPath, "path", false, "print where the progress file is, and nothing else")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the progress report as JSON (schema in docs/progress.md)")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print the progress report as CSV, one row per lesson")
	return cmd
}

// writeProgressTable prints the learner's standing in each lesson, in the words and with the
// percentages the interface uses.
func (a *app) writeProgressTable(info progress.CourseInfo, p progress.CourseProgress) error {
	var b strings.Builder
	b.WriteString(info.Title)
	if info.Version != "" {
		fmt.Fprintf(&b, " (version %s)", info.Version)
	}
	b.WriteString("\n\n")
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "   #\tLESSON\tSTATUS\tBEST\tATTEMPTS\tLAST ATTEMPT")
	for i, l := range info.Lessons {
		lp := p.Lessons[l.ID]
		best, last := "-", "-"
		if at, ok := lp.LastAttempt(); ok {
			best = formatPercent(lp.Best)
			last = at.Time.Local().Format("2006-01-02 15:04") + " (" + formatPercent(at.Percent) + ")"
		}
		fmt.Fprintf(tw, "  %2d\t%s\t%s\t%s\t%d\t%s\n", i+1, l.ID, info.Standing(p, i), best, len(lp.Attempts), last)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	sum := info.Summary(p)
	fmt.Fprintf(&b, "\n%d of %d lessons complete (%s): %d passed, %d read.\n",
		sum.Complete, sum.Lessons, formatPercent(sum.PercentComplete()), sum.Passed, sum.Read)
	for _, l := range info.Lessons {
		if l.ID == p.LastLesson {
			fmt.Fprintf(&b, "Last opened: %s. Run aieng to continue.\n", l.ID)
		}
	}
	_, err := fmt.Fprint(a.stdout, b.String())
	return err
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

func (a *app) resetCmd() *cobra.Command {
	var lessonID string
	var yes bool
	cmd := &cobra.Command{
		Use:   "reset [--lesson ID] [--yes]",
		Short: "Erase your progress in the course, or in one lesson (a backup is kept)",
		Long: "Erase your progress in the course, or in one lesson with --lesson. It asks for\n" +
			"confirmation, and without a terminal to ask on it needs --yes. A backup of the\n" +
			"progress file is written first and its path printed: to undo, quit aieng and copy\n" +
			"the backup over the progress file.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			course, store, err := a.courseAndProgress()
			if err != nil {
				return err
			}
			current := store.Course(course.ID)
			where, hasProgress := course.Title, current.HasProgress(lessonID)
			what := "all your progress in " + where
			if lessonID != "" {
				// A lesson the course no longer has can be reset too, while progress remains.
				if course.Lesson(lessonID) == nil && !hasProgress {
					return usageError("course %s has no lesson %q; 'aieng list' shows the lesson ids", course.ID, lessonID)
				}
				where = "lesson " + lessonID
				what = "your progress in " + where
			}
			if !hasProgress {
				_, err := fmt.Fprintf(a.stdout, "Nothing to reset: you have no progress in %s.\n", where)
				return err
			}
			if store.ReadOnly() {
				return &exitError{code: 1, msg: "cannot reset: " + strings.Join(store.Warnings(), "; ")}
			}
			if !yes {
				if err := a.confirm(fmt.Sprintf("Erase %s? A backup is kept.", what)); err != nil {
					return err
				}
			}
			backup, err := store.Reset(course.ID, lessonID)
			if err != nil {
				return err
			}
			if backup == "" { // another aieng reset it between our read and now
				_, err := fmt.Fprintln(a.stdout, "Nothing to reset.")
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "Erased %s.\nBackup of your progress before the reset: %s\n"+
				"To undo: quit aieng, then copy the backup over %s\n", what, backup, store.Path())
			return err
		},
	}
	cmd.Flags().StringVar(&lessonID, "lesson", "", "erase only the lesson with this `ID` (see 'aieng list')")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask for confirmation (needed when there is no terminal)")
	return cmd
}

// errCancelled is returned when the learner answers no: nothing was changed.
var errCancelled = &exitError{code: 1, msg: "reset cancelled; nothing was changed"}

// confirm asks a yes/no question on the terminal; anything but yes cancels. Without a terminal
// there is nobody to ask, and erasing work on a guess is not acceptable: it refuses.
func (a *app) confirm(question string) error {
	if !stdinIsTerminal(a.stdin) {
		return usageError("refusing to reset without confirmation: standard input is not a terminal; add --yes to reset anyway")
	}
	fmt.Fprintf(a.stderr, "%s [y/N] ", question)
	answer, err := bufio.NewReader(a.stdin).ReadString('\n')
	if err != nil && answer == "" {
		fmt.Fprintln(a.stderr)
		return errCancelled
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return nil
	}
	return errCancelled
}

// courseAndProgress loads the course and opens the learner's progress, as every command that
// shows or changes progress starts.
func (a *app) courseAndProgress() (*lessons.Course, *progress.Store, error) {
	course, err := a.loadCourse()
	if err != nil {
		return nil, nil, err
	}
	store, err := a.openProgress()
	if err != nil {
		return nil, nil, err
	}
	return course, store, nil
}
