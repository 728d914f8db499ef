package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/safetext"
)

// Version is set at build time: go build -ldflags "-X main.Version=v1.2.3".
var Version = ""

// version returns the injected version, else the module version recorded by the go command
// (set for go install module@version), else "dev".
func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func versionString() string { return "aieng " + version() }

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of aieng and of the course it runs (also --version)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.printVersion()
		},
	}
}

// printVersion prints aieng's version and the course's, for both 'version' and '--version'.
func (a *app) printVersion() error {
	line := versionString()
	if c, err := a.loadCourse(); err == nil {
		line += fmt.Sprintf("\ncourse: %s (%s)", c.Title, c.ID)
		if c.Version != "" {
			line += " version " + c.Version
		}
	}
	_, err := fmt.Fprintln(a.stdout, safetext.Text(line))
	return err
}
