// Package render turns lessons into terminal text: Glamour renders the Markdown, and this
// package lays it out for the width (layout.go tells why). It decides nothing about the
// terminal itself: callers pass the style and colour profile they detected once at start-up.
package render

import (
	"fmt"
	"strings"

	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

// Options fixes everything a rendering depends on, so it can key a cache.
type Options struct {
	Width   int
	Style   Style
	Profile termenv.Profile
}

// minWidth is the narrowest width laid out: below it a lesson is laid out for minWidth columns.
const minWidth = 20

// markdownDoc renders Markdown and tells where its code blocks and links are. It is safe to call
// from several goroutines: each rendering builds its own Glamour renderers, and what does not
// depend on the width is kept for the next call with the same Markdown, style and profile.
func markdownDoc(md string, o Options) (*Doc, error) {
	if o.Style == "" {
		o.Style = NoTTY
	}
	return layoutMarkdown(md, o)
}

// LessonDoc renders a lesson's title, objectives and body (its quiz was cut out when it was
// parsed), and tells where its code blocks and links are.
// Whatever the lesson holds, the Doc holds no escape sequence but SGR styling and no control
// character but newlines and tabs in its code (neutralised): a course is someone else's input,
// and a Doc goes to the terminal, the clipboard and show --code.
func LessonDoc(l *lessons.Lesson, o Options) (*Doc, error) {
	d, err := markdownDoc(lessonMarkdown(l), o)
	if err != nil {
		return nil, err
	}
	d.neutralise()
	return d, nil
}

// lessonMarkdown is what a learner reads: the title, a line of facts, the objectives, the body.
func lessonMarkdown(l *lessons.Lesson) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", l.Title)
	facts := []string{l.Section}
	if l.Minutes > 0 {
		facts = append(facts, fmt.Sprintf("about %d min", l.Minutes))
	}
	if n := len(l.Quiz); n > 0 {
		facts = append(facts, fmt.Sprintf("quiz of %d question%s", n, plural(n)))
	}
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(facts, " · "))
	if len(l.Objectives) > 0 {
		b.WriteString("**In this lesson you will learn to:**\n\n")
		for _, o := range l.Objectives {
			fmt.Fprintf(&b, "- %s\n", o)
		}
		b.WriteString("\n")
	}
	b.WriteString(l.Body)
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
