// Package quietinit keeps Bubble Tea v1's package initialisation from asking the terminal for
// its background colour. bubbletea/tea_init.go calls lipgloss.HasDarkBackground() in an init
// function, for every program that links Bubble Tea: on a terminal that does not answer the
// query (OSC 11, then a cursor position report), termenv waits its fixed 5 s timeout, before
// main runs, for every command, even 'aieng version' and 'aieng --theme dark'. Bubble Tea
// means it to run before a program takes the terminal; aieng decides dark or light itself,
// once, in internal/termstyle, and asks the terminal there only when nothing else answers
// (--theme, AIENG_THEME, NO_COLOR, output that is not a terminal).
//
// Setting the default renderer's background first makes Lip Gloss skip the query. That this
// init runs before Bubble Tea's follows from the order the Go specification has given package
// initialisation since Go 1.21: "Given the list of all packages, sorted by import path, in each
// step the first uninitialized package in the list for which all imported packages (if any)
// are already initialized is initialized." This package imports only Lip Gloss, which Bubble
// Tea imports too, so from the step Lip Gloss is initialised on, this package is ready
// whenever Bubble Tea is, and "github.com/aieng/aieng/internal/quietinit" sorts before
// "github.com/charmbracelet/bubbletea": it always comes first. cmd/aieng's tests run the binary
// on a terminal that never answers and fail if the query is sent.
package quietinit

import "github.com/charmbracelet/lipgloss"

func init() {
	// A placeholder until internal/termstyle decides, which sets the real value before any
	// program starts.
	lipgloss.SetHasDarkBackground(true)
}
