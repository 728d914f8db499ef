package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aieng/aieng/lessons"
)

// readZip writes the course as QTI and returns the zip's entries in order, with their contents.
func readZip(t *testing.T, c *lessons.Course) ([]*zip.File, map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteQTI(&buf, c); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
	}
	return zr.File, files
}

// quizLessons are the lessons that have a quiz, the ones exported.
func quizLessons(c *lessons.Course) []*lessons.Lesson {
	var out []*lessons.Lesson
	for _, l := range c.Lessons {
		if len(l.Quiz) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// TestQTIPackageLayout checks the structure Canvas's own QTI export has: the manifest first, the
// empty non_cc_assessments folder, and per quiz a folder with assessment_meta.xml and the
// assessment, every one listed in the manifest with matching identifiers.
func TestQTIPackageLayout(t *testing.T) {
	c := fixture(t)
	entries, files := readZip(t, c)
	var names []string
	for _, f := range entries {
		names = append(names, f.Name)
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: modified %v, want the fixed %v", f.Name, f.Modified, zipTime)
		}
	}
	want := []string{"imsmanifest.xml", "non_cc_assessments/"}
	for _, l := range quizLessons(c) {
		id := canvasID(c.ID, "assessment", l.ID)
		want = append(want, id+"/assessment_meta.xml", id+"/"+id+".xml")
	}
	if !slices.Equal(names, want) {
		t.Fatalf("zip entries\n  %q\nwant\n  %q", names, want)
	}

	manifest := parseXML(t, files["imsmanifest.xml"])
	resources := manifest.one(t, "resources").all("resource")
	if len(resources) != 2*len(quizLessons(c)) {
		t.Fatalf("manifest lists %d resources, want 2 per quiz", len(resources))
	}
	for i, l := range quizLessons(c) {
		checkQuizResources(t, c, l, resources[2*i], resources[2*i+1], files)
	}
}

// checkQuizResources checks one quiz's pair of manifest resources against the files they name.
func checkQuizResources(t *testing.T, c *lessons.Course, l *lessons.Lesson, quiz, meta xnode, files map[string][]byte) {
	t.Helper()
	ident := quiz.attr("identifier")
	quizPath := quiz.one(t, "file").attr("href")
	metaPath := meta.one(t, "file").attr("href")
	if quiz.attr("type") != "imsqti_xmlv1p2" || quizPath != ident+"/"+ident+".xml" {
		t.Errorf("lesson %s: quiz resource %+v", l.ID, quiz.Attrs)
	}
	if quiz.one(t, "dependency").attr("identifierref") != meta.attr("identifier") ||
		meta.attr("type") != metaResourceType || meta.attr("href") != metaPath || metaPath != ident+"/assessment_meta.xml" {
		t.Errorf("lesson %s: meta resource %+v does not match its quiz", l.ID, meta.Attrs)
	}
	assessment := parseXML(t, files[quizPath]).one(t, "assessment")
	metaDoc := parseXML(t, files[metaPath])
	// Canvas ignores the settings unless these identifiers agree (text2qti issue #18).
	ref := metaDoc.one(t, "assignment", "quiz_identifierref").text()
	if assessment.attr("ident") != ident || metaDoc.attr("identifier") != ident || ref != ident {
		t.Errorf("lesson %s: identifiers disagree: resource %q, assessment %q, meta %q, assignment ref %q",
			l.ID, ident, assessment.attr("ident"), metaDoc.attr("identifier"), ref)
	}
	if got := metaDoc.one(t, "title").text(); got != l.Title {
		t.Errorf("meta title %q, want %q", got, l.Title)
	}
	if got, want := metaDoc.one(t, "points_possible").text(), strconv.Itoa(len(l.Quiz))+".0"; got != want {
		t.Errorf("lesson %s: points_possible %s, want %s", l.ID, got, want)
	}
	field := assessment.one(t, "qtimetadata", "qtimetadatafield")
	if field.one(t, "fieldlabel").text() != "cc_maxattempts" || field.one(t, "fieldentry").text() != "unlimited" {
		t.Errorf("assessment metadata %q", field.Nodes)
	}
}

// TestQTIQuestionsMatchCourse reads every assessment back and compares each question, choice,
// right answer and feedback with the course.
func TestQTIQuestionsMatchCourse(t *testing.T) {
	c := fixture(t)
	_, files := readZip(t, c)
	checked := 0
	for _, l := range quizLessons(c) {
		id := canvasID(c.ID, "assessment", l.ID)
		assessment := parseXML(t, files[id+"/"+id+".xml"]).one(t, "assessment")
		if assessment.attr("title") != l.Title {
			t.Errorf("assessment title %q, want %q", assessment.attr("title"), l.Title)
		}
		items := assessment.one(t, "section").all("item")
		if len(items) != len(l.Quiz) {
			t.Fatalf("lesson %s: %d items, want %d", l.ID, len(items), len(l.Quiz))
		}
		for i, q := range l.Quiz {
			checkQTIItem(t, items[i], q)
			checked++
		}
	}
	if checked != c.QuestionCount() {
		t.Errorf("checked %d questions, the course has %d", checked, c.QuestionCount())
	}
}

var wantQTIType = map[lessons.Kind]string{
	lessons.SingleChoice:   "multiple_choice_question",
	lessons.MultipleSelect: "multiple_answers_question",
	lessons.TrueFalse:      "true_false_question",
	lessons.ShortAnswer:    "short_answer_question",
}

func checkQTIItem(t *testing.T, item xnode, q *lessons.Question) {
	t.Helper()
	if item.attr("title") != q.ID {
		t.Errorf("item title %q, want the question id %q", item.attr("title"), q.ID)
	}
	meta := map[string]string{}
	for _, f := range item.one(t, "itemmetadata", "qtimetadata").all("qtimetadatafield") {
		meta[f.one(t, "fieldlabel").text()] = f.one(t, "fieldentry").text()
	}
	if meta["question_type"] != wantQTIType[q.Kind] || meta["points_possible"] != "1.0" {
		t.Errorf("%s: metadata %v", q.ID, meta)
	}
	pres := item.one(t, "presentation")
	assertPlain(t, q.ID+" question text", pres.one(t, "material", "mattext").text(), q.Prompt+"\n\n"+q.Detail)
	feedback := map[string]string{}
	for _, fb := range item.all("itemfeedback") {
		feedback[fb.attr("ident")] = fb.one(t, "flow_mat", "material", "mattext").text()
	}
	assertPlain(t, q.ID+" explanation (general_fb)", feedback["general_fb"], q.Explanation)
	checkFeedbackLinks(t, item, feedback)
	score := scoringCondition(t, item)
	if q.Kind == lessons.ShortAnswer {
		checkQTIShortAnswer(t, q, pres, score, meta)
		return
	}
	labels := pres.one(t, "response_lid", "render_choice").all("response_label")
	if len(labels) != len(q.Choices) {
		t.Fatalf("%s: %d choices, want %d", q.ID, len(labels), len(q.Choices))
	}
	var idents []string
	for i, c := range q.Choices {
		ident := labels[i].attr("ident")
		idents = append(idents, ident)
		assertPlain(t, q.ID+" choice", labels[i].one(t, "material", "mattext").text(), c.Text)
		fb, ok := feedback[ident+"_fb"]
		if ok != (c.Feedback != "") {
			t.Errorf("%s choice %d: feedback present %v, want %v", q.ID, i+1, ok, c.Feedback != "")
		} else if ok {
			assertPlain(t, q.ID+" choice feedback", fb, c.Feedback)
		}
	}
	if meta["original_answer_ids"] != strings.Join(idents, ",") {
		t.Errorf("%s: original_answer_ids %q, want %q", q.ID, meta["original_answer_ids"], idents)
	}
	if got, want := rightIdents(t, q, score), pick(idents, q.CorrectChoices()); !slices.Equal(got, want) {
		t.Errorf("%s: scored as right %v, want %v", q.ID, got, want)
	}
}

// checkFeedbackLinks: every itemfeedback is shown by a respcondition that lets processing go on
// (continue="Yes"): general_fb for any answer (<other/>), <ident>_fb when that answer is given.
func checkFeedbackLinks(t *testing.T, item xnode, feedback map[string]string) {
	t.Helper()
	shown := map[string]bool{}
	for _, rc := range item.one(t, "resprocessing").all("respcondition") {
		for _, d := range rc.all("displayfeedback") {
			ref := d.attr("linkrefid")
			shown[ref] = true
			cond := rc.one(t, "conditionvar")
			if ref == "general_fb" {
				cond.one(t, "other")
			} else if v := cond.one(t, "varequal").text(); v+"_fb" != ref {
				t.Errorf("feedback %s is shown for answer %s", ref, v)
			}
			if rc.attr("continue") != "Yes" {
				t.Errorf("the condition showing %s stops processing", ref)
			}
		}
	}
	for ident := range feedback {
		if !shown[ident] {
			t.Errorf("itemfeedback %s is never shown", ident)
		}
	}
	if len(shown) != len(feedback) {
		t.Errorf("conditions show %v, items have %v", shown, feedback)
	}
}

// scoringCondition is the respcondition that sets SCORE: there must be exactly one, and it ends
// processing (continue="No"), as in Canvas's exports.
func scoringCondition(t *testing.T, item xnode) xnode {
	t.Helper()
	var found []xnode
	for _, rc := range item.one(t, "resprocessing").all("respcondition") {
		if sv := rc.all("setvar"); len(sv) > 0 {
			if sv[0].text() != "100" || sv[0].attr("varname") != "SCORE" || sv[0].attr("action") != "Set" {
				t.Errorf("setvar %+v %q", sv[0].Attrs, sv[0].text())
			}
			found = append(found, rc)
		}
	}
	if len(found) != 1 || found[0].attr("continue") != "No" {
		t.Fatalf("want one scoring respcondition with continue=No, got %d", len(found))
	}
	return found[0].one(t, "conditionvar")
}

// rightIdents reads which choices the scoring condition accepts: one varequal for a single
// choice; for multiple answers an <and> of varequal (ticked) and <not> (left out), in order.
func rightIdents(t *testing.T, q *lessons.Question, cond xnode) []string {
	t.Helper()
	if q.Kind != lessons.MultipleSelect {
		var out []string
		for _, v := range cond.all("varequal") {
			out = append(out, v.text())
		}
		return out
	}
	and := cond.one(t, "and")
	if len(and.Nodes) != len(q.Choices) {
		t.Fatalf("%s: <and> has %d conditions, want one per choice", q.ID, len(and.Nodes))
	}
	var out []string
	for _, n := range and.Nodes {
		if n.XMLName.Local == "varequal" {
			out = append(out, n.text())
		}
	}
	return out
}

func checkQTIShortAnswer(t *testing.T, q *lessons.Question, pres, score xnode, meta map[string]string) {
	t.Helper()
	label := pres.one(t, "response_str", "render_fib", "response_label")
	if label.attr("ident") != "answer1" {
		t.Errorf("%s: response_label %+v", q.ID, label.Attrs)
	}
	var got []string
	for _, v := range score.all("varequal") {
		got = append(got, v.text())
	}
	var want []string
	for _, a := range q.Accepted {
		want = append(want, mdPlain(a))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: accepted %q, want %q", q.ID, got, want)
	}
	if n := len(strings.Split(meta["original_answer_ids"], ",")); n != len(q.Accepted) {
		t.Errorf("%s: %d original_answer_ids, want %d", q.ID, n, len(q.Accepted))
	}
}

func pick(idents []string, indexes []int) []string {
	var out []string
	for _, i := range indexes {
		out = append(out, idents[i])
	}
	return out
}

// TestQTIDeterministic: the same course gives the same bytes, and moving a question keeps its
// identifiers, so a re-import matches questions up.
func TestQTIDeterministic(t *testing.T) {
	c := fixture(t)
	var a, b bytes.Buffer
	if err := WriteQTI(&a, c); err != nil {
		t.Fatal(err)
	}
	if err := WriteQTI(&b, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two exports of the same course differ")
	}

	idents := func(c *lessons.Course) map[string]string {
		_, files := readZip(t, c)
		out := map[string]string{}
		for name, data := range files {
			if !strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, "meta.xml") || name == "imsmanifest.xml" {
				continue
			}
			for _, it := range parseXML(t, data).one(t, "assessment", "section").all("item") {
				var labels []string
				for _, l := range it.one(t, "itemmetadata", "qtimetadata").all("qtimetadatafield") {
					labels = append(labels, l.one(t, "fieldentry").text())
				}
				out[it.attr("title")] = it.attr("ident") + " " + strings.Join(labels, " ")
			}
		}
		return out
	}
	before := idents(c)
	moved := fixture(t)
	slices.Reverse(moved.Lessons[1].Quiz)
	after := idents(moved)
	if len(before) != c.QuestionCount() || !maps.Equal(before, after) {
		t.Errorf("identifiers changed when questions moved:\n%v\n%v", before, after)
	}
}

