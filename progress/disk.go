package progress

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// lockTimeout bounds how long a save waits for another aieng process to finish its own save,
// which takes milliseconds: a longer wait means that process is stuck, and the learner should
// hear about it rather than watch a frozen screen.
const lockTimeout = 10 * time.Second

// lockRetry is how often a waiting save tries the lock again.
const lockRetry = 2 * time.Millisecond

// commit runs one read, merge and write cycle under the file lock. update receives what is on
// disk and returns what to write, or nil to write nothing. commit returns what it wrote.
func (s *Store) commit(update func(disk *file) (*file, error)) (*file, error) {
	var written *file
	err := s.withLock(func() error {
		disk, meta, err := s.readLocked()
		if err != nil {
			return err
		}
		f, err := update(disk)
		if err != nil || f == nil {
			return err
		}
		data, err := encode(f)
		if err != nil {
			return err
		}
		if len(data) > maxFileSize { // it could not be read back
			return fmt.Errorf("progress would grow to %d bytes, past the %d MiB aieng reads", len(data), maxFileSize>>20)
		}
		if !meta.exists {
			meta.owner = ownerFor(filepath.Dir(s.path))
		}
		if err := writeFileAtomic(s.path, data, meta); err != nil {
			return err
		}
		written = f
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrReadOnly) {
			return nil, err
		}
		return nil, &saveError{err}
	}
	return written, nil
}

// saveError is a failed save: one line for a status bar, with its cause kept for errors.Is
// (a full disk is syscall.ENOSPC).
type saveError struct{ cause error }

func (e *saveError) Error() string { return "cannot save progress: " + oneLine(e.cause) }
func (e *saveError) Unwrap() error { return e.cause }

// withLock creates the file's directory if needed and runs fn holding the lock on the sidecar
// file <path>.lock. The lock file is never removed: removing it while another process waits on
// it would let two processes hold "the" lock at once.
func (s *Store) withLock(fn func() error) error {
	if err := mkdirAll(filepath.Dir(s.path)); err != nil {
		return err
	}
	lock := flock.New(s.path+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), lockTimeout)
	defer cancel()
	locked, err := lock.TryLockContext(ctx, lockRetry)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (err == nil && !locked):
		return fmt.Errorf("%s is held by another aieng process that has not let go for %v", lock.Path(), lockTimeout)
	case err != nil:
		return fmt.Errorf("cannot lock %s: %w", lock.Path(), err)
	}
	defer func() { _ = lock.Unlock() }() // closing the descriptor releases the lock even if this fails
	// Under sudo, a lock file root has just created would lock its owner out of every save.
	if err := giveTo(lock.Path(), ownerFor(s.path)); err != nil {
		return fmt.Errorf("cannot give %s back to the progress file's owner: %w", lock.Path(), err)
	}
	removeStaleTemps(s.path)
	return fn()
}

// readLocked reads the file while holding the lock, and returns it with the mode and owner the
// save must keep. A missing file reads as empty. A damaged one is moved aside, with a warning,
// and reads as empty; only a regular file of this user is ever moved (readFile and checkMine
// refuse the rest), and, at a path the learner gave, only one that looks like a progress file
// (foreign). A file of a newer or unknown schema makes the store read-only: it returns
// what could be read and an ErrReadOnly error.
func (s *Store) readLocked() (*file, fileMeta, error) {
	data, meta, err := readFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return newFile(), fileMeta{}, nil
	}
	if err == nil {
		err = checkMine(s.path, meta)
	}
	if err != nil {
		return nil, meta, unreadable(s.path, err)
	}
	if s.foreign(data) { // put there since Open read the file
		return nil, meta, s.readOnlyError()
	}
	f, err := decode(data)
	var schema *schemaError
	switch {
	case err == nil:
		return f, meta, nil
	case errors.As(err, &schema):
		s.markSchema(schema)
		return f, meta, s.readOnlyError()
	}
	aside := uniquePath(s.path + ".corrupt-" + fileStamp(time.Now()))
	if renameErr := os.Rename(s.path, aside); renameErr != nil {
		return nil, meta, fmt.Errorf("progress file %s is damaged (%s) and cannot be moved aside: %w", s.path, damage(err), renameErr)
	}
	_ = syncDir(filepath.Dir(s.path)) // the move is made durable by the save that follows, if not here
	s.addWarning(fmt.Sprintf("progress file was damaged (%s) and has been moved to %s; starting afresh", damage(err), aside))
	return newFile(), fileMeta{}, nil
}

// markSchema makes the store read-only because of the file's schema and tells the learner why,
// once.
func (s *Store) markSchema(e *schemaError) {
	s.stopSaving(e.why(s.path), e.warning(s.path))
}

// writeFileAtomic replaces path with data so that the file, whenever it is read or whenever
// the machine stops, holds either the old content or the new, never a mix and never nothing:
// a temporary file in the same directory (a rename is atomic only within one file system),
// synced, renamed over path, and the directory synced so the rename itself is on disk. The new
// file gets the mode of the file it replaces (meta; 0600 for a new one) and, when aieng runs as
// root, the owner.
func writeFileAtomic(path string, data []byte, meta fileMeta) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*") // created 0600
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = keepMeta(tmp, meta); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes renames in dir durable. Windows cannot sync a directory, and there a rename is
// durable once it returns.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// removeStaleTemps removes temporary files left by a save that was killed halfway. Every save
// creates its temporary file while holding the lock, so when this runs, under the lock, any
// temporary file that is there belongs to a process that died.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, prefix) && strings.Contains(name, ".tmp-") && e.Type().IsRegular() {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}
