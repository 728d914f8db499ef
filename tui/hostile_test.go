package tui

import (
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/render"
	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
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
