package lab

// Key is one entry of the lab's key help.
type Key struct {
	Keys string // as shown: "←/→"
	Help string
}

// coarse is how many steps shift+arrow and page keys move a knob.
const coarse = 10

// HandleKey applies one key press, named as Bubble Tea's tea.KeyMsg.String() names keys
// ("left", "shift+right", " ", "enter", "tab", "1"), and reports whether the lab changed and
// needs redrawing. Keys it does not use (q, esc, ?) are left to the screen: it returns false.
func (s *Session) HandleKey(key string) bool {
	k := s.knobs[s.focus]
	switch key {
	case "left", "h":
		return s.Adjust(k.Name, -1)
	case "right", "l":
		return s.Adjust(k.Name, 1)
	case "shift+left", "H", "pgdown":
		return s.Adjust(k.Name, -coarse)
	case "shift+right", "L", "pgup":
		return s.Adjust(k.Name, coarse)
	case "home":
		return s.Set(k.Name, k.Min)
	case "end":
		return s.Set(k.Name, k.Max)
	case "up", "k", "shift+tab":
		return s.FocusNext(-1)
	case "down", "j", "tab":
		return s.FocusNext(1)
	case " ", "enter":
		return s.Toggle(k.Name)
	case "r":
		return s.Reset()
	}
	if len(key) == 1 && key[0] >= '1' && key[0] <= '9' {
		return s.pressDigit(int(key[0] - '1'))
	}
	return false
}

// pressDigit focuses knob i; on a switch it also flips it, so 1, 2, 3 flip three switches.
func (s *Session) pressDigit(i int) bool {
	if i >= len(s.knobs) {
		return false
	}
	focused := s.Focus(s.knobs[i].Name)
	return s.Toggle(s.knobs[i].Name) || focused
}

// KeyHelp lists the keys HandleKey uses for this lab, for the screen's help line, the most
// useful first (a narrow help line keeps those): moving or flipping the knob, choosing another,
// then big steps and the reset.
func (s *Session) KeyHelp() []Key {
	var keys []Key
	hasSwitch, hasSlider := false, false
	for _, k := range s.knobs {
		hasSwitch = hasSwitch || k.IsSwitch()
		hasSlider = hasSlider || !k.IsSwitch()
	}
	if hasSlider {
		keys = append(keys, Key{"←/→", "move"})
	}
	if hasSwitch {
		keys = append(keys, Key{"space", "flip switch"})
		if len(s.knobs) > 1 {
			keys = append(keys, Key{"1-" + string(rune('0'+min(len(s.knobs), 9))), "flip that switch"})
		}
	}
	if len(s.knobs) > 1 {
		keys = append(keys, Key{"↑/↓", "choose knob"})
	}
	if hasSlider {
		keys = append(keys, Key{"shift+←/→", "move ×10"})
	}
	return append(keys, Key{"r", "reset knobs"})
}
