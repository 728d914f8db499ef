package render

import (
	"testing"

	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

// longestLesson returns the built-in lesson with the longest body.
func longestLesson(b *testing.B) *lessons.Lesson {
	c, _, err := lessons.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	longest := c.Lessons[0]
	for _, l := range c.Lessons {
		if len(l.Body) > len(longest.Body) {
			longest = l
		}
	}
	return longest
}

// BenchmarkRenderLesson renders the longest built-in lesson from its Markdown, as a terminal
// shows it the first time (budget: 15 ms in the dark style): Glamour and Chroma, then the layout.
func BenchmarkRenderLesson(b *testing.B) {
	md := lessonMarkdown(longestLesson(b))
	for _, style := range []Style{Dark, Mono, NoTTY} {
		b.Run(string(style), func(b *testing.B) {
			o := Options{Width: 80, Style: style, Profile: termenv.TrueColor}
			for b.Loop() {
				p, err := prepare(md, o) // not the process's cache of prepared documents: a cold rendering
				if err != nil {
					b.Fatal(err)
				}
				if _, err := p.layout(o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRelayout lays the longest lesson out at another width, as when the window is
// resized: its preparation is cached.
func BenchmarkRelayout(b *testing.B) {
	o := Options{Width: 80, Style: Dark, Profile: termenv.TrueColor}
	p, err := prepare(lessonMarkdown(longestLesson(b)), o)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := p.layout(o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCacheHit opens a lesson already rendered at this width (budget: 2 ms).
func BenchmarkCacheHit(b *testing.B) {
	l := longestLesson(b)
	c := NewCache(8)
	o := Options{Width: 80, Style: Dark, Profile: termenv.TrueColor}
	if _, err := c.Doc(l, o); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ok := c.Get(l, o); !ok {
			b.Fatal("not cached")
		}
	}
}
