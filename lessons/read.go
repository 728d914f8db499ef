package lessons

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// MaxManifestSize bounds course.yaml. A manifest holds a few fields and the list of lesson
// ids: 256 KiB lists thousands of lessons.
const MaxManifestSize = 256 << 10

// maxLinks bounds a chain of symbolic links, as the kernel does (ELOOP).
const maxLinks = 40

// ReadCourseFile reads one file of a course: course.yaml (at most MaxManifestSize) or a lesson
// (at most MaxFileSize). A course is input from someone else, so it is read with care: only a
// regular file is opened (a FIFO or a device is refused before it is opened, and would never
// answer or never end), a size the file system reports over the limit is refused before a
// byte is read, and the content is read through a limited reader, since a size declared in a
// zip archive may lie. When fsys can read links (os.DirFS, os.Root.FS), a symbolic link that
// leads outside fsys, or is absolute, is refused; LoadDir reads through an os.Root, which
// refuses such links at every step of a path.
//
// The error is a complete sentence for a problem line: the caller adds the file's position.
func ReadCourseFile(fsys fs.FS, name string) ([]byte, error) {
	limit, what := int64(MaxFileSize), "a lesson may be at most 1 MiB"
	if name == ManifestName {
		limit, what = MaxManifestSize, ManifestName+" may be at most 256 KiB"
	}
	if err := checkLink(fsys, name); err != nil {
		return nil, err
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, cannotRead(fsys, name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s, not a file: a course holds only regular files", kindOf(info.Mode()))
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes; %s", info.Size(), what)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, cannotRead(fsys, name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	switch {
	case err != nil:
		return nil, cannotRead(fsys, name, err)
	case int64(len(data)) > limit:
		return nil, fmt.Errorf("file holds more than %d bytes; %s", limit, what)
	}
	return data, nil
}

// checkLink refuses a symbolic link (or a chain of them) that leads outside fsys: an absolute
// target, or a relative one that climbs out with "..". A lesson linked to a file elsewhere on
// the author's machine would otherwise be shown, and packed by 'aieng bundle', unnoticed.
func checkLink(fsys fs.FS, name string) error {
	links, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil
	}
	for range maxLinks {
		info, err := links.Lstat(name)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return nil // not a link (any other problem is reported by Stat)
		}
		dest, err := links.ReadLink(name)
		if err != nil {
			return nil
		}
		next := path.Join(path.Dir(name), dest)
		if path.IsAbs(dest) || strings.HasPrefix(dest, `\`) || !fs.ValidPath(next) {
			return fmt.Errorf("symbolic link to %q, outside the course folder: copy the file into the folder "+
				"(a relative link to a file inside the folder is fine)", dest)
		}
		name = next
	}
	return errors.New("too many levels of symbolic links")
}

// cannotRead words a read error; for a link it says where the link leads, since the error of a
// link that os.Root refused ("path escapes from parent") does not.
func cannotRead(fsys fs.FS, name string, err error) error {
	if links, ok := fsys.(fs.ReadLinkFS); ok {
		if dest, lerr := links.ReadLink(name); lerr == nil {
			return fmt.Errorf("cannot read the symbolic link to %q (a link must stay inside the course folder): %w", dest, err)
		}
	}
	return fmt.Errorf("cannot read: %w", err)
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
