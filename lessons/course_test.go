package lessons

import (
	"regexp"
	"strings"
	"testing"
)

// The tests in this file hold the built-in course (lessons/course) to the quality bar of its
// issue: it validates cleanly, covers every section of the source article, keeps every lesson and
// quiz within bounds, and never shows a quiz's answers in a lesson body. Whatever course
// lessons/course holds must validate cleanly and hide its answers; the tests of the shipped
// course's own content (loadShipped) skip for another course.

// loadBuiltin loads the built-in course, failing the test if it cannot be read at all.
func loadBuiltin(t *testing.T) *Course {
	t.Helper()
	c, _, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin(): %v", err)
	}
	if c == nil || len(c.Lessons) == 0 {
		t.Fatal("Builtin(): the built-in course has no lessons")
	}
	return c
}

// loadShipped loads the built-in course for a test of the shipped course's own content, and
// skips the test when lessons/course holds another course (a bootcamp's own, docs/distributing.md).
func loadShipped(t *testing.T) *Course {
	t.Helper()
	c := loadBuiltin(t)
	if c.ID != ShippedCourseID {
		t.Skipf("lessons/course holds the course %q, not the shipped course %q: this test checks the shipped course's own content",
			c.ID, ShippedCourseID)
	}
	return c
}

// lessonName names a lesson in failure messages: its id and the file to open.
func lessonName(l *Lesson) string {
	return l.ID + " (" + l.Path + ")"
}

// TestBuiltinValidates: the built-in course, whichever course lessons/course holds, has no
// problems at all, warnings included, so that `aieng validate --strict` passes on it.
func TestBuiltinValidates(t *testing.T) {
	_, probs, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin(): %v", err)
	}
	for _, p := range probs {
		t.Errorf("built-in course: %s", p)
	}
	if len(probs) > 0 {
		t.Log("lessons/course must pass `go run ./cmd/aieng validate --strict`: fix each problem above, warnings too")
	}
}

// articleSections maps each section of the source article (as listed in the course's issue) to
// the lessons that cover it, and to terms that each of those lessons' bodies must mention.
// Terms are matched case-insensitively as substrings, so "stratif" matches "stratified" and
// "stratify". The terms include what the second edition (issue 14) added to each lesson: current
// tool names, time-aware evaluation, production practice and the law around fairness. The last
// entry is the part of the course that goes beyond the article: building on large language models.
var articleSections = []struct {
	section string
	lessons []string
	terms   []string
}{
	{"the role", []string{"the-role"}, []string{
		"data scientist", "researcher", "end-to-end", "data preparation", "live", "deploy",
		"productioniz", "large language model", "ML engineer", "data engineer",
		"What Do AI Engineers Actually Do? A Deep Dive into the Role, Responsibilities, and Realities",
	}},
	{"designing and developing models", []string{"designing-models"}, []string{
		"algorithm", "tuning", "statistical analysis", "random_state", "seed", "stratif",
		"baseline", "accuracy", "precision", "recall", "F1", "```python",
		"supervised", "unsupervised", "regularisation", "overfit", "fine-tuning", "threshold",
		"cross_val_predict",
	}},
	{"data management and preprocessing", []string{"data-management"}, []string{
		"collection", "cleaning", "transformation", "feature engineering", "pipeline", "Spark",
		"Hadoop", "data quality", "leakage", "object storage", "orchestrator", "SparkR",
		"time-based split", "TimeSeriesSplit", "snapshot date",
	}},
	{"deployment and integration", []string{"deployment-integration", "shipping-to-production"}, []string{
		"API", "test", "monitor", "```python",
	}},
	{"deployment and integration: serving", []string{"deployment-integration"}, []string{
		"microservice", "SageMaker AI", "Vertex AI", "Azure Machine Learning", "Microsoft Foundry",
		"security", "fairness", "explainability", "TestClient", "ASGI", "batch", "model version",
	}},
	{"deployment and integration: shipping", []string{"shipping-to-production"}, []string{
		"requirements.txt", "container", "continuous integration", "quality gate", "p95",
		"canary", "shadow", "rollback",
	}},
	{"collaboration and maintenance", []string{"collaboration-maintenance"}, []string{
		"data scientist", "product manager", "stakeholder", "monitor", "data drift",
		"concept drift", "retrain", "feedback", "document", "model card", "MLflow", "MLOps",
	}},
	{"skills and tools", []string{"skills-and-tools"}, []string{
		"Python", "Java", "TensorFlow", "PyTorch", "Keras 3", "JAX", "scikit-learn", "SQL", "Spark",
		"Hadoop", "MongoDB", "SageMaker AI", "Azure", "Microsoft Foundry", "MLflow",
		"problem-solving", "communication", "teamwork", "degree", "certificat", "analytical",
		"cutoff",
	}},
	{"career paths", []string{"career-paths"}, []string{
		"junior", "senior", "lead", "head of AI", "tech", "finance", "healthcare", "150",
		"foundations", "portfolio", "competition", "Kaggle", "internship", "staff engineer",
		"principal engineer", "individual-contributor", "internal transfer",
	}},
	{"challenges and realities", []string{"challenges"}, []string{
		"scalability", "notebook", "production", "ethical", "bias", "fairness", "explain",
		"rapid evolution", "generative", "collaboration", "EU AI Act", "high-risk",
		"creditworthiness", "GDPR", "p95",
	}},
	{"wrap-up with a final review", []string{"wrap-up"}, []string{
		"data", "model", "deploy", "monitor", "data drift", "concept drift", "leakage",
		"baseline", "conclusion", "time", "canary", "checklist",
	}},
	{"beyond the article: building with large language models", []string{"building-with-llms", "evaluating-llm-apps"}, []string{
		"LLM", "prompt", "```python",
	}},
	{"beyond the article: building on LLMs", []string{"building-with-llms"}, []string{
		"retrieval-augmented generation", "fine-tuning", "embedding", "vector", "token", "cost",
		"latency", "tool calling",
	}},
	{"beyond the article: evaluating LLM applications", []string{"evaluating-llm-apps"}, []string{
		"test set", "grader", "regression", "hallucination", "guardrail", "prompt injection",
	}},
}

