package lessons

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// quizCourse builds a one-lesson course whose quiz holds the given questions, each written as
// Markdown from its "### " heading down, and returns the problems loading it reports.
func quizCourse(t *testing.T, questions ...string) Problems {
	t.Helper()
	lesson := "---\ntitle: L\nobjectives: [Learn]\n---\n\nBody.\n\n## Quiz\n\n" + strings.Join(questions, "\n")
	fsys := fstest.MapFS{
		"course.yaml": {Data: []byte("id: c\ntitle: C\n")},
		"01-l.md":     {Data: []byte(lesson)},
	}
	_, probs, err := Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	return probs
}

// single writes a single-choice question whose right choice is right and whose wrong choices are
// wrong.
func single(prompt, right string, wrong ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n- [x] %s\n", prompt, right)
	for _, w := range wrong {
		fmt.Fprintf(&b, "- [ ] %s\n", w)
	}
	b.WriteString("\n> Because.\n")
	return b.String()
}

// multiple writes a multiple-select question with the given numbers of right and wrong choices.
func multiple(prompt string, right, wrong int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s {kind=multiple}\n\n", prompt)
	for i := range right {
		fmt.Fprintf(&b, "- [x] Right %d\n", i)
	}
	for i := range wrong {
		fmt.Fprintf(&b, "- [ ] Wrong %d\n", i)
	}
	b.WriteString("\n> Because.\n")
	return b.String()
}

func problemStrings(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestLintLongRightChoice(t *testing.T) {
	tests := []struct {
		name   string
		right  string
		wrong  []string
		warned bool
	}{
		{"exactly 1.5x is allowed", strings.Repeat("a", 15), []string{strings.Repeat("b", 10), "c"}, false},
		{"over 1.5x every other", strings.Repeat("a", 16), []string{strings.Repeat("b", 10), "c"}, true},
		{"one other choice as long", strings.Repeat("a", 40), []string{"b", strings.Repeat("c", 30)}, false},
		{"backticks are not counted", "`" + strings.Repeat("a", 15) + "`", []string{strings.Repeat("b", 10)}, false},
		{"characters, not bytes", strings.Repeat("é", 15), []string{strings.Repeat("b", 10)}, false},
		// The learner sees "R&D café €5" (11 characters), not the 28 of the source.
		{"character references count as the character", "R&amp;D caf&eacute; &#8364;5", []string{"no &lt;tag&gt;"}, false},
		{"a reference in a code span is shown as written", "`&amp;&amp;&amp;a`", []string{"bbbbbbbbbb"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := quizCourse(t, single("Pick one", tt.right, tt.wrong...))
			got := problemStrings(probs)
			if !tt.warned {
				if len(got) != 0 {
					t.Errorf("want no problem, got %q", got)
				}
				return
			}
			want := "c/01-l.md:10:1: warning: the right choice is 16 characters, more than 1.5x every other choice (longest 10): learners can pick it by its length; shorten it or make the others as specific"
			if len(got) != 1 || got[0] != want {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

// TestLintRightChoiceLengthShare: the right choice may be the longest, or the shortest, in at
// most 40% of five or more single-choice questions; past that the lint warns, naming the tell.
func TestLintRightChoiceLengthShare(t *testing.T) {
	const warning = "c/course.yaml:1:1: warning: the right choice is the %[1]s in %[2]d of %[3]d single-choice questions (%[4]d%%), more than 40%%: learners learn to pick the %[1]s; vary which choice is %[1]s"
	tells := []struct {
		name, tell, other string // other is neither the longest nor the shortest
	}{
		{"longest", single("Q", "a bit longer", "not as long", "short"), single("Q", "not as long", "a bit longer", "short")},
		{"shortest", single("Q", "short", "a bit longer", "not as long"), single("Q", "not as long", "a bit longer", "short")},
	}
	tests := []struct {
		name         string
		told, other  int
		wantsWarning bool
		percent      int
	}{
		{"2 of 5 (40%) is allowed", 2, 3, false, 0},
		{"3 of 5 (60%)", 3, 2, true, 60},
		{"4 of 4 is too few questions to judge", 4, 0, false, 0},
		{"5 of 7 (71%)", 5, 2, true, 71},
	}
	for _, tl := range tells {
		for _, tt := range tests {
			t.Run(tl.name+" "+tt.name, func(t *testing.T) {
				qs := slices.Repeat([]string{tl.tell}, tt.told)
				qs = append(qs, slices.Repeat([]string{tl.other}, tt.other)...)
				got := problemStrings(quizCourse(t, qs...))
				if !tt.wantsWarning {
					if len(got) != 0 {
						t.Errorf("want no problem, got %q", got)
					}
					return
				}
				want := fmt.Sprintf(warning, tl.name, tt.told, tt.told+tt.other, tt.percent)
				if len(got) != 1 || got[0] != want {
					t.Errorf("got %q\nwant %q", got, want)
				}
			})
		}
	}
}

func TestLintLongestRightShareIgnoresTiesAndOtherKinds(t *testing.T) {
	// A right choice as long as a wrong one is not "the longest", nor as short as one "the
	// shortest"; true/false and multiple-select questions do not count towards either share.
	tie := single("Q", "same length", "also length", "short")
	shortTie := single("Q", "short", "brief", "much longer")
	tf := "### Is it?\n\n- [x] True\n- [ ] False\n\n> Because.\n"
	qs := []string{tie, tie, tie, tie, tie, shortTie, shortTie, shortTie, shortTie, shortTie, tf, tf, multiple("M", 2, 2)}
	if got := problemStrings(quizCourse(t, qs...)); len(got) != 0 {
		t.Errorf("want no problem, got %q", got)
	}
}

func TestLintSameRightCountInMultipleSelect(t *testing.T) {
	tests := []struct {
		name   string
		rights []int
		want   string
	}{
		{"three questions with 2 right", []int{2, 2, 2},
			"c/course.yaml:1:1: warning: all 3 multiple-select questions have exactly 2 right answers: learners learn to pick 2; vary the number of right answers"},
		{"varied", []int{2, 3, 2}, ""},
		{"two questions are too few to judge", []int{3, 3}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []string
			for _, n := range tt.rights {
				qs = append(qs, multiple("M", n, 2))
			}
			got := problemStrings(quizCourse(t, qs...))
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("want no problem, got %q", got)
				}
				return
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLintWarningsAreWarnings: the lints never fail a plain validate, only --strict.
func TestLintWarningsAreWarnings(t *testing.T) {
	probs := quizCourse(t, single("Q", strings.Repeat("a", 40), "b"))
	if len(probs) != 1 || probs.HasErrors() {
		t.Errorf("want one warning and no error, got %q", problemStrings(probs))
	}
}
