package lessons

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// This file closes the validator's holes that need the whole course folder: files that look
// like lessons but are not read, images whose files are missing, a duplicate lesson that
// blamed the original, the manifest's placeholder and its misspelt lesson ids.

// markdownExtensions are the other extensions editors give Markdown files. Only *.md files are
// lessons, so a lesson saved as one of these is left out without a word unless it is named.
var markdownExtensions = []string{".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".mdx", ".rmd"}

// ignoredFileNotes names the files of the folder that look like lessons but are not read.
func ignoredFileNotes(entries []fs.DirEntry, source string) Problems {
	var probs Problems
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(path.Ext(name))
		if e.IsDir() || !slices.Contains(markdownExtensions, ext) {
			continue
		}
		probs = append(probs, Problem{Path: path.Join(source, name), Line: 1, Col: 1, Severity: Note,
			Message: fmt.Sprintf("not read: only *.md files are lessons; if this is one, rename it to %s", strings.TrimSuffix(name, path.Ext(name))+".md")})
	}
	return probs
}

// preferOriginals orders the parsed files so that, of two with the same lesson id, the one
// whose file name gives that id ("01-embeddings.md") comes first: the other ("01-embeddings
// copy.md", which sorts first) is then the one reported as the duplicate. Other files keep
// their places.
func preferOriginals(parsed []parsedFile) {
	at := map[string][]int{}
	for i, f := range parsed {
		if f.lesson != nil {
			at[f.lesson.ID] = append(at[f.lesson.ID], i)
		}
	}
	for id, places := range at {
		if len(places) < 2 {
			continue
		}
		group := make([]parsedFile, len(places))
		for j, i := range places {
			group[j] = parsed[i]
		}
		slices.SortStableFunc(group, func(a, b parsedFile) int {
			return nameRank(a, id) - nameRank(b, id)
		})
		for j, i := range places {
			parsed[i] = group[j]
		}
	}
}

func nameRank(f parsedFile, id string) int {
	if idFromFileName(f.lesson.Path) == id {
		return 0
	}
	return 1
}

// imageRef is an image a lesson shows, where it is written.
type imageRef struct {
	dest      string
	line, col int
}

// collectImages records the local images of the lesson (body and quiz), for LoadDir to check
// that their files exist.
func (p *lessonParser) collectImages(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		u, err := url.Parse(string(img.Destination))
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
			return ast.WalkContinue, nil // remote, data: or an anchor: nothing to check here
		}
		line, col := p.imagePos(img)
		p.lesson.images = append(p.lesson.images, imageRef{dest: u.Path, line: line, col: col})
		return ast.WalkContinue, nil
	})
}

// imagePos finds the "![" of an image: its description's text starts two characters later.
func (p *lessonParser) imagePos(img *ast.Image) (int, int) {
	if t, ok := img.FirstChild().(*ast.Text); ok && t.Segment.Start >= 2 {
		return p.idx.pos(p.base + t.Segment.Start - 2)
	}
	for b := img.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock {
			return p.posOf(b)
		}
	}
	return p.lesson.BodyLine, 1
}

// checkImages warns about each image of the course whose file is not in the folder fsys.
func checkImages(fsys fs.FS, c *Course) Problems {
	var probs Problems
	for _, l := range c.Lessons {
		for _, img := range l.images {
			name := path.Clean(strings.TrimPrefix(img.dest, "/"))
			if _, err := fs.Stat(fsys, name); err == nil {
				continue
			}
			probs = append(probs, Problem{Path: l.Path, Line: img.line, Col: img.col, Severity: Warning,
				Message: fmt.Sprintf("image file %q not found in the course folder: add it or fix the path (learners read the image's description; the image itself is not bundled)", img.dest)})
		}
	}
	return probs
}

// manifestHoles warns about the description 'aieng init' wrote, left unchanged.
func manifestHoles(mf manifest, keys map[string]yamlEntry, source string) Problems {
	v := keys["description"].Value
	if v == nil || strings.TrimSpace(mf.Description) != manifestPlaceholder {
		return nil
	}
	return Problems{{Path: path.Join(source, ManifestName), Line: v.Line, Col: v.Column, Severity: Warning,
		Message: fmt.Sprintf("placeholder from aieng init left unchanged: %q", manifestPlaceholder)}}
}

// unknownEntry is the message for a manifest entry that names no lesson, with the lesson it
// probably meant, which is then recorded in hinted so it is not also reported as unlisted.
func unknownEntry(id string, byID map[string]*Lesson, listed, hinted map[string]bool) string {
	if hint := lessonNameHint(id, byID); hint != "" && !listed[hint] {
		hinted[hint] = true
		return fmt.Sprintf("manifest names lesson %q, which does not exist (did you mean %q?)", id, hint)
	}
	return fmt.Sprintf("manifest names lesson %q, which does not exist", id)
}

// lessonNameHint suggests the lesson a manifest entry that names none meant: a misspelt id, or
// a file name written instead of an id. It returns "" when none is close.
func lessonNameHint(entry string, byID map[string]*Lesson) string {
	ids := make([]string, 0, len(byID))
	for id := range byID {
		if validID(id) { // an invalid id is reported already, and no fix
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if strings.HasSuffix(strings.ToLower(entry), ".md") {
		if l := byID[idFromFileName(entry)]; l != nil {
			return l.ID
		}
		for _, l := range byID {
			if path.Base(l.Path) == entry {
				return l.ID
			}
		}
	}
	return suggest(entry, ids)
}
