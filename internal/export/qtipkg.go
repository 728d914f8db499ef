package export

// The package layout and the two Canvas files around the assessment follow Canvas's QTI export
// (instructure/canvas-lms lib/cc/qti/qti_manifest.rb and qti_generator.rb#generate_qti_only,
// #generate_quiz, #generate_assessment_meta) and gpoore/text2qti (qti.py, xml_imsmanifest.py,
// xml_assessment_meta.py), whose packages Canvas is known to import:
//
//	imsmanifest.xml                 one pair of resources per quiz
//	non_cc_assessments/             empty, as in Canvas's own QTI exports
//	<ident>/assessment_meta.xml     Canvas's quiz settings (cccv1p0 namespace)
//	<ident>/<ident>.xml             the QTI 1.2 assessment
//
// The quiz identifier in assessment_meta.xml must equal the assessment's ident, and the
// assignment's quiz_identifierref too, or Canvas ignores the settings (text2qti issue #18).

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/aieng/aieng/lessons"
)

const (
	canvasNamespace = "http://canvas.instructure.com/xsd/cccv1p0"
	canvasSchema    = canvasNamespace + " https://canvas.instructure.com/xsd/cccv1p0.xsd"
	manifestSchema  = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd " +
		"http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd " +
		"http://www.imsglobal.org/xsd/imsmd_v1p2 http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd"
	// metaResourceType is Canvas's LOR constant: the resource type of assessment_meta.xml.
	metaResourceType = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
)

// zipTime is every zip entry's modification time: the zip (MS-DOS) epoch, so the same course
// always gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// ErrNoQuestions is returned when a course has no quiz question to export.
var ErrNoQuestions = errors.New("the course has no quiz questions to export")

// WriteQTI writes the course's quizzes as a QTI 1.2 zip that Canvas imports ("QTI .zip file"
// in Import Course Content): one assessment per lesson with a quiz, in course order. Lessons
// without a quiz are left out.
func WriteQTI(w io.Writer, c *lessons.Course) error {
	files, err := qtiFiles(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: zipTime}
		if strings.HasSuffix(f.name, "/") {
			h.Method = zip.Store
		}
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writeAll(w, buf.Bytes())
}

type zipFile struct {
	name string
	data []byte
}

// qtiFiles builds every file of the package, in the order they are zipped.
func qtiFiles(c *lessons.Course) ([]zipFile, error) {
	var files []zipFile
	resources := el("resources")
	for _, l := range c.Lessons {
		if len(l.Quiz) == 0 {
			continue
		}
		items, err := lessonItems(l)
		if err != nil {
			return nil, err
		}
		ident := canvasID(c.ID, "assessment", l.ID)
		metaIdent := canvasID(c.ID, "assessment_meta", l.ID)
		assessment, err := qtiAssessment(c.ID, ident, l, items)
		if err != nil {
			return nil, err
		}
		position := len(files)/2 + 1
		meta, err := assessmentMeta(c, l, ident, len(items), position)
		if err != nil {
			return nil, err
		}
		quizPath, metaPath := ident+"/"+ident+".xml", ident+"/assessment_meta.xml"
		for _, f := range []struct {
			path string
			root *node
		}{{metaPath, meta}, {quizPath, assessment}} {
			data, err := xmlDocument(f.root)
			if err != nil {
				return nil, err
			}
			files = append(files, zipFile{f.path, data})
		}
		resources.add(
			el("resource", el("file").attr("href", quizPath), el("dependency").attr("identifierref", metaIdent)).
				attr("identifier", ident, "type", "imsqti_xmlv1p2"),
			el("resource", el("file").attr("href", metaPath)).
				attr("identifier", metaIdent, "type", metaResourceType, "href", metaPath))
	}
	if len(files) == 0 {
		return nil, ErrNoQuestions
	}
	manifest, err := xmlDocument(qtiManifest(c, resources))
	if err != nil {
		return nil, err
	}
	return append([]zipFile{{"imsmanifest.xml", manifest}, {"non_cc_assessments/", nil}}, files...), nil
}

