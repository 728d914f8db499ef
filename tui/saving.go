package tui

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/aieng/aieng/progress"
)

// The learner's progress is a progress.Session: screens change it through c.prog, and its save
// queue writes to the store off the event loop. The interface only listens for the outcome, to
// warn in the status line when saving fails.

// saveResultMsg reports the outcome of the latest save: err nil means everything recorded so
// far is saved.
type saveResultMsg struct{ err error }

// listenSaves returns a command that waits for the session's next save result.
func listenSaves(s *progress.Session) tea.Cmd {
	ch := s.Results()
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		r, ok := <-ch
		if !ok {
			return nil
		}
		return saveResultMsg{err: r.Err}
	}
}

// saveWarning turns a save error into one line for the status bar.
func saveWarning(err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if errors.Is(err, progress.ErrReadOnly) {
		// The store's message already says that progress is not saved, and why.
		return strings.ToUpper(msg[:1]) + msg[1:]
	}
	return "Progress not saved: " + msg
}
