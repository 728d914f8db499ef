// Command aieng is an interactive course in the terminal. main only wires the packages together:
// each subcommand lives in its own file, and errors become one line on stderr and an exit code.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aieng/aieng/internal/safetext"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the process exit code: 0 success, 1 failure,
// 2 usage error.
func run(args []string) int {
	a := newApp(os.Stdin, os.Stdout, os.Stderr)
	a.name = programName(os.Args[0])
	return exitCode(a, a.execute(args))
}

// programName is the name the program was run by, without a Windows ".exe": "rag-course" for
// a bundled course handed out under that name, "aieng" otherwise. It is used whether or not a
// course is attached, so a renamed binary never tells the user to type a name that does not
// exist.
func programName(arg0 string) string {
	name := filepath.Base(arg0)
	if ext := filepath.Ext(name); strings.EqualFold(ext, ".exe") {
		name = strings.TrimSuffix(name, ext)
	}
	if name == "" || name == "." || name == string(filepath.Separator) {
		return "aieng"
	}
	return name
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
			fmt.Fprintln(a.stderr, safetext.Text(a.name+": "+ex.msg))
		}
		return ex.code
	}
	fmt.Fprintln(a.stderr, safetext.Text(a.name+": "+err.Error()))
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
