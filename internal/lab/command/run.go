package command

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"time"

	"github.com/aieng/aieng/internal/lab/goal"
	"github.com/aieng/aieng/internal/lab/kind"
)

// Result is one run of the check.
type Result struct {
	Exit      int    // exit status; -1 when stopped or not started
	Output    string // standard output and error together, cut to the output limit
	Dropped   int    // bytes of output cut from the middle
	TimedOut  bool   // stopped at the timeout, with every process it started
	Duration  time.Duration
	Err       error // the check could not be started, or was cancelled
	Passed    bool  // the goal holds
	Parts     []goal.Part
	Timeout   time.Duration
	StartedAt time.Time
}

// Values are the measured values a goal is checked against.
func (r *Result) Values() goal.Values {
	timedOut := 0.0
	if r.TimedOut {
		timedOut = 1
	}
	return goal.Values{
		Numbers: map[string]float64{"exit": float64(r.Exit), "timed_out": timedOut, "seconds": r.Duration.Seconds()},
		Texts:   map[string]string{"output": r.Output},
	}
}

// Summary says in one line how the run went.
func (r *Result) Summary() string {
	switch {
	case r.TimedOut:
		return fmt.Sprintf("stopped after %s: the check ran past its time limit (it and every process it started were ended)", r.Timeout)
	case r.Err != nil:
		return "could not run the check: " + r.Err.Error()
	case r.Passed:
		return fmt.Sprintf("passed in %.1f s", r.Duration.Seconds())
	}
	return fmt.Sprintf("not yet: the check exited with status %d after %.1f s", r.Exit, r.Duration.Seconds())
}

// Run runs the check once in the workspace and compares the outcome with the goal. Call it
// only after the learner agreed to run the command. ctx cancels the run (the process group is
// ended as at the timeout, but the result says cancelled rather than timed out).
func (l *Lab) Run(ctx context.Context) *Result {
	res := &Result{Exit: -1, Timeout: l.cfg.Timeout, StartedAt: time.Now()}
	// Run runs off the interface's event loop (a command, the watcher), where a panic would end
	// the program: it is the result's error instead, which the lab's screen shows, never a pass.
	if err := l.check(ctx, res); err != nil {
		res.Err, res.Passed, res.Parts = err, false, nil
	}
	l.mu.Lock()
	l.last = res
	l.passed = l.passed || res.Passed
	l.mu.Unlock()
	return res
}

// check runs the command and fills res in; a panic is its error.
func (l *Lab) check(ctx context.Context, res *Result) (err error) {
	defer kind.Recover(&err, "aieng's check runner")
	tctx, cancel := context.WithTimeout(ctx, l.cfg.Timeout)
	defer cancel()
	out := newCapped(l.cfg.OutputLimit)
	cmd := shellCommand(tctx, l.cfg.Check)
	cmd.Dir = l.dir
	cmd.Stdout, cmd.Stderr = out, out
	// A child that keeps the output pipe open after the group is ended must not hold us.
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	res.Duration = time.Since(res.StartedAt)
	res.Output, res.Dropped = out.String(), out.dropped
	var exitErr *exec.ExitError
	switch {
	case errors.Is(tctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil:
		res.TimedOut = true
	case ctx.Err() != nil:
		res.Err = ctx.Err()
	case runErr == nil:
		res.Exit = 0
	case errors.As(runErr, &exitErr) && exitErr.Exited():
		res.Exit = exitErr.ExitCode()
	default:
		res.Err = runErr
	}
	if res.Err == nil {
		v := res.Values()
		res.Passed = !res.TimedOut && l.goal.Met(v)
		res.Parts = l.goal.Parts(v, Def.Label)
	}
	return nil
}
