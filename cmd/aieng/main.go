// Command aieng is an interactive course in the terminal. main only wires the packages together:
// each subcommand lives in its own file, and errors become one line on stderr and an exit code.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/aieng/aieng/internal/safetext"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the process exit code: 0 success, 1 failure,
// 2 usage error.
func run(args []string) int {
	a := newApp(os.Stdin, os.Stdout, os.Stderr)
	return exitCode(a, a.execute(args))
}

// exitCode prints err, if any, as one line on stderr and returns the exit code it stands for.
// A message can quote a course's text or a file name: no control character in it reaches the
// terminal.
func exitCode(a *app, err error) int {
	if err == nil {
		return 0
	}
	var ex *exitError
	if errors.As(err, &ex) {
		if ex.msg != "" {
			fmt.Fprintln(a.stderr, "aieng: "+safetext.Text(ex.msg))
		}
		return ex.code
	}
	fmt.Fprintln(a.stderr, "aieng: "+safetext.Text(err.Error()))
	return 1
}

// exitError carries a specific exit code to main; msg may be empty when the command already
// printed what the user needs to see.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageError(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}
