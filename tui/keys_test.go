package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

// TestNoKeyServesTwoActions: on each screen (and in each phase of the quiz), no key is bound to
// two actions, except the overlaps listed, where the screen decides in a set order. The labs'
// l, the quiz's t/f, o, r and m, and the reader's keys came from different branches; this is
// what keeps them apart.
func TestNoKeyServesTwoActions(t *testing.T) {
	k := defaultKeyMap()
	scroll := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}
	common := []key.Binding{k.Quit, k.Back, k.Help}
	screens := map[string]struct {
		bindings []key.Binding
		allowed  []string // keys knowingly bound twice, matched in the order the screen checks
	}{
		"outline": {append(slices.Clone(common), k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom, k.Open,
			k.Continue, k.Filter, k.Review, k.Dismiss), nil},
		"welcome": {append(append(slices.Clone(common), scroll...), k.Done, k.Dismiss), nil},
		"reader": {append(append(slices.Clone(common), scroll...), k.Search, k.NextMatch, k.PrevMatch, k.NextLesson, k.PrevLesson,
			k.TakeQuiz, k.OpenLab, k.Accept, k.ScrollLeft, k.ScrollRight, k.CopyCode, k.Count), nil},
		// A true/false question: t and f answer before f pages down; space ticks before it
		// pages down.
		"quiz, asking": {append(append(slices.Clone(common), scroll...), k.Choose, k.Toggle, k.Submit, k.Hint, k.AnswerTrue, k.AnswerFalse),
			[]string{" ", "f"}},
		"quiz, answered":      {append(append(slices.Clone(common), scroll...), k.NextQ, k.Override), []string{" "}}, // space, as enter, scrolls to the end, then moves on
		"quiz, finished":      {append(append(slices.Clone(common), scroll...), k.Done, k.RetryAll, k.RetryMissed), nil},
		"quiz, left half-way": {append(append(slices.Clone(common), scroll...), k.ResumeQuiz, k.StartOver), nil},
		"review, summary":     {append(append(slices.Clone(common), scroll...), k.Done), nil}, // asking and answered: as the quiz
		"command lab":         {append(slices.Clone(common), k.RunCheck, k.Yes, k.No, k.ShowSolution), nil},
	}
	for name, s := range screens {
		owner := map[string]string{}
		for _, b := range s.bindings {
			for _, key := range b.Keys() {
				if prev, dup := owner[key]; dup && !slices.Contains(s.allowed, key) {
					t.Errorf("%s: %q is bound to %q and to %q", name, key, prev, b.Help().Desc)
				}
				owner[key] = b.Help().Desc
			}
		}
	}
	// The lab key is l in the reader, as the lesson's cards say: the reader must not scroll
	// sideways with it.
	if !slices.Contains(k.OpenLab.Keys(), "l") || strings.Contains(strings.Join(k.PageDown.Keys(), " "), "l") {
		t.Errorf("open lab keys %q", k.OpenLab.Keys())
	}
}
