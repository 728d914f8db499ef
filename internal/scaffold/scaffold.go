// Package scaffold writes new course folders and lesson files that validate from the start.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/internal/yamltext"
	"github.com/aieng/aieng/lessons"
)

// Init creates a course folder with a manifest and one example lesson that shows every question
// kind. It refuses to overwrite anything: the folder may exist, but none of the files may.
func Init(dir string) ([]string, error) {
	id := slug(filepath.Base(filepath.Clean(dir)))
	if id == "" {
		id = "my-course"
	}
	files := []struct{ name, content string }{
		{lessons.ManifestName, fmt.Sprintf(manifestTemplate, id, titleFromSlug(id))},
		{"01-welcome.md", exampleLesson},
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
			return nil, fmt.Errorf("%s already exists: aieng init never overwrites a file", filepath.Join(dir, f.name))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the course folder: %w", err)
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := writeNew(p, []byte(f.content)); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// New adds a lesson file to the course in dir: the next order number, an id derived from the
// title, and the id appended to the manifest's lessons list when it has one.
func New(dir, title string) (string, error) {
	title = strings.TrimSpace(title)
	if err := checkTitle(title); err != nil {
		return "", err
	}
	id := slug(title)
	if id == "" {
		return "", fmt.Errorf("the title %q gives no usable id: use letters or digits", title)
	}
	manifestPath := filepath.Join(dir, lessons.ManifestName)
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("no %s in %s: run 'aieng init %s' first, or pass --lessons DIR", lessons.ManifestName, dir, dir)
		}
		return "", err
	}
	c, _, err := lessons.LoadDir(dir)
	if err != nil {
		return "", err
	}
	if l := c.Lesson(id); l != nil {
		return "", fmt.Errorf("a lesson with the id %q already exists (%s)", id, l.Path)
	}
	next, err := nextNumber(dir)
	if err != nil {
		return "", err
	}
	name := fmt.Sprintf("%02d-%s.md", next, id)
	p := filepath.Join(dir, name)
	section := lessons.DefaultSection
	if n := len(c.Lessons); n > 0 {
		section = c.Lessons[n-1].Section
	}
	content := fmt.Sprintf(lessonTemplate, yamlQuote(title), yamlQuote(section), next)
	updated, listed, err := appendToLessonList(manifest, id)
	if err != nil {
		return "", fmt.Errorf("%s: %w", manifestPath, err)
	}
	if err := writeNew(p, []byte(content)); err != nil {
		return "", err
	}
	if listed {
		if err := os.WriteFile(manifestPath, updated, 0o644); err != nil {
			return p, fmt.Errorf("the lesson was written, but adding it to %s failed: %w", manifestPath, err)
		}
	}
	return p, nil
}

// checkTitle refuses a title with a control or invisible character (a shell's $'\e' or
// printf puts them there easily): written as a YAML escape, it would reach learners' terminals,
// and 'aieng validate' would refuse the lesson.
func checkTitle(title string) error {
	for _, r := range title {
		if safetext.IsControl(r) || safetext.IsInvisible(r) {
			return fmt.Errorf("the title %s holds the character %s: write it without", safetext.Quote(title), safetext.Name(r))
		}
	}
	return nil
}

// writeNew creates a file that must not exist yet (O_EXCL), so a race cannot overwrite one either.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: it is never overwritten", path)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// nextNumber is one more than the highest numeric prefix of the folder's lesson files.
func nextNumber(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	highest := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(strings.ToLower(name), ".md") {
			continue
		}
		digits := name[:len(name)-len(strings.TrimLeftFunc(name, unicode.IsDigit))]
		if n, err := strconv.Atoi(digits); err == nil && n > highest {
			highest = n
		}
	}
	return highest + 1, nil
}

