package bundle

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"sync/atomic"

	"github.com/aieng/aieng/lessons"
)

// Limits on reading an attached course. The sizes a zip archive declares are not trusted (a
// damaged or crafted bundle may declare 2^62 bytes, or pack gigabytes into a few kilobytes):
// these count the bytes actually unpacked.
var (
	// maxEntry bounds one file: no course file may be larger than a lesson (course.yaml is
	// bounded lower by the loader).
	maxEntry int64 = lessons.MaxFileSize
	// maxTotal bounds everything unpacked from one bundle: 64 lessons of the largest size, and
	// about a hundred times a large real course.
	maxTotal int64 = 64 << 20
	// maxRatio bounds how much a file may expand: the built-in course's lessons deflate 2.5 : 1,
	// while a zip bomb expands a thousand times.
	maxRatio int64 = 100
	// ratioSlack lets a small file expand more: it cannot cost much.
	ratioSlack int64 = 64 << 10
)

// courseFS is the attached course, with every file read under the limits above.
type courseFS struct {
	zr       *zip.Reader
	bin      string       // the executable, for messages
	unpacked atomic.Int64 // bytes unpacked from every file so far
}

func (c *courseFS) Open(name string) (fs.File, error) {
	f, err := c.zr.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return f, err
	}
	var packed int64
	if h, ok := info.Sys().(*zip.FileHeader); ok {
		packed = int64(min(h.CompressedSize64, 1<<40))
	}
	return &limitedFile{File: f, fsys: c, name: name, packed: packed}, nil
}

// ReadFile reads a file under the limits. Without it, fs.ReadFile would allocate the size the
// archive declares, and a declared 2^62 bytes panics.
func (c *courseFS) ReadFile(name string) ([]byte, error) {
	f, err := c.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// limitedFile is one file of the course, read under the limits.
type limitedFile struct {
	fs.File
	fsys   *courseFS
	name   string
	packed int64 // its compressed size
	read   int64
}

func (f *limitedFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.read += int64(n)
	total := f.fsys.unpacked.Add(int64(n))
	switch {
	case f.read > maxEntry:
		return n, f.fsys.refused(fmt.Sprintf("%s unpacks to more than %d bytes", f.name, maxEntry))
	case f.read > maxRatio*f.packed+ratioSlack:
		return n, f.fsys.refused(fmt.Sprintf("%s unpacks to more than %d times its packed size of %d bytes", f.name, maxRatio, f.packed))
	case total > maxTotal:
		return n, f.fsys.refused(fmt.Sprintf("its files unpack to more than %d MiB", maxTotal>>20))
	}
	return n, err
}

func (c *courseFS) refused(why string) error {
	return fmt.Errorf("the course attached to %s is refused: %s", c.bin, why)
}
