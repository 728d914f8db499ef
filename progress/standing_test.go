package progress

import (
	"math"
	"testing"
	"time"
)

func TestLessonStanding(t *testing.T) {
	opened := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		lp        LessonProgress
		questions int
		want      Standing
		word      string
	}{
		{"nothing", LessonProgress{}, 3, Standing{Status: NotStarted, Complete: false}, "not started"},
		{"opened", LessonProgress{FirstOpened: opened}, 3, Standing{Status: InProgress, Complete: false}, "in progress"},
		{"scrolled", LessonProgress{Position: 0.3}, 0, Standing{Status: InProgress, Complete: false}, "in progress"},
		{"failed", LessonProgress{Attempts: []Attempt{{Percent: 10}}}, 3, Standing{Status: InProgress, Complete: false}, "in progress"},
		{"read, quiz to pass", LessonProgress{Read: true}, 3, Standing{Status: Read, Complete: false}, "read"},
		{"read, no quiz", LessonProgress{Read: true}, 0, Standing{Status: Read, Complete: true}, "complete"},
		{"passed", LessonProgress{Passed: true}, 3, Standing{Status: Passed, Complete: true}, "passed"},
		{"passed, quiz since removed", LessonProgress{Passed: true, Read: true}, 0, Standing{Status: Passed, Complete: true}, "passed"},
		{"quiz left half-way", LessonProgress{FirstOpened: opened, Open: &OpenAttempt{ID: "a", Questions: []string{"q1", "q2", "q3"},
			Answers: []Answer{{QuestionID: "q1"}, {QuestionID: "q2"}}}}, 3, Standing{Status: InProgress, Open: OpenQuiz{Answered: 2, Questions: 3}}, "in progress"},
		{"quiz left before an answer", LessonProgress{Read: true, Open: &OpenAttempt{ID: "a", Questions: []string{"q1", "q2"}}}, 2,
			Standing{Status: Read, Open: OpenQuiz{Questions: 2}}, "read"},
	}
	for _, tt := range tests {
		got := tt.lp.Standing(tt.questions)
		if got != tt.want || got.String() != tt.word {
			t.Errorf("%s: standing %+v %q, want %+v %q", tt.name, got, got.String(), tt.want, tt.word)
		}
	}
}

// course is a sequential course: a reading lesson, two lessons with a quiz, another reading one.
var sequential = CourseInfo{ID: "c", Sequential: true, Lessons: []LessonInfo{
	{ID: "read-me"}, {ID: "quiz-1", Questions: 2}, {ID: "quiz-2", Questions: 4}, {ID: "read-too"},
}}

func progressOf(lessons map[string]LessonProgress, last string) CourseProgress {
	return CourseProgress{LastLesson: last, Lessons: lessons}
}

func TestLockedFollowsCompletion(t *testing.T) {
	tests := []struct {
		name   string
		p      CourseProgress
		locked []bool
	}{
		{"nothing done", progressOf(nil, ""), []bool{false, true, true, true}},
		{"reading lesson opened", progressOf(map[string]LessonProgress{"read-me": {Position: 0.5}}, ""), []bool{false, true, true, true}},
		{"reading lesson read", progressOf(map[string]LessonProgress{"read-me": {Read: true}}, ""), []bool{false, false, true, true}},
		{"quiz read, not passed", progressOf(map[string]LessonProgress{"read-me": {Read: true}, "quiz-1": {Read: true}}, ""), []bool{false, false, true, true}},
		{"quiz passed", progressOf(map[string]LessonProgress{"read-me": {Read: true}, "quiz-1": {Passed: true}}, ""), []bool{false, false, false, true}},
	}
	for _, tt := range tests {
		for i, want := range tt.locked {
			if got := sequential.Locked(tt.p, i); got != want {
				t.Errorf("%s: lesson %d locked = %v, want %v", tt.name, i, got, want)
			}
		}
	}
	free := sequential
	free.Sequential = false
	for i := range free.Lessons {
		if free.Locked(progressOf(nil, ""), i) {
			t.Errorf("a course that is not sequential locks lesson %d", i)
		}
	}
}