// qtiManifest is imsmanifest.xml. Canvas also writes the export date into the LOM metadata; it
// is left out here so that the package does not change from one day to the next.
func qtiManifest(c *lessons.Course, resources *node) *node {
	title := `QTI Quiz Export for course "` + c.Title + `"`
	lom := el("imsmd:lom", el("imsmd:general", el("imsmd:title", textEl("imsmd:string", title))))
	return el("manifest",
		el("metadata", textEl("schema", "IMS Content"), textEl("schemaversion", "1.1.3"), lom),
		el("organizations"),
		resources,
	).attr(
		"identifier", canvasID(c.ID, "qti_export"),
		"xmlns", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
		"xmlns:lom", "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource",
		"xmlns:imsmd", "http://www.imsglobal.org/xsd/imsmd_v1p2",
		"xmlns:xsi", xsiNamespace,
		"xsi:schemaLocation", manifestSchema)
}

// assessmentMeta is Canvas's assessment_meta.xml for one quiz: a graded quiz ("assignment") worth
// one point per question, unlimited attempts keeping the highest score (aieng keeps a learner's
// best result), unpublished so the instructor reviews it before learners see it.
func assessmentMeta(c *lessons.Course, l *lessons.Lesson, ident string, questions, position int) (*node, error) {
	desc, err := objectivesHTML(l.Objectives)
	if err != nil {
		return nil, err
	}
	points := strconv.Itoa(questions) + ".0"
	assignment := el("assignment",
		textEl("title", l.Title),
		textEl("workflow_state", "unpublished"),
		textEl("quiz_identifierref", ident),
		textEl("points_possible", points),
		textEl("grading_type", "points"),
		textEl("submission_types", "online_quiz"),
		textEl("position", strconv.Itoa(position)),
	).attr("identifier", canvasID(c.ID, "assignment", l.ID))
	return el("quiz",
		textEl("title", l.Title),
		textEl("description", desc),
		textEl("shuffle_answers", strconv.FormatBool(shuffles(l))),
		textEl("scoring_policy", "keep_highest"),
		textEl("quiz_type", "assignment"),
		textEl("points_possible", points),
		textEl("show_correct_answers", "true"),
		textEl("allowed_attempts", "-1"),
		textEl("one_question_at_a_time", "false"),
		textEl("cant_go_back", "false"),
		textEl("available", "false"),
		assignment,
		textEl("assignment_group_identifierref", canvasID(c.ID, "assignment_group")),
	).attr("identifier", ident, "xmlns", canvasNamespace, "xmlns:xsi", xsiNamespace,
		"xsi:schemaLocation", canvasSchema), nil
}

// shuffles tells whether Canvas should shuffle the quiz's choices. Canvas decides per quiz, aieng
// per question: shuffle only when every choice question that can be shuffled is, because an
// author who wrote {shuffle=false} usually has choices that depend on their order.
func shuffles(l *lessons.Lesson) bool {
	found := false
	for _, q := range l.Quiz {
		if q.Kind == lessons.ShortAnswer || q.Kind == lessons.TrueFalse || len(q.Choices) == 0 {
			continue
		}
		if !q.Shuffle {
			return false
		}
		found = true
	}
	return found
}

// objectivesHTML lists a lesson's objectives for a quiz or category description.
func objectivesHTML(objectives []string) (string, error) {
	if len(objectives) == 0 {
		return "", nil
	}
	var b strings.Builder
	b.WriteString("<p>Objectives:</p>\n<ul>\n")
	for _, o := range objectives {
		h, err := inlineHTML(o)
		if err != nil {
			return "", err
		}
		b.WriteString("<li>" + h + "</li>\n")
	}
	b.WriteString("</ul>")
	return b.String(), nil
}
