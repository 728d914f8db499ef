package lessons

import (
	"strings"
	"testing"
)

// TestFindRanksWordsFirst is learner finding 17: "data" finds "Data management" and a title
// with the word before the lessons that merely hold its letters, and searches lesson text too.
func TestFindRanksWordsFirst(t *testing.T) {
	c := &Course{Lessons: []*Lesson{
		{Title: "Deployment and integration", Body: "Serving models.\n"},
		{Title: "Data management and preprocessing", Body: "Pipelines.\n"},
		{Title: "Collaboration and maintenance", Body: "## Drift\n\nWatch for **data leakage** in features.\n"},
		{Title: "Wrap-up - one project from data to monitoring", Body: "The end.\n"},
		{Title: "Metadata", Body: "About metadata.\n"},
	}}
	titles := func(fs []Found) string {
		var out []string
		for _, f := range fs {
			out = append(out, c.Lessons[f.Lesson].Title)
		}
		return strings.Join(out, " | ")
	}
	got := c.Find("data")
	want := "Data management and preprocessing | Wrap-up - one project from data to monitoring | Metadata | Collaboration and maintenance | Deployment and integration"
	if titles(got) != want {
		t.Fatalf("data:\n got %s\nwant %s", titles(got), want)
	}
	if got[0].Title[0] != 0 || len(got[0].Title) != 4 || got[3].Excerpt == "" || got[3].Title != nil {
		t.Errorf("matches: %+v", got)
	}
	leak := c.Find("LEAKAGE")
	if len(leak) != 1 || leak[0].Lesson != 2 || leak[0].Excerpt != "Watch for data leakage in features." {
		t.Errorf("leakage: %+v", leak)
	}
	if got := titles(c.Find("wrap proj")); got != "Wrap-up - one project from data to monitoring" {
		t.Errorf("two words: %s", got)
	}
	if len(c.Find("  ")) != 0 || len(c.Find("zzz")) != 0 {
		t.Error("an empty query or one that matches nothing found lessons")
	}
}

func TestFindExcerptIsShort(t *testing.T) {
	long := strings.Repeat("word ", 40) + "target " + strings.Repeat("more ", 40)
	c := &Course{Lessons: []*Lesson{{Title: "T", Body: long}}}
	f := c.Find("target")
	if len(f) != 1 || !strings.HasPrefix(f[0].Excerpt, "…") || !strings.HasSuffix(f[0].Excerpt, "…") || len(f[0].Excerpt) > 100 {
		t.Fatalf("excerpt %q", f[0].Excerpt)
	}
}
