package progress

import (
	"fmt"
	"testing"
	"time"
)

// TestResetKeepsLaterTimes: two processes each read a lesson and opened it first, at 1 and at
// 5; a third reset the lesson's course at 3. Whichever two files are merged first, the reading
// and the first opening at 5 remain, and the merged file keeps both times until the reset is
// known.
func TestResetKeepsLaterTimes(t *testing.T) {
	side := func(tm time.Time) *file {
		return &file{Schema: schemaVersion, Courses: map[string]*courseState{"c": {Lessons: map[string]*lessonState{
			"one": {FirstOpened: tm, LastOpened: tm, Read: true, ReadAt: tm},
		}}}}
	}
	early, late := side(at(1)), side(at(5))
	reset := &file{Schema: schemaVersion, Courses: map[string]*courseState{"c": {ResetAt: at(3)}}}

	both := merge(early, late).Courses["c"].Lessons["one"]
	if fmt.Sprint(both.ReadAt, both.ReadAtAlso) != fmt.Sprint(at(1), []time.Time{at(5)}) ||
		fmt.Sprint(both.FirstOpened, both.FirstOpenedAlso) != fmt.Sprint(at(1), []time.Time{at(5)}) {
		t.Errorf("before the reset: read %v %v, first opened %v %v", both.ReadAt, both.ReadAtAlso, both.FirstOpened, both.FirstOpenedAlso)
	}
	for name, m := range map[string]*file{
		"(early+late)+reset": merge(merge(early, late), reset),
		"early+(late+reset)": merge(early, merge(late, reset)),
		"(early+reset)+late": merge(merge(early, reset), late),
	} {
		l := m.Courses["c"].Lessons["one"]
		if l == nil || !l.Read || !l.ReadAt.Equal(at(5)) || !l.FirstOpened.Equal(at(5)) || l.ReadAtAlso != nil || l.FirstOpenedAlso != nil {
			t.Errorf("%s: lesson %+v, want read and first opened at 5 only", name, l)
		}
	}
}

// TestFirstOpeningAfterAReset: a lesson opened before and after a reset counts as first opened
// at its last opening (the one after the reset); opening it again keeps that time.
func TestFirstOpeningAfterAReset(t *testing.T) {
	s := openStore(t, t.TempDir()+"/progress.json")
	must(t, s.OpenLesson("c", "one", at(1)))
	f := &file{Schema: schemaVersion, Courses: map[string]*courseState{"c": {ResetAt: at(3), Lessons: map[string]*lessonState{
		"one": {FirstOpened: at(1), LastOpened: at(5)},
	}}}}
	s.state = merge(s.state, f)
	if got := s.Course("c").Lessons["one"].FirstOpened; !got.Equal(at(5)) {
		t.Fatalf("first opened after the reset = %v, want %v", got, at(5))
	}
	must(t, s.OpenLesson("c", "one", at(7)))
	if l := s.Course("c").Lessons["one"]; !l.FirstOpened.Equal(at(5)) || !l.LastOpened.Equal(at(7)) {
		t.Errorf("opened again: first %v, last %v; want %v and %v", l.FirstOpened, l.LastOpened, at(5), at(7))
	}
}
