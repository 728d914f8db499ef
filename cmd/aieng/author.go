package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/bundle"
	"github.com/aieng/aieng/internal/scaffold"
	"github.com/aieng/aieng/lessons"
)

func (a *app) initCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Create a course folder with a manifest and an example lesson",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := scaffold.Init(args[0])
			if err != nil {
				return err
			}
			for _, f := range files {
				fmt.Fprintf(a.stdout, "created %s\n", f)
			}
			dir := shellWord(args[0])
			fmt.Fprintf(a.stdout, "Next: %s --lessons %s new \"Your first lesson\", then %s --lessons %s to preview.\n", a.name, dir, a.name, dir)
			return nil
		},
	}
}

func (a *app) newCmd() *cobra.Command {
	return &cobra.Command{
		Use:   `new "Lesson title"`,
		Short: "Add a lesson file to the course folder (the current folder, or --lessons DIR)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.lessonsDir
			if dir == "" {
				dir = "."
			}
			p, err := scaffold.New(dir, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "created %s\n", p)
			return nil
		},
	}
}

func (a *app) bundleCmd() *cobra.Command {
	var out, base string
	cmd := &cobra.Command{
		Use:   "bundle DIR -o FILE",
		Short: "Write a copy of aieng with the course in DIR inside, to hand to learners",
		Long: "Validate the course in DIR and write FILE: a copy of this aieng binary (or of the one named\n" +
			"with --base, for example a release binary for another platform) that opens that course.\n" +
			"On macOS, sign the result again: codesign -s - FILE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError("bundle needs -o FILE: where to write the bundled binary")
			}
			if args[0] == "" {
				return usageError("bundle needs the course folder DIR")
			}
			c, probs, err := a.load(args[0])
			if err != nil {
				return err
			}
			if probs.HasErrors() {
				return a.refuse(probs, fmt.Sprintf("not bundled: the course in %s has %d problem(s)", args[0], len(probs.Errors())))
			}
			if base == "" {
				if base, err = os.Executable(); err != nil {
					return fmt.Errorf("cannot find this binary to copy: %w; name one with --base", err)
				}
			}
			if same, _ := sameFile(base, out); same {
				return usageError("-o %s would overwrite the binary it copies; choose another file", out)
			}
			a.warnBundle(probs, base, out)
			if err := bundle.Write(out, base, args[0]); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s: %s (%s) with %d lessons and %d questions\n", out, c.Title, c.ID, len(c.Lessons), c.QuestionCount())
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the bundled binary to write")
	cmd.Flags().StringVar(&base, "base", "", "the aieng `BINARY` to copy (default: this one)")
	return cmd
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib) || filepath.Clean(a) == filepath.Clean(b), nil
}

// warnBundle prints, on stderr, what is worth fixing before the bundle reaches learners: the
// course's warnings (validate's, which a bundle carries along) and a base binary that may not
// run on their machines (dynamically linked) or that cannot say which version it is.
func (a *app) warnBundle(probs lessons.Problems, base, out string) {
	var b strings.Builder
	for _, p := range probs.Warnings() {
		b.WriteString(p.String() + "\n")
	}
	if n := len(probs.Warnings()); n > 0 {
		fmt.Fprintf(&b, "%s: warning: the course has %d warning%s (listed above); it is bundled as it is\n", a.name, n, plural(n))
	}
	info, err := bundle.Inspect(base)
	switch {
	case err != nil:
		fmt.Fprintf(&b, "%s: warning: cannot check the base binary: %v\n", a.name, err)
	case info.BuildInfoErr != nil:
		fmt.Fprintf(&b, "%s: warning: %s is not a Go program this aieng can read (%v): is it an aieng binary?\n", a.name, base, info.BuildInfoErr)
	}
	if info.Dynamic() {
		needs := append([]string{info.Interpreter}, info.Needed...)
		fmt.Fprintf(&b, "%s: warning: the base binary %s is dynamically linked (it needs %s): it may not start on learners' machines; "+
			"bundle onto a static release binary with --base (scripts/build-release builds them)\n", a.name, base, strings.Join(nonEmpty(needs), ", "))
	}
	dev := info.Development()
	if self, err := os.Executable(); err == nil {
		if same, _ := sameFile(self, base); same {
			dev = version() == "dev" // this binary: no guessing from its build information
		}
	}
	if dev {
		fmt.Fprintf(&b, "%s: warning: the base binary %s is a development build (no version stamped): learners' '%s version' will say \"dev\"; "+
			"bundle onto a release binary with --base, or build with -ldflags \"-X main.Version=v1.2.3\"\n", a.name, base, filepath.Base(out))
	}
	fmt.Fprint(a.stderr, b.String())
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// shellWord quotes s for a POSIX shell when it holds anything but letters, digits and
// -_./,:=@%+, so that a hint naming a path such as "My Course 2026" can be pasted as it is.
func shellWord(s string) string {
	safe := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./,:=@%+", r))
	}) < 0
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