// TestQTIDropsControlCharacters: escape sequences in a hand-built course do not reach the XML.
func TestQTIDropsControlCharacters(t *testing.T) {
	_, files := readZip(t, withControls(fixture(t)))
	for name, data := range files {
		if hasControl(string(data)) || bytes.Contains(data, []byte("&#x1B;")) || bytes.Contains(data, []byte("&#x1b;")) {
			t.Errorf("%s holds a control character", name)
		}
		if strings.HasSuffix(name, ".xml") {
			parseXML(t, data)
		}
	}
}

func TestQTINothingToExport(t *testing.T) {
	c := fixture(t)
	c.Lessons = c.Lessons[2:] // the reading-only lesson
	err := WriteQTI(io.Discard, c)
	if !errors.Is(err, ErrNoQuestions) {
		t.Fatalf("got %v, want ErrNoQuestions", err)
	}
	var buf bytes.Buffer
	_ = WriteMoodle(&buf, c)
	if buf.Len() != 0 {
		t.Error("a failed export wrote output")
	}
}

func TestUnmappedKindIsAnError(t *testing.T) {
	c := fixture(t)
	c.Lessons[1].Quiz[0].Kind = "essay"
	for name, write := range map[string]func(io.Writer, *lessons.Course) error{
		"qti": WriteQTI, "moodle": WriteMoodle,
		"key": func(w io.Writer, c *lessons.Course) error { return WriteKey(w, c, KeyMarkdown) },
	} {
		var buf bytes.Buffer
		err := write(&buf, c)
		if err == nil || !strings.Contains(err.Error(), `question kinds/q1: the "essay" kind cannot be exported yet`) {
			t.Errorf("%s: got error %v", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes before failing", name, buf.Len())
		}
	}
}
