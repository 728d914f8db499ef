package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

// showCode prints a lesson's code blocks raw, as the lesson has them (no indent, no cut, no
// colour), one blank line between blocks, so the output saved to a file runs: `aieng show
// designing-models --code > train.py`. Which blocks: --block N, else the blocks in --lang,
// else the lesson's runnable samples (marked run: docs/authoring.md, "Runnable code samples")
// when it has some, else every block but expected output. The files the printed samples read
// (blocks marked file=NAME that are not printed) are named on standard error, with the command
// that saves each.
func (a *app) showCode(l *lessons.Lesson, o showFlags) error {
	doc, err := render.SafeLessonDoc(l, render.Options{Width: 80, Style: render.NoTTY})
	if err != nil {
		return fmt.Errorf("cannot show the lesson %q: %w", l.ID, err)
	}
	code := doc.Code
	if len(code) == 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("lesson %s has no code", l.ID)}
	}
	picked, err := pickCode(code, o)
	if err != nil {
		return err
	}
	parts := make([]string, len(picked))
	for i, b := range picked {
		parts[i] = code[b].Raw
	}
	// The code as the lesson has it, but no control character a terminal acts on (tabs and
	// newlines stay: the code must run).
	if _, err := io.WriteString(a.stdout, safetext.Text(strings.Join(parts, "\n"))); err != nil {
		return err
	}
	if o.block == 0 {
		a.nameFiles(l, code, picked)
	}
	return nil
}

// pickCode returns the indexes of the blocks --code prints.
func pickCode(code []render.CodeBlock, o showFlags) ([]int, error) {
	if o.block > 0 {
		if o.block > len(code) {
			return nil, usageError("--block %d: the lesson has %d code %s", o.block, len(code), pluralOf(len(code), "block", "blocks"))
		}
		return []int{o.block - 1}, nil
	}
	var run, rest, lang []int
	for i, b := range code {
		switch {
		case o.lang != "" && strings.EqualFold(b.Lang, o.lang):
			lang = append(lang, i)
		case slices.Contains(b.Marks, "run"):
			run = append(run, i)
			fallthrough
		case !slices.Contains(b.Marks, "output"):
			rest = append(rest, i)
		}
	}
	switch {
	case o.lang != "" && len(lang) == 0:
		return nil, usageError("--lang %s: the lesson has no code in that language", o.lang)
	case o.lang != "":
		return lang, nil
	case len(run) > 0:
		return run, nil
	case len(rest) > 0:
		return rest, nil
	}
	return nil, usageError("the lesson's code blocks are all expected output: pick one with --block N")
}

// nameFiles tells, on standard error, how to save the files the printed code reads: the blocks
// marked file=NAME that were not printed.
func (a *app) nameFiles(l *lessons.Lesson, code []render.CodeBlock, picked []int) {
	for i, b := range code {
		if slices.Contains(picked, i) {
			continue
		}
		for _, m := range b.Marks {
			if name, ok := strings.CutPrefix(m, "file="); ok {
				fmt.Fprintf(a.stderr, "%s: the code also reads %s (code block %d): %s show %s --code --block %d > %s\n",
					a.name, name, i+1, a.name, l.ID, i+1, name)
			}
		}
	}
}
