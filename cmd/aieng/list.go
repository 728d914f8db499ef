package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/safetext"
	"github.com/aieng/aieng/lessons"
)

func (a *app) listCmd() *cobra.Command {
	var asJSON, answers bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the course outline (sections, lessons, minutes, questions)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if answers && !asJSON {
				return usageError("--answers goes with --json: the outline never shows answers")
			}
			load := a.loadCourse
			if answers {
				load = func() (*lessons.Course, error) { return a.answersCourse("list --answers") }
			}
			c, err := load()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(cleanOutline(outlineWithQuiz(c, answers)))
			}
			return writeOutline(a, c)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the outline as JSON, for your own tooling, with each lesson's questions")
	cmd.Flags().BoolVar(&answers, "answers", false, "with --json: add each question's right answers")
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
	// Quiz lists the questions in written order (outlineWithQuiz fills it).
	Quiz []questionJSON `json:"quiz"`
}

// questionJSON is one question in 'aieng list --json'. Answers are the right choices' text, or a
// short-answer question's accepted answers; they are there only with --answers.
type questionJSON struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Prompt  string   `json:"prompt"`
	Choices int      `json:"choices"`
	Answers []string `json:"answers,omitempty"`
}

// outlineWithQuiz is the outline with every lesson's questions, and their answers when asked.
func outlineWithQuiz(c *lessons.Course, answers bool) outlineJSON {
	out := outlineOf(c)
	for i, l := range c.Lessons {
		quiz := make([]questionJSON, 0, len(l.Quiz))
		for _, q := range l.Quiz {
			qj := questionJSON{ID: q.ID, Kind: string(q.Kind), Prompt: q.Prompt, Choices: len(q.Choices)}
			if answers {
				qj.Answers = rightAnswers(q)
			}
			quiz = append(quiz, qj)
		}
		out.Lessons[i].Quiz = quiz
	}
	return out
}

func rightAnswers(q *lessons.Question) []string {
	out := []string{}
	for _, c := range q.Choices {
		if c.Correct {
			out = append(out, c.Text)
		}
	}
	return append(out, q.Accepted...)
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
		for j, q := range l.Quiz {
			l.Quiz[j].ID, l.Quiz[j].Prompt = safetext.Line(q.ID), safetext.Line(q.Prompt)
			for k, a := range q.Answers {
				q.Answers[k] = safetext.Line(a)
			}
		}
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
	// One set of columns for every section, so the outline reads as one table: the widths are
	// measured over the whole course (a tabwriter would restart them at each section heading).
	type row struct{ title, id, minutes, questions string }
	var rows [][]row
	var widths [3]int
	n := 0
	for _, s := range c.Sections() {
		var section []row
		for _, l := range s.Lessons {
			n++
			r := row{fmt.Sprintf("  %2d. %s", n, l.Title), l.ID, fmt.Sprintf("%d min", l.Minutes),
				fmt.Sprintf("%d question%s", len(l.Quiz), plural(len(l.Quiz)))}
			for i, cell := range []string{r.title, r.id, r.minutes} {
				widths[i] = max(widths[i], utf8.RuneCountInString(cell))
			}
			section = append(section, r)
		}
		rows = append(rows, section)
	}
	for i, s := range c.Sections() {
		fmt.Fprintf(&b, "\n%s\n", s.Name)
		for _, r := range rows[i] {
			fmt.Fprintf(&b, "%s  %s  %s  %s\n", pad(r.title, widths[0]), pad(r.id, widths[1]), padLeft(r.minutes, widths[2]), r.questions)
		}
	}
	o := outlineOf(c)
	fmt.Fprintf(&b, "\n%d lessons, %d questions, about %d minutes. Read one with: %s show ID\n", len(c.Lessons), o.Questions, o.Minutes, a.name)
	_, err := fmt.Fprint(a.stdout, safetext.Text(b.String())) // the course's text was neutralised when loaded: this is the last guard
	return err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func pad(s string, w int) string { return s + strings.Repeat(" ", max(w-utf8.RuneCountInString(s), 0)) }

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(w-utf8.RuneCountInString(s), 0)) + s
}
