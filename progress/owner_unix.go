//go:build unix

package progress

import (
	"io/fs"
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without following a symbolic link in its last component
// and without waiting for a writer when it is a FIFO, so that whatever is found there can be
// examined (fstat) before a byte is read.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
}

// ownerOf returns the owner of a file described by Stat or Lstat.
func ownerOf(info fs.FileInfo) owner {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return owner{uid: int(st.Uid), gid: int(st.Gid), known: true}
	}
	return owner{}
}

// currentUID is the user whose files aieng may write: the effective user id.
func currentUID() int { return os.Geteuid() }

// giveTo gives a file or folder aieng has just created to o, when aieng runs as root (sudo)
// on someone else's progress. A user other than root cannot give files away and need not.
func giveTo(path string, o owner) error {
	if os.Geteuid() != 0 || !o.known || o.uid == 0 && o.gid == 0 {
		return nil
	}
	return os.Lchown(path, o.uid, o.gid)
}

// keepMeta gives the temporary file that replaces the progress file the old file's mode and,
// when aieng runs as root, its owner: a save by 'sudo aieng' must leave the learner's file
// theirs.
func keepMeta(f *os.File, meta fileMeta) error {
	if os.Geteuid() == 0 && meta.owner.known && (meta.owner.uid != 0 || meta.owner.gid != 0) {
		if err := f.Chown(meta.owner.uid, meta.owner.gid); err != nil {
			return err
		}
	}
	if meta.exists {
		return f.Chmod(meta.mode)
	}
	return nil
}
