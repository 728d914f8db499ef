// Package courseinfo tells the progress package what it needs to know of a course. progress
// knows nothing of lessons' content and lessons nothing of learners, so the one adapter between
// them lives here, used by both the interface and the commands: they cannot describe a course
// to the rules in two different ways.
package courseinfo

import (
	"github.com/aieng/aieng/lessons"
	"github.com/aieng/aieng/progress"
)

// Of describes a course to the progress rules and reports.
func Of(c *lessons.Course) progress.CourseInfo {
	info := progress.CourseInfo{ID: c.ID, Title: c.Title, Version: c.Version, PassMark: c.PassMark,
		Sequential: c.Sequential, Lessons: make([]progress.LessonInfo, 0, len(c.Lessons)),
		ReviewLimit: c.ReviewLimit, ReviewRetention: c.ReviewRetention}
	for _, l := range c.Lessons {
		hashes := make(map[string]string, len(l.Quiz))
		for _, q := range l.Quiz {
			hashes[q.ID] = q.Hash
		}
		li := progress.LessonInfo{ID: l.ID, Title: l.Title, Section: l.Section,
			Questions: len(l.Quiz), Draw: l.Draw, QuestionHashes: hashes}
		for _, lb := range l.Labs {
			li.Labs = append(li.Labs, progress.LabInfo{ID: lb.ID, Title: lb.Title})
		}
		info.Lessons = append(info.Lessons, li)
	}
	return info
}
