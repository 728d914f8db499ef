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

// zipCourse archives the files a course is loaded from: the manifest and the top-level *.md
// files, and its command labs' folders (labs.go), each read as the loader reads it
// (lessons.ReadCourseFile: regular files within their size limits, and no link that leads
// outside the folder).
func zipCourse(dir string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the course folder: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("cannot read the course folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && lessons.IsCourseFile(e.Name()) {
			names = append(names, e.Name())
		}
	}
	labs, err := labFiles(fsys)
	if err != nil {
		return nil, fmt.Errorf("cannot read the course's lab folders: %w", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range append(names, labs...) {
		data, err := lessons.ReadCourseFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
		}
		w, err := zw.CreateHeader(fileHeader(fsys, name))
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

// openBundle returns the course attached to the executable at path, or nil when it has none. An
// attached course that is damaged (a cut or wrong trailer, a broken archive) is an error that
// names the executable, never a silent fall-back to the built-in course. The course's files
// are read under limits (see limits.go). The file stays open for the life of the returned file
// system, which is the process's.
func openBundle(path string) (fs.FS, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fsys, err := open(f)
	if err != nil {
		err = fmt.Errorf("the course attached to %s is damaged: %w: bundle the course again", path, err)
	}
	if fsys == nil {
		f.Close()
		return nil, err
	}
	return &courseFS{zr: fsys, bin: path}, nil
}

func open(f *os.File) (*zip.Reader, error) {
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
		if cutShort(f, size) {
			return nil, errors.New("its end is cut off (an incomplete copy or download?)")
		}
		return nil, nil
	}
	n := int64(binary.BigEndian.Uint64(trailer[:8]))
	if n <= 0 || n > size-int64(trailerSize) {
		return nil, fmt.Errorf("the length in its trailer (%d bytes) does not fit in the file", uint64(n))
	}
	return zip.NewReader(io.NewSectionReader(f, size-int64(trailerSize)-n, n), n)
}

// eocdSize is the size of a zip archive's end-of-central-directory record without a comment,
// which is how the writer of this package ends every archive.
const eocdSize = 22

// cutShort reports whether the file ends like a bundle whose trailer was cut: an archive's
// end record followed by fewer than trailerSize bytes, of which any past the length are the
// start of the magic string. An executable alone does not end that way.
func cutShort(f *os.File, size int64) bool {
	tail := make([]byte, min(size, int64(eocdSize+trailerSize)))
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil && !errors.Is(err, io.EOF) {
		return false
	}
	for kept := 0; kept < trailerSize; kept++ { // bytes of the trailer still there
		end := len(tail) - kept
		if end < eocdSize {
			break
		}
		rec := tail[end-eocdSize : end]
		if string(rec[:4]) != "PK\x05\x06" || rec[20] != 0 || rec[21] != 0 {
			continue
		}
		if kept <= 8 || string(tail[end+8:]) == magic[:kept-8] {
			return true
		}
	}
	return false
}

// FromExecutable returns the course attached to the running binary, or nil.
func FromExecutable() (fs.FS, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, nil // no way to find ourselves: run the built-in course
	}
	return openBundle(exe)
}
