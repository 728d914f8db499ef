package courseinfo

import (
	"testing"

	"github.com/aieng/aieng/lessons"
)

func TestOf(t *testing.T) {
	c := &lessons.Course{ID: "c", Title: "C", Version: "1", PassMark: 80, Sequential: true, Lessons: []*lessons.Lesson{
		{ID: "a", Title: "A", Section: "S", Quiz: []*lessons.Question{{}, {}}},
		{ID: "b", Title: "B", Section: "T"},
	}}
	info := Of(c)
	if info.ID != "c" || info.Title != "C" || info.Version != "1" || info.PassMark != 80 || !info.Sequential {
		t.Errorf("course: %+v", info)
	}
	if len(info.Lessons) != 2 || info.Lessons[0].Questions != 2 || info.Lessons[1].Questions != 0 ||
		info.Lessons[1].ID != "b" || info.Lessons[1].Section != "T" || info.Lessons[0].Title != "A" {
		t.Errorf("lessons: %+v", info.Lessons)
	}
}
