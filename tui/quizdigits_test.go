package tui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/aieng/aieng/lessons"
)

// twelveChoiceCourse is a course of one lesson whose quiz has a single-choice and a
// multiple-select question of twelve choices each, in written order ("choice 1" to "choice 12").
func twelveChoiceCourse(t *testing.T) *lessons.Course {
	t.Helper()
	var one, many strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&one, "- [%s] choice %d\n", map[bool]string{true: "x", false: " "}[i == 10], i)
		fmt.Fprintf(&many, "- [%s] choice %d\n", map[bool]string{true: "x", false: " "}[i == 11 || i == 2], i)
	}
	lesson := "---\ntitle: Twelve\nobjectives: [o]\n---\n\nBody.\n\n## Quiz\n\n" +
		"### Which is ten? {shuffle=false}\n\n" + one.String() + "\n> Ten.\n\n" +
		"### Which are two and eleven? {kind=multiple shuffle=false}\n\n" + many.String() + "\n> Two and eleven.\n"
	c, probs, err := lessons.Load(fstest.MapFS{
		"course.yaml": {Data: []byte("id: twelve\ntitle: Twelve course\n")}, "01-twelve.md": {Data: []byte(lesson)},
	}, "twelve")
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	return c
}

// TestChoiceNumbersAlign: choices 1 to 9 and 10 to 12 have their numbers right-aligned, so
// every choice's text starts in the same column.
func TestChoiceNumbersAlign(t *testing.T) {
	d := newDriver(t, twelveChoiceCourse(t), nil, 80, 30)
	d.keys("enter", "t")
	d.requireView("Question 1 of 2")
	col := map[int]int{}
	for i := 1; i <= 12; i++ {
		line := ansi.Strip(d.lineWith(fmt.Sprintf("choice %d", i)))
		col[i] = ansi.StringWidth(line[:strings.Index(line, fmt.Sprintf("choice %d", i))])
		if !strings.Contains(line, fmt.Sprintf("%2d  choice %d", i, i)) {
			t.Errorf("choice %d is not numbered %q: %q", i, fmt.Sprintf("%2d", i), line)
		}
	}
	for i := 2; i <= 12; i++ {
		if col[i] != col[1] {
			t.Fatalf("the text of choice %d starts at column %d, choice 1's at %d:\n%s", i, col[i], col[1], d.view())
		}
	}
}

// TestTwoDigitChoiceNumbers: from ten choices on, 1 then 0 typed in a row picks choice 10; a
// digit typed after a pause is a number of its own; the help names every number.
func TestTwoDigitChoiceNumbers(t *testing.T) {
	clock := newManualClock()
	opts := testOptions()
	opts.Now = clock.now
	store := openStore(t, "")
	d := newDriverWith(t, opts, twelveChoiceCourse(t), store, 80, 30)
	d.keys("enter", "t")
	d.requireView("1-12 pick")
	d.rejectView("1-9")

	d.keys("1")
	d.requireLine("›", "1  choice 1")
	d.keys("0")
	d.requireLine("›", "10  choice 10")
	d.keys("1") // a pause, then 2: choice 2, not 12
	clock.advance(2 * time.Second)
	d.keys("2")
	d.requireLine("›", "2  choice 2")
	d.keys("12") // 1 and 2 in a row: choice 12
	d.requireLine("›", "12  choice 12")
	d.keys("1", "0", "enter")
	d.requireView("✓ Correct!")
	clock.advance(time.Second)
	d.keys("enter")

	// In a multiple-select question the first digit's tick is taken back: 1 1 ticks 11 alone.
	d.requireView("Question 2 of 2", "1-12 tick")
	d.keys("1", "1")
	d.requireLine("[x]", "11  choice 11")
	d.requireLine("[ ]", " 1  choice 1")
	clock.advance(2 * time.Second)
	d.keys("2", "enter")
	d.requireView("✓ Correct!")
	if given := d.lesson("twelve").Open.Answers[1].Given; len(given) != 2 || given[0] != "choice 2" || given[1] != "choice 11" {
		t.Fatalf("the multiple-select answer saved as %q", given)
	}
	clock.advance(time.Second)
	d.keys("enter")
	d.requireView("2 of 2 correct")
}

// TestZeroAloneSaysHowToTypeTen: 0 on its own picks nothing and says how to type 10.
func TestZeroAloneSaysHowToTypeTen(t *testing.T) {
	d := newDriver(t, twelveChoiceCourse(t), nil, 80, 30)
	d.keys("enter", "t", "0")
	d.requireView("Type 10 to 12 as two digits in a row")
	d.rejectView("› (")
}
