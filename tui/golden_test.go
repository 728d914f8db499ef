package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// Golden files of each screen at 80x24, with the ASCII profile pinned in TestMain. They run the
// real program with teatest (commands in goroutines, renderings arriving late) and compare the
// final model's View. Refresh them with: go test ./tui -run Golden -update

// goldenStep sends keys, then waits for a text when the keys start something that finishes
// later (a lesson's rendering); keys acting at once need no wait, since Bubble Tea handles
// messages in order and the final model is taken after them.
type goldenStep struct {
	keys    []string
	waitFor string
}

func runGolden(t *testing.T, store progress.Storage, steps ...goldenStep) {
	t.Helper()
	runGoldenWith(t, testOptions(), store, steps...)
}

func runGoldenWith(t *testing.T, opts Options, store progress.Storage, steps ...goldenStep) {
	t.Helper()
	m := New(testCourse(t), store, opts)
	t.Cleanup(func() { _ = m.Close() })
	if m.state == welcomeScreen { // its own golden file, TestGoldenWelcome, shows it
		steps = append([]goldenStep{{keys: []string{"enter"}}}, steps...)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Testing Course")
	for _, s := range steps {
		for _, k := range s.keys {
			for _, msg := range keyMsgs(k) {
				tm.Send(msg)
			}
		}
		if s.waitFor != "" {
			waitFor(t, tm, s.waitFor)
		}
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	golden.RequireEqual(t, []byte(final.View()))
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func TestGoldenOutline(t *testing.T) {
	store := openStore(t, "")
	if err := store.RecordAttempt("tui-test-course", "models", progress.Attempt{Correct: 1, Total: 2, Percent: 50}); err != nil {
		t.Fatal(err)
	}
	runGolden(t, store, goldenStep{keys: []string{"j"}})
}

// The NO_COLOR interface: its golden files keep the escape codes of bold, underline and
// reverse video, which are all that marks the selection, the bars and the focus there.
func noColorOptions() Options {
	o := testOptions()
	o.Look = testNoColor
	return o
}

func TestGoldenOutlineNoColor(t *testing.T) {
	store := openStore(t, "")
	if err := store.RecordAttempt("tui-test-course", "models", progress.Attempt{Correct: 1, Total: 2, Percent: 50}); err != nil {
		t.Fatal(err)
	}
	runGoldenWith(t, noColorOptions(), store, goldenStep{keys: []string{"j"}})
}

func TestGoldenQuestionNoColor(t *testing.T) {
	runGoldenWith(t, noColorOptions(), nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"t", "3"}})
}

func TestGoldenReader(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"j", "j"}})
}

func TestGoldenReaderEnd(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"G"}})
}

// TestGoldenQuestion is a question as it opens: nothing chosen, no choice under the cursor.
func TestGoldenQuestion(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"t"}})
}

// TestGoldenQuestionChosen is the same question once choice 3 is picked.
func TestGoldenQuestionChosen(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"t", "3"}})
}

// TestGoldenWelcome is the first-start screen.
func TestGoldenWelcome(t *testing.T) {
	m := New(testCourse(t), nil, testOptions())
	t.Cleanup(func() { _ = m.Close() })
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	golden.RequireEqual(t, []byte(m.View()))
}

func TestGoldenFeedback(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"t", "1", "enter"}})
}

// TestGoldenResult is a result with missed questions: the learner's answer beside the right one.
func TestGoldenResult(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"enter"}, waitFor: "long enough to scroll"},
		goldenStep{keys: []string{"t", "2", "enter", "enter", "2", "enter", "enter", "1", "3", "enter", "enter",
			"data", "enter", "enter"}})
}

func TestGoldenHelp(t *testing.T) {
	runGolden(t, nil, goldenStep{keys: []string{"?"}})
}

func TestGoldenComplete(t *testing.T) {
	store := openStore(t, "")
	for i, id := range []string{"welcome", "models", "shipping"} {
		score := lessons.Score{Correct: 2 + i%2, Total: 3, Points: float64(2 + i%2)}
		a := progress.Attempt{Correct: score.Correct, Total: score.Total, Percent: score.Percent(), Passed: true}
		if err := store.RecordAttempt("tui-test-course", id, a); err != nil {
			t.Fatal(err)
		}
	}
	runGolden(t, store, goldenStep{keys: []string{"enter"}})
}

func TestGoldenTooSmall(t *testing.T) {
	m := New(testCourse(t), nil, testOptions())
	t.Cleanup(func() { _ = m.Close() })
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	golden.RequireEqual(t, []byte(m.View()))
}
