package export

// The assessment XML follows what Canvas itself writes for a quiz in a "QTI .zip" export, since
// Canvas, not the QTI 1.2 specification, decides what imports:
//   - instructure/canvas-lms lib/cc/qti/qti_generator.rb (generate_assessment: the assessment's
//     qtimetadata with cc_maxattempts, one section "root_section"),
//   - lib/cc/qti/qti_items.rb (add_question: itemmetadata with question_type, points_possible,
//     original_answer_ids and assessment_question_identifierref; response_lid/response_str;
//     resprocessing with the SCORE decvar and respconditions; itemfeedback general_fb,
//     correct_fb, general_incorrect_fb and <answer ident>_fb),
//   - gpoore/text2qti xml_assessment.py, templates reverse-engineered from Canvas exports and
//     imported by many users, for the numerical_question shape.

import (
	"strings"

	"github.com/aieng/aieng/lessons"
)

const (
	qtiNamespace = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
	xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"
	qtiSchema    = qtiNamespace + " http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
	// qtiResponse is the one response of every item, as Canvas names it.
	qtiResponse = "response1"
)

// qtiQuestionTypes maps each kind to Canvas's question_type.
var qtiQuestionTypes = map[itemKind]string{
	kindSingle:    "multiple_choice_question",
	kindMultiple:  "multiple_answers_question",
	kindTrueFalse: "true_false_question",
	kindShort:     "short_answer_question",
	kindNumeric:   "numerical_question",
}

// qtiAnswer is one answer of an item: a choice, an accepted short answer or a numeric answer.
type qtiAnswer struct {
	ident    string
	html     string // a choice's text as HTML
	text     string // an accepted short answer as typed
	correct  bool
	feedback string // HTML shown when this answer is given; empty for none
}

// qtiAssessment is one lesson's quiz: the file <ident>/<ident>.xml.
func qtiAssessment(courseID, ident string, l *lessons.Lesson, items []item) (*node, error) {
	section := el("section").attr("ident", "root_section")
	for _, it := range items {
		n, err := qtiItem(courseID, it)
		if err != nil {
			return nil, err
		}
		section.add(n)
	}
	// aieng lets a learner retry a quiz as often as they like; Canvas writes that as "unlimited".
	meta := el("qtimetadata", qtiField("cc_maxattempts", "unlimited"))
	return el("questestinterop",
		el("assessment", meta, section).attr("ident", ident, "title", l.Title),
	).attr("xmlns", qtiNamespace, "xmlns:xsi", xsiNamespace, "xsi:schemaLocation", qtiSchema), nil
}

func qtiField(label, entry string) *node {
	return el("qtimetadatafield", textEl("fieldlabel", label), textEl("fieldentry", entry))
}

// qtiItem is one question. The item's title is the aieng question id, which Canvas shows to the
// instructor in the quiz editor, so results can be traced back to the lesson file.
func qtiItem(courseID string, it item) (*node, error) {
	q := it.q
	answers, err := qtiAnswers(it)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(answers))
	for i, a := range answers {
		ids[i] = a.ident
	}
	qHTML, err := questionHTML(q.Prompt, q.Detail)
	if err != nil {
		return nil, err
	}
	general, err := markdownHTML(q.Explanation)
	if err != nil {
		return nil, err
	}
	meta := el("itemmetadata", el("qtimetadata",
		qtiField("question_type", qtiQuestionTypes[it.kind]),
		qtiField("points_possible", "1.0"),
		qtiField("original_answer_ids", strings.Join(ids, ",")),
		qtiField("assessment_question_identifierref", canvasID(courseID, "assessment_question", q.ID)),
	))
	presentation := el("presentation", qtiMaterial("<div>"+qHTML+"</div>"), qtiResponseOf(it, answers))
	n := el("item", meta, presentation, qtiResprocessing(it, answers, general != "")).
		attr("ident", canvasID(courseID, "question", q.ID), "title", q.ID)
	n.add(qtiFeedback("general_fb", general))
	for _, a := range answers {
		n.add(qtiFeedback(a.ident+"_fb", a.feedback))
	}
	return n, nil
}

