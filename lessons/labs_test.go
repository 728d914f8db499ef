package lessons

import (
	"strings"
	"testing"
	"testing/fstest"
)

// lessonHead is a lesson's front matter: 5 lines, then a blank line, so the body's first line
// is line 7.
const lessonHead = "---\ntitle: Labs\nobjectives:\n  - Try a lab\n---\n\n"

// loadLessons loads a course of the given lesson files (and any other files) from memory.
func loadLessons(t *testing.T, files map[string]string) (*Course, Problems) {
	t.Helper()
	fsys := fstest.MapFS{"course.yaml": {Data: []byte("id: labs\ntitle: Labs\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, probs, err := Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	return c, probs
}

const thresholdLab = "```lab\nid: pick-threshold\ntitle: Pick a decision threshold\nkind: threshold\n" +
	"params:\n  seed: 7\ngoal: recall >= 0.90 and precision >= 0.50\n```\n"

func TestLabBecomesACard(t *testing.T) {
	c, probs := loadLessons(t, map[string]string{
		"01-a.md": lessonHead + "Before the lab.\n" + thresholdLab + "After the lab.\n",
	})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	l := c.Lessons[0]
	if len(l.Labs) != 1 {
		t.Fatalf("labs = %d, want 1", len(l.Labs))
	}
	lb := l.Labs[0]
	if lb.ID != "pick-threshold" || lb.Kind != "threshold" || lb.Line != 8 || lb.Params["seed"] != 7 {
		t.Errorf("lab = %+v at line %d", lb.Spec, lb.Line)
	}
	want := "Before the lab.\n\n> ▶ Lab: Pick a decision threshold — press l\n>\n" +
		"> Goal: recall ≥ 0.90 and precision ≥ 0.50\n\nAfter the lab.\n"
	if l.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", l.Body, want)
	}
	if l.Lab("pick-threshold") != lb || l.Lab("other") != nil {
		t.Error("Lesson.Lab does not find the lab by its id")
	}
}

// TestLabCardDefaultGoal: a lab without a goal shows its kind's default goal on the card, and
// a fence that is not closed runs to the end of the body.
func TestLabCardDefaultGoal(t *testing.T) {
	c, probs := loadLessons(t, map[string]string{
		"01-a.md": lessonHead + "Text.\n\n```lab\nid: size-it\ntitle: Size the server\nkind: serving\n",
	})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if got := c.Lessons[0].Body; !strings.HasSuffix(got, "> Goal: p95 latency (ms) ≤ 200 and replicas ≤ 2\n") || strings.Contains(got, "kind:") {
		t.Errorf("body:\n%s", got)
	}
}

// TestLabProblems asserts the exact message and position of each kind of mistake: the position
// is the fence's line plus the line within the block, at the column of the key or value.
func TestLabProblems(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"unknown key", "```lab\nid: a\ntitle: A\nkind: threshold\ngaol: recall >= 0.5\n```\n",
			[]string{`c/01-a.md:11:1: unknown key "gaol" (did you mean "goal"?)`}},
		{"unknown parameter", "```lab\nid: a\ntitle: A\nkind: threshold\nparams:\n  sampels: 500\n```\n",
			[]string{`c/01-a.md:12:3: unknown parameter "sampels" (did you mean "samples"?) for kind threshold`}},
		{"out of range", "```lab\nid: a\ntitle: A\nkind: threshold\nparams:\n  samples: 10\n```\n",
			[]string{`c/01-a.md:12:12: samples: 10 is out of range: between 200 and 50000`}},
		{"impossible goal", "```lab\nid: a\ntitle: A\nkind: threshold\ngoal: recall >= 1.2\n```\n",
			[]string{`c/01-a.md:11:7: goal: recall >= 1.2 can never hold: recall is between 0 and 1`}},
		{"contradiction", "```lab\nid: a\ntitle: A\nkind: threshold\ngoal: recall >= 0.9 and recall <= 0.5\n```\n",
			[]string{`c/01-a.md:11:25: goal: recall >= 0.9 and recall <= 0.5 cannot both hold`}},
		{"unknown value", "```lab\nid: a\ntitle: A\nkind: threshold\ngoal: recal >= 0.9\n```\n",
			[]string{`c/01-a.md:11:7: goal: unknown measured value "recal" (did you mean "recall"?)`}},
		{"unknown kind", "```lab\nid: a\ntitle: A\nkind: treshold\n```\n",
			[]string{`c/01-a.md:10:7: unknown kind "treshold" (did you mean "threshold"?)`}},
		{"missing id and title", "```lab\nkind: drift\n```\n", []string{
			"c/01-a.md:7:1: missing id: give the lab an id such as pick-threshold",
			"c/01-a.md:7:1: missing title: say in a few words what the learner does"}},
		{"invalid YAML", "```lab\nid: a\ntitle: A\n  kind: threshold\n```\n",
			[]string{"c/01-a.md:10:1: invalid YAML: mapping values are not allowed in this context"}},
		{"indented fence", "  ```lab\n  id: a\n  title: A\n  kind: threshold\n  gaol: x\n  ```\n",
			[]string{`c/01-a.md:11:3: unknown key "gaol" (did you mean "goal"?)`}},
		{"in a list", "- item\n\n  ```lab\n  id: a\n  title: A\n  kind: threshold\n  ```\n",
			[]string{"c/01-a.md:9:1: a lab block must stand on its own, not inside a list or a quote"}},
		{"in the quiz", "Some text.\n\n## Quiz\n\n### Q?\n\n```lab\nid: a\ntitle: A\nkind: threshold\n```\n\n- [x] Yes\n- [ ] No\n\n> Because.\n",
			[]string{`c/01-a.md:13:1: a lab block belongs in the lesson, above "## Quiz"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := loadLessons(t, map[string]string{"01-a.md": lessonHead + tt.body})
			assertProblems(t, probs, tt.want)
			if len(c.Lessons[0].Labs) != 0 {
				t.Errorf("a lab with errors was kept: %+v", c.Lessons[0].Labs[0].Spec)
			}
		})
	}
}

func TestLabIDsUniqueInTheCourse(t *testing.T) {
	_, probs := loadLessons(t, map[string]string{
		"01-a.md": lessonHead + thresholdLab,
		"02-b.md": lessonHead + "Again:\n\n" + thresholdLab,
	})
	assertProblems(t, probs, []string{
		`c/02-b.md:10:5: duplicate lab id "pick-threshold" (also in 01-a.md:7): lab ids must be unique in the course`,
	})
}

// TestCommandLabFolders: a command lab's starter and solution folders must be beside the lesson.
func TestCommandLabFolders(t *testing.T) {
	lab := "```lab\nid: fix-it\ntitle: Fix it\nkind: command\nparams:\n  starter: labs/fix\n" +
		"  solution: labs/fixed\n  check: sh check.sh\n```\n"
	_, probs := loadLessons(t, map[string]string{"01-a.md": lessonHead + lab, "labs/fixed": "a file"})
	assertProblems(t, probs, []string{
		`c/01-a.md:12:12: starter folder "labs/fix" does not exist beside the lesson: the path is relative to the lesson's folder`,
		`c/01-a.md:13:13: solution folder "labs/fixed" is a file, not a folder`,
	})
	c, probs := loadLessons(t, map[string]string{"01-a.md": lessonHead + lab,
		"labs/fix/check.sh": "true", "labs/fixed/check.sh": "true"})
	if len(probs) > 0 || len(c.Lessons[0].Labs) != 1 {
		t.Fatalf("a command lab with its folders: %v", probs)
	}
	_, probs = loadLessons(t, map[string]string{"01-a.md": lessonHead + strings.Replace(lab, "labs/fix\n", "../fix\n", 1)})
	assertProblems(t, probs, []string{
		`c/01-a.md:12:12: starter "../fix": the folder must be inside the course`,
	})
}

// TestLabFixtureCourse: the fixture course other packages' tests use loads without a problem.
func TestLabFixtureCourse(t *testing.T) {
	c, probs, err := LoadDir("testdata/labs")
	if err != nil || len(probs) > 0 {
		t.Fatalf("testdata/labs: %v %v", err, probs)
	}
	if got := len(c.Lessons[0].Labs) + len(c.Lessons[1].Labs); got != 2 {
		t.Errorf("labs = %d, want 2", got)
	}
	if _, err := c.Files.Open("labs/precision/check.sh"); err != nil {
		t.Errorf("the course's files do not hold the command lab's starter: %v", err)
	}
}