// appendToLessonList adds "- id" after the last item of the manifest's lessons list, keeping the
// rest of the file (comments, order, spacing) exactly as the instructor wrote it.
func appendToLessonList(manifest []byte, id string) ([]byte, bool, error) {
	// The insertion goes by YAML's line numbers: where they differ from the file's, it would
	// land on another line and break the manifest.
	if line, col, msg, bad := yamltext.Unreadable(manifest); bad {
		return nil, false, fmt.Errorf("%d:%d: %s", line, col, msg)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(manifest, &doc); err != nil {
		return nil, false, fmt.Errorf("cannot read the manifest: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return manifest, false, nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "lessons" {
			continue
		}
		seq := m.Content[i+1]
		if seq.Kind != yaml.SequenceNode || len(seq.Content) == 0 {
			return manifest, false, nil
		}
		if seq.Style&yaml.FlowStyle != 0 {
			return nil, false, fmt.Errorf("the lessons list is written inline ([...]): add %q to it by hand", id)
		}
		last := seq.Content[len(seq.Content)-1]
		lines := yamltext.Lines(manifest)
		if last.Line > len(lines) {
			return manifest, false, nil
		}
		indent := strings.Repeat(" ", max(last.Column-3, 0))
		item := []byte(indent + "- " + id + "\n")
		if l := lines[last.Line-1]; !bytes.HasSuffix(l, []byte("\n")) && !bytes.HasSuffix(l, []byte("\r")) {
			lines[last.Line-1] = append(l, '\n')
		}
		var out []byte
		for n, l := range lines {
			out = append(out, l...)
			if n == last.Line-1 {
				out = append(out, item...)
			}
		}
		return out, true, nil
	}
	return manifest, false, nil
}

func titleFromSlug(id string) string {
	words := strings.Split(id, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

const manifestTemplate = `# The course manifest. Reference: docs/authoring.md, or 'aieng validate' to check your work.
id: %s            # progress is stored under this id: keep it once learners start
title: %s
description: A short description learners see in the outline.
version: 0.1.0
pass_mark: 70             # percent of a quiz's questions needed to pass
sequential: false         # true: each lesson opens once the previous one is passed
# Optional settings, shown with their defaults: remove the '# ' to change one.
# partial_credit: false   # true: multiple-select questions earn credit per right tick
# review_limit: 50        # the most review answers a learner is asked a day
# review_retention: 0.9   # the chance of recall a review aims for, 0.70 to 0.97
lessons:                  # course order; 'aieng new' appends to this list
  - welcome
`

const lessonTemplate = `---
title: %s
section: %s
order: %d
minutes: 10
objectives:
  - Replace this with what the learner will be able to do
---

Write the lesson here, in Markdown. Keep paragraphs short and use ` + "`##`" + ` headings a learner can scan.

## Key takeaways

- Replace this with the one thing to remember.

## Quiz

### Replace this with your first question

- [x] The correct answer
- [ ] A plausible wrong answer
  > Optional feedback shown when a learner picks this choice.

> Explain why the answer is right and why the wrong ones are wrong.
`

const exampleLesson = `---
title: Welcome to your course
section: Getting started
order: 1
minutes: 5
objectives:
  - Find your way around a lesson file
  - Write a question of each kind
---

This is an example lesson. Everything above the ` + "`## Quiz`" + ` heading is the lesson; everything below
it is the quiz, which learners never see while reading.

## Writing lessons

Use ordinary Markdown: paragraphs, lists, tables and code blocks with a language tag. A Python
block marked ` + "`run`" + ` is run by aieng's tests, which check that it prints what the
` + "`output`" + ` block after it shows (docs/authoring.md, "Runnable code samples"):

` + "```python run" + `
print("Hello, learner")
` + "```" + `

` + "```text output" + `
Hello, learner
` + "```" + `

## Key takeaways

- One Markdown file holds a lesson and its quiz.
- ` + "`aieng validate`" + ` checks every file and points at each problem.

## Quiz

### Where does a lesson's quiz start?

> Hint: look for a level-2 heading.

- [ ] At the first level-3 heading
  > Level-3 headings are the questions inside the quiz.
- [x] At the level-2 heading named Quiz
- [ ] In a separate file

> The quiz starts at ` + "`## Quiz`" + ` and runs to the end of the file. Each ` + "`###`" + ` heading under it is
> one question. A separate file is not needed: lesson and quiz live together.

### Which of these can a lesson body contain? {kind=multiple}

- [x] Tables
- [x] Code blocks with a language tag
- [ ] Quiz answers shown to readers

> Any Markdown works in the body. The quiz is cut out before the lesson is shown, so answers are
> never visible while reading.

### Learners see the quiz answers while reading the lesson. {shuffle=false}

- [ ] True
- [x] False

> The quiz is removed from the lesson before it is rendered.

### Which command checks a course folder for mistakes? {kind=short}

- [x] aieng validate
- [x] validate

> ` + "`aieng validate DIR`" + ` reports every problem as path:line:col: message.

### A quiz has 10 questions and the pass mark is 70%. How many right answers pass? {kind=numeric}

- [x] 7

> 70% of 10 is 7. A numeric answer may also be a range (6.5..7.5) or a value with a tolerance
> (7 ± 0.5).
`
