package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

func (a *app) listCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the course outline (sections, lessons, minutes, questions)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := a.loadCourse()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(cleanOutline(outlineOf(c)))
			}
			return writeOutline(a, c)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the outline as JSON, for your own tooling")
	return cmd
}

// outlineJSON is the stable shape of 'aieng list --json'.
type outlineJSON struct {
	ID        string       `json:"id"`
	Title     string       `json:"title"`
	Version   string       `json:"version"`
	PassMark  int          `json:"pass_mark"`
	Lessons   []lessonJSON `json:"lessons"`
	Questions int          `json:"questions"`
	Minutes   int          `json:"minutes"`
}

type lessonJSON struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Section   string         `json:"section"`
	Order     int            `json:"order"`
	Minutes   int            `json:"minutes"`
	Words     int            `json:"words"`
	Questions map[string]int `json:"questions"`
	Path      string         `json:"path"`
}

func outlineOf(c *lessons.Course) outlineJSON {
	out := outlineJSON{ID: c.ID, Title: c.Title, Version: c.Version, PassMark: c.PassMark, Lessons: []lessonJSON{}}
	for i, l := range c.Lessons {
		counts := map[string]int{"total": len(l.Quiz)}
		byKind := l.CountByKind()
		for _, k := range lessons.Kinds {
			counts[string(k)] = byKind[k]
		}
		out.Lessons = append(out.Lessons, lessonJSON{ID: l.ID, Title: l.Title, Section: l.Section, Order: i + 1,
			Minutes: l.Minutes, Words: l.Words, Questions: counts, Path: l.Path})
		out.Questions += len(l.Quiz)
		out.Minutes += l.Minutes
	}
	return out
}

// cleanOutline neutralises the control characters of the outline's text: JSON escapes C0
// characters but writes C1 ones (U+009B, a CSI to some terminals) as they are.
func cleanOutline(o outlineJSON) outlineJSON {
	o.ID, o.Title, o.Version = safetext.Line(o.ID), safetext.Line(o.Title), safetext.Line(o.Version)
	for i, l := range o.Lessons {
		o.Lessons[i].ID, o.Lessons[i].Title, o.Lessons[i].Section = safetext.Line(l.ID), safetext.Line(l.Title), safetext.Line(l.Section)
	}
	return o
}

func writeOutline(a *app, c *lessons.Course) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s", c.Title)
	if c.Version != "" {
		fmt.Fprintf(&b, " (version %s)", c.Version)
	}
	b.WriteString("\n")
	n := 0
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, s := range c.Sections() {
		fmt.Fprintf(tw, "\n%s\n", s.Name)
		for _, l := range s.Lessons {
			n++
			fmt.Fprintf(tw, "  %2d. %s\t%s\t%d min\t%d question%s\n", n, l.Title, l.ID, l.Minutes, len(l.Quiz), plural(len(l.Quiz)))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	o := outlineOf(c)
	fmt.Fprintf(&b, "\n%d lessons, %d questions, about %d minutes. Read one with: aieng show ID\n", len(c.Lessons), o.Questions, o.Minutes)
	_, err := fmt.Fprint(a.stdout, safetext.Text(b.String())) // the course's text was neutralised when loaded: this is the last guard
	return err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