// TestBuiltinCoversArticleSections: every article section has its lessons, each lesson's body
// mentions the section's key terms, and no lesson is left outside the map.
func TestBuiltinCoversArticleSections(t *testing.T) {
	c := loadShipped(t)
	mapped := map[string]bool{}
	for _, s := range articleSections {
		for _, id := range s.lessons {
			mapped[id] = true
			l := c.Lesson(id)
			if l == nil {
				t.Errorf("article section %q: lesson %q is missing from the built-in course", s.section, id)
				continue
			}
			body := strings.ToLower(strings.Join(strings.Fields(l.Body), " ")) // as wrapped on screen
			for _, term := range s.terms {
				if !strings.Contains(body, strings.ToLower(term)) {
					t.Errorf("article section %q: lesson %s does not mention %q in its body", s.section, lessonName(l), term)
				}
			}
		}
	}
	for _, l := range c.Lessons {
		if !mapped[l.ID] {
			t.Errorf("lesson %s is not mapped to any article section in articleSections", lessonName(l))
		}
	}
}

// TestBuiltinFinalReviewDrawsOnEverySection: the wrap-up's quiz has a question on each earlier
// part of the article, recognised by a term in its prompt, choices or explanation.
func TestBuiltinFinalReviewDrawsOnEverySection(t *testing.T) {
	c := loadShipped(t)
	l := c.Lesson("wrap-up")
	if l == nil {
		t.Fatal("lesson \"wrap-up\" is missing from the built-in course")
	}
	topics := []struct{ section, term string }{
		{"the role", "end-to-end"},
		{"designing and developing models", "baseline"},
		{"data management and preprocessing", "leakage"},
		{"deployment and integration", "API"},
		{"shipping models safely", "quality gate"},
		{"collaboration and maintenance", "drift"},
		{"building with large language models", "hallucination"},
		{"skills and tools", "cutoff"},
		{"career paths", "career stage"},
		{"challenges and realities", "scalability"},
	}
	for _, topic := range topics {
		found := false
		for _, q := range l.Quiz {
			if strings.Contains(strings.ToLower(questionText(q)), strings.ToLower(topic.term)) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("lesson %s: the final review quiz has no question on %q (no question mentions %q)", lessonName(l), topic.section, topic.term)
		}
	}
}

// questionText is everything a question shows: prompt, detail, choices, answers and explanation.
func questionText(q *Question) string {
	parts := []string{q.Prompt, q.Detail, q.Explanation}
	for _, ch := range q.Choices {
		parts = append(parts, ch.Text, ch.Feedback)
	}
	parts = append(parts, q.Accepted...)
	return strings.Join(parts, "\n")
}

var (
	keyTakeawaysHeading = regexp.MustCompile(`(?m)^## Key takeaways[ \t]*$`)
	levelTwoHeading     = regexp.MustCompile(`(?m)^## .*$`)
	listItem            = regexp.MustCompile(`(?m)^[-*] \S`)
	quizHeadingLine     = regexp.MustCompile(`(?m)^## Quiz[ \t]*$`)
	checkedAnswer       = regexp.MustCompile(`(?m)^[ \t]*[-*] \[[xX]\]`)
)

