package render

import (
	"container/list"
	"hash/fnv"
	"sync"

	"github.com/aieng/aieng/lessons"
)

// Cache keeps rendered lessons, keyed by lesson id, content and Options (width, style, profile),
// so that reopening a lesson or going back to a width already seen costs a map look-up instead
// of a Glamour rendering. It is safe to use from several goroutines and holds at most its
// capacity of renderings, dropping the least recently used.
type Cache struct {
	mu      sync.Mutex
	cap     int
	entries map[cacheKey]*list.Element
	order   *list.List // front: most recently used; values are *cacheEntry
	// sums remembers each lesson value's content hash: a loaded lesson never changes (a
	// reload makes new values), and hashing its Markdown on every look-up would put that work
	// on key presses (the outline looks up the lesson under the cursor).
	sums map[*lessons.Lesson]uint64
}

type cacheKey struct {
	id   string
	sum  uint64 // of the lesson's Markdown: an edited lesson is a different entry
	opts Options
}

type cacheEntry struct {
	key cacheKey
	doc *Doc
}

// NewCache returns a cache holding at most capacity renderings (at least 1).
func NewCache(capacity int) *Cache {
	return &Cache{cap: max(capacity, 1), entries: map[cacheKey]*list.Element{}, order: list.New(),
		sums: map[*lessons.Lesson]uint64{}}
}

// GetDoc returns the cached rendering of a lesson with its code blocks and links, and false
// when there is none. A map look-up: safe on the event loop.
func (c *Cache) GetDoc(l *lessons.Lesson, o Options) (*Doc, bool) {
	return c.get(c.keyOf(l, o))
}

// Doc returns the rendering of a lesson with its code blocks and links, from the cache, or
// rendering and storing it when it is missing. The rendering runs outside the cache's lock.
func (c *Cache) Doc(l *lessons.Lesson, o Options) (*Doc, error) {
	k := c.keyOf(l, o)
	if d, ok := c.get(k); ok {
		return d, nil
	}
	d, err := LessonDoc(l, o)
	if err != nil {
		return nil, err
	}
	_ = d.String() // made here, off the event loop, rather than on the first Get
	c.put(k, d)
	return d, nil
}

func (c *Cache) keyOf(l *lessons.Lesson, o Options) cacheKey {
	c.mu.Lock()
	sum, ok := c.sums[l]
	c.mu.Unlock()
	if !ok {
		h := fnv.New64a()
		_, _ = h.Write([]byte(lessonMarkdown(l)))
		sum = h.Sum64()
		c.mu.Lock()
		if len(c.sums) >= 4*c.cap {
			clear(c.sums) // old versions of reloaded lessons: cheap to hash again if still used
		}
		c.sums[l] = sum
		c.mu.Unlock()
	}
	return cacheKey{id: l.ID, sum: sum, opts: o}
}

func (c *Cache) get(k cacheKey) (*Doc, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).doc, true
}

func (c *Cache) put(k cacheKey, d *Doc) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		e.Value.(*cacheEntry).doc = d
		c.order.MoveToFront(e)
		return
	}
	c.entries[k] = c.order.PushFront(&cacheEntry{key: k, doc: d})
	for c.order.Len() > c.cap {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).key)
	}
}
