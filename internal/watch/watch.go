// Package watch reloads a course folder when its files change, for instructors previewing a
// course while they edit it.
package watch

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/aieng/aieng/lessons"
)

// Result is one reload of the course: the course as it now loads and its problems, or the
// error that kept the folder from being read at all.
type Result struct {
	Course   *lessons.Course
	Problems lessons.Problems
	Err      error
}

// debounce is how long the folder must stay quiet before it is reloaded: editors save in
// several steps (write a temporary file, rename it, change its mode).
const debounce = 150 * time.Millisecond

// Watcher sends a Result on C after each burst of changes to the folder's course files.
type Watcher struct {
	C    <-chan Result
	w    *fsnotify.Watcher
	done chan struct{}
}

// Start watches dir. The folder itself is watched, not each file, so files that editors replace
// by renaming a new file over them keep being seen.
func Start(dir string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fw.Add(dir); err != nil {
		fw.Close()
		return nil, err
	}
	out := make(chan Result, 1)
	w := &Watcher{C: out, w: fw, done: make(chan struct{})}
	go w.loop(dir, out, load)
	return w, nil
}

// Close stops watching; C is closed once the watcher has stopped.
func (w *Watcher) Close() error {
	err := w.w.Close()
	<-w.done
	return err
}

// loop reloads the course (reload: load, outside tests) after each burst of changes. It runs
// while the interface has the terminal: a panic in it ends the watching with a last Result
// saying so, rather than the program with the terminal in raw mode.
func (w *Watcher) loop(dir string, out chan Result, reload func(string) Result) {
	defer close(w.done)
	defer close(out)
	defer func() {
		if p := recover(); p != nil {
			send(out, Result{Err: fmt.Errorf("watching the folder stopped (%v): restart aieng to see later changes; please report it", p)})
		}
	}()
	var timer <-chan time.Time
	for {
		select {
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if relevant(ev.Name) {
				timer = time.After(debounce)
			}
		case _, ok := <-w.w.Errors:
			if !ok {
				return
			}
		case <-timer:
			timer = nil
			send(out, reload(dir))
		}
	}
}

// send hands r over. Only the newest result matters: it replaces one the receiver has not taken
// yet (only the loop sends, so the second send cannot block).
func send(out chan Result, r Result) {
	select {
	case out <- r:
	default:
		select {
		case <-out:
		default:
		}
		out <- r
	}
}

// load loads the course in dir. A panic while loading becomes the result's error: this
// goroutine runs while the interface has the terminal, which a panic would leave in raw mode.
func load(dir string) (r Result) {
	defer func() {
		if p := recover(); p != nil {
			r = Result{Err: fmt.Errorf("loading the course failed (%v); please report it", p)}
		}
	}()
	c, probs, err := lessons.LoadDir(dir)
	return Result{Course: c, Problems: probs, Err: err}
}

// relevant tells course files from editors' swap and backup files.
func relevant(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	return lessons.IsCourseFile(base)
}
