//go:build !unix

package progress

import (
	"io/fs"
	"os"
)

// openNoBlock opens a file for reading. Other systems have no FIFOs in the file system that
// an open could wait on.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

// ownerOf reports no owner: ownership is not checked on these systems.
func ownerOf(fs.FileInfo) owner { return owner{} }

// currentUID is -1 where user ids do not exist (os.Geteuid returns -1 on Windows).
func currentUID() int { return os.Geteuid() }

func giveTo(string, owner) error { return nil }

func keepMeta(*os.File, fileMeta) error { return nil }
