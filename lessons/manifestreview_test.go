package lessons

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestReviewSettings: review_limit and review_retention are read from course.yaml, default to
// 0 (the scheduler's defaults), and a value out of range is an error at the value's position.
func TestReviewSettings(t *testing.T) {
	lesson := "---\ntitle: A\n---\n\nText.\n"
	tests := []struct {
		manifest  string
		limit     int
		retention float64
		want      []string
	}{
		{"id: c\ntitle: C\n", 0, 0, nil},
		{"id: c\ntitle: C\nreview_limit: 20\nreview_retention: 0.85\n", 20, 0.85, nil},
		{"id: c\ntitle: C\nreview_retention: 0.99\n", 0, 0.99,
			[]string{"course.yaml:3:19: review_retention: desired retention 0.99 is out of range: use a value from 0.70 to 0.97 (0.9 is the usual choice)"}},
		{"id: c\ntitle: C\nreview_retention: 90\n", 0, 90,
			[]string{"course.yaml:3:19: review_retention is a fraction of 1: write 0.9, not 90 (from 0.70 to 0.97)"}},
		{"id: c\ntitle: C\nreview_retention: high\n", 0, 0,
			[]string{`course.yaml:3:19: field "review_retention": expected a number`}},
		{"id: c\ntitle: C\nreview_limit: 0\n", 0, 0,
			[]string{"course.yaml:3:15: review_limit must be at least 1: the most review answers a day (default 50)"}},
		{"id: c\ntitle: C\nreview_limit: 2.5\n", 0, 0,
			[]string{`course.yaml:3:15: field "review_limit": expected a whole number, not 2.5`}},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"course.yaml": {Data: []byte(tt.manifest)}, "01-a.md": {Data: []byte(lesson)}}
		c, probs, err := Load(fsys, "course")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range probs.Errors() {
			p.Path = p.Path[len("course/"):]
			got = append(got, p.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: problems %q, want %q", tt.manifest, got, tt.want)
		}
		if len(tt.want) == 0 && (c.ReviewLimit != tt.limit || c.ReviewRetention != tt.retention) {
			t.Errorf("%q: limit %d retention %v", tt.manifest, c.ReviewLimit, c.ReviewRetention)
		}
	}
}
