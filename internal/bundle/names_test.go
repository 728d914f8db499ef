package bundle

import "testing"

// TestEntryNameIsQuoted: a zip entry named with an escape sequence was printed raw in every
// command's problem line, aieng version included (reliability review, finding 4).
func TestEntryNameIsQuoted(t *testing.T) {
	bin := attach(t, craft(t, entry{name: "course.yaml", data: []byte(goodManifest)},
		entry{name: "01-a.md", data: []byte(goodLesson)},
		entry{name: "02-X\x1b]0;PWNTITLE\a.md", data: []byte("---\nid: b\ntitle: B\nobjectives: [x]\n---\n\nText.\n")}), 0)
	wantLines(t, loadBundle(t, bin),
		`"bundled course/02-X\x1b]0;PWNTITLE\a.md":1:1: the file name holds the control character U+001B (ESC): rename the file`)
}
