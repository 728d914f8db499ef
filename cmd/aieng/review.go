package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/courseinfo"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/progress"
	"github.com/aieng/aieng/tui"
)

func (a *app) reviewCmd() *cobra.Command {
	var due, practice bool
	cmd := &cobra.Command{
		Use:   "review [--due | --practice]",
		Short: "Review the questions you are about to forget (--due counts them)",
		Long: "Open a review session: the questions you answered in quizzes come back when you are\n" +
			"about to forget them, most overdue first, at most the course's daily limit a day.\n" +
			"--due prints how many are due and exits 0 when none is, 1 when some are (for a shell\n" +
			"prompt). --practice asks every question you have answered and changes no schedule.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if due && practice {
				return usageError("--due and --practice cannot be combined")
			}
			st, err := a.reviewStatus()
			if err != nil {
				return err
			}
			switch {
			case due:
				fmt.Fprintln(a.stdout, st.Due)
				if st.Due > 0 {
					return &exitError{code: 1} // some are due: the number says how many
				}
				return nil
			case practice && st.Cards == 0, !practice && st.Due == 0:
				_, err := fmt.Fprintln(a.stdout, safetext.Text(a.nothingDue(st, practice)))
				return err
			}
			mode := tui.ReviewDue
			if practice {
				mode = tui.ReviewPractice
			}
			return a.runCourse(cmd, mode)
		},
	}
	cmd.Flags().BoolVar(&due, "due", false, "print the number of questions due, and exit 1 when some are, 0 when none is")
	cmd.Flags().BoolVar(&practice, "practice", false, "practise every question you have answered, without changing when they come back")
	return cmd
}

// reviewStatus is where the learner stands with the review now. It reads the course and the
// progress file and renders nothing, so that --due is quick enough for a shell prompt.
func (a *app) reviewStatus() (progress.ReviewStatus, error) {
	now, err := a.clock()
	if err != nil {
		return progress.ReviewStatus{}, err
	}
	course, store, err := a.courseAndProgress()
	if err != nil {
		return progress.ReviewStatus{}, err
	}
	sched, err := progress.NewSchedule(courseinfo.Of(course), time.Local)
	if err != nil {
		return progress.ReviewStatus{}, err
	}
	log := sched.Log(store.Course(course.ID))
	return sched.Status(sched.Deck(log), log, now()), nil
}

// nothingDue says why no session opens, and when the next review is.
func (a *app) nothingDue(st progress.ReviewStatus, practice bool) string {
	switch {
	case st.Cards == 0:
		return fmt.Sprintf("Nothing to review yet: questions come back for review once you have answered them in a quiz (run %s).", a.name)
	case practice:
		return "Nothing to practise."
	case st.Waiting > 0:
		return fmt.Sprintf("Today's reviews are done (%d a day); %d more wait for tomorrow.", st.DoneToday, st.Waiting)
	case !st.Next.IsZero():
		return fmt.Sprintf("Nothing is due for review. Next review: %s (%d %s).", st.Next.Local().Format("Mon 2 Jan"),
			st.NextCount, pluralOf(st.NextCount, "question", "questions"))
	}
	return "Nothing is due for review."
}
