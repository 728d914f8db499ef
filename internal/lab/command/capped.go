package command

import (
	"strconv"
	"sync"
)

// capped keeps at most limit bytes of what is written: the first quarter and the last three
// quarters, so a huge output keeps its beginning and its final summary, and counts the bytes
// dropped between them.
type capped struct {
	mu      sync.Mutex
	limit   int
	head    []byte
	tail    []byte // a ring once full
	start   int    // where the ring's oldest byte is
	dropped int
}

func newCapped(limit int) *capped {
	return &capped{limit: limit}
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	headMax := c.limit / 4
	if room := headMax - len(c.head); room > 0 {
		k := min(room, len(p))
		c.head = append(c.head, p[:k]...)
		p = p[k:]
	}
	tailMax := c.limit - headMax
	for len(p) > 0 {
		if len(c.tail) < tailMax {
			k := min(tailMax-len(c.tail), len(p))
			c.tail = append(c.tail, p[:k]...)
			p = p[k:]
			continue
		}
		k := min(tailMax-c.start, len(p))
		copy(c.tail[c.start:], p[:k])
		c.dropped += k
		c.start = (c.start + k) % tailMax
		p = p[k:]
	}
	return n, nil
}

// String is the kept output, with a line saying how much was dropped from its middle.
func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	tail := append(append([]byte(nil), c.tail[c.start:]...), c.tail[:c.start]...)
	if c.dropped == 0 {
		return string(c.head) + string(tail)
	}
	return string(c.head) + "\n… " + strconv.Itoa(c.dropped) + " bytes of output left out …\n" + string(tail)
}
