package render

import "github.com/aieng/aieng/lessons"

// The renderings as plain strings, for tests: the program works with Docs.

// markdown renders Markdown as text for a terminal; see Doc for what the layout promises.
func markdown(md string, o Options) (string, error) {
	d, err := markdownDoc(md, o)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// Lesson is LessonDoc's text.
func Lesson(l *lessons.Lesson, o Options) (string, error) {
	d, err := LessonDoc(l, o)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// SafeLesson is SafeLessonDoc's text.
func SafeLesson(l *lessons.Lesson, o Options) (string, error) {
	d, err := SafeLessonDoc(l, o)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// Get returns the cached rendering of a lesson, and false when there is none.
func (c *Cache) Get(l *lessons.Lesson, o Options) (string, bool) {
	d, ok := c.GetDoc(l, o)
	if !ok {
		return "", false
	}
	return d.String(), true
}

// Lesson returns the rendering of a lesson from the cache, rendering and storing it when it is
// missing.
func (c *Cache) Lesson(l *lessons.Lesson, o Options) (string, error) {
	d, err := c.Doc(l, o)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// SafeLesson is SafeLessonDoc's text.
func (c *Cache) SafeLesson(l *lessons.Lesson, o Options) (string, error) {
	d, err := c.SafeLessonDoc(l, o)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// size returns the number of renderings held.
func (c *Cache) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
