package command

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/aieng/aieng/internal/lab/kind"
)

// Debounce is how long the workspace must stay quiet after a change before the check runs:
// editors save in several steps (write a temporary file, rename it over the old one).
const Debounce = 150 * time.Millisecond

// Watch re-runs the check after each burst of saves in the workspace until ctx ends, then
// closes the channel. A newer result replaces one not yet taken. It does not run the check at
// once: call Run for that. Hidden files and folders, editor backups and __pycache__ are
// ignored, so a check should write nowhere else in the workspace or it would run again.
func (l *Lab) Watch(ctx context.Context) (<-chan *Result, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := addTree(w, l.dir); err != nil {
		w.Close()
		return nil, err
	}
	out := make(chan *Result, 1)
	l.setWatchErr(nil)
	go l.watchLoop(ctx, w, out, l.Run)
	return out, nil
}

// WatchErr is why the watching of the workspace stopped before its context ended (a panic in
// it: a bug); nil while it runs or after it stopped as asked. Read it once the channel Watch
// returned is closed.
func (l *Lab) WatchErr() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.watchErr
}

func (l *Lab) setWatchErr(err error) {
	l.mu.Lock()
	l.watchErr = err
	l.mu.Unlock()
}

// watchLoop runs the check (run: Run, outside tests) after each burst of saves.
func (l *Lab) watchLoop(ctx context.Context, w *fsnotify.Watcher, out chan *Result, run func(context.Context) *Result) {
	defer close(out)
	defer w.Close()
	// It runs while the interface has the terminal: a panic stops the watching, with WatchErr
	// saying why, rather than the program.
	var failed error
	defer func() {
		if failed != nil {
			l.setWatchErr(failed)
		}
	}()
	defer kind.Recover(&failed, "watching the workspace")
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ignored(l.dir, ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = addTree(w, ev.Name)
				}
			}
			timer = time.After(Debounce)
		case _, ok := <-w.Errors:
			if !ok {
				return
			}
		case <-timer:
			timer = nil
			res := run(ctx)
			if ctx.Err() != nil {
				return
			}
			drain(out)
			out <- res
		}
	}
}

// drain takes a result the receiver has not taken yet: a newer one replaces it. Only this
// goroutine sends on out, so a send after drain does not block.
func drain(out chan *Result) {
	select {
	case <-out:
	default:
	}
}

// addTree watches dir and every folder below it that is not ignored.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path != dir && ignored(dir, path) {
			return filepath.SkipDir
		}
		return w.Add(path)
	})
}

// ignored tells the learner's files from hidden ones, editors' backups and Python's caches.
func ignored(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return true
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "." {
			continue
		}
		if strings.HasPrefix(part, ".") || strings.HasSuffix(part, "~") || part == "__pycache__" || strings.HasSuffix(part, ".swp") {
			return true
		}
	}
	return false
}
