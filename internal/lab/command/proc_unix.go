//go:build unix

package command

import (
	"context"
	"os/exec"
	"syscall"
)

// shellCommand runs the check with sh in a process group of its own, so that a timeout ends
// everything it started (a test runner's children included), not only the shell.
func shellCommand(ctx context.Context, check string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "sh", "-c", check)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	return cmd
}
