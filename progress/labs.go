package progress

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Labs: a lab is passed the first time its goal is met. What is kept is when, and the values
// measured then (the knobs' settings among them), so a report shows how the learner met it.
//
// The file keeps every pass a process recorded, not only the first: with resets, keeping the
// earliest alone would lose a pass made after a reset when merged in some orders (a pass at 3,
// another at 5, a reset at 4: the pass at 5 must survive). A process records a pass only when
// it knows of none, so a lab holds one pass, or a few when processes passed it unaware of each
// other. The first pass after the last reset is the one shown.

// LabPass is a lab passed: when its goal was met, and the measured values then.
type LabPass struct {
	PassedAt time.Time          `json:"passed_at"`
	Values   map[string]float64 `json:"values,omitempty"`
}

// PassLab records that the learner met a lab's goal at now, with the values measured then. The
// first pass counts: a lab already passed keeps its time and values. Values that are not finite
// numbers are left out (JSON cannot hold them).
func (s *Store) PassLab(courseID, lessonID, labID string, values map[string]float64, now time.Time) error {
	if labID == "" {
		return fmt.Errorf("progress of lesson %s: a lab pass needs the lab's id", lessonID)
	}
	pass := LabPass{PassedAt: cleanTime(now), Values: finite(values)}
	return s.change(courseID, lessonID, now, func(_ *courseState, l *lessonState, _ time.Time) {
		if len(l.Labs[labID]) == 0 {
			l.Labs = mergeLabs(l.Labs, map[string][]LabPass{labID: {pass}})
		}
	})
}

// PassLab records that the learner met a lab's goal now, with the values measured then; a lab
// already passed keeps its first pass.
func (s *Session) PassLab(lessonID, labID string, values map[string]float64) {
	if _, done := s.Lesson(lessonID).Labs[labID]; done {
		return
	}
	now := s.now()
	pass := LabPass{PassedAt: now, Values: finite(values)}
	s.update(lessonID, func(lp *LessonProgress) {
		labs := maps.Clone(lp.Labs)
		if labs == nil {
			labs = map[string]LabPass{}
		}
		labs[labID] = pass
		lp.Labs = labs
	})
	s.enqueue(saveOp{kind: opPassLab, lesson: lessonID, lab: labID, values: maps.Clone(pass.Values), at: now})
}

// LabPassed returns the pass of a lab of a lesson, and whether it was passed.
func (p CourseProgress) LabPassed(lessonID, labID string) (LabPass, bool) {
	pass, ok := p.Lessons[lessonID].Labs[labID]
	return pass, ok
}

// mergeLabs combines two sides' passes: every pass of both, once, in time order (ties by their
// values, so the result does not depend on the order of the sides).
func mergeLabs(a, b map[string][]LabPass) map[string][]LabPass {
	var out map[string][]LabPass
	for _, side := range []map[string][]LabPass{a, b} {
		for id, passes := range side {
			for _, p := range passes {
				if slices.ContainsFunc(out[id], func(q LabPass) bool { return samePass(p, q) }) {
					continue
				}
				if out == nil {
					out = map[string][]LabPass{}
				}
				out[id] = append(out[id], LabPass{PassedAt: p.PassedAt, Values: maps.Clone(p.Values)})
			}
		}
	}
	for _, passes := range out {
		slices.SortFunc(passes, comparePasses)
	}
	return out
}

func samePass(p, q LabPass) bool {
	return p.PassedAt.Equal(q.PassedAt) && valuesKey(p.Values) == valuesKey(q.Values)
}

func comparePasses(p, q LabPass) int {
	if c := p.PassedAt.Compare(q.PassedAt); c != 0 {
		return c
	}
	return strings.Compare(valuesKey(p.Values), valuesKey(q.Values))
}

// valuesKey writes values in a fixed order, to tell passes apart and order them.
func valuesKey(v map[string]float64) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(v)) {
		b.WriteString(k + "=" + strconv.FormatFloat(v[k], 'g', -1, 64) + ";")
	}
	return b.String()
}

// labsSince keeps the passes made after cutoff (a reset). With no reset everything survives,
// even a pass without a time (from a hand-edited file).
func labsSince(labs map[string][]LabPass, cutoff time.Time) map[string][]LabPass {
	if cutoff.IsZero() {
		return labs
	}
	var out map[string][]LabPass
	for id, passes := range labs {
		for _, p := range passes {
			if p.PassedAt.After(cutoff) {
				if out == nil {
					out = map[string][]LabPass{}
				}
				out[id] = append(out[id], p)
			}
		}
	}
	return out
}

// firstPasses is what a learner sees of the passes: the first of each lab.
func firstPasses(labs map[string][]LabPass) map[string]LabPass {
	var out map[string]LabPass
	for id, passes := range labs {
		if len(passes) == 0 {
			continue
		}
		if out == nil {
			out = map[string]LabPass{}
		}
		out[id] = LabPass{PassedAt: passes[0].PassedAt, Values: maps.Clone(passes[0].Values)}
	}
	return out
}

// sanitizeLabs brings hand-edited passes within what this package writes: times in UTC, only
// finite values, no empty lab ids, passes in order and once each.
func sanitizeLabs(labs map[string][]LabPass) map[string][]LabPass {
	for id, passes := range labs {
		if id == "" {
			delete(labs, id)
			continue
		}
		for i, p := range passes {
			passes[i] = LabPass{PassedAt: cleanTime(p.PassedAt), Values: finite(p.Values)}
		}
	}
	return mergeLabs(labs, nil)
}

// finite returns a copy of values without the ones that are not finite numbers; nil when none
// is left.
func finite(values map[string]float64) map[string]float64 {
	var out map[string]float64
	for k, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		if out == nil {
			out = map[string]float64{}
		}
		out[k] = v
	}
	return out
}

// ReportLab is one lab of a lesson in a report: whether the learner passed it, when first, and
// the values measured then (knob settings included).
type ReportLab struct {
	ID       string             `json:"id"`
	Title    string             `json:"title"`
	Passed   bool               `json:"passed"`
	PassedAt *time.Time         `json:"passed_at"`
	Values   map[string]float64 `json:"values"`
}

// LabsPassed is how many of lesson i's labs the learner passed.
func (c CourseInfo) LabsPassed(p CourseProgress, i int) int {
	n := 0
	for _, lb := range c.Lessons[i].Labs {
		if _, ok := p.LabPassed(c.Lessons[i].ID, lb.ID); ok {
			n++
		}
	}
	return n
}

// reportLabs lists a lesson's labs for the report, in the lesson's order.
func reportLabs(info LessonInfo, lp LessonProgress) []ReportLab {
	out := []ReportLab{}
	for _, lb := range info.Labs {
		rl := ReportLab{ID: lb.ID, Title: lb.Title, Values: map[string]float64{}}
		if pass, ok := lp.Labs[lb.ID]; ok {
			rl.Passed, rl.PassedAt = true, timeOrNil(pass.PassedAt)
			maps.Copy(rl.Values, pass.Values)
		}
		out = append(out, rl)
	}
	return out
}

func labsPassed(labs []ReportLab) int {
	n := 0
	for _, l := range labs {
		n += btoi(l.Passed)
	}
	return n
}
