package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aieng/aieng/lessons"
)

// editedCourse loads the test course with the welcome lesson's text replaced (old by new), as
// the folder watcher would after an instructor saves the file.
func editedCourse(t *testing.T, replacements ...string) courseUpdateMsg {
	t.Helper()
	return editCourse(t, func(text string) string {
		for i := 0; i+1 < len(replacements); i += 2 {
			if !strings.Contains(text, replacements[i]) {
				t.Fatalf("the welcome lesson has no %q", replacements[i])
			}
			text = strings.Replace(text, replacements[i], replacements[i+1], 1)
		}
		return text
	})
}

// editCourse loads the test course with the welcome lesson edited by edit.
func editCourse(t *testing.T, edit func(string) string) courseUpdateMsg {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"course.yaml", "01-welcome.md", "02-models.md", "03-shipping.md"} {
		copyFile(t, filepath.Join("testdata/course", name), filepath.Join(dir, name))
	}
	welcome := filepath.Join(dir, "01-welcome.md")
	b, err := os.ReadFile(welcome)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, welcome, edit(string(b)))
	c, probs, err := lessons.LoadDir(dir)
	if err != nil || probs.HasErrors() {
		t.Fatalf("edited course: %v %v", err, probs.Errors())
	}
	return courseUpdateMsg{Course: c}
}

// TestOpenQuizTakesExplanationEdits: an edit that leaves the questions as they were (an
// explanation) shows at once, on the feedback on screen, and the round goes on.
func TestOpenQuizTakesExplanationEdits(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t", "2", "enter")
	d.requireView("✓ Correct!", "A model maps inputs to outputs")
	d.send(editedCourse(t, "> A model maps inputs to outputs;", "> EDITED: a model maps inputs to outputs;"))
	d.requireView("✓ Correct!", "EDITED: a model maps inputs to outputs", "Question 1 of 4")
	d.keys("enter", "2", "enter", "enter", "1", "2", "enter", "enter", "training data", "enter", "enter")
	d.requireView("4 of 4 correct")
}

// TestOpenQuizKeepsAnswersBeforeTheChange: a question edited ahead of the learner leaves the
// answers before it and the question on screen as they are; a question edited behind the
// learner takes the learner back to it.
func TestOpenQuizKeepsAnswersBeforeTheChange(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "down", "down") // nothing is chosen at first
	d.requireView("Question 2 of 4", "› (•) 2  False")
	d.send(editedCourse(t, "### Which steps are part of shipping a model?", "### Which steps belong to shipping a model?"))
	d.requireView("Question 2 of 4", "› (•) 2  False") // the place and the cursor stay
	d.keys("enter", "enter")
	d.requireView("Question 3 of 4", "Which steps belong to shipping a model?")

	d.send(editedCourse(t, "### What does a model do?", "### What does a trained model do?"))
	d.requireView("Question 1 of 4", "What does a trained model do?", "The quiz changed: you go on from question 1.")
	d.keys("2", "enter", "enter", "2", "enter", "enter", "1", "2", "enter", "enter", "training data", "enter", "enter")
	d.requireView("4 of 4 correct")
}

// TestFinishedQuizKeepsItsResult: the result stays on screen, and r takes the new version.
func TestFinishedQuizKeepsItsResult(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(false)
	d.requireView("0 of 4 correct")
	d.send(editedCourse(t, "### What does a model do?", "### What does a trained model do?"))
	d.requireView("0 of 4 correct", "The quiz changed: press r to take the new version.")
	d.keys("r")
	d.requireView("Question 1 of 4", "What does a trained model do?")

	// The quiz cut from the lesson: back to the lesson.
	d.send(editCourse(t, func(text string) string { before, _, _ := strings.Cut(text, "## Quiz"); return before }))
	d.requireView("The lesson no longer has a quiz.", "Lesson 1 of 3")
}

