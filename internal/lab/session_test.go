package lab

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/aieng/aieng/internal/lab/view"
)

func openKind(t testing.TB, kindName string, params map[string]any) *Session {
	t.Helper()
	s, err := Open(Spec{ID: "test-" + kindName, Title: "Lab: " + kindName, Kind: kindName, Params: params})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// builtIn lists the kinds that open as sessions.
func builtIn() []string {
	var out []string
	for _, k := range Kinds() {
		if OpensSession(k.Name) {
			out = append(out, k.Name)
		}
	}
	return out
}

func TestOpenRejectsBadSpecs(t *testing.T) {
	_, err := Open(Spec{ID: "a", Title: "A", Kind: "threshold", Params: map[string]any{"samples": -1}})
	var probs Problems
	if !errors.As(err, &probs) || len(probs) != 1 || !strings.Contains(probs[0].Message, "samples: -1 is out of range") {
		t.Errorf("Open = %v", err)
	}
	if _, err := Open(Spec{ID: "a", Title: "A", Kind: "command", Params: map[string]any{"starter": "s", "check": "true"}}); !errors.Is(err, ErrNotBuiltIn) {
		t.Errorf("opening a command lab as a session: %v", err)
	}
}

func TestKnobsAndKeys(t *testing.T) {
	s := openKind(t, "serving", nil)
	if s.Focused() != "replicas" || s.Knobs()[0].Value != 8 || s.Knobs()[1].Value != 1 {
		t.Fatalf("start: %+v", s.Knobs())
	}
	steps := []struct {
		key      string
		changed  bool
		replicas float64
		batch    float64
	}{
		{"left", true, 7, 1},
		{"h", true, 6, 1},
		{"shift+left", true, 1, 1}, // ten steps stop at the end
		{"left", false, 1, 1},
		{"end", true, 12, 1},
		{"right", false, 12, 1},
		{"down", true, 12, 1}, // focus moves; the view changes
		{"right", true, 12, 2},
		{"L", true, 12, 12},
		{"home", true, 12, 1},
		{"tab", true, 12, 1},
		{" ", false, 12, 1}, // not a switch
		{"q", false, 12, 1}, // left to the screen
		{"2", true, 12, 1},  // focus the second knob
		{"r", true, 8, 1},
	}
	for _, st := range steps {
		changed := s.HandleKey(st.key)
		k := s.Knobs()
		if changed != st.changed || k[0].Value != st.replicas || k[1].Value != st.batch {
			t.Fatalf("key %q: changed %v replicas %v batch %v, want %v %v %v", st.key, changed, k[0].Value, k[1].Value, st.changed, st.replicas, st.batch)
		}
	}
	if s.Set("nope", 1) || s.Adjust("nope", 1) || s.Toggle("nope") || s.Focus("nope") {
		t.Error("an unknown knob changed something")
	}
	help := s.KeyHelp()
	if len(help) == 0 || help[0].Keys != "←/→" {
		t.Errorf("KeyHelp = %+v", help)
	}
}

func TestSwitchesAndGoal(t *testing.T) {
	s := openKind(t, "leakage", nil)
	for _, k := range s.Knobs() {
		if !k.IsSwitch() || k.Value != 1 {
			t.Fatalf("leakage starts with every switch leaky: %+v", k)
		}
	}
	if s.GoalMet() {
		t.Fatal("the leaky pipeline meets the goal")
	}
	// 1, 2, 3 flip the three switches: the honest pipeline meets the goal.
	for _, key := range []string{"1", "2", "3"} {
		if !s.HandleKey(key) {
			t.Fatalf("key %s changed nothing", key)
		}
	}
	if !s.GoalMet() {
		t.Fatalf("the honest pipeline does not meet the goal: %v", s.Values())
	}
	parts := s.GoalParts()
	if len(parts) != 2 || !parts[0].Met || !parts[1].Met {
		t.Errorf("goal parts %+v", parts)
	}
	if s.Knobs()[2].Display != "by time" || !s.Knobs()[2].Focused {
		t.Errorf("knob 3: %+v", s.Knobs()[2])
	}
	// Space flips the focused switch back; the values are those measured before (cached).
	before := s.Values()
	s.HandleKey(" ")
	s.HandleKey("enter")
	if after := s.Values(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("values changed after flipping twice: %v then %v", before, after)
	}
}

func TestValuesIsACopy(t *testing.T) {
	s := openKind(t, "threshold", nil)
	v := s.Values()
	v["recall"] = 42
	if s.Values()["recall"] == 42 {
		t.Error("Values exposes the session's map")
	}
}

// TestViewFits checks every kind's view at many sizes, with and without colour: exactly
// height lines, none wider than width.
func TestViewFits(t *testing.T) {
	sizes := [][2]int{{80, 24}, {40, 12}, {120, 40}, {60, 16}, {30, 8}, {100, 10}, {10, 3}, {1, 1}}
	for _, name := range builtIn() {
		s := openKind(t, name, nil)
		for _, color := range []bool{false, true} {
			st := view.NewStyles(nil, color)
			for _, sz := range sizes {
				out := s.View(sz[0], sz[1], st)
				lines := strings.Split(out, "\n")
				if len(lines) != sz[1] {
					t.Errorf("%s %dx%d: %d lines", name, sz[0], sz[1], len(lines))
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > sz[0] {
						t.Errorf("%s %dx%d: line %d is %d wide: %q", name, sz[0], sz[1], i, w, l)
					}
				}
			}
		}
	}
}

func TestViewIsCachedUntilAChange(t *testing.T) {
	s := openKind(t, "threshold", nil)
	st := view.NewStyles(nil, false)
	a := s.View(80, 24, st)
	if b := s.View(80, 24, st); b != a {
		t.Fatal("the same view drew differently")
	}
	s.HandleKey("left")
	if c := s.View(80, 24, st); c == a || !strings.Contains(c, "threshold 0.49") {
		t.Errorf("the view did not follow the knob:\n%s", c)
	}
}

func TestViewWithColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	s := openKind(t, "drift", nil)
	out := s.View(80, 24, view.NewStyles(nil, true))
	if !strings.Contains(out, "\x1b[") {
		t.Error("no colour in a coloured view")
	}
	if plain := ansi.Strip(out); !strings.Contains(plain, "alert above 0.25") {
		t.Errorf("colour view lost its text:\n%s", plain)
	}
}

