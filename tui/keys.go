package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key of the interface, in one place. Screens match keys against it and list
// the ones that apply in their help; no screen compares key strings of its own.
type KeyMap struct {
	Quit key.Binding
	Back key.Binding
	Help key.Binding

	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	HalfUp   key.Binding
	HalfDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Outline.
	Open     key.Binding
	Continue key.Binding
	Filter   key.Binding

	// Reader.
	Search     key.Binding
	NextMatch  key.Binding
	PrevMatch  key.Binding
	NextLesson key.Binding
	PrevLesson key.Binding
	TakeQuiz   key.Binding

	// Text input (filter, search, short answers).
	Accept   key.Binding
	Cancel   key.Binding
	PrevItem key.Binding // move in a list while typing in its filter
	NextItem key.Binding

	// Quiz.
	Choose      key.Binding // the digit keys
	Toggle      key.Binding
	Submit      key.Binding
	Hint        key.Binding
	HintInInput key.Binding
	NextQ       key.Binding
	RetryAll    key.Binding
	RetryMissed key.Binding
	Done        key.Binding
}

// DefaultKeyMap returns the keys of aieng.
func DefaultKeyMap() *KeyMap {
	return &KeyMap{
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Back: key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "back")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " ", "f"), key.WithHelp("pgdn/space", "page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("u", "half page up")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("d", "half page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),

		Open:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open")),
		Continue: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "continue")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),

		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/prev match")),
		PrevMatch:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		NextLesson: key.NewBinding(key.WithKeys("]", "tab"), key.WithHelp("]", "next lesson")),
		PrevLesson: key.NewBinding(key.WithKeys("[", "shift+tab"), key.WithHelp("[", "previous lesson")),
		TakeQuiz:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "take the quiz")),

		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		PrevItem: key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "previous")),
		NextItem: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "next")),

		Choose:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "choose")),
		Toggle:      key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space", "tick/untick")),
		Submit:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Hint:        key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "hint")),
		HintInInput: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "hint")),
		NextQ:       key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "next question")),
		RetryAll:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry all")),
		RetryMissed: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "retry missed")),
		Done:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
	}
}

// keyHelp is a help.KeyMap made of the bindings a screen lists at a given moment. The short
// list ends with the screen's main action, then back (q) and help (?): when the footer is too
// narrow, the root model leaves out keys from the front, so these stay.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyHelp) ShortHelp() []key.Binding  { return k.short }
func (k keyHelp) FullHelp() [][]key.Binding { return k.full }

// withHelp returns a copy of b showing other help text, for a key whose meaning depends on the
// screen (enter opens, submits, continues).
func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}
