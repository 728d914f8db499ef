package classreport

import (
	"runtime"
	"sync"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// Collect reads the hand-ins that args name (Files) for a report on course c. A file that
// cannot be read, is not a hand-in, is of another course, or is the same hand-in as one read
// before is skipped, with the reason; the others are returned in the order of args. The same
// hand-in is the same bytes with at least one attempt: attempt ids are random, so two
// learners' hand-ins never share one, while two learners who have not started may well hand
// in the same bytes. Files are read and decoded on every core: decoding JSON is
// most of a report's time.
func Collect(c *lessons.Course, args []string) ([]HandIn, []Skip) {
	files, skips := Files(args)
	type result struct {
		h   HandIn
		sum [32]byte
		err error
	}
	results := make([]result, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				h, sum, err := ReadFile(files[i])
				results[i] = result{h, sum, err}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	var handIns []HandIn
	firstWith := map[[32]byte]string{}
	for i, r := range results {
		reason := ""
		switch {
		case r.err != nil:
			reason = r.err.Error()
		case firstWith[r.sum] != "" && attempted(r.h):
			reason = "the same hand-in as " + safetext.Quote(firstWith[r.sum]) + ", byte for byte"
		default:
			reason = Check(c, r.h)
		}
		if reason != "" {
			skips = append(skips, Skip{File: files[i], Reason: reason})
			continue
		}
		firstWith[r.sum] = files[i]
		handIns = append(handIns, r.h)
	}
	return handIns, skips
}

func attempted(h HandIn) bool {
	for _, l := range h.Lessons {
		if len(l.History) > 0 {
			return true
		}
	}
	return false
}
