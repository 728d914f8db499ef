// Package command runs instructors' own labs, like ziglings: the lab's starter files are
// copied into a workspace the learner edits in their own editor, and a check command the
// instructor wrote is run there (on request, and again after every save), its exit status and
// output compared with the goal. Nothing is run unless the caller asks: the screen shows the
// command and asks the learner once before the first run.
package command

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/aieng/aieng/internal/lab/kind"
)

// DefaultTimeout stops a check that runs longer, with its whole process group.
const DefaultTimeout = 10 * time.Second

// DefaultOutputLimit is how many bytes of a check's output are kept; the rest is dropped from
// the middle, so both the start and the final summary remain.
const DefaultOutputLimit = 64 << 10

// Def is the command kind: its parameters are checked like any kind's, but it does not open as
// a lab.Session; the caller opens a *Lab with Open.
var Def = &kind.Def{
	Name: "command",
	Summary: "An instructor's own exercise: starter files copied to a workspace, a check " +
		"command run after every save, its exit status and output compared with the goal.",
	Params: []kind.Param{
		{Name: "starter", Type: kind.Text, Doc: "folder of starter files, relative to the lesson's folder"},
		{Name: "check", Type: kind.Text, Doc: "the command that checks the learner's work, run by sh -c in the workspace"},
		{Name: "timeout", Type: kind.Duration, Default: DefaultTimeout.String(), Min: 1, Max: 600, Doc: "a check running longer is stopped, with every process it started"},
		{Name: "solution", Type: kind.Text, Default: "", Doc: "folder holding a solution, relative to the lesson's folder, shown only after a pass"},
		{Name: "output_limit", Type: kind.Int, Default: DefaultOutputLimit, Min: 1024, Max: 16 << 20, Doc: "bytes of the check's output kept"},
	},
	Metrics: []kind.Metric{
		{Name: "exit", Label: "exit status", Doc: "the check's exit status (-1 when it was stopped or could not start)", Min: -1, Max: 255, Integer: true},
		{Name: "output", Label: "output", Doc: "what the check printed, standard output and error together", Text: true},
		{Name: "timed_out", Label: "timed out", Doc: "1 when the check was stopped at the timeout", Min: 0, Max: 1, Integer: true},
		{Name: "seconds", Label: "run time (s)", Doc: "how long the check ran", Min: 0, Max: math.Inf(1)},
	},
	DefaultGoal: "exit == 0",
	Check:       checkParams,
}

func checkParams(p kind.Params) []kind.Issue {
	var out []kind.Issue
	for _, name := range []string{"starter", "solution"} {
		if msg := relativeProblem(p.String(name)); msg != "" && (name == "starter" || p.String(name) != "") {
			out = append(out, kind.Issue{Param: name, Message: fmt.Sprintf("%s %q: %s", name, p.String(name), msg)})
		}
	}
	if strings.TrimSpace(p.String("check")) == "" {
		out = append(out, kind.Issue{Param: "check", Message: "check is empty: give the command that checks the learner's work"})
	}
	return out
}

// relativeProblem says why a path may not name a folder inside the course, or "".
func relativeProblem(p string) string {
	switch {
	case strings.TrimSpace(p) == "":
		return "give a folder beside the lesson"
	case filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`):
		return "use a path relative to the lesson's folder"
	}
	clean := filepath.ToSlash(filepath.Clean(p))
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "the folder must be inside the course"
	}
	return ""
}
