package lessons

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// ManifestName is the course manifest's file name inside a course folder.
const ManifestName = "course.yaml"

// defaultPassMark is the pass mark, in percent, when the manifest gives none.
const defaultPassMark = 70

// DefaultSection names the section of lessons that do not name one.
const DefaultSection = "Lessons"

//go:embed course
var builtinFS embed.FS

// builtinSource is how problems in the built-in course name their files: the path from the
// repository root, so an editor can open them.
const builtinSource = "lessons/course"

// ShippedCourseID is the id of the course this repository ships in lessons/course. The tests of
// that course's own content (its lessons, labs, samples and quiz quality) run only while the
// built-in course has this id, so a bootcamp that puts its own course there (docs/distributing.md)
// gets those tests skipped, with a message, and keeps every generic check.
const ShippedCourseID = "what-ai-engineers-do"

// Builtin loads the course compiled into the binary.
func Builtin() (*Course, Problems, error) {
	sub, err := fs.Sub(builtinFS, "course")
	if err != nil {
		return nil, nil, err
	}
	return Load(sub, builtinSource)
}

// LoadDir loads the course in a folder.
func LoadDir(dir string) (*Course, Problems, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("no course folder at %s", dir)
	case err != nil:
		return nil, nil, fmt.Errorf("cannot read the course folder: %w", err)
	case !info.IsDir():
		return nil, nil, fmt.Errorf("%s is a file, not a course folder", dir)
	}
	// os.Root keeps every read inside the folder: a lesson linked to a file outside it is
	// refused, not shown or bundled (ReadCourseFile says where the link leads).
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the course folder: %w", err)
	}
	defer root.Close()
	c, probs, err := Load(root.FS(), filepath.ToSlash(filepath.Clean(dir)))
	if err != nil {
		return c, probs, err
	}
	// The root closes on return; labs' folders are read later, from the folder itself.
	// Load checked them through the root, which refuses links that lead outside.
	c.Files = os.DirFS(dir)
	// Only a folder has the images beside the lessons: a bundle carries the lessons alone.
	probs = append(probs, checkImages(root.FS(), c)...)
	probs.Sort()
	return c, probs, nil
}

// manifest is course.yaml.
type manifest struct {
	ID          string
	Title       string
	Description string
	Version     string
	PassMark    int
	Sequential  bool
	Lessons     []string
	// PartialCredit: multiple-select questions earn credit for each right tick.
	PartialCredit bool
	// ReviewLimit and ReviewRetention tune the review of answered questions (review.go).
	ReviewLimit     int
	ReviewRetention float64
}

// IsCourseFile reports whether a file of a course folder belongs to the course: the manifest,
// or a lesson file (*.md, except README.md). Loading, bundling and watching a course all ask.
func IsCourseFile(name string) bool {
	return name == ManifestName || isLessonFile(name)
}

func isLessonFile(name string) bool {
	return strings.EqualFold(path.Ext(name), ".md") && !strings.EqualFold(name, "README.md")
}

