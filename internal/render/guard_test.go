package render

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

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
