package command

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/adrg/xdg"

	"github.com/aieng/aieng/internal/lab/goal"
)

// Config is one command lab, its paths resolved by the caller.
type Config struct {
	ID       string // the lab's id: the workspace's folder name
	Title    string // shown above the check's result
	Starter  string // folder of starter files
	Solution string // folder of solution files, "" when none
	// Files holds Starter and Solution, as slash-separated paths within it (a course's files:
	// a folder, the course embedded in the binary or a bundle); nil means they are folders on
	// disk.
	Files       fs.FS
	Check       string        // the command, run with sh -c in the workspace
	Timeout     time.Duration // 0: DefaultTimeout
	OutputLimit int           // 0: DefaultOutputLimit
	Goal        string        // "": exit == 0
}

// Lab is an opened command lab: a workspace holding the learner's copy of the starter files.
type Lab struct {
	cfg  Config
	goal *goal.Expr
	dir  string

	mu       sync.Mutex
	last     *Result
	passed   bool
	watchErr error // why the watching stopped on its own (WatchErr)
}

// DefaultBase is where workspaces go: the XDG data directory (on Linux
// ~/.local/share/aieng/labs), one folder per course.
func DefaultBase() string { return filepath.Join(xdg.DataHome, "aieng", "labs") }

// namePattern keeps workspace folder names to plain names: no separators, no "..".
var namePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Open prepares the workspace base/course/id, copying the starter files there unless it
// already exists (the learner's edits are kept between sessions). It runs nothing.
func Open(base, course string, cfg Config) (*Lab, error) {
	if !namePattern.MatchString(course) || !namePattern.MatchString(cfg.ID) {
		return nil, fmt.Errorf("lab workspace names must be plain names, got course %q and lab %q", course, cfg.ID)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.OutputLimit <= 0 {
		cfg.OutputLimit = DefaultOutputLimit
	}
	if cfg.Goal == "" {
		cfg.Goal = Def.DefaultGoal
	}
	g, err := goal.Parse(cfg.Goal)
	if err != nil {
		return nil, fmt.Errorf("lab %s: goal: %w", cfg.ID, err)
	}
	if info, err := fs.Stat(cfg.tree(cfg.Starter)); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("lab %s: starter folder %s is missing", cfg.ID, cfg.Starter)
	}
	l := &Lab{cfg: cfg, goal: g, dir: filepath.Join(base, course, cfg.ID)}
	if _, err := os.Stat(l.dir); errors.Is(err, fs.ErrNotExist) {
		if err := l.copyStarter(); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	return l, nil
}

// Dir is the workspace the learner edits.
func (l *Lab) Dir() string { return l.dir }

// Command is the check command, to show the learner before asking to run it.
func (l *Lab) Command() string { return l.cfg.Check }

// Reset puts the starter files back: the workspace is emptied and copied again. Only the
// workspace folder, which Open created under the base, is removed.
func (l *Lab) Reset() error {
	if err := os.RemoveAll(l.dir); err != nil {
		return fmt.Errorf("lab %s: emptying the workspace: %w", l.cfg.ID, err)
	}
	l.mu.Lock()
	l.last = nil
	l.mu.Unlock()
	return l.copyStarter()
}

// tree returns the file system and the path within it of a folder the config names.
func (c Config) tree(dir string) (fs.FS, string) {
	if c.Files == nil {
		return os.DirFS(dir), "."
	}
	return c.Files, dir
}

func (l *Lab) copyStarter() error {
	fsys, root := l.cfg.tree(l.cfg.Starter)
	if err := copyTree(fsys, root, l.dir); err != nil {
		return fmt.Errorf("lab %s: copying the starter files: %w", l.cfg.ID, err)
	}
	return nil
}

// Passed reports whether a check has met the goal (in this session, or as MarkPassed said).
func (l *Lab) Passed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.passed
}

// MarkPassed records a pass from an earlier session (kept in progress), so the solution shows.
func (l *Lab) MarkPassed() {
	l.mu.Lock()
	l.passed = true
	l.mu.Unlock()
}

// Last is the most recent check's result, nil before the first.
func (l *Lab) Last() *Result {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.last
}

// ErrNotPassed is returned by Solution before the goal has been met.
var ErrNotPassed = errors.New("the solution is shown once the check passes")

// ErrNoSolution is returned by Solution when the instructor gave none.
var ErrNoSolution = errors.New("this lab has no solution")

// File is one solution file: its path within the solution folder and its text.
type File struct {
	Path string
	Text string
}

// Solution returns the solution's files, only once the goal has been met.
func (l *Lab) Solution() ([]File, error) {
	if !l.Passed() {
		return nil, ErrNotPassed
	}
	if l.cfg.Solution == "" {
		return nil, ErrNoSolution
	}
	fsys, root := l.cfg.tree(l.cfg.Solution)
	return readTree(fsys, root, l.cfg.OutputLimit)
}