// TestBuiltinLessonBounds checks the per-lesson quality bar of the issue.
func TestBuiltinLessonBounds(t *testing.T) {
	const (
		minObjectives = 3
		minWords      = 600
		maxWords      = 1500
		minQuestions  = 5
		maxQuestions  = 8
		maxReviewQs   = 10 // the final review draws on every earlier lesson
		minKinds      = 3
		minCourseQs   = 70
		minLessons    = 10
	)
	c := loadShipped(t)
	if len(c.Lessons) < minLessons {
		t.Errorf("built-in course: %d lessons, want at least %d", len(c.Lessons), minLessons)
	}
	for _, l := range c.Lessons {
		name := lessonName(l)
		objectives := 0
		for _, o := range l.Objectives {
			if strings.TrimSpace(o) != "" {
				objectives++
			}
		}
		if objectives < minObjectives {
			t.Errorf("lesson %s: %d learning objectives, want at least %d", name, objectives, minObjectives)
		}
		if l.Words < minWords || l.Words > maxWords {
			t.Errorf("lesson %s: body has %d words, want %d to %d", name, l.Words, minWords, maxWords)
		}
		most := maxQuestions
		if l.ID == "wrap-up" {
			most = maxReviewQs
		}
		if n := len(l.Quiz); n < minQuestions || n > most {
			t.Errorf("lesson %s: quiz has %d questions, want %d to %d", name, n, minQuestions, most)
		}
		if kinds := l.CountByKind(); len(kinds) < minKinds {
			t.Errorf("lesson %s: quiz uses %d question kinds %v, want at least %d", name, len(kinds), kinds, minKinds)
		}
		for _, q := range l.Quiz {
			if strings.TrimSpace(q.Explanation) == "" {
				t.Errorf("lesson %s: question %s (line %d) %q has no explanation", name, q.ID, q.Line, q.Prompt)
			}
		}
		checkKeyTakeaways(t, l)
	}
	if n := c.QuestionCount(); n < minCourseQs {
		t.Errorf("built-in course: %d questions in all, want at least %d", n, minCourseQs)
	}
}

// checkKeyTakeaways: the body ends with a "## Key takeaways" section that holds a list.
func checkKeyTakeaways(t *testing.T, l *Lesson) {
	t.Helper()
	loc := keyTakeawaysHeading.FindStringIndex(l.Body)
	if loc == nil {
		t.Errorf("lesson %s: body has no \"## Key takeaways\" heading", lessonName(l))
		return
	}
	rest := l.Body[loc[1]:]
	if next := levelTwoHeading.FindString(rest); next != "" {
		t.Errorf("lesson %s: \"## Key takeaways\" is not the last section; %q follows it", lessonName(l), next)
	}
	if !listItem.MatchString(rest) {
		t.Errorf("lesson %s: the \"Key takeaways\" section has no list", lessonName(l))
	}
}

// TestBuiltinSectionsFollowArticle: the manifest's lesson order gives the article's outline, with
// the lessons on large language models as a section of their own after the responsibilities.
func TestBuiltinSectionsFollowArticle(t *testing.T) {
	want := []string{
		"The core definition of an AI engineer",
		"Key responsibilities",
		"Building with large language models", // beyond the article, beside the responsibilities
		"Essential skills and tools",
		"Career paths and progression",
		"Challenges and realities",
		"Conclusion",
	}
	c := loadShipped(t)
	var got []string
	for _, s := range c.Sections() {
		got = append(got, s.Name)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		var detail []string
		for _, l := range c.Lessons {
			detail = append(detail, l.ID+": "+l.Section)
		}
		t.Errorf("sections in manifest order:\n got: %q\nwant: %q\nlessons:\n  %s", got, want, strings.Join(detail, "\n  "))
	}
}

// TestBuiltinBodiesHideQuizAnswers: the quiz is cut out of every body, so no body holds the
// quiz heading, a checked answer, or the text of any explanation.
func TestBuiltinBodiesHideQuizAnswers(t *testing.T) {
	c := loadBuiltin(t)
	for _, l := range c.Lessons {
		body := flatten(l.Body)
		if quizHeadingLine.MatchString(l.Body) {
			t.Errorf("lesson %s: body contains the \"## Quiz\" heading", lessonName(l))
		}
		if checkedAnswer.MatchString(l.Body) {
			t.Errorf("lesson %s: body contains a checked quiz answer (- [x])", lessonName(l))
		}
		for _, other := range c.Lessons {
			for _, q := range other.Quiz {
				exp := flatten(q.Explanation)
				if exp != "" && strings.Contains(body, exp) {
					t.Errorf("lesson %s: body contains the explanation of question %s (%s, line %d)", lessonName(l), q.ID, other.Path, q.Line)
				}
			}
		}
	}
}

