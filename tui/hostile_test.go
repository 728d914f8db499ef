package tui

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// The reliability review (finding 2) saw a course's escape sequences reach the terminal from
// the outline, the reader and the status line: a window title, a clipboard write (OSC 52), a
// hyperlink, a screen clear. The loader neutralises a course's text; these tests build a course
// by hand, past the loader, to check the interface's own last pass (Model.View).

const payload = "\x1b]0;PWN\a\x1b]52;c;UFdORUQ=\a\x1b[2J\x1b[HCLEARED\x1b[6n\u009b2J\x1bP+q544e\x1b\\"

var sgrOnly = regexp.MustCompile("\x1b\\[[0-9;:]*m")

func requireTerminalSafe(t *testing.T, where, view string) {
	t.Helper()
	for _, r := range sgrOnly.ReplaceAllString(view, "") {
		if safetext.IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("%s: %s reaches the terminal:\n%q", where, safetext.Name(r), view)
		}
	}
}

func hostileCourse() *lessons.Course {
	q := &lessons.Question{ID: "h/q1", Kind: lessons.SingleChoice, Prompt: "Prompt " + payload,
		Detail:      "Detail " + payload,
		Choices:     []lessons.Choice{{Text: "Right " + payload, Correct: true, Feedback: "Feedback " + payload}, {Text: "Wrong " + payload}},
		Explanation: "Explanation " + payload, Hint: "Hint " + payload, Line: 1}
	l := &lessons.Lesson{ID: "h", Title: "Title " + payload, Section: "Section " + payload,
		Objectives: []string{"Objective " + payload}, Minutes: 1,
		Body: "Body " + payload + "\n\n## Heading " + payload + "\n\nCode `" + payload + "`.\n", Quiz: []*lessons.Question{q}}
	return &lessons.Course{ID: "hostile", Title: "Course " + payload, Version: "1 " + payload, PassMark: 70,
		Lessons: []*lessons.Lesson{l}}
}

func TestViewHoldsNoEscapeSequenceButStyling(t *testing.T) {
	for name, look := range map[string]termstyle.Look{
		"colour":   {Style: render.Dark, Profile: termenv.TrueColor, Dark: true},
		"no color": termstyle.Plain(),
	} {
		opts := testOptions()
		opts.Look = look
		d := newDriverWith(t, opts, hostileCourse(), nil, 100, 30)
		requireTerminalSafe(t, name+" outline", d.view())
		steps := [][]string{{"enter"}, {"G"}, {"/", "P", "W", "N"}, {"enter"}, {"t"}, {"tab"}, {"1"}, {"enter"}, {"enter"}, {"?"}}
		for _, keys := range steps {
			d.keys(keys...)
			requireTerminalSafe(t, name+" after "+strings.Join(keys, " "), d.view())
		}
		if !strings.Contains(d.view(), "Course") {
			t.Errorf("%s: the course's text itself is gone:\n%s", name, d.view())
		}
	}
}

// TestRenderErrorIsShownForTheLesson: a rendering that panicked or ran past its deadline is
// the lesson's error, on the reader, and the rest of the interface goes on.
func TestRenderErrorIsShownForTheLesson(t *testing.T) {
	m := New(testCourse(t), nil, testOptions())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	l := m.c.course.Lessons[1]
	m.Update(openLessonMsg{index: 1})
	m.Update(renderedMsg{lesson: l, width: m.c.readWidth(), err: render.ErrTimeout})
	if v := m.View(); !strings.Contains(v, "Could not render this lesson: rendering took longer than 10s and was given up") {
		t.Fatalf("no error shown:\n%s", v)
	}
	m.Update(showOutlineMsg{})
	if v := m.View(); !strings.Contains(v, "Testing Course") {
		t.Fatalf("the outline is gone:\n%s", v)
	}
}

// linkPayload is a lesson's worth of OSC 8 links a course could try: written as characters, as
// Markdown character references, with a C1 introducer, and one copying the form of aieng's own
// (safetext.LinkStart) with a guessed mark; beside them, a URL the lesson shows.
const linkPayload = "\x1b]8;;http://evil.example/raw\x1b\\raw\x1b]8;;\x1b\\ " +
	"&#27;]8;;http://evil.example/ref&#7;ref&#27;]8;;&#7; &#x1b;]8;;http://evil.example/st&#x1b;\\st " +
	"\u009d8;;http://evil.example/c1\u009cc1 \x1b]8;id=aieng-0123456789abcdef0123456789abcdef;http://evil.example/forged\x1b\\forged\x1b]8;;\x1b\\ " +
	"Docs: <https://example.com/good>."