func TestContinue(t *testing.T) {
	tests := []struct {
		name   string
		p      CourseProgress
		index  int
		resume bool
	}{
		{"first run", progressOf(nil, ""), 0, false},
		{"the lesson opened last", progressOf(map[string]LessonProgress{"quiz-2": {Position: 0.2}}, "quiz-2"), 2, true},
		{"a lesson the course no longer has", progressOf(map[string]LessonProgress{"read-me": {Read: true}}, "gone"), 1, false},
		{"every lesson complete", progressOf(map[string]LessonProgress{"read-me": {Read: true}, "quiz-1": {Passed: true},
			"quiz-2": {Passed: true}, "read-too": {Read: true}}, ""), 0, false},
		{"every lesson complete, one opened last", progressOf(map[string]LessonProgress{"read-me": {Read: true}, "quiz-1": {Passed: true},
			"quiz-2": {Passed: true}, "read-too": {Read: true}}, "quiz-2"), 2, true},
		// learner finding 15: once the lesson opened last is complete, the next unfinished one
		{"the lesson opened last is passed", progressOf(map[string]LessonProgress{"read-me": {Read: true},
			"quiz-1": {Passed: true, Position: 1}}, "quiz-1"), 2, false},
		{"the next one was started before", progressOf(map[string]LessonProgress{"read-me": {Read: true},
			"quiz-1": {Passed: true}, "quiz-2": {Position: 0.4}}, "quiz-1"), 2, true},
		{"not back to a passed lesson before it", progressOf(map[string]LessonProgress{"read-me": {Read: true},
			"quiz-1": {Read: true}, "quiz-2": {Passed: true}}, "quiz-2"), 3, false},
		{"round to an unfinished lesson before", progressOf(map[string]LessonProgress{"read-me": {Read: true},
			"quiz-1": {Read: true}, "quiz-2": {Passed: true}, "read-too": {Read: true}}, "read-too"), 1, false},
	}
	for _, tt := range tests {
		if i, resume := sequential.Continue(tt.p); i != tt.index || resume != tt.resume {
			t.Errorf("%s: continue at %d (resume %v), want %d (%v)", tt.name, i, resume, tt.index, tt.resume)
		}
	}
}

func TestFirstStart(t *testing.T) {
	if !progressOf(nil, "").FirstStart() {
		t.Error("nothing recorded is not a first start")
	}
	if (CourseProgress{Welcomed: true}).FirstStart() {
		t.Error("welcomed, yet a first start")
	}
	if progressOf(map[string]LessonProgress{"quiz-1": {Read: true}}, "").FirstStart() {
		t.Error("progress from before the welcome screen counts as a first start")
	}
}

func TestSummary(t *testing.T) {
	p := progressOf(map[string]LessonProgress{
		"read-me": {Read: true},
		"quiz-1":  {Read: true, Passed: true, Best: 100},
		"quiz-2":  {Read: true, Best: 25},
		"gone":    {Read: true, Passed: true, Best: 100}, // not in the course: not counted
	}, "")
	s := sequential.Summary(p)
	if s != (Summary{Lessons: 4, Complete: 2, Passed: 1, Read: 3, Quizzes: 2, BestTotal: 125}) {
		t.Fatalf("summary = %+v", s)
	}
	if s.Done() || s.PercentComplete() != 50 || s.AverageBest() != 62.5 {
		t.Errorf("done %v, percent %v, average %v", s.Done(), s.PercentComplete(), s.AverageBest())
	}
	p.Lessons["quiz-2"] = LessonProgress{Passed: true, Best: 100}
	p.Lessons["read-too"] = LessonProgress{Read: true}
	if s := sequential.Summary(p); !s.Done() || s.PercentComplete() != 100 {
		t.Errorf("every lesson complete: %+v", s)
	}
	if (Summary{}).Done() || (Summary{}).PercentComplete() != 0 || (Summary{}).AverageBest() != 0 {
		t.Error("an empty course is neither done nor scored")
	}
}

func TestWholePercent(t *testing.T) {
	for in, want := range map[float64]int{0: 0, 12.5: 12, 66.66: 66, 69.6: 69, 69.99999999999999: 70, 85.714: 85, 99.5: 99, 100: 100, math.NaN(): 0} {
		if got := WholePercent(in); got != want {
			t.Errorf("WholePercent(%v) = %d, want %d", in, got, want)
		}
	}
}

func TestHasProgress(t *testing.T) {
	if (CourseProgress{}).HasProgress("") || (CourseProgress{}).HasProgress("l") {
		t.Error("empty progress has progress")
	}
	p := progressOf(map[string]LessonProgress{"l": {Read: true}}, "")
	if !p.HasProgress("") || !p.HasProgress("l") || p.HasProgress("other") {
		t.Error("a read lesson")
	}
	if !progressOf(nil, "l").HasProgress("") {
		t.Error("the last lesson opened is progress of the course")
	}
}

func TestAddAttemptDerivesTheStanding(t *testing.T) {
	first, second := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	lp := LessonProgress{}.withAttempt(Attempt{Time: first, Percent: 40})
	before := lp
	lp = lp.withAttempt(Attempt{Time: second, Percent: 90, Passed: true})
	if len(before.Attempts) != 1 || before.Passed {
		t.Errorf("withAttempt changed the value it was called on: %+v", before)
	}
	if len(lp.Attempts) != 2 || lp.Best != 90 || !lp.Passed || !lp.PassedAt.Equal(second) {
		t.Errorf("after a pass: %+v", lp)
	}
}