// goalSettings moves each kind's knobs to a setting that meets its default goal, the way a
// learner would, to show the views with the goal met.
var goalSettings = map[string]map[string]float64{
	"threshold": {"threshold": 0.25},
	"capacity":  {"depth": 3},
	"leakage":   {"fit_on": 0, "label_feature": 0, "split": 0},
	"drift":     {"alert": 0.07},
	"serving":   {"replicas": 2, "batch": 8},
	"retrieval": {"chunk_words": 100, "top_k": 1},
}

// TestGoldenViews records every kind's view at 80x24 and 40x12 in plain text, first as it
// opens and then with the goal met. The numbers in them are the experiments' real results
// for seed 1: a change in any model, data generator or chart shows here.
// Refresh with: go test ./internal/lab -run TestGoldenViews -update
func TestGoldenViews(t *testing.T) {
	st := view.NewStyles(nil, false)
	for _, name := range builtIn() {
		s := openKind(t, name, nil)
		if s.GoalMet() {
			t.Errorf("%s: the default goal is met before any knob moves", name)
		}
		for _, state := range []string{"start", "met"} {
			if state == "met" {
				for k, v := range goalSettings[name] {
					s.Set(k, v)
				}
				if !s.GoalMet() {
					t.Errorf("%s: the goal is not met at %v: %v", name, goalSettings[name], s.Values())
				}
			}
			for _, sz := range [][2]int{{80, 24}, {40, 12}} {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", name, state, sz[0], sz[1]), func(t *testing.T) {
					golden.RequireEqual(t, []byte(s.View(sz[0], sz[1], st)))
				})
			}
		}
	}
}
