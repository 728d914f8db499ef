package yamltext

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestUnreadable(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string // a part of the message; "" for readable text
	}{
		{"plain", "a: 1\nb: [x, y]\n", 0, 0, ""},
		{"accents and emoji", "title: Café ☕\n", 0, 0, ""},
		{"stray byte", "a: 1\nb: x\xffy\n", 2, 5, "invalid UTF-8"},
		{"UTF-16 byte-order mark", "\xfe\xff ( (00", 1, 1, "invalid UTF-8"},
		{"line separator", "a: 1\r\nb: x\u2028y\n", 2, 5, "U+2028"},
		{"paragraph separator after a lone CR", "a: 1\rb: é\u2029\n", 2, 5, "U+2029"},
		{"next line", "a: x\u0085y\n", 1, 5, "U+0085"},
	}
	for _, tt := range tests {
		line, col, msg, found := Unreadable([]byte(tt.src))
		if found != (tt.msg != "") || line != tt.line || col != tt.col || !strings.Contains(msg, tt.msg) {
			t.Errorf("%s: %d:%d %q (found %v), want %d:%d %q", tt.name, line, col, msg, found, tt.line, tt.col, tt.msg)
		}
	}
}

// TestLinesAreYAMLs: the line YAML gives a node is the line Lines holds it on, whatever the
// line endings.
func TestLinesAreYAMLs(t *testing.T) {
	for _, src := range []string{"a: 1\nb: 2\nc: 3", "a: 1\r\nb: 2\r\nc: 3\r\n", "a: 1\rb: 2\rc: 3\r", "a: 1\r\rb: 2\n\r\nc: 3\n"} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		lines := Lines([]byte(src))
		if got := strings.Join(toStrings(lines), ""); got != src {
			t.Errorf("%q: the lines join to %q", src, got)
		}
		m := doc.Content[0]
		for i := 0; i < len(m.Content); i += 2 {
			key := m.Content[i]
			if key.Line > len(lines) || !strings.HasPrefix(string(lines[key.Line-1]), key.Value+":") {
				t.Errorf("%q: YAML puts %q on line %d, which Lines holds as %q", src, key.Value, key.Line, lines[min(key.Line, len(lines))-1])
			}
		}
	}
}

func TestAppendingToALineKeepsTheNext(t *testing.T) {
	src := []byte("a\nb\n")
	lines := Lines(src)
	_ = append(lines[0], 'X')
	if string(src) != "a\nb\n" {
		t.Errorf("appending to the first line changed the text to %q", src)
	}
}

func toStrings(lines [][]byte) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = string(l)
	}
	return out
}
