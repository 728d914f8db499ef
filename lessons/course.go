// Package lessons reads courses: a manifest (course.yaml) and one Markdown file per lesson, each
// holding its quiz. It knows Markdown and quizzes and nothing of terminals.
package lessons

import "io/fs"

// Course is a loaded course, its lessons in course order.
type Course struct {
	ID          string
	Title       string
	Description string
	Version     string
	PassMark    int  // percent of a quiz's questions needed to pass
	Sequential  bool // a lesson opens only once the previous one is complete (progress.CourseInfo.Locked)
	// PartialCredit gives multiple-select questions partial credit (manifest partial_credit);
	// the loader copies it to each of them (Question.PartialCredit).
	PartialCredit bool
	// ReviewLimit is how many review answers a day the review of answered questions asks at
	// most, and ReviewRetention the probability of recall it aims for when a question comes
	// back (manifest review_limit and review_retention); 0 means the default of internal/srs.
	ReviewLimit     int
	ReviewRetention float64
	Lessons         []*Lesson
	// Source names where the course came from, for messages: a folder, or "built-in".
	Source string
	// Files holds the course's files, for what a lesson refers to beside it (a command lab's
	// starter and solution folders, at LessonDir and below).
	Files fs.FS
}

// Lesson is one lesson file: its front matter, its body without the quiz, and the quiz.
type Lesson struct {
	ID         string
	Title      string
	Section    string
	Order      int
	Minutes    int
	Objectives []string
	// Body is the lesson's Markdown without front matter and without the quiz: safe to render.
	// One change is made for the terminal: inside list items and blockquotes, lines are
	// joined (listlines.go), since Glamour would keep their line breaks when it wraps.
	Body string
	// BodyLine is the line of the file on which Body starts, to map rendered problems back.
	BodyLine int
	Quiz     []*Question
	// Labs are the lesson's hands-on labs (```lab blocks, labs.go), in the order written; in
	// Body each is a card.
	Labs []*Lab
	// Draw is how many of the quiz's questions each full attempt asks, drawn at random (front
	// matter draw:); 0 asks them all.
	Draw int
	// Words counts the words of the body's prose (code blocks excluded).
	Words int
	// Path names the file the lesson was read from as problems name it: the course's Source,
	// then the file name ("lessons/course/01-the-role.md").
	Path string

	images []imageRef // the local images it shows, checked by LoadDir
}

// Kind is a question's kind.
type Kind string

// The question kinds, as written in a heading's kind attribute.
const (
	SingleChoice   Kind = "single"
	MultipleSelect Kind = "multiple"
	TrueFalse      Kind = "truefalse"
	ShortAnswer    Kind = "short"
	Numeric        Kind = "numeric" // a typed number, right within a tolerance or a range
)

// Kinds lists every question kind, in the order reports show them.
var Kinds = []Kind{SingleChoice, MultipleSelect, TrueFalse, ShortAnswer, Numeric}

// Question is one quiz question.
type Question struct {
	// ID is stable across edits: explicit ({#id}) or the lesson id and position ("lesson/q2").
	ID   string
	Kind Kind
	// Prompt is the heading's text; Detail is optional Markdown shown below it.
	Prompt string
	Detail string
	// Choices are the options of choice questions, in written order.
	Choices []Choice
	// Accepted lists the accepted answers of a short-answer or numeric question, as written.
	Accepted []string
	// Numbers are a numeric question's accepted answers, read from Accepted.
	Numbers []NumberRange
	// Exact turns off the forgiveness of typos in a short answer ({exact=true}).
	Exact bool
	// PartialCredit gives a multiple-select question credit for each right tick (the course's
	// partial_credit); see Answer.Credit.
	PartialCredit bool
	Explanation   string
	Hint          string
	Shuffle       bool
	// Hash identifies the question's content: it changes when an instructor edits the prompt,
	// the choices or the answers, so progress can tell an answer was given to an older version.
	Hash string
	Line int
}

// Choice is one option of a choice question.
type Choice struct {
	Text     string
	Correct  bool
	Feedback string
}

// Section is a run of lessons that share a section name, in course order.
type Section struct {
	Name    string
	Lessons []*Lesson
}

// Lesson returns the lesson with the given id, or nil.
func (c *Course) Lesson(id string) *Lesson {
	for _, l := range c.Lessons {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// Index returns the position of the lesson with the given id in the course, or -1.
func (c *Course) Index(id string) int {
	for i, l := range c.Lessons {
		if l.ID == id {
			return i
		}
	}
	return -1
}

// Sections groups the lessons by section, keeping course order. A section name that comes back
// after another section starts a new group, so the outline never reorders lessons.
func (c *Course) Sections() []Section {
	var out []Section
	for _, l := range c.Lessons {
		if n := len(out); n > 0 && out[n-1].Name == l.Section {
			out[n-1].Lessons = append(out[n-1].Lessons, l)
			continue
		}
		out = append(out, Section{Name: l.Section, Lessons: []*Lesson{l}})
	}
	return out
}

// QuestionCount is the number of questions in the whole course.
func (c *Course) QuestionCount() int {
	n := 0
	for _, l := range c.Lessons {
		n += len(l.Quiz)
	}
	return n
}

// CountByKind counts the lesson's questions of each kind.
func (l *Lesson) CountByKind() map[Kind]int {
	m := make(map[Kind]int, len(Kinds))
	for _, q := range l.Quiz {
		m[q.Kind]++
	}
	return m
}