// TestViewKeepsOnlyOurLinks: with a look that takes hyperlinks, the reader makes the lesson's
// URL an OSC 8 link that the last pass (Model.View) keeps, and none of the course's own links
// reaches the terminal: not from a course built past the loader, nor from one the loader read
// with its problems (a YAML escape in the title, references in the body) and nobody validated.
func TestViewKeepsOnlyOurLinks(t *testing.T) {
	built := &lessons.Course{ID: "c", Title: "C", PassMark: 70, Lessons: []*lessons.Lesson{{ID: "l",
		Title: "T \x1b]8;;http://evil.example/title\x1b\\t\x1b]8;;\x1b\\", Section: "S", Body: linkPayload + "\n"}}}
	fsys := fstest.MapFS{"course.yaml": {Data: []byte("id: c\ntitle: C\n")},
		"01-l.md": {Data: []byte("---\nid: l\ntitle: \"T \\e]8;;http://evil.example/yaml\\e\\\\t\\e]8;;\\e\\\\\"\nobjectives: [x]\n---\n\n" +
			strings.ReplaceAll(linkPayload, "\x1b", "") + "\n")}}
	loaded, probs, err := lessons.Load(fsys, "c")
	if err != nil || !probs.HasErrors() {
		t.Fatalf("the loader should report the course's escapes: %v %v", err, probs)
	}
	evil := regexp.MustCompile("\x1b\\]8;[^\x1b\a]*evil")
	ourLink := regexp.MustCompile("\x1b\\]8;id=aieng-[0-9a-f]+;(https://example.com/good)?\x1b\\\\")
	for name, c := range map[string]*lessons.Course{"built": built, "loaded": loaded} {
		opts := testOptions()
		opts.Look = termstyle.Look{Style: render.Dark, Profile: termenv.TrueColor, Dark: true, Hyperlinks: true}
		d := newDriverWith(t, opts, c, nil, 120, 40)
		d.keys("enter")
		v := d.view()
		good := regexp.MustCompile("\x1b\\]8;id=aieng-[0-9a-f]+;https://example.com/good\x1b\\\\(\x1b\\[[0-9;]*m)*https://example.com/good")
		if !good.MatchString(v) {
			t.Errorf("%s: the lesson's URL is no link:\n%q", name, v)
		}
		if evil.MatchString(v) {
			t.Errorf("%s: a course's link reaches the terminal:\n%q", name, v)
		}
		requireTerminalSafe(t, name, ourLink.ReplaceAllString(v, ""))
	}
}

// TestReviewHoldsNoEscapeSequenceButStyling: the review (issue 12) shows a course's text on its
// own screens, the outline's review row, a question and the summary with its missed questions:
// the last pass keeps them as safe as the quiz.
func TestReviewHoldsNoEscapeSequenceButStyling(t *testing.T) {
	c := hostileCourse()
	q := c.Lessons[0].Quiz[0]
	store := openStore(t, filepath.Join(t.TempDir(), "progress.json"))
	must(t, store.MarkWelcomed(c.ID, yesterday))
	must(t, store.RecordAttempt(c.ID, "h", progress.Attempt{ID: "a1", Time: yesterday, Total: 1,
		Answers: []progress.Answer{{QuestionID: q.ID, Hash: q.Hash, Given: []string{"x"}, At: yesterday}}}))
	opts := testOptions()
	opts.Look = termstyle.Look{Style: render.Dark, Profile: termenv.TrueColor, Dark: true}
	d := newDriverWith(t, opts, c, store, 100, 30)
	d.requireLine("1 due for review")
	requireTerminalSafe(t, "outline with a review due", d.view())
	for _, keys := range [][]string{{"r"}, {"2"}, {"enter"}, {"enter"}} {
		d.keys(keys...)
		requireTerminalSafe(t, "review after "+strings.Join(keys, " "), d.view())
	}
	d.requireView("Review done", "Prompt")
}
