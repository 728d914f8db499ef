package lessons

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/aieng/aieng/internal/yamltext"
)

// MaxFileSize bounds a lesson file, so a stray binary or generated file cannot stall the loader.
const MaxFileSize = 1 << 20

// normalizeNewlines turns CRLF (Windows) and lone CR (old Mac) line endings into LF. A carriage
// return that reached a terminal would send the cursor back over the line it ends; lines and
// columns count the same either way.
func normalizeNewlines(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	return bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
}

// lineIndex maps byte offsets of one file to 1-based line and column numbers.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of each line's first byte
}

func newLineIndex(src []byte) *lineIndex {
	starts := make([]int, 1, 64)
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// pos returns the line and the column (in characters) of a byte offset.
func (x *lineIndex) pos(offset int) (line, col int) {
	offset = max(0, min(offset, len(x.src)))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	return i + 1, utf8.RuneCount(x.src[x.starts[i]:offset]) + 1
}

// lineStart returns the byte offset at which the line holding offset starts.
func (x *lineIndex) lineStart(offset int) int {
	line, _ := x.pos(offset)
	return x.starts[line-1]
}

// checkText reports invalid UTF-8 and terminal control characters, which could move the cursor,
// retitle the window or worse when a lesson is printed to a learner's terminal.
func checkText(src []byte, idx *lineIndex, pl *problemList) {
	const maxReports = 10
	reported := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		bad := ""
		switch {
		case r == utf8.RuneError && size == 1:
			bad = yamltext.InvalidUTF8
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			bad = fmt.Sprintf("control character %s is not allowed: it could change the learner's terminal", controlName(r))
		}
		if bad != "" {
			if reported == maxReports {
				line, col := idx.pos(i)
				pl.errorf(line, col, "more invalid or control characters follow; only the first %d are listed", maxReports)
				return
			}
			line, col := idx.pos(i)
			pl.errorf(line, col, "%s", bad)
			reported++
		}
		i += size
	}
}

// controlNames names the control characters a learner's terminal acts on most.
var controlNames = map[rune]string{0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC", 0x7f: "DEL",
	0x90: "DCS", 0x9b: "CSI", 0x9c: "ST", 0x9d: "OSC"}

func controlName(r rune) string {
	if n, ok := controlNames[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}