// Load reads a course from fsys: the manifest and every top-level *.md file except README.md.
// source prefixes file names in problems. The error is for a folder that cannot be read at all;
// everything wrong inside the course is a Problem, and the course is returned regardless so
// that validation can report everything at once.
func Load(fsys fs.FS, source string) (*Course, Problems, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the course folder %s: %w", source, err)
	}
	c := &Course{Source: source, PassMark: defaultPassMark, Files: fsys}
	var probs Problems

	mf, manifestProbs, manifestKeys := readManifest(fsys, source)
	probs = append(probs, manifestProbs...)
	probs = append(probs, manifestHoles(mf, manifestKeys, source)...)
	probs = append(probs, ignoredFileNotes(entries, source)...)
	c.ID, c.Title, c.Description, c.Version, c.Sequential = mf.ID, strings.TrimSpace(mf.Title), strings.TrimSpace(mf.Description), mf.Version, mf.Sequential
	if mf.PassMark != 0 {
		c.PassMark = mf.PassMark
	}
	c.PartialCredit = mf.PartialCredit
	c.ReviewLimit, c.ReviewRetention = mf.ReviewLimit, mf.ReviewRetention

	parsed := parseFiles(fsys, entries, source)
	preferOriginals(parsed)
	byID := map[string]*Lesson{}
	questionAt, labAt := map[string]string{}, map[string]string{}
	for _, f := range parsed {
		probs = append(probs, f.problems...)
		l := f.lesson
		if l == nil {
			continue
		}
		if other, dup := byID[l.ID]; dup {
			probs = append(probs, Problem{Path: l.Path, Line: f.idLine, Col: f.idCol,
				Message: fmt.Sprintf("duplicate lesson id %q (also in %s)", l.ID, path.Base(other.Path))})
			continue
		}
		byID[l.ID] = l
		probs = append(probs, checkQuestionIDs(l, questionAt)...)
		probs = append(probs, checkLabs(fsys, l, labAt)...)
		c.Lessons = append(c.Lessons, l)
	}
	probs = append(probs, orderLessons(c, mf, manifestKeys, source)...)
	applyPartialCredit(c)
	probs = append(probs, lintCourse(c, source)...)
	probs = dropCoveredWarnings(probs) // decoded.go
	probs.Sort()
	neutralise(c) // decoded.go
	return c, probs, nil
}

// checkQuestionIDs reports the questions of l whose id another lesson's question has already
// (questionAt: where each id was seen first), and records l's.
func checkQuestionIDs(l *Lesson, questionAt map[string]string) Problems {
	var probs Problems
	for _, q := range l.Quiz {
		if where, dup := questionAt[q.ID]; dup {
			probs = append(probs, Problem{Path: l.Path, Line: q.Line, Col: 1,
				Message: fmt.Sprintf("duplicate question id %q (also in %s)", q.ID, where)})
			continue
		}
		questionAt[q.ID] = fmt.Sprintf("%s:%d", path.Base(l.Path), q.Line)
	}
	return probs
}

// parseFiles reads the course's lesson files in name order and parses them on every core:
// parsing is most of the cost of loading, and every command loads the course at start-up.
func parseFiles(fsys fs.FS, entries []fs.DirEntry, source string) []parsedFile {
	type job struct {
		display string
		src     []byte
	}
	var jobs []job
	var out []parsedFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isLessonFile(name) {
			continue
		}
		display := path.Join(source, name)
		src, err := ReadCourseFile(fsys, name)
		if err != nil {
			out = append(out, parsedFile{problems: Problems{{Path: display, Line: 1, Col: 1, Message: err.Error()}}})
			continue
		}
		jobs = append(jobs, job{display, src})
	}
	results := make([]parsedFile, len(jobs))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(jobs); i = int(next.Add(1) - 1) {
				job := jobs[i]
				f := parseGuarded(job.display, func() parsedFile { return parseLesson(job.display, job.src) })
				if f.lesson != nil && f.lesson.Section == "" {
					f.lesson.Section = DefaultSection
				}
				results[i] = f
			}
		}()
	}
	wg.Wait()
	return append(out, results...)
}

// parseGuarded parses one lesson file, turning a panic of the parser into a problem with the
// file: these goroutines are the loader's own, and a panic in one would end the program with a
// stack trace (and, under --watch, leave the terminal in raw mode).
func parseGuarded(display string, parse func() parsedFile) (f parsedFile) {
	defer func() {
		if p := recover(); p != nil {
			f = parsedFile{problems: Problems{{Path: display, Line: 1, Col: 1,
				Message: fmt.Sprintf("cannot read this lesson: the parser failed (%v); please report it", p)}}}
		}
	}()
	return parse()
}

