package main

import (
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/tui"
)

// app holds the global flags and the streams every subcommand writes to, so tests can run the
// whole command line in-process.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// name is the program's name in help and messages: the name it was run by, so a bundled
	// course handed out as "rag-course" says "rag-course progress" (programName).
	name string

	lessonsDir   string // --lessons: a course folder instead of the built-in course
	progressFile string // --progress: the progress file instead of the default location
	theme        string // --theme: dark or light, overriding the detected background
	mouse        bool   // --mouse: scroll with the wheel (takes away the terminal's text selection)
	watch        bool   // --watch: reload lesson files from --lessons DIR when they change
	showVersion  bool   // --version: the same as the version command

	course  *lessons.Course // loaded once per process, by loadCourse
	openLab tui.LabRef      // the lab the interactive course opens on (aieng lab open ID)
	bundled bool            // the course is the one attached to this binary (load)

	terminalOut func() bool // whether stdout is a terminal; nil asks the terminal (tests set it)
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, name: "aieng"}
}

func (a *app) execute(args []string) error {
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return nil
	}
	var ex *exitError
	if errors.As(err, &ex) {
		return err
	}
	// Cobra's own errors (unknown command or flag, wrong argument count) are usage errors.
	if isUsageError(err) {
		return &exitError{code: 2, msg: err.Error() + "\nRun '" + cmd.CommandPath() + " --help' for usage."}
	}
	return err
}

func isUsageError(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag",
		"flag needs an argument", "invalid argument", "accepts ", "requires ", "bad flag"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// strconvCause is the tail pflag gives a flag value it could not read as a number:
// `: strconv.ParseInt: parsing "abc": invalid syntax`.
var strconvCause = regexp.MustCompile(`: strconv\.Parse(\w+): parsing "[^"]*": (invalid syntax|value out of range)$`)

// plainFlagError says in words what strconv says in Go: which kind of number a flag needs.
func plainFlagError(msg string) string {
	return strconvCause.ReplaceAllStringFunc(msg, func(tail string) string {
		m := strconvCause.FindStringSubmatch(tail)
		switch {
		case m[2] == "value out of range":
			return ": the number is too large"
		case m[1] == "Int" || m[1] == "Uint":
			return ": a whole number is needed"
		case m[1] == "Bool":
			return ": true or false is needed"
		}
		return ": a number is needed"
	})
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   a.name,
		Short: "An interactive course in the terminal",
		Long: a.name + " is an interactive course in the terminal: an outline, lessons rendered from\n" +
			"Markdown, and quizzes that explain every answer. Run it without arguments to start.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.showVersion {
				return a.printVersion()
			}
			return a.runInteractive(cmd)
		},
	}
	root.Flags().BoolVarP(&a.showVersion, "version", "v", false, "print the version, as the version command does")
	root.PersistentFlags().StringVar(&a.lessonsDir, "lessons", "", "run on the course in `DIR` instead of the built-in course")
	root.PersistentFlags().StringVar(&a.progressFile, "progress", "", "keep progress in `FILE` (default: $AIENG_PROGRESS, else the XDG state directory)")
	root.Flags().StringVar(&a.theme, "theme", "", "colours for a `dark|light` terminal background, or auto (default: $AIENG_THEME, else detected)")
	root.Flags().BoolVar(&a.mouse, "mouse", false, "scroll lessons with the mouse wheel (your terminal's text selection then needs Shift)")
	root.Flags().BoolVar(&a.watch, "watch", false, "with --lessons DIR: reload lessons when their files change")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: 2, msg: plainFlagError(err.Error()) + "\nRun '" + c.CommandPath() + " --help' for usage."}
	})
	// Every subcommand, in one place: each lives in a file of its own.
	root.AddCommand(
		a.listCmd(),     // list.go
		a.showCmd(),     // show.go
		a.progressCmd(), // progress.go
		a.resetCmd(),    // reset.go
		a.validateCmd(), // validate.go
		a.initCmd(),     // author.go
		a.newCmd(),      // author.go
		a.bundleCmd(),   // author.go
		a.keyCmd(),      // key.go
		a.exportCmd(),   // export.go
		a.reportCmd(),   // report.go
		a.versionCmd(),  // version.go
		a.labCmd(),      // lab.go
		a.reviewCmd(),   // review.go
	)
	return root
}
