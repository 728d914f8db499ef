// Package bundle attaches a course to a copy of the aieng binary and finds it again at start-up.
//
// The course is a zip archive appended to the executable, followed by a fixed trailer: the
// archive's length and a magic string. Executables ignore bytes after their last section, so
// the binary runs as before (a signed macOS binary must be signed again: docs/distributing.md).
package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/aieng/aieng/lessons"
)

// magic ends every bundled binary; it is 16 bytes so the trailer is 24 bytes in all.
const magic = "AIENG-COURSE-v1\x00"

const trailerSize = 8 + len(magic)

// Write copies the binary at base to out with the course files of dir attached, replacing any
// course base already carries. It writes a temporary file and renames it, so a failure leaves
// no half-written binary behind.
func Write(out, base, dir string) error {
	bin, err := os.ReadFile(base)
	if err != nil {
		return fmt.Errorf("cannot read the base binary: %w", err)
	}
	bin = bin[:executableSize(bin)]
	archive, err := zipCourse(dir)
	if err != nil {
		return err
	}
	var trailer [trailerSize]byte
	binary.BigEndian.PutUint64(trailer[:8], uint64(len(archive)))
	copy(trailer[8:], magic)

	tmp, err := os.CreateTemp(filepath.Dir(out), ".aieng-bundle-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	for _, part := range [][]byte{bin, archive, trailer[:]} {
		if _, err := tmp.Write(part); err != nil {
			tmp.Close()
			return fmt.Errorf("cannot write %s: %w", out, err)
		}
	}
	if err := tmp.Chmod(0o755); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	return nil
}

// executableSize returns how much of bin is the executable, without an attached course.
func executableSize(bin []byte) int {
	if len(bin) < trailerSize || string(bin[len(bin)-len(magic):]) != magic {
		return len(bin)
	}
	n := binary.BigEndian.Uint64(bin[len(bin)-trailerSize:])
	if n > uint64(len(bin)-trailerSize) {
		return len(bin)
	}
	return len(bin) - trailerSize - int(n)
}

// zipCourse archives the files a course is loaded from: the manifest and the top-level *.md files.
func zipCourse(dir string) ([]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the course folder: %w", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !lessons.IsCourseFile(name) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// openBundle returns the course attached to the executable at path, or nil when it has none.
// The file stays open for the life of the returned file system, which is the process's.
func openBundle(path string) (fs.FS, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fsys, err := open(f)
	if fsys == nil {
		f.Close()
	}
	return fsys, err
}

func open(f *os.File) (fs.FS, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if size < int64(trailerSize) {
		return nil, nil
	}
	var trailer [trailerSize]byte
	if _, err := f.ReadAt(trailer[:], size-int64(trailerSize)); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if string(trailer[8:]) != magic {
		return nil, nil
	}
	n := int64(binary.BigEndian.Uint64(trailer[:8]))
	if n <= 0 || n > size-int64(trailerSize) {
		return nil, errors.New("the attached course is damaged: bundle the course again")
	}
	zr, err := zip.NewReader(io.NewSectionReader(f, size-int64(trailerSize)-n, n), n)
	if err != nil {
		return nil, fmt.Errorf("the attached course is damaged: %w", err)
	}
	return zr, nil
}

// FromExecutable returns the course attached to the running binary, or nil.
func FromExecutable() (fs.FS, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, nil // no way to find ourselves: run the built-in course
	}
	return openBundle(exe)
}
