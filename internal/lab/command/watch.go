package command

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
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
	go l.watchLoop(ctx, w, out)
	return out, nil
}

func (l *Lab) watchLoop(ctx context.Context, w *fsnotify.Watcher, out chan *Result) {
	defer close(out)
	defer w.Close()
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
			res := l.Run(ctx)
			if ctx.Err() != nil {
				return
			}
			select {
			case out <- res:
			default:
				select {
				case <-out:
				default:
				}
				out <- res
			}
		}
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
