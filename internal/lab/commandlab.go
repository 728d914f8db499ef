package lab

import (
	"fmt"
	"path/filepath"

	"github.com/aieng/aieng/internal/lab/command"
)

// OpenCommand opens a command lab: it validates the spec, resolves its starter and solution
// folders against lessonDir (the folder of the lesson that holds the lab) and prepares the
// workspace base/course/id (base: command.DefaultBase() outside tests). It runs nothing.
func OpenCommand(s Spec, lessonDir, base, course string) (*command.Lab, error) {
	if s.Kind != command.Def.Name {
		return nil, fmt.Errorf("lab %s is a %s lab, not a command lab", s.ID, s.Kind)
	}
	if probs := Validate(s); probs.HasErrors() {
		return nil, probs
	}
	p, _ := resolveParams(&s, command.Def)
	cfg := command.Config{
		ID: s.ID, Title: s.Title, Goal: s.Goal,
		Starter:     filepath.Join(lessonDir, filepath.FromSlash(p.String("starter"))),
		Check:       p.String("check"),
		Timeout:     p.Duration("timeout"),
		OutputLimit: p.Int("output_limit"),
	}
	if sol := p.String("solution"); sol != "" {
		cfg.Solution = filepath.Join(lessonDir, filepath.FromSlash(sol))
	}
	return command.Open(base, course, cfg)
}

// OpensSession reports whether labs of the named kind open with Open as a Session (the
// built-in experiments); command labs open with OpenCommand instead.
func OpensSession(kindName string) bool {
	def, ok := Lookup(kindName)
	return ok && def.Open != nil
}
