package lab

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"

	"github.com/aieng/aieng/internal/lab/command"
	"github.com/aieng/aieng/internal/lab/kind"
)

// OpenCommand opens a command lab: it validates the spec, finds its starter and solution
// folders in files below lessonDir (the folder, within files, of the lesson that holds the lab;
// files nil means lessonDir is a folder on disk) and prepares the workspace base/course/id
// (base: command.DefaultBase() outside tests). It runs nothing.
func OpenCommand(s Spec, files fs.FS, lessonDir, base, course string) (l *command.Lab, err error) {
	defer func() {
		if err != nil {
			l = nil
		}
	}()
	defer kind.Recover(&err, "lab "+s.ID+": opening") // it runs off the event loop, as Open does
	if s.Kind != command.Def.Name {
		return nil, fmt.Errorf("lab %s is a %s lab, not a command lab", s.ID, s.Kind)
	}
	if probs := Validate(s); probs.HasErrors() {
		return nil, probs
	}
	p, _ := resolveParams(&s, command.Def)
	join := func(rel string) string {
		if files == nil {
			return filepath.Join(lessonDir, filepath.FromSlash(rel))
		}
		return path.Join(lessonDir, rel)
	}
	cfg := command.Config{
		ID: s.ID, Title: s.Title, Goal: s.Goal, Files: files,
		Starter:     join(p.String("starter")),
		Check:       p.String("check"),
		Timeout:     p.Duration("timeout"),
		OutputLimit: p.Int("output_limit"),
	}
	if sol := p.String("solution"); sol != "" {
		cfg.Solution = join(sol)
	}
	return command.Open(base, course, cfg)
}

// OpensSession reports whether labs of the named kind open with Open as a Session (the
// built-in experiments); command labs open with OpenCommand instead.
func OpensSession(kindName string) bool {
	def, ok := Lookup(kindName)
	return ok && def.Open != nil
}