// qtiAnswers lists an item's answers in written order.
func qtiAnswers(it item) ([]qtiAnswer, error) {
	q := it.q
	switch it.kind {
	case kindShort:
		out := make([]qtiAnswer, len(q.Accepted))
		for i, a := range q.Accepted {
			out[i] = qtiAnswer{ident: answerIdent(q.ID, i), text: plainText(a), correct: true}
		}
		return out, nil
	case kindNumeric:
		return []qtiAnswer{{ident: answerIdent(q.ID, 0), text: formatNumber(it.numeric.Value), correct: true}}, nil
	}
	out := make([]qtiAnswer, len(q.Choices))
	for i, c := range q.Choices {
		h, err := inlineHTML(c.Text)
		if err != nil {
			return nil, err
		}
		fb, err := markdownHTML(c.Feedback)
		if err != nil {
			return nil, err
		}
		out[i] = qtiAnswer{ident: answerIdent(q.ID, i), html: h, correct: c.Correct, feedback: fb}
	}
	return out, nil
}

func qtiMaterial(html string) *node {
	return el("material", textEl("mattext", html).attr("texttype", "text/html"))
}

// qtiResponseOf is what the learner answers with: a list of choices or a text box.
func qtiResponseOf(it item, answers []qtiAnswer) *node {
	switch it.kind {
	case kindShort:
		return el("response_str",
			el("render_fib", el("response_label").attr("ident", "answer1", "rshuffle", "No")),
		).attr("ident", qtiResponse, "rcardinality", "Single")
	case kindNumeric:
		return el("response_str",
			el("render_fib", el("response_label").attr("ident", "answer1")).attr("fibtype", "Decimal"),
		).attr("ident", qtiResponse, "rcardinality", "Single")
	}
	cardinality := "Single"
	if it.kind == kindMultiple {
		cardinality = "Multiple"
	}
	choices := el("render_choice")
	for _, a := range answers {
		choices.add(el("response_label", qtiMaterial(a.html)).attr("ident", a.ident))
	}
	return el("response_lid", choices).attr("ident", qtiResponse, "rcardinality", cardinality)
}

// qtiResprocessing scores the item and shows feedback, in the order Canvas's resprocessing writes
// its conditions: general feedback, each answer's feedback (continue="Yes", so processing goes
// on), then the one condition that sets SCORE to 100 for a right answer (continue="No").
func qtiResprocessing(it item, answers []qtiAnswer, general bool) *node {
	n := el("resprocessing", el("outcomes",
		el("decvar").attr("maxvalue", "100", "minvalue", "0", "varname", "SCORE", "vartype", "Decimal")))
	if general {
		n.add(qtiCondition("Yes", el("conditionvar", el("other")), qtiDisplay("general_fb")))
	}
	for _, a := range answers {
		if a.feedback == "" {
			continue
		}
		value := a.ident
		if it.kind == kindShort {
			value = a.text // Canvas matches short answers by their text
		}
		n.add(qtiCondition("Yes", el("conditionvar", qtiVarequal(value)), qtiDisplay(a.ident+"_fb")))
	}
	score := textEl("setvar", "100").attr("action", "Set", "varname", "SCORE")
	return n.add(qtiCondition("No", qtiScoreCondition(it, answers), score))
}

// qtiScoreCondition is true for a right answer.
func qtiScoreCondition(it item, answers []qtiAnswer) *node {
	cond := el("conditionvar")
	switch it.kind {
	case kindMultiple:
		// Every right choice ticked and every wrong one not, as in multiple_answers_resprocessing.
		and := el("and")
		for _, a := range answers {
			if a.correct {
				and.add(qtiVarequal(a.ident))
			} else {
				and.add(el("not", qtiVarequal(a.ident)))
			}
		}
		return cond.add(and)
	case kindShort:
		for _, a := range answers {
			cond.add(qtiVarequal(a.text))
		}
		return cond
	case kindNumeric:
		num := it.numeric
		return cond.add(el("or",
			qtiVarequal(formatNumber(num.Value)),
			el("and",
				textEl("vargte", formatNumber(num.Min)).attr("respident", qtiResponse),
				textEl("varlte", formatNumber(num.Max)).attr("respident", qtiResponse)),
		))
	}
	for _, a := range answers {
		if a.correct {
			return cond.add(qtiVarequal(a.ident))
		}
	}
	return cond
}

func qtiCondition(cont string, cond *node, then ...*node) *node {
	return el("respcondition", cond).add(then...).attr("continue", cont)
}

func qtiVarequal(value string) *node {
	return textEl("varequal", value).attr("respident", qtiResponse)
}

func qtiDisplay(ident string) *node {
	return el("displayfeedback").attr("feedbacktype", "Response", "linkrefid", ident)
}

// qtiFeedback is an itemfeedback, or nil when there is nothing to say.
func qtiFeedback(ident, html string) *node {
	if html == "" {
		return nil
	}
	return el("itemfeedback", el("flow_mat", qtiMaterial(html))).attr("ident", ident)
}
