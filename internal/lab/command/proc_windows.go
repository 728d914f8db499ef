//go:build windows

package command

import (
	"context"
	"os/exec"
	"strconv"
)

// shellCommand runs the check with cmd.exe; a timeout ends its whole process tree with
// taskkill /T.
func shellCommand(ctx context.Context, check string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "cmd", "/C", check)
	cmd.Cancel = func() error {
		return exec.Command("taskkill", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid)).Run()
	}
	return cmd
}
