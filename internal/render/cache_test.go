package render

import (
	"testing"

	"github.com/muesli/termenv"

	"github.com/aieng/aieng/lessons"
)

func TestCache(t *testing.T) {
	c := NewCache(2)
	l := &lessons.Lesson{ID: "one", Title: "One", Section: "S", Body: "Some *text*."}
	o := Options{Width: 40, Style: NoTTY, Profile: termenv.Ascii}
	if _, ok := c.Get(l, o); ok {
		t.Fatal("empty cache hit")
	}
	out, err := c.Lesson(l, o)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(l, o); !ok || got != out {
		t.Fatal("not cached")
	}
	if _, ok := c.Get(l, Options{Width: 41, Style: NoTTY, Profile: termenv.Ascii}); ok {
		t.Fatal("another width hit the cache")
	}
	edited := *l
	edited.Body = "Other text."
	if _, ok := c.Get(&edited, o); ok {
		t.Fatal("an edited lesson hit the cache")
	}
	// Least recently used goes first.
	two := &lessons.Lesson{ID: "two", Title: "Two", Body: "b"}
	three := &lessons.Lesson{ID: "three", Title: "Three", Body: "c"}
	_, _ = c.Lesson(two, o)
	_, _ = c.Get(l, o)
	_, _ = c.Lesson(three, o)
	if _, ok := c.Get(two, o); ok || c.size() != 2 {
		t.Fatalf("eviction: two still there or len %d", c.size())
	}
	if _, ok := c.Get(l, o); !ok {
		t.Fatal("the recently used lesson was evicted")
	}
}
