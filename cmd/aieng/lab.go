package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/lab"
	"github.com/aieng/aieng/internal/lab/command"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/tui"
)

// labBase is where command labs' workspaces go; tests point it elsewhere.
var labBase = command.DefaultBase

func (a *app) labCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lab",
		Short: "The course's hands-on labs: list them, open one, reset a lab's files",
		Long: "The course's hands-on labs (see docs/labs.md). Built-in labs run inside aieng: open\n" +
			"the lesson and press " + lessons.LabKey + ", or run 'aieng lab open ID'. A command lab is a folder of files\n" +
			"you edit in your own editor: 'aieng lab open ID' prints where it is, and aieng runs\n" +
			"the lab's check after every save while the lab is open in it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.labListCmd(), a.labOpenCmd(), a.labResetCmd())
	return cmd
}

func (a *app) labListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the course's labs: id, lesson, kind, whether you passed it",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			course, store, err := a.courseAndProgress()
			if err != nil {
				return err
			}
			p := store.Course(course.ID)
			var b strings.Builder
			tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "LAB\tLESSON\tKIND\tPASSED\tTITLE")
			n := 0
			for _, l := range course.Lessons {
				for _, lb := range l.Labs {
					passed := "-"
					if pass, ok := p.LabPassed(l.ID, lb.ID); ok {
						passed = pass.PassedAt.Local().Format("2006-01-02")
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", lb.ID, l.ID, lb.Kind, passed, lb.Title)
					n++
				}
			}
			if n == 0 {
				_, err := fmt.Fprintf(a.stdout, "The course %s has no labs.\n", course.ID)
				return err
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			_, err = fmt.Fprint(a.stdout, b.String())
			return err
		},
	}
}

// findLab finds a lab of the course by its id, with the index of its lesson.
func findLab(course *lessons.Course, id string) (int, *lessons.Lab, error) {
	var ids []string
	for i, l := range course.Lessons {
		for _, lb := range l.Labs {
			if lb.ID == id {
				return i, lb, nil
			}
			ids = append(ids, lb.ID)
		}
	}
	if len(ids) == 0 {
		return 0, nil, usageError("course %s has no labs", course.ID)
	}
	return 0, nil, usageError("course %s has no lab %q; its labs: %s ('aieng lab list' shows them)", course.ID, id, strings.Join(ids, ", "))
}

func (a *app) labOpenCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "open ID",
		Short: "Open a lab: a command lab's workspace path is printed; a built-in lab opens in aieng",
		Long: "Open a lab. For a command lab, the lab's starter files are copied into its workspace\n" +
			"(kept as you left them when it exists) and the workspace's path is printed on standard\n" +
			"output, alone, so that 'cd \"$(aieng lab open ID)\"' works. For a built-in lab, the\n" +
			"interactive course opens on the lab (it needs a terminal).",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			course, err := a.loadCourse()
			if err != nil {
				return err
			}
			index, lb, err := findLab(course, args[0])
			if err != nil {
				return err
			}
			if lab.OpensSession(lb.Kind) {
				return a.openBuiltinLab(cmd, course.Lessons[index], tui.LabRef{Lesson: index, ID: lb.ID})
			}
			cl, err := lab.OpenCommand(lb.Spec, course.Files, lessons.LessonDir, labBase(), course.ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "Workspace of the lab %q: edit its files in your editor. The check is: %s\n"+
				"Open the lesson %q in aieng and press %s to run it after every save.\n", lb.Title, cl.Command(), course.Lessons[index].ID, lessons.LabKey)
			_, err = fmt.Fprintln(a.stdout, cl.Dir())
			return err
		},
	}
}

// openBuiltinLab runs the interactive course on a built-in lab, which needs a terminal.
func (a *app) openBuiltinLab(cmd *cobra.Command, lesson *lessons.Lesson, ref tui.LabRef) error {
	if !termstyle.IsTerminal(a.stdin) || !termstyle.IsTerminal(a.stdout) {
		return &exitError{code: 1, msg: fmt.Sprintf("%s is an interactive lab: run 'aieng lab open %s' in a terminal, "+
			"or open the lesson %q in aieng and press %s", ref.ID, ref.ID, lesson.ID, lessons.LabKey)}
	}
	a.openLab = ref
	return a.runInteractive(cmd)
}

func (a *app) labResetCmd() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "reset ID [--yes]",
		Short: "Put a command lab's starter files back in its workspace (your edits there are lost)",
		Long: "Put a command lab's starter files back: its workspace is emptied and the starter files\n" +
			"copied again. It asks first, and without a terminal it needs --yes. Whether you passed\n" +
			"the lab stays in your progress ('aieng reset --lesson ID' erases that).",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			course, err := a.loadCourse()
			if err != nil {
				return err
			}
			_, lb, err := findLab(course, args[0])
			if err != nil {
				return err
			}
			if lab.OpensSession(lb.Kind) {
				return usageError("%s is a built-in lab: it has no files to reset, and its knobs start afresh each time aieng starts", lb.ID)
			}
			_, statErr := os.Stat(workspaceDir(course.ID, lb.ID))
			existed := !errors.Is(statErr, fs.ErrNotExist)
			cl, err := lab.OpenCommand(lb.Spec, course.Files, lessons.LessonDir, labBase(), course.ID)
			if err != nil {
				return err
			}
			if !existed {
				_, err := fmt.Fprintf(a.stdout, "The lab had no workspace yet; its starter files are in %s\n", cl.Dir())
				return err
			}
			if !yes {
				if err := a.confirm(fmt.Sprintf("Replace the files in %s with the lab's starter files? Your edits there are lost.", cl.Dir())); err != nil {
					return err
				}
			}
			if err := cl.Reset(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "The starter files are back in %s\n", cl.Dir())
			return err
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask for confirmation (needed when there is no terminal)")
	return cmd
}

// workspaceDir is where lab.OpenCommand puts a lab's workspace.
func workspaceDir(courseID, labID string) string { return filepath.Join(labBase(), courseID, labID) }
