package lab

import (
	"github.com/aieng/aieng/internal/lab/capacity"
	"github.com/aieng/aieng/internal/lab/command"
	"github.com/aieng/aieng/internal/lab/drift"
	"github.com/aieng/aieng/internal/lab/kind"
	"github.com/aieng/aieng/internal/lab/leakage"
	"github.com/aieng/aieng/internal/lab/retrieval"
	"github.com/aieng/aieng/internal/lab/serving"
	"github.com/aieng/aieng/internal/lab/threshold"
)

// registry lists the lab kinds in the order the authoring guide presents them.
var registry = []*kind.Def{
	threshold.Def,
	capacity.Def,
	leakage.Def,
	drift.Def,
	serving.Def,
	retrieval.Def,
	command.Def,
}

// Kinds returns every lab kind.
func Kinds() []*kind.Def { return append([]*kind.Def(nil), registry...) }

// Lookup returns the kind with the given name.
func Lookup(name string) (*kind.Def, bool) {
	for _, d := range registry {
		if d.Name == name {
			return d, true
		}
	}
	return nil, false
}

// KindNames returns the kinds' names.
func KindNames() []string {
	out := make([]string, len(registry))
	for i, d := range registry {
		out[i] = d.Name
	}
	return out
}
