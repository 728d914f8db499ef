package render

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aieng/aieng/lessons"
)

// A lesson is input from someone else, and a renderer is a large body of code: rendering is
// guarded, so that what slips past validation (a course loaded without it, a renderer bug)
// costs one lesson, not the program. Guard runs a rendering on a goroutine of its own, which
// recovers a panic into an error (Bubble Tea recovers panics only in Update, View and
// commands, and then ends the program), and gives up waiting after a deadline. A goroutine
// cannot be stopped: an abandoned rendering runs on, so only one rendering per key (a lesson)
// runs at a time, and asking again while an abandoned one runs is refused at once. A fatal
// runtime error (a stack overflow, running out of memory) cannot be recovered in Go: the
// validation limits (lessons/limits.go) are what keep those away.

// Timeout is how long a lesson may take to render before it is given up: ten times the
// slowest lesson within the validation limits, for slow machines.
const Timeout = 10 * time.Second

// ErrTimeout is the error of a rendering given up after its deadline.
var ErrTimeout = fmt.Errorf("rendering took longer than %s and was given up", Timeout)

// ErrStillRunning is the error of a rendering asked for while an abandoned one of the same
// lesson still runs.
var ErrStillRunning = errors.New("an earlier rendering of it, given up, is still running")

// running holds the keys of the renderings under way, so that a key is rendered once at a time.
var running = struct {
	sync.Mutex
	keys map[any]bool
}{keys: map[any]bool{}}

// Guard runs fn for key on a goroutine of its own, waits at most timeout for it, and turns a
// panic into an error. While fn runs for key (or runs on after it was abandoned), another call
// for key returns ErrStillRunning at once.
func Guard[T any](key any, timeout time.Duration, fn func() (T, error)) (T, error) {
	var zero T
	running.Lock()
	if running.keys[key] {
		running.Unlock()
		return zero, ErrStillRunning
	}
	running.keys[key] = true
	running.Unlock()

	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned goroutine finishes without a reader
	go func() {
		var r result
		func() {
			defer func() {
				if p := recover(); p != nil {
					r = result{err: fmt.Errorf("the renderer failed: %v", p)}
				}
			}()
			r.v, r.err = fn()
		}()
		// The key is free before the result is out: the caller may ask again at once.
		running.Lock()
		delete(running.keys, key)
		running.Unlock()
		done <- r
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.v, r.err
	case <-timer.C:
		return zero, ErrTimeout
	}
}

// SafeLessonDoc renders a lesson as LessonDoc does, under Guard with Timeout, keyed by the
// lesson value: one rendering of a lesson version at a time, whatever the width. Like every Doc
// (LessonDoc), its lines hold no escape sequence but SGR styling.
func SafeLessonDoc(l *lessons.Lesson, o Options) (*Doc, error) {
	return Guard(l, Timeout, func() (*Doc, error) { return LessonDoc(l, o) })
}

// SafeLessonDoc returns the lesson from the cache, or renders it into the cache under Guard
// with Timeout, keyed by the lesson value as SafeLessonDoc is.
func (c *Cache) SafeLessonDoc(l *lessons.Lesson, o Options) (*Doc, error) {
	if d, ok := c.GetDoc(l, o); ok {
		return d, nil
	}
	return Guard(l, Timeout, func() (*Doc, error) { return c.Doc(l, o) })
}
