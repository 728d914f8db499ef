package render

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"
	"github.com/yuin/goldmark/ast"

	"github.com/aieng/aieng/lessons"
)

func TestGuardTurnsAPanicIntoAnError(t *testing.T) {
	_, err := Guard("panics", time.Minute, func() (string, error) { panic("boom") })
	if err == nil || err.Error() != "the renderer failed: boom" {
		t.Fatalf("err = %v", err)
	}
	// The key is free again at once.
	if out, err := Guard("panics", time.Minute, func() (string, error) { return "ok", nil }); err != nil || out != "ok" {
		t.Fatalf("after a panic: %q, %v", out, err)
	}
}

func TestGuardGivesUpAndRunsOneAtATime(t *testing.T) {
	release := make(chan struct{})
	_, err := Guard("slow", 20*time.Millisecond, func() (string, error) {
		<-release
		return "late", nil
	})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	// The abandoned rendering still runs: asking again is refused at once, not run twice.
	ran := false
	if _, err := Guard("slow", time.Minute, func() (string, error) { ran = true; return "", nil }); !errors.Is(err, ErrStillRunning) || ran {
		t.Fatalf("while the first runs: err = %v, ran = %v", err, ran)
	}
	// Another key is not held up.
	if out, err := Guard("other", time.Minute, func() (string, error) { return "fine", nil }); err != nil || out != "fine" {
		t.Fatalf("another key: %q, %v", out, err)
	}
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		out, err := Guard("slow", time.Minute, func() (string, error) { return "again", nil })
		if err == nil && out == "again" {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the key was never freed: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// TestSafeLessonKeepsOnlyStyling renders a lesson that did not go through validation, its text
// full of escape sequences written as characters and as references: only SGR styling comes out.
func TestSafeLessonKeepsOnlyStyling(t *testing.T) {
	l := &lessons.Lesson{ID: "raw", Title: "T \x1b]0;PWN\a", Section: "S \u009b2J",
		Objectives: []string{"O \x1b]52;c;QQ==\a"},
		Body:       "Body \x1b[2J\x1b[H and &#27;]8;;http://evil/&#27;\\ link and `&#x1b;[6n` \x1bP+q\x1b\\.\n"}
	for _, o := range []Options{{Style: Dark, Profile: termenv.TrueColor, Width: 60}, {Style: NoTTY, Width: 60}} {
		out, err := SafeLesson(l, o)
		if err != nil {
			t.Fatal(err)
		}
		requireOnlySGR(t, string(o.Style), out)
		if !strings.Contains(out, "Body") || !strings.Contains(out, "link and") {
			t.Errorf("the text itself is gone:\n%s", out)
		}
		c := NewCache(4)
		if _, err := c.SafeLesson(l, o); err != nil {
			t.Fatal(err)
		}
		_, ok := c.Get(l, o)
		if again, _ := c.SafeLesson(l, o); !ok || again != out {
			t.Errorf("the cache did not keep the rendering (%v) or serves another one", ok)
		}
	}
}

// TestSafeLessonDocIsGuardedPerLesson: the Doc the reader and show use comes from the guarded
// path with its code blocks and links, goes to the cache, and shares the lesson's key with every
// other guarded rendering of it: while one runs (here held up on purpose), another of the same
// lesson at any width is refused at once, and another lesson is not held up.
func TestSafeLessonDocIsGuardedPerLesson(t *testing.T) {
	l := &lessons.Lesson{ID: "doc", Title: "T", Section: "S",
		Body: "See <https://example.com/x>.\n\n```sh\necho \x1b]0;x\a hi\n```\n"}
	other := &lessons.Lesson{ID: "other", Title: "O", Section: "S", Body: "Text.\n"}
	c := NewCache(4)
	o := Options{Width: 60, Style: Dark, Profile: termenv.ANSI256}
	d, err := c.SafeLessonDoc(l, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Code) != 1 || len(d.Links) != 1 || d.Links[0].Line < 0 {
		t.Fatalf("the Doc lost its code or links: %d blocks, links %+v", len(d.Code), d.Links)
	}
	requireOnlySGR(t, "copied code", d.Code[0].Raw)
	if got, ok := c.GetDoc(l, o); !ok || got != d {
		t.Error("the guarded Doc is not the cached one")
	}
	release, started := make(chan struct{}), make(chan struct{})
	go func() {
		_, _ = Guard(l, time.Minute, func() (*Doc, error) { close(started); <-release; return nil, nil })
	}()
	<-started
	for _, w := range []int{40, 100} {
		if _, err := c.SafeLessonDoc(l, Options{Width: w, Style: Dark, Profile: termenv.ANSI256}); !errors.Is(err, ErrStillRunning) {
			t.Errorf("width %d while the lesson renders: err = %v, want ErrStillRunning", w, err)
		}
	}
	if _, err := SafeLessonDoc(other, o); err != nil {
		t.Errorf("another lesson is held up: %v", err)
	}
	if again, err := c.SafeLessonDoc(l, o); err != nil || again != d {
		t.Errorf("a cached Doc is refused while the lesson renders: %v", err)
	}
	close(release)
}

// TestRenderWorkersRecover: a panic on one of renderBlocks' workers (here a missing block, a
// bug) is the rendering's error. Guard recovers only its own goroutine: a panic on a worker
// would end the program.
func TestRenderWorkersRecover(t *testing.T) {
	for _, o := range []Options{
		{Width: 40, Style: Dark, Profile: termenv.TrueColor}, // highlighting: several workers
		{Width: 40, Style: NoTTY, Profile: termenv.Ascii},    // one worker
	} {
		rows, err := renderBlocks([]ast.Node{nil}, nil, o)
		if err == nil || !strings.HasPrefix(err.Error(), "render: ") || rows[0] != nil {
			t.Errorf("%s: rows %v, err %v", o.Style, rows, err)
		}
	}
}
