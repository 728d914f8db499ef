package bundle

import (
	"archive/zip"
	"io/fs"
	"path"
	"slices"

	"github.com/aieng/aieng/lessons"
)

// labFiles lists the files of a course's command labs (their starter and solution folders,
// beside the lessons), which a bundle carries with the course: a learner's aieng copies the
// starter files out of it. Only regular files are listed; the loader has already refused labs
// whose folders are missing or lead outside the course.
func labFiles(fsys fs.FS) ([]string, error) {
	c, _, err := lessons.Load(fsys, "")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, l := range c.Lessons {
		for _, lb := range l.Labs {
			if lb.Kind != "command" {
				continue
			}
			for _, param := range []string{"starter", "solution"} {
				dir, _ := lb.Params[param].(string)
				if dir == "" {
					continue
				}
				err := fs.WalkDir(fsys, path.Join(lessons.LessonDir, dir), func(name string, d fs.DirEntry, err error) error {
					if err == nil && d.Type().IsRegular() {
						files = append(files, name)
					}
					return err
				})
				if err != nil {
					return nil, err
				}
			}
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// fileHeader is the archive's header for a file: its name, compressed, with the file's
// permissions, so that a lab's executable starter file (a check script) stays executable.
func fileHeader(fsys fs.FS, name string) *zip.FileHeader {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	if info, err := fs.Stat(fsys, name); err == nil {
		h.SetMode(info.Mode().Perm())
	}
	return h
}