func readManifest(fsys fs.FS, source string) (manifest, Problems, map[string]yamlEntry) {
	var mf manifest
	pl := &problemList{path: path.Join(source, ManifestName)}
	src, err := ReadCourseFile(fsys, ManifestName)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			pl.errorf(1, 1, "missing %s: every course folder needs a manifest with at least id and title (aieng init creates one)", ManifestName)
		} else {
			pl.errorf(1, 1, "%v", err)
		}
		return mf, pl.items, nil
	}
	// As for a lesson (parseLesson): an editor's byte-order mark is not text, and every line end
	// reads as "\n".
	src = normalizeNewlines(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
	checkText(src, newLineIndex(src), pl)
	checkInvisible(src, newLineIndex(src), pl)
	keys, readable := decodeYAML(src, 1, []yamlField{
		{"id", &mf.ID}, {"title", &mf.Title}, {"description", &mf.Description}, {"version", &mf.Version},
		{"pass_mark", &mf.PassMark}, {"sequential", &mf.Sequential}, {"lessons", &mf.Lessons},
		{"partial_credit", &mf.PartialCredit}, {"review_limit", &mf.ReviewLimit}, {"review_retention", &mf.ReviewRetention},
	}, pl)
	if !readable {
		return mf, pl.items, keys
	}
	checkManifestFields(mf, keys, pl)
	checkReviewFields(mf, keys, pl)
	return mf, pl.items, keys
}

// checkManifestFields checks the manifest's id, title and pass mark. A field whose key was
// misspelt, or whose value was reported, is not reported again.
func checkManifestFields(mf manifest, keys map[string]yamlEntry, pl *problemList) {
	at := func(key string) (int, int) {
		if k, ok := keys[key]; ok {
			return k.Key.Line, k.Key.Column
		}
		return 1, 1
	}
	missing := func(key string) bool { return keys[key].Key == nil && keys[misspelt+key].Key == nil }
	switch {
	case missing("id"):
		pl.errorf(1, 1, "missing id: the course id is the key learners' progress is stored under")
	case keys["id"].Key != nil && !validID(mf.ID):
		line, col := at("id")
		pl.errorf(line, col, "invalid id %q: use lower-case letters, digits and dashes", mf.ID)
	}
	switch {
	case missing("title"):
		pl.errorf(1, 1, "missing title")
	case keys["title"].Key != nil && strings.TrimSpace(mf.Title) == "":
		line, col := at("title")
		pl.errorf(line, col, "empty title")
	}
	if isWholeNumber(keys["pass_mark"].Value) && (mf.PassMark < 1 || mf.PassMark > 100) {
		line, col := at("pass_mark")
		pl.errorf(line, col, "pass_mark must be a percentage from 1 to 100")
	}
}

// orderLessons puts the lessons in course order: the manifest's list when it has one, else by
// each lesson's order and then its file name.
func orderLessons(c *Course, mf manifest, keys map[string]yamlEntry, source string) Problems {
	pl := &problemList{path: path.Join(source, ManifestName)}
	if len(mf.Lessons) == 0 {
		sort.SliceStable(c.Lessons, func(i, j int) bool {
			a, b := c.Lessons[i], c.Lessons[j]
			if a.Order != b.Order {
				return a.Order < b.Order
			}
			return a.Path < b.Path
		})
		return nil
	}
	var items []*yaml.Node
	if v := keys["lessons"].Value; v != nil {
		items = v.Content
	}
	byID := map[string]*Lesson{}
	for _, l := range c.Lessons {
		byID[l.ID] = l
	}
	ordered := make([]*Lesson, 0, len(c.Lessons))
	listed := map[string]bool{}
	hinted := map[string]bool{} // lessons a misspelt entry was taken for: not reported as unlisted too
	for i, id := range mf.Lessons {
		line, col := 1, 1
		if i < len(items) {
			line, col = items[i].Line, items[i].Column
		}
		l, ok := byID[id]
		switch {
		case listed[id]:
			pl.errorf(line, col, "lesson %q is listed twice", id)
		case !ok:
			pl.errorf(line, col, "%s", unknownEntry(id, byID, listed, hinted))
		default:
			ordered = append(ordered, l)
		}
		listed[id] = true
	}
	for _, l := range c.Lessons {
		if listed[l.ID] {
			continue
		}
		ordered = append(ordered, l)
		if !hinted[l.ID] && validID(l.ID) { // else its problem is reported already
			pl.items = append(pl.items, Problem{Path: l.Path, Line: 1, Col: 1,
				Message: fmt.Sprintf("lesson %q is not listed in the manifest's lessons", l.ID)})
		}
	}
	c.Lessons = ordered
	return pl.items
}
