package main

import "github.com/spf13/cobra"

// runInteractive starts the learner's TUI.
func (a *app) runInteractive(cmd *cobra.Command) error {
	if _, err := a.loadCourse(); err != nil {
		return err
	}
	return &exitError{code: 1, msg: "the interactive course is not built yet (placeholder).\n" +
		"For now, use 'aieng list' to see the outline and 'aieng show ID' to read a lesson."}
}
