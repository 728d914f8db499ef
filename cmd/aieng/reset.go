package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/termstyle"
)

// stdinIsTerminal decides whether reset may ask for confirmation; tests replace it.
var stdinIsTerminal = termstyle.IsTerminal

func (a *app) resetCmd() *cobra.Command {
	var lessonID string
	var yes bool
	cmd := &cobra.Command{
		Use:   "reset [--lesson ID] [--yes]",
		Short: "Erase your progress in the course, or in one lesson (a backup is kept)",
		Long: "Erase your progress in the course, or in one lesson with --lesson. It asks for\n" +
			"confirmation, and without a terminal to ask on it needs --yes. A backup of the\n" +
			"progress file is written first and its path printed: to undo, quit " + a.name + " and copy\n" +
			"the backup over the progress file.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			course, store, err := a.courseAndProgress()
			if err != nil {
				return err
			}
			where, hasProgress := course.Title, store.HasProgress(course.ID, lessonID)
			what := "all your progress in " + where
			if lessonID != "" {
				// A lesson the course no longer has can be reset too, while progress remains.
				if course.Lesson(lessonID) == nil && !hasProgress {
					return usageError("course %s has no lesson %q; '%s list' shows the lesson ids", course.ID, lessonID, a.name)
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
				"To undo: quit %s, then copy the backup over %s\n", what, backup, a.name, store.Path())
			return err
		},
	}
	cmd.Flags().StringVar(&lessonID, "lesson", "", "erase only the lesson with this `ID` (see '"+a.name+" list')")
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