// TestWatchingMark: with --watch the title bar says so; without, it does not.
func TestWatchingMark(t *testing.T) {
	opts := testOptions()
	opts.Updates = make(chan CourseUpdate)
	d := newDriverWith(t, opts, testCourse(t), nil, 80, 24)
	if title := d.title(); !strings.HasPrefix(title, " [watching] ") {
		t.Errorf("title bar with --watch: %q", title)
	}
	d.keys("enter") // a lesson: its long crumbs push the course title out, not the mark
	if title := d.title(); !strings.HasPrefix(title, " [watching] ") {
		t.Errorf("title bar of a lesson with --watch: %q", title)
	}
	narrow := newDriverWith(t, opts, testCourse(t), nil, 40, 12)
	narrow.keys("enter")
	if title := narrow.title(); !strings.HasPrefix(title, " [watching] ") {
		t.Errorf("title bar at 40 columns with --watch: %q", title)
	}
	plain := newDriver(t, testCourse(t), nil, 80, 24)
	if title := plain.title(); strings.Contains(title, "watching") {
		t.Errorf("title bar without --watch: %q", title)
	}
}

// TestReplayKeepsHintsAndOverrides: answers kept through an edit keep the hint the learner
// used and the answer they counted as right ("I was right"), on screen, in the attempt kept
// half-way and in the attempt recorded.
func TestReplayKeepsHintsAndOverrides(t *testing.T) {
	shortFirst := func(text string) string {
		text = strings.Replace(text, "### What does a model do? {shuffle=false}\n\n- [ ] It stores data\n  > Storing data is the job of a database.\n- [x] It turns inputs into outputs\n- [ ] It draws charts\n",
			"### What is data kept for the final check called? {kind=short}\n\n- [x] test data\n", 1)
		return strings.Replace(text, "- [x] False\n\n> Test data", "- [x] False\n\n> Hint: tuning is not testing.\n\n> Test data", 1)
	}
	store := openStore(t, "")
	d := newDriver(t, editCourse(t, shortFirst).Course, store, 80, 24)
	d.keys("enter", "t", "exam data", "enter")
	d.requireView("✗ Not quite.")
	d.keys("o", "enter", "h", "2", "enter", "enter")
	d.requireView("Question 3 of 4")
	d.send(editCourse(t, func(text string) string {
		return strings.Replace(shortFirst(text), "### Which steps are part of shipping a model?", "### Which steps belong to shipping a model?", 1)
	}))
	d.requireView("Question 3 of 4", "Which steps belong to shipping a model?", "The quiz changed: you go on from question 3.")
	open := d.lesson("welcome").Open
	if open == nil || len(open.Answers) != 2 || !open.Answers[0].Overridden || !open.Answers[0].Correct || !open.Answers[1].Hinted {
		t.Fatalf("the attempt kept half-way after the edit: %+v", open)
	}
	d.keys("1", "2", "enter", "enter", "training data", "enter", "enter")
	d.requireView("4 of 4 correct", "You counted 1 answer as right yourself.")
	a := d.lesson("welcome").Attempts[0]
	if !a.Answers[0].Overridden || !a.Answers[1].Hinted || a.Answers[2].Hash == open.Answers[1].Hash || d.lesson("welcome").Open != nil {
		t.Errorf("the attempt recorded: %+v", a)
	}
}

// TestReloadWhileOfferedToContinue: the offer to continue an attempt left half-way stands for
// a new version that keeps its answers, and gives way to a new attempt when it does not.
func TestReloadWhileOfferedToContinue(t *testing.T) {
	store := openStore(t, "")
	d := newDriver(t, testCourse(t), store, 80, 24)
	d.keys("enter", "t", "2", "enter", "enter", "q", "q")
	d.keys("t")
	d.requireView("continue")
	d.send(editedCourse(t, "> A model maps inputs to outputs;", "> EDITED: a model maps inputs to outputs;"))
	d.requireView("continue")
	d.send(editedCourse(t, "### What does a model do?", "### What does a trained model do?"))
	d.requireView("Question 1 of 4", "What does a trained model do?", "The quiz has changed since you left it half-way: it starts over.")
	if open := d.lesson("welcome").Open; open != nil {
		t.Errorf("the attempt left half-way was kept: %+v", open)
	}
}

// TestReloadDuringPractice: practice of the missed questions gives way to a new full attempt
// of the new version.
func TestReloadDuringPractice(t *testing.T) {
	d := newDriver(t, testCourse(t), openStore(t, ""), 80, 24)
	d.keys("enter", "t")
	d.passWelcomeQuiz(false)
	d.keys("m")
	d.requireView("Practice")
	d.send(editedCourse(t, "### What does a model do?", "### What does a trained model do?"))
	d.requireView("Question 1 of 4", "What does a trained model do?", "a new attempt starts with the new version")
	d.rejectView("Practice")
}
