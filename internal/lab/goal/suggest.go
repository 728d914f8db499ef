package goal

import (
	"strings"

	"github.com/hbollon/go-edlib"
)

// Suggest returns the known name closest to a misspelt one, or "" when none is close enough
// to be what was meant (more than two edits away).
func Suggest(got string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := edlib.LevenshteinDistance(strings.ToLower(got), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}
