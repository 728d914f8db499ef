package lessons

import (
	"fmt"
	"sort"

	"github.com/aieng/aieng/internal/safetext"
)

// Severity tells whether a problem makes a course unusable (Error) or only worse (Warning), or
// is only worth knowing (Note: a file that is not read).
type Severity int

// The severities, from most to least serious.
const (
	Error Severity = iota
	Warning
	Note
)

// Problem is one thing wrong with a course file, with its position (1-based line and column;
// column counts characters, not bytes).
type Problem struct {
	Path     string
	Line     int
	Col      int
	Severity Severity
	Message  string
}

// String formats the problem the way compilers do, so editors can jump to it. A path with a
// control or invisible character in it is quoted with Go's escapes, so that printing it does
// nothing to the terminal and shows what is there.
func (p Problem) String() string {
	msg := p.Message
	switch p.Severity {
	case Warning:
		msg = "warning: " + msg
	case Note:
		msg = "note: " + msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", safetext.Quote(p.Path), p.Line, p.Col, safetext.Line(msg))
}

// Problems is a list of problems in the order they were found.
type Problems []Problem

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool { return len(ps.Errors()) > 0 }

// Errors returns only the errors.
func (ps Problems) Errors() Problems { return ps.filter(Error) }

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems { return ps.filter(Warning) }

// Notes returns only the notes.
func (ps Problems) Notes() Problems { return ps.filter(Note) }

func (ps Problems) filter(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Sort orders problems by file and position, so reports read top to bottom.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// problemList collects problems for one file.
type problemList struct {
	path  string
	items Problems
	seen  map[Problem]bool // one mistake found by two checks is listed once
}

func (l *problemList) errorf(line, col int, format string, args ...any) {
	l.add(Error, line, col, format, args...)
}

func (l *problemList) warnf(line, col int, format string, args ...any) {
	l.add(Warning, line, col, format, args...)
}

func (l *problemList) add(s Severity, line, col int, format string, args ...any) {
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	p := Problem{Path: l.path, Line: line, Col: col, Severity: s, Message: fmt.Sprintf(format, args...)}
	if l.seen[p] {
		return
	}
	if l.seen == nil {
		l.seen = map[Problem]bool{}
	}
	l.seen[p] = true
	l.items = append(l.items, p)
}
