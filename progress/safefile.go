package progress

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
)

// maxFileSize bounds the progress file aieng reads and writes. A quiz attempt takes a few
// kilobytes, so 10 MiB holds thousands of them; a bigger file is not one aieng wrote for a
// learner, and would take seconds to load and to save at every change.
const maxFileSize = 10 << 20

// maxLinks bounds a chain of symbolic links, as the kernel does (ELOOP).
const maxLinks = 40

// owner is who owns a file; known is false where the system has no user ids.
type owner struct {
	uid, gid int
	known    bool
}

// fileMeta is what a save keeps of the file it replaces: its mode and owner.
type fileMeta struct {
	exists bool
	mode   fs.FileMode
	owner  owner
}

// readFile reads the progress file without blocking on whatever is at path: a FIFO or a device
// is refused before a byte is read, as is a file over maxFileSize, and a symbolic link (the
// link was resolved at Open; one that appears since is not followed). A missing file returns
// an error satisfying errors.Is(err, fs.ErrNotExist).
func readFile(path string) ([]byte, fileMeta, error) {
	f, err := openNoBlock(path)
	if err != nil {
		if info, lerr := os.Lstat(path); lerr == nil && !info.Mode().IsRegular() {
			return nil, fileMeta{}, &notRegularError{path, info.Mode()}
		}
		return nil, fileMeta{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fileMeta{}, err
	}
	meta := fileMeta{exists: true, mode: info.Mode().Perm(), owner: ownerOf(info)}
	switch {
	case !info.Mode().IsRegular():
		return nil, meta, &notRegularError{path, info.Mode()}
	case info.Size() > maxFileSize:
		return nil, meta, &tooLargeError{path, info.Size()}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, meta, err
	}
	if len(data) > maxFileSize { // it grew while being read
		return nil, meta, &tooLargeError{path, int64(len(data))}
	}
	return data, meta, nil
}

// notRegularError is something other than a file where the progress file should be.
type notRegularError struct {
	path string
	mode fs.FileMode
}

func (e *notRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a progress file", e.path, kindOf(e.mode))
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// tooLargeError is a file over maxFileSize.
type tooLargeError struct {
	path string
	size int64
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("%s is %d bytes (%.1f MiB); aieng reads progress files of at most %d MiB", e.path, e.size,
		float64(e.size)/(1<<20), maxFileSize>>20)
}

// notYoursError is a file that belongs to another user, which aieng will not replace: the
// rename would hand that user's file to this one (or fail later for them).
type notYoursError struct {
	path  string
	owner owner
}

func (e *notYoursError) Error() string {
	return fmt.Sprintf("%s belongs to %s: aieng does not replace another user's file", e.path, e.ownedBy())
}

func (e *notYoursError) ownedBy() string {
	return fmt.Sprintf("%s, and you are %s", userName(e.owner.uid), userName(currentUID()))
}

// checkMine refuses a file that belongs to another user, unless aieng runs as root: root may
// save, and the save gives the file back to its owner (see keepMeta).
func checkMine(path string, meta fileMeta) error {
	me := currentUID()
	if !meta.exists || !meta.owner.known || me < 0 || me == 0 || meta.owner.uid == me {
		return nil
	}
	return &notYoursError{path, meta.owner}
}

// userName names a user id for a message: "alice (uid 1000)", or "uid 1000" when unknown.
func userName(uid int) string {
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil && u.Username != "" {
		return fmt.Sprintf("%s (uid %d)", u.Username, uid)
	}
	return fmt.Sprintf("uid %d", uid)
}

// resolve returns the file that saves write to: path, or the file a symbolic link at path
// leads to (a save replaces the file by renaming over it, which would turn the link into a
// plain file). A link is followed only when following it cannot make aieng write another
// user's file (see checkLinks); otherwise resolve returns path and the reason.
func resolve(path string) (string, error) {
	target := path
	var links []string
	var linkOwners []owner
	for {
		info, err := os.Lstat(target)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			break // a missing target (a dangling link) is created by the first save
		}
		if len(links) == maxLinks {
			return path, fmt.Errorf("progress file %s: too many levels of symbolic links", path)
		}
		dest, err := os.Readlink(target)
		if err != nil {
			return path, err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(target), dest)
		}
		links, linkOwners = append(links, target), append(linkOwners, ownerOf(info))
		target = filepath.Clean(dest)
	}
	if len(links) == 0 {
		return path, nil
	}
	if err := checkLinks(path, target, links, linkOwners); err != nil {
		return path, err
	}
	return target, nil
}

// checkLinks allows a chain of links to target when each link belongs to the user and so does
// target (if it exists), and target is a regular file: the way a dotfile manager links
// progress.json. Running as root, a link may also belong to the user who owns target (or, for a
// target not yet created, its folder): 'sudo aieng' on a learner's linked file. A link that
// someone else planted, for example in a shared folder, is never followed, nor one to a device.
func checkLinks(path, target string, links []string, linkOwners []owner) error {
	me := currentUID()
	want := ownerFor(target)
	for i, o := range linkOwners {
		if me < 0 || !o.known || o.uid == me || (me == 0 && want.known && o.uid == want.uid) {
			continue
		}
		return fmt.Errorf("progress file %s is a symbolic link, and %s belongs to %s, not to you (%s): aieng does not follow it",
			path, links[i], userName(o.uid), userName(me))
	}
	info, err := os.Lstat(target)
	switch {
	case err != nil:
		return nil // not there yet: the first save creates it, and the link stays a link
	case !info.Mode().IsRegular():
		return fmt.Errorf("progress file %s is a symbolic link to %s, which is %s, not a progress file: aieng does not follow it",
			path, target, kindOf(info.Mode()))
	case me > 0 && want.known && want.uid != me:
		return fmt.Errorf("progress file %s is a symbolic link to %s, which belongs to %s, not to you (%s): aieng does not follow it",
			path, target, userName(want.uid), userName(me))
	}
	return nil
}

// ownerFor returns who owns path, or, when it does not exist yet, the nearest folder above it
// that does: whom a file aieng creates there should belong to.
func ownerFor(path string) owner {
	for p := path; ; p = filepath.Dir(p) {
		if info, err := os.Lstat(p); err == nil {
			return ownerOf(info)
		}
		if filepath.Dir(p) == p {
			return owner{}
		}
	}
}

// mkdirAll creates dir and its missing parents (0700). Running as root, each folder it creates
// is given to the owner of the folder it is created in, so that 'sudo aieng' leaves nothing of
// root's in a learner's home.
func mkdirAll(dir string) error {
	var missing []string
	for p := dir; ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil || !errors.Is(err, fs.ErrNotExist) || filepath.Dir(p) == p {
			break
		}
		missing = append(missing, p)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := giveTo(missing[i], ownerFor(filepath.Dir(missing[i]))); err != nil {
			return err
		}
	}
	return nil
}
