package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aieng/aieng/internal/safetext"
)

// OSC 8 hyperlinks: a terminal that knows them makes the text between the two sequences
// clickable; one that does not ignores them (an OSC string it does not know is dropped whole),
// and the URL stays on screen as text either way. Whether to emit them is the caller's choice
// (termstyle decides it per terminal). The sequences are safetext's (LinkStart, LinkEnd): they
// carry the mark by which the interface's last pass over a screen (safetext.StyledLinks) tells
// them from any a course could hold.

// Hyperlinked returns lines (Doc.Lines, or Doc.Scrolled's lines) with every link whose URL is
// shown whole on one line made clickable. Only web and mail links are: a relative or file link
// means nothing to the learner's browser. Links inside code blocks are left alone, since
// scrolling moves them.
func (d *Doc) Hyperlinked(lines []string) []string {
	byLine := map[int][]Link{}
	for _, l := range d.Links {
		if l.Line < 0 || l.Line >= len(lines) || d.inCode(l.Line) || !clickable(l.URL) {
			continue
		}
		byLine[l.Line] = append(byLine[l.Line], l)
	}
	if len(byLine) == 0 {
		return lines
	}
	out := append([]string(nil), lines...)
	for i, links := range byLine {
		out[i] = hyperlinkLine(out[i], links)
	}
	return out
}

// inCode reports whether line i belongs to a code block.
func (d *Doc) inCode(i int) bool {
	for _, b := range d.Code {
		if i >= b.Start && i < b.End {
			return true
		}
	}
	return false
}

// clickable reports whether a URL is worth a hyperlink: http, https or mailto, with no control
// character (percent-encoding one would hide it), and nothing a terminal could take for the end
// of the sequence once encoded (safetext.LinkURI).
func clickable(url string) bool {
	for i := 0; i < len(url); i++ {
		if url[i] < 0x20 || url[i] == 0x7f {
			return false
		}
	}
	return safetext.LinkURI(uriBytes(url))
}

// hyperlinkLine wraps the shown URLs of one styled line in OSC 8 sequences.
func hyperlinkLine(line string, links []Link) string {
	sort.Slice(links, func(a, b int) bool { return links[a].Col < links[b].Col })
	cells, _ := parseCells(line, "")
	var b strings.Builder
	at, col := 0, 0 // the next cell to write, and its column
	for _, l := range links {
		if l.Col < col {
			continue // overlaps the link before
		}
		start := at
		for start < len(cells) && col < l.Col {
			col += int(cells[start].w)
			start++
		}
		if col != l.Col {
			break // past the end of the line
		}
		end, w := start, widthOf(l.URL)
		for end < len(cells) && w > 0 {
			w -= int(cells[end].w)
			col += int(cells[end].w)
			end++
		}
		b.WriteString(render(cells[at:start]))
		if open, ok := safetext.LinkStart(uriBytes(l.URL)); ok { // clickable said so
			b.WriteString(open + render(cells[start:end]) + safetext.LinkEnd)
		} else {
			b.WriteString(render(cells[start:end]))
		}
		at = end
	}
	b.WriteString(render(cells[at:]))
	return b.String()
}

// uriBytes percent-encodes the bytes the OSC 8 convention does not allow in a URI (outside
// printable ASCII, and the space).
func uriBytes(url string) string {
	var b strings.Builder
	for i := 0; i < len(url); i++ {
		if c := url[i]; c <= 0x20 || c > 0x7e {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
