package command

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// copyTree copies the regular files and folders under root in fsys into dst, keeping each
// file's executable bit. Links and other special files are skipped: a course may not point a
// learner's workspace at files outside it.
func copyTree(fsys fs.FS, root, dst string) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, filepath.FromSlash(relative(root, name)))
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			return copyFile(fsys, name, target)
		}
		return nil
	})
}

// relative is name's path below root, both slash-separated paths of one fs.FS.
func relative(root, name string) string {
	if root == "." {
		return name
	}
	if name == root {
		return "."
	}
	return name[len(path.Clean(root))+1:]
}

func copyFile(fsys fs.FS, name, dst string) error {
	in, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, info.Mode().Perm()|0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// readTree reads the regular files under root in fsys, each cut to limit bytes.
func readTree(fsys fs.FS, root string, limit int) ([]File, error) {
	var files []File
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, int64(limit)))
		if err != nil {
			return err
		}
		files = append(files, File{Path: relative(root, name), Text: string(data)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the solution: %w", err)
	}
	return files, nil
}
