package lab

import (
	"strings"
	"testing"
)

// FuzzParseBlock feeds arbitrary text to the lab block parser: it must never panic, and every
// problem it reports must point inside the block.
func FuzzParseBlock(f *testing.F) {
	f.Add("id: a\ntitle: A\nkind: threshold\nparams:\n  seed: 2\ngoal: recall >= 0.9\n")
	f.Add("id: a\ntitle: A\nkind: command\nparams:\n  starter: s\n  check: make\n  timeout: 3s\ngoal: output matches \"(\"\n")
	f.Add("kind: leakage\nparams:\n  split: randm\n  seed: [1]\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, probs := ParseBlock([]byte(src))
		// YAML breaks lines at \n, at \r\n and at a lone \r; an error at the end of the
		// stream is on the line after the last break, and may point one past it.
		breaks := strings.Count(src, "\n") + strings.Count(src, "\r") - strings.Count(src, "\r\n")
		lines := breaks + 2
		for _, p := range probs {
			if p.Line < 0 || p.Line > lines || p.Col < 0 {
				t.Fatalf("problem %q is outside the %d-line block", p, lines)
			}
		}
	})
}
