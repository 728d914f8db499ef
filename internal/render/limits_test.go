package render

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

// The validation limits (lessons/limits.go) promise that every lesson that validates renders
// in well under a second at any width from 20 to 500. These lessons are the worst the limits
// allow, one kind of cost each, as large as the limits let them be. The test checks that each
// validates and renders, under a deadline that only catches a hang (a regression that makes
// rendering super-linear again); BenchmarkWorstLessons measures them.

// worstLessons returns the bodies of the worst lessons within the limits, by name: each is a
// unit of Markdown repeated as often as validation allows.
func worstLessons() map[string]string {
	units := map[string]string{
		"nesting":            nestedChain(),
		"headings":           "## A heading of a few words\n\n",
		"list items":         "- an item of a list\n",
		"code blocks":        "```python\ndef f(x):\n    return [i * 2 for i in range(x)]  # twice\n```\n\n",
		"one big code block": "",
		"long words":         strings.Repeat(strings.Repeat("w", lessons.MaxWordLength)+" ", 30) + "\n\n",
		"emphasis":           strings.Repeat("*a _b *c _d *e _f *g _h x h_ g* f_ e* d_ c* b_ a* ", 31) + "\n\n",
		"links":              strings.Repeat("[a link](https://example.com/a/path) ", 250) + "\n\n",
		"wide table rows":    "| " + strings.Repeat("cell | ", 60) + "\n",
		"deep quotes":        strings.Repeat("> ", lessons.MaxNesting) + strings.Repeat("a quoted sentence that wraps ", 50) + "\n\n",
	}
	out := map[string]string{}
	for name, unit := range units {
		switch name {
		case "one big code block":
			out[name] = "```python\n" + largest("def f(x):\n    return [i * 2 for i in range(x)]  # twice\n", "", "```\n")
		case "wide table rows":
			out[name] = largest(unit, "| "+strings.Repeat("head | ", 60)+"\n|"+strings.Repeat("---|", 60)+"\n", "")
		default:
			out[name] = largest(unit, "", "")
		}
	}
	return out
}

// nestedChain is a chain of lists and quotes MaxNesting deep, over lines, with text at each level.
func nestedChain() string {
	var b strings.Builder
	for i := range lessons.MaxNesting {
		indent := strings.Repeat("  ", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "%s- an item at level %d\n", indent, i+1)
		} else {
			fmt.Fprintf(&b, "%s  > a quote at level %d\n", indent, i+1)
		}
	}
	return b.String() + "\n"
}

// largest returns head, unit repeated as often as a lesson that validates holds it, and tail.
func largest(unit, head, tail string) string {
	body := func(n int) string { return head + strings.Repeat(unit, n) + tail }
	lo, hi := 0, lessons.MaxTextSize/len(unit)+1 // body(lo) validates; body(hi) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if _, probs := loadWorst(body(mid)); probs.HasErrors() {
			hi = mid
		} else {
			lo = mid
		}
	}
	return body(lo)
}

func loadWorst(body string) (*lessons.Lesson, lessons.Problems) {
	fsys := fstest.MapFS{
		lessons.ManifestName: {Data: []byte("id: c\ntitle: C\n")},
		"01-worst.md":        {Data: []byte("---\nid: worst\ntitle: The worst lesson\nobjectives: [survive]\n---\n\n" + body)},
	}
	c, probs, err := lessons.Load(fsys, "c")
	if err != nil || len(c.Lessons) == 0 {
		return nil, lessons.Problems{{Message: fmt.Sprint("cannot load: ", err)}}
	}
	return c.Lessons[0], probs
}

// hangLimit is how long one rendering may take here before the test calls it a hang: not a
// speed budget (the benchmark measures), and generous for the race detector on a busy machine.
const hangLimit = 120 * time.Second

// worstOptions are the looks and widths the worst lessons are rendered at: the narrowest and
// widest widths in colour (the costliest), and a common one without.
var worstOptions = []Options{
	{Style: Dark, Profile: termenv.TrueColor, Width: 20},
	{Style: Dark, Profile: termenv.TrueColor, Width: 500},
	{Style: NoTTY, Width: 80},
}

func TestWorstLessonsWithinTheLimits(t *testing.T) {
	if testing.Short() || raceBuild {
		// Not a test of concurrency, and ten times slower under the race detector: the plain
		// run renders them.
		t.Skip("renders the worst lessons the limits allow")
	}
	for name, body := range worstLessons() {
		l, probs := loadWorst(body)
		if probs.HasErrors() {
			t.Errorf("%s: does not validate, so it tests nothing: %v", name, probs.Errors()[0])
			continue
		}
		for _, o := range worstOptions {
			start := time.Now()
			out, err := Guard(fmt.Sprint(name, o), hangLimit, func() (string, error) { return Lesson(l, o) })
			if err != nil {
				t.Fatalf("%s at %d columns (%s): %v", name, o.Width, o.Style, err)
			}
			t.Logf("%-18s %-5s %3d columns: %7.1f ms, %d bytes", name, o.Style, o.Width, float64(time.Since(start).Microseconds())/1000, len(out))
		}
	}
}

// BenchmarkWorstLessons renders each worst lesson within the limits: go test -bench
// WorstLessons -benchtime 3x ./internal/render/ (the figures are in the report of issue 16).
func BenchmarkWorstLessons(b *testing.B) {
	for name, body := range worstLessons() {
		l, probs := loadWorst(body)
		if probs.HasErrors() {
			b.Fatalf("%s: %v", name, probs.Errors()[0])
		}
		for _, w := range []int{20, 100, 500} {
			o := Options{Style: Dark, Profile: termenv.TrueColor, Width: w}
			b.Run(fmt.Sprintf("%s/dark/%d", strings.ReplaceAll(name, " ", "-"), w), func(b *testing.B) {
				for b.Loop() {
					if _, err := Lesson(l, o); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