// flatten drops blockquote markers and collapses white space, so that text compares the same
// however it was wrapped or quoted.
func flatten(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		for strings.HasPrefix(line, ">") {
			line = strings.TrimSpace(strings.TrimPrefix(line, ">"))
		}
		lines[i] = line
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// TestBuiltinSalaryClaimAttributed: the salary figure is always presented as the article's
// claim, never as a plain fact: every paragraph that mentions it also names the article.
func TestBuiltinSalaryClaimAttributed(t *testing.T) {
	c := loadShipped(t)
	found := false
	for _, l := range c.Lessons {
		for _, para := range strings.Split(l.Body, "\n\n") {
			if !strings.Contains(para, "150K") {
				continue
			}
			found = true
			if !strings.Contains(strings.ToLower(para), "article") {
				t.Errorf("lesson %s: the salary figure is not attributed to the article in: %q", lessonName(l), flatten(para))
			}
		}
	}
	if !found {
		t.Error("built-in course: no lesson mentions the article's salary claim ($150K)")
	}
}

// TestBuiltinShortAnswers: each typed-answer question (short answer or numeric) accepts the
// answers a learner who knows it is likely to type, and rejects tempting wrong ones. The typo
// forgiveness of short answers makes the rejections matter: a wrong answer one or two letters
// from a right one ("increase" and "decrease") must still be refused. Every typed-answer question
// of the course is listed, so a new one cannot go unchecked.
func TestBuiltinShortAnswers(t *testing.T) {
	tests := map[string]struct{ accept, reject []string }{
		"role-missing-quality": {
			[]string{"integrable", "Integrable.", "integrability", "integration", "intgrable"},
			[]string{"reliable", "efficient", "reliability", "efficiency", "scalable"}},
		"models-regularisation": {
			[]string{"smaller", "Smaller", "smaller C", "make it smaller", "decrease", "lower", "reduce it", "smalelr"},
			[]string{"larger", "bigger", "increase", "increase C", "increase it", "make it larger", "higher", "stronger"}},
		"data-imputed-median": {
			[]string{"60", "60.0", "€60", "60 euros"},
			[]string{"50", "84", "200", "6"}},
		"deployment-integration/q3": {
			[]string{"422", "HTTP 422", "422 Unprocessable Entity", "422 unprocessable content"},
			[]string{"400", "500", "200", "423"}},
		"ship-p95": {
			[]string{"below", "Below", "at or below", "below 120 ms", "under", "at most 120ms"},
			[]string{"above", "above 120 ms", "over", "at least 120 ms", "over 120 ms"}},
		"maint-psi-reading": {
			[]string{"large", "Large", "a large shift", "large drift"},
			[]string{"moderate", "small", "medium"}},
		"llm-cost-sum": {
			[]string{"6", "$6", "6.00", "6 dollars"},
			[]string{"0.006", "3", "60", "15.6", "18"}},
		"eval-hallucination": {
			[]string{"hallucination", "Hallucination.", "a hallucination", "halucination"},
			[]string{"prompt injection", "data drift", "leakage"}},
		"skills-cutoff-spend": {
			[]string{"99", "99.0", "99.00"},
			[]string{"0", "0.0", "75.5", "174.5"}},
		"challenges-recall-sum": {
			[]string{"0.4", "40%", "0.40", ".4", "0,4"},
			[]string{"0.6", "0.3", "4", "40", "2/5"}},
		"wrap-up/q5": {
			[]string{"data drift", "Data Drift", "data-drift", "covariate shift", "input drift"},
			[]string{"concept drift", "drift", "data leakage", "label drift"}},
	}
	c := loadShipped(t)
	seen := map[string]bool{}
	for _, l := range c.Lessons {
		for _, q := range l.Quiz {
			if q.Kind != ShortAnswer && q.Kind != Numeric {
				continue
			}
			seen[q.ID] = true
			tt, ok := tests[q.ID]
			if !ok {
				t.Errorf("lesson %s: typed-answer question %s (line %d) is not checked here: add the answers to accept and to reject", lessonName(l), q.ID, q.Line)
				continue
			}
			for _, a := range tt.accept {
				if !q.CheckText(a) {
					t.Errorf("lesson %s: %s (line %d) rejects the likely answer %q; accepted: %q", lessonName(l), q.ID, q.Line, a, q.Accepted)
				}
			}
			for _, a := range tt.reject {
				if q.CheckText(a) {
					t.Errorf("lesson %s: %s (line %d) accepts the wrong answer %q", lessonName(l), q.ID, q.Line, a)
				}
			}
		}
	}
	for id := range tests {
		if !seen[id] {
			t.Errorf("question %s is not a typed-answer question of the built-in course any more: update this test", id)
		}
	}
}
