package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// keyMap is every key of the interface, in one place. Screens match keys against it, list the
// ones that apply in their help, and name them in sentences with keyName: no screen compares
// key strings of its own or spells a key by hand, so changing a key here changes every hint.
type keyMap struct {
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

	// Quiz: true/false, "I was right", and a quiz left half-way.
	AnswerTrue  key.Binding
	AnswerFalse key.Binding
	Override    key.Binding
	ResumeQuiz  key.Binding
	StartOver   key.Binding

	// Labs. OpenLab is l in the reader, as the lesson's lab cards say (lessons.LabKey), so
	// sideways scrolling in the reader must use ← and → only. In a built-in lab the arrows,
	// h/l, digits, space and r move its knobs (lab.Session.HandleKey); a command lab runs its
	// check with RunCheck and answers the question before the first run with Yes or No.
	OpenLab      key.Binding
	RunCheck     key.Binding
	Yes          key.Binding
	No           key.Binding
	ShowSolution key.Binding

	// Reader: code blocks. ScrollLeft and ScrollRight move every code block of the lesson
	// sideways (prose stays); CopyCode copies the block nearest the top of the view to the
	// clipboard, or the block whose number (Count, digits) was typed just before it: 2c.
	ScrollLeft  key.Binding
	ScrollRight key.Binding
	CopyCode    key.Binding
	Count       key.Binding

	// Review: r on the outline opens a review session of the questions due (review.go).
	Review key.Binding

	// Dismiss hides the notice of what went wrong while loading (notice.go).
	Dismiss key.Binding
}

// defaultKeyMap returns the keys of aieng. A binding's first key is the one sentences name.
func defaultKeyMap() *keyMap {
	k := &keyMap{
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Back: key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "back")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys(" ", "pgdown", "f"), key.WithHelp("pgdn/space", "page down")),
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

		AnswerTrue:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "true")),
		AnswerFalse: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "false")),
		Override:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "I was right")),
		ResumeQuiz:  key.NewBinding(key.WithKeys("enter", "c"), key.WithHelp("enter", "continue")),
		StartOver:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "start over")),
	}
	k.bindLabCodeAndReview()
	return k
}

// bindLabCodeAndReview binds the keys of the labs, the reader's code blocks and the review.
func (k *keyMap) bindLabCodeAndReview() {
	k.OpenLab = key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "open the lab"))
	k.RunCheck = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run the check"))
	k.Yes = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes"))
	k.No = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no"))
	k.ShowSolution = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "solution"))

	k.ScrollLeft = key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "scroll code left"))
	k.ScrollRight = key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "scroll code right"))
	k.CopyCode = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy code"))
	k.Count = key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("2c", "copy code block 2"))

	k.Review = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review"))
	k.Dismiss = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "hide the notice"))
}

// keySymbols are how keys are shown, where that differs from their name in Bubble Tea.
var keySymbols = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", " ": "space", "pgdown": "pgdn"}

// keyName is how a sentence names a binding: its first key ("t", "enter", "↑"), or a range for
// the digit keys ("1-9").
func keyName(b key.Binding) string {
	keys := b.Keys()
	if len(keys) == 0 {
		return ""
	}
	if digits(keys) {
		return keys[0] + "-" + keys[len(keys)-1]
	}
	if s, ok := keySymbols[keys[0]]; ok {
		return s
	}
	return keys[0]
}

// digits reports whether keys are numbers ("1" to "9"; "1" and "12" for a help that names
// the numbers of twelve choices).
func digits(keys []string) bool {
	for _, k := range keys {
		if k == "" || strings.Trim(k, "0123456789") != "" {
			return false
		}
	}
	return len(keys) > 1
}

// keysLabel names several bindings at once: "↑/↓", "[/]".
func keysLabel(bs ...key.Binding) string {
	names := make([]string, len(bs))
	for i, b := range bs {
		names[i] = keyName(b)
	}
	return strings.Join(names, "/")
}

// hint returns a copy of the first binding for the help, showing the keys of all the bindings
// (keysLabel) and desc: a key's meaning depends on the screen (enter opens, submits, continues).
func hint(desc string, bs ...key.Binding) key.Binding {
	b := bs[0]
	b.SetHelp(keysLabel(bs...), desc)
	return b
}

// firstKeys returns a copy of b keeping its first n keys, for a help that names only those
// ("1-3" when a question has three choices).
func firstKeys(b key.Binding, n int) key.Binding {
	keys := b.Keys()
	b.SetKeys(keys[:max(min(n, len(keys)), 1)]...)
	return b
}

// withoutKeys returns a copy of b that no longer answers to the given keys, for a screen where
// they mean something else (space ticks a choice in a quiz, so it does not page there).
func withoutKeys(b key.Binding, drop ...string) key.Binding {
	var keys []string
	for _, k := range b.Keys() {
		if !slices.Contains(drop, k) {
			keys = append(keys, k)
		}
	}
	b.SetKeys(keys...)
	b.SetHelp(keyName(b), b.Help().Desc)
	return b
}
